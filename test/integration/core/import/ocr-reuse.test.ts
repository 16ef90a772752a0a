// A scan is read with OCR once, whether it is a scanned file or a scanned PDF
// attached to an e-mail: the import screen's preview reads it, and the import
// that follows takes that reading (ocr-readings.ts) instead of reading the
// pages again. OCR itself is counted here, through a stand-in engine that
// returns the letter's known text, so the count is exact and the test quick
// (ocr.test.ts reads real scans with the real engine).
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../../src-main/core';
import { importPaths, previewPaths } from '../../../../src-main/core/import/service';
import { forgetReadings } from '../../../../src-main/core/import/ocr-readings';
import { tempDir, testCore } from '../../../helpers/core';
import { writeFiles } from '../../../helpers/import-fixtures';
import { scanPages, scannedPdf } from '../../../helpers/scan-fixtures';
import { attachment, message, multipart, textPart } from '../../../../scripts/make-mail-fixtures';
import { testApi } from '../../../helpers/api';

const runs = vi.hoisted(() => ({ pages: [] as number[][] }));

vi.mock('../../../../src-main/core/import/ocr/engine', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../src-main/core/import/ocr/engine')>();
  return {
    ...original,
    recognisePages: vi.fn(async (pages: { number: number }[]) => {
      runs.pages.push(pages.map((p) => p.number));
      return { pageTexts: pages.map(() => LETTER.join('\n')), confidence: 88, words: 40, review: [{ page: 1, word: 'bemanningen', confidence: 41 }], lowWords: 1 };
    }),
  };
});

const LETTER = [
  'Bodø kommune',
  'Dato: 12.03.2024',
  'Spørsmål 1: Utfordringer',
  'Kommunen ser økt kriminalitet blant unge og behov for bedre beredskap.',
  'Spørsmål 2: Tilfredshet',
  'Nei, vi er ikke tilfreds med bemanningen ved tjenestestedet.',
];

let dir: string;
let cleanup: () => void;
let core: Core;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  core = testCore(dir);
  await testApi(core).project.create({ path: 'skann.innspill', template: 'brev-kommunene-2022' });
  runs.pages = [];
  forgetReadings();
});
afterEach(async () => {
  await core.dispose();
  cleanup();
});

describe('one OCR reading per scan, from preview to import', () => {
  it('previews then imports a scanned file and an e-mail with a scanned attachment, reading each scan once', async () => {
    const mailed = await scannedPdf(scanPages(LETTER, { dpi: 100, seed: 11 }));
    const eml = message(
      { From: 'Postmottak <postmottak@bodo.kommune.no>', Subject: 'Høringssvar', Date: 'Tue, 12 Mar 2024 10:00:00 +0100', 'Message-ID': '<skann-2@bodo.kommune.no>' },
      multipart('mixed', 'innspill-skann', [textPart('Vedlagt følger vårt skannede høringssvar.', 'utf-8', '8bit'), attachment('skannet brev.pdf', 'application/pdf', mailed)]),
    );
    const files = writeFiles(path.join(dir, 'inn'), {
      'fauske-skannet.pdf': await scannedPdf(scanPages(LETTER.map((l) => l.replace('Bodø', 'Fauske')), { dpi: 100, seed: 12 })),
      'epost.eml': eml,
    });
    const store = core.session.requireStore();
    const options = { ocrDataDir: path.join(dir, 'tessdata') };

    const preview = await previewPaths(store, files, options);
    expect(preview.files.map((f) => [path.basename(f.path), f.status])).toEqual([
      ['fauske-skannet.pdf', 'ready'],
      ['epost.eml', 'ready'],
    ]);
    expect(runs.pages).toEqual([[1], [1]]);

    const report = await importPaths(store, files, core.session.deps, options);
    expect(report.files.map((f) => [path.basename(f.path), f.status])).toEqual([
      ['fauske-skannet.pdf', 'imported'],
      ['epost.eml', 'imported'],
    ]);
    // Still two: the import took the preview's readings.
    expect(runs.pages).toEqual([[1], [1]]);
    // And the readings it took are whole: the e-mail's letter is the scan, split and marked «lest med OCR».
    const mail = report.files[1];
    expect(mail.email).toMatchObject({ letter: 'skannet brev.pdf', letterReason: 'splits' });
    expect(mail.warnings.find((w) => w.code === 'READ_WITH_OCR')?.message).toMatch(/^Lest med OCR \(1 side\), gjennomsnittlig ordsikkerhet 88 %; 1 ord/);
    const rows = store.sqlite.prepare('SELECT ocr_confidence FROM response ORDER BY ocr_confidence').all();
    expect(rows).toEqual([{ ocr_confidence: 88 }, { ocr_confidence: 88 }]);
  }, 120_000);

  it('reads again a file that differs by one byte', async () => {
    const pdf = await scannedPdf(scanPages(LETTER, { dpi: 100, seed: 13 }));
    const store = core.session.requireStore();
    const options = { ocrDataDir: path.join(dir, 'tessdata') };
    await previewPaths(store, writeFiles(path.join(dir, 'a'), { 'skannet.pdf': pdf }), options);
    await previewPaths(store, writeFiles(path.join(dir, 'b'), { 'skannet.pdf': Buffer.concat([pdf, Buffer.from('\n')]) }), options);
    expect(runs.pages).toHaveLength(2);
    await importPaths(store, writeFiles(path.join(dir, 'c'), { 'skannet.pdf': pdf }), core.session.deps, options);
    expect(runs.pages).toHaveLength(2);
  }, 120_000);
});
