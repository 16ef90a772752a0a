// The scanned page beside the OCR text: for a response read with OCR the page
// is drawn from the stored source file — a scanned PDF, an image, the scanned
// PDF attached to a stored e-mail — with the low-confidence words and their
// places; a page not read with OCR and a response not read with OCR are
// refused. OCR is a stand-in here returning known words and boxes (ocr.test.ts
// draws a real reading's page too).
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../../src-main/core';
import { forgetReadings } from '../../../../src-main/core/import/ocr-readings';
import { imageHeader } from '../../../../src-main/core/import/ocr/image-header';
import type { ApiClient } from '../../../../src-shared/client';
import { testApi } from '../../../helpers/api';
import { tempDir, testCore } from '../../../helpers/core';
import { writeFiles } from '../../../helpers/import-fixtures';
import { scanPages, scannedPdf } from '../../../helpers/scan-fixtures';
import { attachment, message, multipart, textPart } from '../../../../scripts/make-mail-fixtures';

vi.mock('../../../../src-main/core/import/ocr/engine', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../src-main/core/import/ocr/engine')>();
  return {
    ...original,
    recognisePages: vi.fn(async (pages: { number: number }[]) => ({
      pageTexts: pages.map(() => LETTER.join('\n')),
      confidence: 84,
      words: 30,
      review: pages.map((p) => ({ page: p.number, word: 'bemanningen', confidence: 37, box: [0.31, 0.42, 0.45, 0.44] })),
      lowWords: pages.length,
    })),
  };
});

const LETTER = ['Bodø kommune', 'Dato: 12.03.2024', 'Spørsmål 1: Utfordringer', 'Kommunen ser økt kriminalitet.', 'Spørsmål 2: Tilfredshet', 'Nei, bemanningen er for lav.'];

/** A TIFF's header and first directory: enough for the size check (OCR is the stand-in here). */
function tinyTiff(width: number, height: number): Buffer {
  const b = Buffer.alloc(8 + 2 + 2 * 12 + 4);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  b.writeUInt16LE(2, 8);
  [
    [256, width],
    [257, height],
  ].forEach(([tag, value], i) => {
    const at = 10 + i * 12;
    b.writeUInt16LE(tag, at);
    b.writeUInt16LE(3, at + 2);
    b.writeUInt32LE(1, at + 4);
    b.writeUInt16LE(value, at + 8);
  });
  return b;
}

let dir: string;
let cleanup: () => void;
let core: Core;
let api: ApiClient;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  core = testCore(dir);
  api = testApi(core);
  await api.project.create({ path: 'skann.innspill', template: 'brev-kommunene-2022' });
  forgetReadings();
});
afterEach(async () => {
  await core.dispose();
  cleanup();
});

const byName = async () => {
  // Every stand-in reading says «Bodø kommune», so the scans are versions of one respondent: all are listed.
  const list = await api.responses.list({ includeSuperseded: true });
  const details = await Promise.all(list.map((r) => api.responses.get({ id: r.id })));
  return new Map(details.map((d) => [path.basename(d.provenance.fileName ?? ''), d]));
};

describe('the scanned page of a response read with OCR', () => {
  it('draws the page from the stored scanned PDF, the image and the e-mail attachment, with the flagged words and their places', async () => {
    const pdf = await scannedPdf(scanPages(LETTER, { dpi: 100, seed: 21 }));
    const png = scanPages(LETTER.map((l) => l.replace('Bodø', 'Fauske')), { dpi: 100, seed: 22 })[0];
    const eml = message(
      { From: 'Postmottak <postmottak@saltdal.kommune.no>', Subject: 'Høringssvar', Date: 'Tue, 12 Mar 2024 10:00:00 +0100', 'Message-ID': '<skann-3@saltdal.kommune.no>' },
      multipart('mixed', 'innspill-skann', [
        textPart('Vedlagt.', 'utf-8', '8bit'),
        attachment('skannet brev.pdf', 'application/pdf', await scannedPdf(scanPages(LETTER.map((l) => l.replace('Bodø', 'Saltdal')), { dpi: 100, seed: 23 }))),
      ]),
    );
    const files = writeFiles(path.join(dir, 'inn'), { 'bodo.pdf': pdf, 'fauske.png': png, 'saltdal.eml': eml, 'rana.txt': LETTER.join('\n').replace('Bodø', 'Rana') });
    const report = await api.import.run({ paths: files });
    expect(report.files.map((f) => f.status)).toEqual(['imported', 'imported', 'imported', 'imported']);
    const responses = await byName();

    // The scanned PDF: drawn at 150 dpi (an A4 page), the flagged word with its place.
    const bodo = await api.responses.ocrPage({ id: responses.get('bodo.pdf')!.id });
    expect(bodo).toMatchObject({ page: 1, pages: [1], words: [{ page: 1, word: 'bemanningen', confidence: 37, box: [0.31, 0.42, 0.45, 0.44] }] });
    expect(bodo.src).toMatch(/^data:image\/png;base64,/);
    const drawn = imageHeader(Buffer.from(bodo.src!.split(',')[1], 'base64'));
    expect([drawn.format, drawn.width, drawn.height]).toEqual(['png', bodo.width, bodo.height]);
    expect(Math.abs(bodo.width - 8.27 * 150)).toBeLessThan(3);
    expect(responses.get('bodo.pdf')!.ocr?.pageNumbers).toEqual([1]);

    // The image: shown as it was stored, byte for byte.
    const fauske = await api.responses.ocrPage({ id: responses.get('fauske.png')!.id, page: 1 });
    expect(fauske.src).toBe(`data:image/png;base64,${png.toString('base64')}`);
    expect([fauske.width, fauske.height]).toEqual([imageHeader(png).width, imageHeader(png).height]);

    // The e-mail: the page of its scanned attachment.
    const saltdal = await api.responses.ocrPage({ id: responses.get('saltdal.eml')!.id });
    expect(saltdal.src).toMatch(/^data:image\/png;base64,/);
    expect(saltdal.words).toHaveLength(1);

    // A page not read with OCR, and a response not read with OCR, are refused.
    await expect(api.responses.ocrPage({ id: responses.get('bodo.pdf')!.id, page: 2 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.responses.ocrPage({ id: responses.get('rana.txt')!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  }, 120_000);

  it('says a TIFF page cannot be drawn here, rather than showing something else', async () => {
    const report = await api.import.run({ paths: writeFiles(path.join(dir, 'inn'), { 'bodo.tif': tinyTiff(800, 1100) }) });
    expect(report.files[0].status).toBe('imported');
    const [response] = await api.responses.list({});
    expect(await api.responses.ocrPage({ id: response.id })).toMatchObject({ page: 1, pages: [1], src: null, width: 800, height: 1100 });
  });
});
