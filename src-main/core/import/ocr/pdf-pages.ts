// A PDF page without a text layer drawn as an image for OCR, offline: pdf.js
// (through unpdf, as the text reader uses) renders it onto an @napi-rs/canvas
// at 300 dpi, or less when the page is so large that 300 dpi would pass the
// pixel limit (image-header.ts).
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from './image-header';

export const OCR_DPI = 300;

type PDFDocumentProxy = Awaited<ReturnType<typeof import('unpdf').getDocumentProxy>>;

/** The scale (pixels per PDF point) for a page of this size: 300 dpi, capped by the pixel limits. */
export function rasterScale(widthPt: number, heightPt: number, dpi = OCR_DPI): number {
  const wanted = dpi / 72;
  const byPixels = Math.sqrt(MAX_IMAGE_PIXELS / Math.max(1, widthPt * heightPt));
  const bySide = MAX_IMAGE_SIDE / Math.max(1, widthPt, heightPt);
  return Math.min(wanted, byPixels, bySide);
}

/** PNG bytes of one page (1-based). */
export async function renderPdfPage(pdf: PDFDocumentProxy, pageNumber: number, dpi = OCR_DPI): Promise<Buffer> {
  const { renderPageAsImage } = await import('unpdf');
  const page = await pdf.getPage(pageNumber);
  const { width, height } = page.getViewport({ scale: 1 });
  const scale = rasterScale(width, height, dpi);
  const png = await renderPageAsImage(pdf, pageNumber, { canvasImport: () => import('@napi-rs/canvas'), scale });
  return Buffer.from(png);
}
