// Scanned letters made from text whose truth is known: the lines typeset on
// A4 pages (Inter, 11 pt) and rasterised with @napi-rs/canvas at a chosen
// resolution, optionally skewed and speckled like a photocopy, as PNG pages or
// wrapped into a PDF that has no text layer. Used by the OCR tests and by the
// OCR benchmark (bench/ocr.ts).
import path from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { mulberry32 } from '../../src-shared/rng';

const FONT = 'InnspillScanFont';
GlobalFonts.registerFromPath(path.join(__dirname, '..', '..', 'resources', 'fonts', 'Inter-Regular.ttf'), FONT);

export interface ScanOptions {
  dpi: number;
  /** Rotation in degrees (a page fed in crooked). */
  skew?: number;
  /** Share of pixels flipped to black or white (speckle), e.g. 0.01. */
  noise?: number;
  seed?: number;
}

const A4_INCHES = { width: 8.27, height: 11.69 };

const random = (seed: number): (() => number) => mulberry32(seed).next;

/** The text's lines wrapped to the page width and cut into pages, as they are drawn. */
export function layoutLines(lines: string[], dpi: number): string[][] {
  const canvas = createCanvas(10, 10);
  const g = canvas.getContext('2d');
  g.font = `${(11 / 72) * dpi}px ${FONT}`;
  const width = (A4_INCHES.width - 2) * dpi;
  const perPage = Math.floor(((A4_INCHES.height - 2) * dpi) / ((15 / 72) * dpi));
  const wrapped: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    let current = '';
    for (const word of line.split(/\s+/)) {
      const next = current ? `${current} ${word}` : word;
      if (current && g.measureText(next).width > width) {
        wrapped.push(current);
        current = word;
      } else current = next;
    }
    if (current) wrapped.push(current);
  }
  const pages: string[][] = [];
  for (let i = 0; i < wrapped.length; i += perPage) pages.push(wrapped.slice(i, i + perPage));
  return pages;
}

/** One PNG per A4 page. */
export function scanPages(lines: string[], options: ScanOptions): Buffer[] {
  const { dpi } = options;
  const next = random(options.seed ?? 1);
  return layoutLines(lines, dpi).map((pageLines) => {
    const w = Math.round(A4_INCHES.width * dpi);
    const h = Math.round(A4_INCHES.height * dpi);
    const canvas = createCanvas(w, h);
    const g = canvas.getContext('2d');
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, w, h);
    g.save();
    if (options.skew) {
      g.translate(w / 2, h / 2);
      g.rotate((options.skew * Math.PI) / 180);
      g.translate(-w / 2, -h / 2);
    }
    g.fillStyle = '#1a1a1a';
    g.font = `${(11 / 72) * dpi}px ${FONT}`;
    pageLines.forEach((line, i) => g.fillText(line, dpi, dpi + (i + 1) * (15 / 72) * dpi));
    g.restore();
    if (options.noise) {
      const image = g.getImageData(0, 0, w, h);
      const flips = Math.round(w * h * options.noise);
      for (let k = 0; k < flips; k++) {
        const at = Math.floor(next() * w * h) * 4;
        const v = next() < 0.5 ? 0 : 255;
        image.data[at] = image.data[at + 1] = image.data[at + 2] = v;
      }
      g.putImageData(image, 0, 0);
    }
    return canvas.toBuffer('image/png');
  });
}

/** A PDF of page images only: no text layer, as a scanner makes it. */
export async function scannedPdf(pages: Buffer[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (const png of pages) {
    const image = await pdf.embedPng(png);
    const page = pdf.addPage([A4_INCHES.width * 72, A4_INCHES.height * 72]);
    page.drawImage(image, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  }
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

/** A PNG whose header claims width × height pixels: a decompression bomb (the data is never valid). */
export function pngHeaderClaiming(width: number, height: number): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  header[24] = 8;
  header[25] = 0;
  return Buffer.concat([header, Buffer.alloc(1024)]);
}
