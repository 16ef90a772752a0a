// A scanned letter as an image (PNG, JPEG, TIFF): its size checked from the
// header first (ocr/image-header.ts refuses decompression bombs), then read
// with OCR as one page.
import { ImportError } from '../../input/errors';
import { imageHeader } from '../ocr/image-header';
import { recognisePages } from '../ocr/engine';
import type { ParsedLetter, ReadContext } from './types';

export async function readImage(bytes: Buffer, context: ReadContext): Promise<ParsedLetter> {
  const header = imageHeader(bytes);
  if (!context.ocr) throw new ImportError('OCR_UNAVAILABLE', 'OCR is not available here');
  const result = await recognisePages([{ number: 1, image: async () => bytes }], context.ocr);
  const warnings: ParsedLetter['warnings'] = [];
  if (header.morePages) warnings.push({ code: 'TIFF_FIRST_PAGE', message: 'TIFF-filen har flere sider; bare den første er lest med OCR' });
  return {
    kind: 'letter',
    format: header.format,
    text: result.pageTexts.join('\n'),
    pages: 1,
    ocr: { pages: 1, pageNumbers: [1], confidence: result.confidence, review: result.review, lowWords: result.lowWords },
    warnings,
  };
}
