// One page of a response read with OCR, drawn for the coding view so the
// caseworker can check the text against the scan: the page comes from the
// stored source file (a scanned PDF or image, or the scanned PDF attached to
// a stored e-mail) — never from anywhere else — with the words read with low
// confidence and their places on the page.
import path from 'node:path';
import type { OcrPageImage, OcrReading } from '../../../src-shared/domain';
import { ApiError } from '../../../src-shared/errors';
import { readEmail } from '../import/formats/email';
import { imageHeader } from '../import/ocr/image-header';
import { renderPdfPage } from '../import/ocr/pdf-pages';
import { importLimits } from '../input/limits';
import type { Store } from '../store/open';
import { parseOcrReading } from '../store/reports';

/** Pages are drawn at this resolution for the screen (OCR read them at 300 dpi; the marks are shares of the page, so they fit either). */
export const VIEW_DPI = 150;

/** The source's pages that were read with OCR: as stored, or, for a reading stored before they were kept, 1 to the count. */
export function ocrPages(reading: OcrReading): number[] {
  if (reading.pageNumbers && reading.pageNumbers.length > 0) return reading.pageNumbers;
  return Array.from({ length: Math.max(1, reading.pages) }, (_, i) => i + 1);
}

/** The scanned document itself: the stored file, or the attachment of a stored e-mail that its locator names. */
async function scannedDocument(name: string, content: Buffer, locator: string): Promise<{ name: string; bytes: Buffer }> {
  const ext = path.extname(name).toLowerCase();
  if (ext !== '.eml' && ext !== '.msg') return { name, bytes: content };
  const attachmentName = /^vedlegg «(.+?)»/.exec(locator)?.[1];
  const email = await readEmail(ext === '.eml' ? 'eml' : 'msg', content, { ...importLimits });
  const attachment = attachmentName ? email.attachments.find((a) => a.name === attachmentName) : undefined;
  if (!attachment) throw new ApiError('NOT_FOUND', `The scanned attachment of ${name} was not found in the stored e-mail`);
  return { name: attachment.name, bytes: attachment.bytes };
}

async function drawPdfPage(bytes: Buffer, page: number): Promise<{ png: Buffer; width: number; height: number }> {
  const { getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    if (page > pdf.numPages) throw new ApiError('NOT_FOUND', `The stored PDF has ${pdf.numPages} pages, not ${page}`);
    const png = await renderPdfPage(pdf, page, VIEW_DPI);
    const { width, height } = imageHeader(png);
    return { png, width, height };
  } finally {
    // The document's worker-side resources go with its loading task.
    await pdf.loadingTask.destroy();
  }
}

export async function ocrPageOf(store: Store, responseId: string, page?: number): Promise<OcrPageImage> {
  const row = await store.db
    .selectFrom('response as r')
    .innerJoin('source_file as f', 'f.id', 'r.source_file_id')
    .select(['r.locator', 'r.ocr_reading', 'f.name', 'f.content'])
    .where('r.id', '=', responseId)
    .executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', `No source file is kept for response ${responseId}`);
  if (!row.ocr_reading) throw new ApiError('NOT_FOUND', `Response ${responseId} was not read with OCR`);
  const reading = parseOcrReading(row.ocr_reading);
  const pages = ocrPages(reading);
  const shown = page ?? pages[0];
  if (!pages.includes(shown)) throw new ApiError('NOT_FOUND', `Page ${shown} was not read with OCR (pages ${pages.join(', ')} were)`);
  const words = reading.review.filter((w) => w.page === shown);
  const doc = await scannedDocument(row.name, Buffer.from(row.content), row.locator);
  const base = { page: shown, pages, words };
  if (path.extname(doc.name).toLowerCase() === '.pdf') {
    const { png, width, height } = await drawPdfPage(doc.bytes, shown);
    return { ...base, src: `data:image/png;base64,${png.toString('base64')}`, width, height };
  }
  const header = imageHeader(doc.bytes);
  // The screen draws PNG and JPEG as they are; a TIFF it cannot, and the view says so (the original file is kept).
  if (header.format === 'tiff') return { ...base, src: null, width: header.width, height: header.height };
  return { ...base, src: `data:image/${header.format};base64,${doc.bytes.toString('base64')}`, width: header.width, height: header.height };
}
