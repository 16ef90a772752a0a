// Letters, one municipality's response per file: DOCX (mammoth), PDF (the
// text layer, via unpdf in a time-limited worker (pdf-text.ts); pages without one are read with OCR)
// and plain text.
import mammoth from 'mammoth';
import { ImportError } from '../../input/errors';
import { decodeText } from '../../input/decode';
import type { ParsedLetter, ReadContext } from './types';
import { recognisePages } from '../ocr/engine';
import { renderPdfPage } from '../ocr/pdf-pages';
import { messageOf } from '../../caught';
import { importLimits, type ImportLimits } from '../../input/limits';
import { pdfPageTexts } from './pdf-text';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export async function readDocx(bytes: Buffer): Promise<ParsedLetter> {
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new ImportError('BAD_DOCX', 'Not a valid Word document (DOCX files are ZIP archives; this one is not)');
  }
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer: bytes }));
  } catch (e) {
    throw new ImportError('BAD_DOCX', `The Word document is damaged (${messageOf(e)})`);
  }
  // mammoth separates paragraphs with a blank line; one line break reads better.
  return { kind: 'letter', format: 'docx', text: value.replace(/\n\n/g, '\n'), warnings: [] };
}

export async function readPdf(bytes: Buffer, context: ReadContext = {}, limits: Pick<ImportLimits, 'maxPdfMs'> = importLimits): Promise<ParsedLetter> {
  // The text layer in a worker with a time limit (a hostile PDF can hold pdf.js for minutes).
  const pages = await pdfPageTexts(bytes, limits.maxPdfMs);
  // Pages without a text layer (scanned) are read with OCR; the others keep their text.
  const scanned = pages.flatMap((p, i) => (p.trim() === '' ? [i + 1] : []));
  if (scanned.length === 0) return { kind: 'letter', format: 'pdf', text: pages.join('\n'), pages: pages.length, warnings: [] };
  if (!context.ocr) {
    throw new ImportError(
      'NO_TEXT_LAYER',
      'The PDF has no text layer (probably a scanned image); run it through OCR or import the original document',
      `${pages.length} sider`,
    );
  }
  // Drawing scanned pages for OCR needs the document here; its text layer was read within the limit above.
  const { getDocumentProxy } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch (e) {
    throw new ImportError('BAD_PDF', `The PDF is damaged or encrypted (${messageOf(e)})`);
  }
  const result = await recognisePages(
    scanned.map((n) => ({ number: n, image: () => renderPdfPage(pdf, n) })),
    context.ocr,
  );
  scanned.forEach((n, i) => (pages[n - 1] = result.pageTexts[i]));
  if (pages.every((p) => p.trim() === '')) {
    throw new ImportError('NO_TEXT_LAYER', 'The PDF has no text layer, and OCR found no text on its pages', `${pages.length} sider`);
  }
  return {
    kind: 'letter',
    format: 'pdf',
    text: pages.join('\n'),
    pages: pages.length,
    ocr: { pages: scanned.length, pageNumbers: scanned, confidence: result.confidence, review: result.review, lowWords: result.lowWords },
    warnings: [],
  };
}

export function readTxt(bytes: Buffer): ParsedLetter {
  const { text, encoding } = decodeText(bytes);
  return { kind: 'letter', format: 'txt', encoding, text, warnings: [] };
}
