// Scanned letters imported with OCR into a real project file: a PDF without a
// text layer and an image, made by rasterising a letter whose text is known;
// the response is marked «lest med OCR» with its confidence, split into the
// questions, with page progress; a cancel mid-page writes nothing; a
// decompression bomb and missing OCR data are refused with nothing written.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../src-main/core';
import { importPaths } from '../../../../src-main/core/import/service';
import { recognisePages } from '../../../../src-main/core/import/ocr/engine';
import type { ApiClient } from '../../../../src-shared/client';
import { testApi } from '../../../helpers/api';
import { tempDir, testCore } from '../../../helpers/core';
import { dumpDatabase, writeFiles } from '../../../helpers/import-fixtures';
import { pngHeaderClaiming, scanPages, scannedPdf } from '../../../helpers/scan-fixtures';
import { attachment, message, multipart, textPart } from '../../../../scripts/make-mail-fixtures';

const OCR_DATA = path.resolve(__dirname, '..', '..', '..', '..', 'resources', 'tessdata');
const LETTER = [
  'Bodø kommune',
  'Dato: 12.03.2024',
  'Høringssvar om polititjenester',
  'Spørsmål 1: Utfordringer',
  'Kommunen ser økt kriminalitet blant unge og behov for bedre beredskap.',
  'Spørsmål 2: Tilfredshet',
  'Nei, vi er ikke tilfreds med bemanningen ved tjenestestedet.',
  'Med vennlig hilsen',
  'Ordføreren i Bodø kommune',
];

let dir: string;
let cleanup: () => void;
let core: Core;
let api: ApiClient;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  core = testCore(dir);
  api = testApi(core);
  await api.project.create({ path: 'skann.innspill', template: 'brev-kommunene-2022' });
});
afterEach(async () => {
  await core.dispose();
  cleanup();
});

const store = () => core.session.requireStore();

