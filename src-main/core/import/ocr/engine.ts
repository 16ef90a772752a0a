// Reads page images with OCR (tesseract.js, Norwegian trained data shipped in
// resources/tessdata) off the core's thread: tesseract runs in its own worker
// thread, one page at a time. Nothing is ever fetched: the trained data is
// read from the local folder the caller names, and with it missing OCR fails
// (tesseract.js only downloads when given no path or a URL, which this module
// never passes). A cancel terminates the worker at once.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ImportError } from '../../input/errors';
import { throwIfCancelled } from '../cancel';
import { imageHeader } from './image-header';

/** Words read with a confidence below this (0–100) are flagged for review. */
export const LOW_CONFIDENCE = 60;
/** At most this many flagged words are kept per response (the rest are counted). */
export const MAX_REVIEW_WORDS = 500;

export interface OcrWord {
  page: number;
  word: string;
  confidence: number;
  /** Where the word stands on its page: left, top, right, bottom as shares (0–1) of the page's width and height, so a copy of the page drawn at any size can mark it. */
  box?: [number, number, number, number];
}

export interface OcrResult {
  /** The pages' text, joined in order. */
  pageTexts: string[];
  /** Mean word confidence over all pages, 0–100 (rounded). */
  confidence: number;
  words: number;
  /** Words below LOW_CONFIDENCE, in reading order (at most MAX_REVIEW_WORDS). */
  review: OcrWord[];
  lowWords: number;
}

export interface OcrOptions {
  /** The folder holding nor.traineddata (resources/tessdata). */
  langPath: string;
  signal?: AbortSignal;
  /** Called before each page is read: page is 1-based. */
  onPage?: (page: number, pages: number) => void;
}

/** A page to read: its number in the source and a function making its image (PNG or JPEG/TIFF bytes) just when needed. */
export interface OcrPage {
  number: number;
  image: () => Promise<Buffer>;
}

export const TRAINED_DATA = 'nor.traineddata';

/** tesseract's plain text: paragraphs come apart by blank lines; a letter's lines are what the splitter needs. */
export function tidyOcrText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

interface TesseractWord {
  text: string;
  confidence: number;
  bbox?: { x0: number; y0: number; x1: number; y1: number };
}

/** A word's pixel box as shares of the page (four decimals: a tenth of a pixel on an A4 page at 300 dpi); none without a box or a size. */
export function shareBox(bbox: TesseractWord['bbox'], width: number, height: number): OcrWord['box'] {
  if (!bbox || width <= 0 || height <= 0) return undefined;
  const share = (v: number, of: number) => Math.round(Math.min(1, Math.max(0, v / of)) * 10_000) / 10_000;
  return [share(bbox.x0, width), share(bbox.y0, height), share(bbox.x1, width), share(bbox.y1, height)];
}
interface TesseractPage {
  text: string;
  blocks: { paragraphs: { lines: { words: TesseractWord[] }[] }[] }[] | null;
}

/** Rejects with CANCELLED when the signal aborts; raced against tesseract's calls, which a terminated worker never settles. */
function untilAborted(signal: AbortSignal | undefined): Promise<never> {
  const aborted = new Promise<never>((_, reject) => {
    const stop = () => {
      try {
        throwIfCancelled(signal);
      } catch (e) {
        reject(e);
      }
    };
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop, { once: true });
  });
  aborted.catch(() => undefined);
  return aborted;
}

function pageSize(image: Buffer): { width: number; height: number } {
  try {
    return imageHeader(image);
  } catch {
    // tesseract reads more than the header reader knows (a BMP); such a page's words are kept without a place.
    return { width: 0, height: 0 };
  }
}

export async function recognisePages(pages: OcrPage[], options: OcrOptions): Promise<OcrResult> {
  const dataFile = path.join(options.langPath, TRAINED_DATA);
  if (!path.isAbsolute(options.langPath) || !existsSync(dataFile)) {
    throw new ImportError('OCR_UNAVAILABLE', `The Norwegian OCR data (${TRAINED_DATA}) is missing from ${options.langPath}; reinstall Innspill`);
  }
  throwIfCancelled(options.signal);
  const { createWorker } = await import('tesseract.js');
  const aborted = untilAborted(options.signal);
  const starting = createWorker('nor', 1, { langPath: options.langPath, gzip: false, cacheMethod: 'none', errorHandler: () => undefined });
  let worker: Awaited<typeof starting>;
  try {
    worker = await Promise.race([starting, aborted]);
  } catch (e) {
    void starting.then((w) => w.terminate()).catch(() => undefined);
    throw e;
  }
  // The worker thread is stopped the moment the user cancels, not after the page it is reading.
  const onAbort = () => void worker.terminate().catch(() => undefined);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const pageTexts: string[] = [];
  const review: OcrWord[] = [];
  let sum = 0;
  let words = 0;
  let lowWords = 0;
  try {
    for (const [i, page] of pages.entries()) {
      throwIfCancelled(options.signal);
      options.onPage?.(i + 1, pages.length);
      const image = await page.image();
      throwIfCancelled(options.signal);
      // The page's size from its header, to place flagged words on any copy of the page.
      const size = pageSize(image);
      let data: TesseractPage;
      try {
        ({ data } = await Promise.race([worker.recognize(image, {}, { text: true, blocks: true }), aborted]));
      } catch (e) {
        throwIfCancelled(options.signal);
        throw new ImportError('OCR_FAILED', `OCR could not read page ${page.number} (${e instanceof Error ? e.message : String(e)})`, `side ${page.number}`);
      }
      pageTexts.push(tidyOcrText(data.text));
      for (const block of data.blocks ?? []) {
        for (const paragraph of block.paragraphs) {
          for (const line of paragraph.lines) {
            for (const word of line.words) {
              if (word.text.trim() === '') continue;
              words++;
              sum += word.confidence;
              if (word.confidence < LOW_CONFIDENCE) {
                lowWords++;
                if (review.length < MAX_REVIEW_WORDS) {
                  const box = shareBox(word.bbox, size.width, size.height);
                  review.push({ page: page.number, word: word.text, confidence: Math.round(word.confidence), ...(box ? { box } : {}) });
                }
              }
            }
          }
        }
      }
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await worker.terminate().catch(() => undefined);
  }
  return { pageTexts, confidence: words ? Math.round(sum / words) : 0, words, review, lowWords };
}