describe('importing scanned letters with OCR', () => {
  it('reads a scanned PDF and an image into split, dated responses marked «lest med OCR»', async () => {
    const pages = scanPages(LETTER, { dpi: 200, seed: 3 });
    const files = writeFiles(path.join(dir, 'skann'), {
      'bodo-skannet.pdf': await scannedPdf(pages),
      'fauske.png': scanPages(LETTER.map((l) => l.replace(/Bodø/g, 'Fauske')), { dpi: 200, seed: 4 })[0],
    });
    // Through the API, as the import screen calls it: the handler points OCR at the shipped data.
    const report = await api.import.run({ paths: files });
    expect(report.files.map((f) => [path.basename(f.path), f.status, f.format])).toEqual([
      ['bodo-skannet.pdf', 'imported', 'pdf'],
      ['fauske.png', 'imported', 'png'],
    ]);
    expect(report.files[0].warnings.find((w) => w.code === 'READ_WITH_OCR')?.message).toMatch(/^Lest med OCR \(1 side\), gjennomsnittlig ordsikkerhet \d+ %/);

    const list = await api.responses.list({});
    const bodo = list.find((r) => r.municipality?.number === '1804');
    expect(bodo?.ocrConfidence).toBeGreaterThan(70);
    const detail = await api.responses.get({ id: bodo!.id });
    expect(detail.receivedDate).toBe('2024-03-12');
    expect(detail.answers.filter((a) => a.questionOrdinal !== null).map((a) => a.questionOrdinal)).toEqual([1, 2]);
    expect(detail.answers.find((a) => a.questionOrdinal === 2)?.text).toContain('ikke tilfreds med bemanningen');
    expect(detail.ocr).toMatchObject({ pages: 1, confidence: bodo!.ocrConfidence });
    expect(detail.ocr!.text).toContain('Spørsmål 1');
    expect((await api.responses.original({ id: bodo!.id })).text).toBe(detail.ocr!.text);
    // The page beside the text: drawn from the stored PDF; each flagged word placed on it.
    expect(detail.ocr!.pageNumbers).toEqual([1]);
    const page = await api.responses.ocrPage({ id: bodo!.id });
    expect(page).toMatchObject({ page: 1, pages: [1], words: detail.ocr!.review.filter((w) => w.page === 1) });
    expect(page.src).toMatch(/^data:image\/png;base64,/);
    for (const w of page.words) expect(w.box?.every((v) => v >= 0 && v <= 1)).toBe(true);
    const fauske = list.find((r) => r.municipality?.number === '1841');
    expect(fauske?.ocrConfidence).toBeGreaterThan(70);
    // A response from a text layer carries no OCR marker.
    expect(list.every((r) => r.ocrConfidence !== undefined)).toBe(true);
  }, 240_000);

  it('reads a scanned PDF attached to an e-mail with OCR: it is the letter, split and marked «lest med OCR»', async () => {
    const pdf = await scannedPdf(scanPages(LETTER, { dpi: 200, seed: 7 }));
    const eml = message(
      { From: 'Postmottak <postmottak@bodo.kommune.no>', To: 'postmottak@jd.dep.no', Subject: 'Høringssvar', Date: 'Tue, 12 Mar 2024 10:00:00 +0100', 'Message-ID': '<skann-1@bodo.kommune.no>' },
      multipart('mixed', 'innspill-skann', [textPart('Vedlagt følger vårt skannede høringssvar.', 'utf-8', '8bit'), attachment('skannet brev.pdf', 'application/pdf', pdf)]),
    );
    const report = await api.import.run({ paths: writeFiles(path.join(dir, 'epost'), { 'skannet-vedlegg.eml': eml }) });
    const file = report.files[0];
    expect(file).toMatchObject({ status: 'imported', format: 'eml', responses: 1 });
    expect(file.email).toMatchObject({ letter: 'skannet brev.pdf', letterReason: 'splits' });
    expect(file.warnings.find((w) => w.code === 'READ_WITH_OCR')?.message).toMatch(/^Lest med OCR \(1 side\)/);
    const [bodo] = (await api.responses.list({})).filter((r) => r.municipality?.number === '1804');
    expect(bodo.ocrConfidence).toBeGreaterThan(70);
    const detail = await api.responses.get({ id: bodo.id });
    expect(detail.answers.filter((a) => a.questionOrdinal !== null).map((a) => a.questionOrdinal)).toEqual([1, 2]);
    expect(detail.answers.find((a) => a.questionOrdinal === 2)?.text).toContain('ikke tilfreds med bemanningen');
    expect(detail.provenance.locator).toBe('vedlegg «skannet brev.pdf», 1 sider');
    // The page read with OCR is kept, and the original view shows that text, as for a scanned file.
    expect(detail.ocr).toMatchObject({ pages: 1, confidence: bodo.ocrConfidence });
    expect((await api.responses.original({ id: bodo.id })).text).toBe(detail.ocr!.text);
  }, 240_000);

  it('reports page progress and stops at a cancel during OCR, writing nothing', async () => {
    const before = dumpDatabase(store().path);
    const files = writeFiles(path.join(dir, 'skann'), { 'skannet.pdf': await scannedPdf(scanPages(LETTER, { dpi: 200 })) });
    const controller = new AbortController();
    const started = Date.now();
    const progress: string[] = [];
    await expect(
      importPaths(store(), files, core.session.deps, {
        ocrDataDir: OCR_DATA,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.step?.unit === 'pages') progress.push(`${p.current} – side ${p.step.done + 1} av ${p.step.total}`);
          if (p.step?.unit === 'pages') setTimeout(() => controller.abort(), 50);
        },
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(progress).toContainEqual(expect.stringMatching(/skannet\.pdf – side 1 av 1$/));
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(dumpDatabase(store().path)).toEqual(before);
  }, 120_000);

  it('refuses a 50,000 × 50,000 PNG with a clear message, writing nothing and decoding nothing', async () => {
    const before = dumpDatabase(store().path);
    const rss = process.memoryUsage().rss;
    const report = await importPaths(store(), writeFiles(path.join(dir, 'inn'), { 'bombe.png': pngHeaderClaiming(50_000, 50_000) }), core.session.deps, { ocrDataDir: OCR_DATA });
    expect(report.files[0]).toMatchObject({ status: 'rejected', error: { code: 'IMAGE_TOO_LARGE' } });
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1024 * 1024);
    expect(dumpDatabase(store().path)).toEqual(before);
  });

  it('never downloads OCR data: without the shipped file it refuses', async () => {
    const empty = path.join(dir, 'ingen-data');
    mkdirSync(empty);
    await expect(recognisePages([{ number: 1, image: async () => Buffer.alloc(0) }], { langPath: empty })).rejects.toMatchObject({ code: 'OCR_UNAVAILABLE' });
    const report = await importPaths(store(), writeFiles(path.join(dir, 'inn'), { 'skann.png': scanPages(['Tekst'], { dpi: 100 })[0] }), core.session.deps, {});
    expect(report.files[0]).toMatchObject({ status: 'rejected', error: { code: 'OCR_UNAVAILABLE' } });
  });
});
