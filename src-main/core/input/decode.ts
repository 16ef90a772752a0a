// Turns the bytes of a text file into a string: BOMs first (UTF-8, UTF-16),
// then strict UTF-8, else Windows-1252 — the legacy encoding Norwegian
// exports use. Binary junk is refused. Large files decode in slices, so a
// caller can let the event loop turn between them.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { StringDecoder } from 'node:string_decoder';
import { runAtOnce, runTurning, SLICE_BYTES, type Sliced, type Turn } from '../eventLoop';
import { ImportError } from './errors';

export interface DecodedText {
  text: string;
  encoding: string;
}

function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > sample.length * 0.01;
}

/** How much the detector reads: enough to judge, cheap on a 50 MB export. */
const SAMPLE_BYTES = 256 * 1024;

/** Decodes in slices with a streaming decoder (which keeps a character split across two slices whole). */
function* decodeSlices(bytes: Buffer, decoder: { write(slice: Buffer): string; end(): string | undefined }): Sliced<string> {
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    parts.push(decoder.write(bytes.subarray(at, at + SLICE_BYTES)));
    yield;
  }
  parts.push(decoder.end() ?? '');
  return parts.join('');
}

/** iconv-lite's streaming decoder (it strips a BOM as iconv.decode does). */
const iconvDecoder = (encoding: string) => iconv.getDecoder(encoding);

/** Strict UTF-8: throws on the first invalid sequence. */
function strictUtf8() {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return { write: (slice: Buffer) => decoder.decode(slice, { stream: true }), end: () => decoder.decode() };
}

/**
 * The decoding written once, yielding between slices of about a megabyte:
 * `decodeText` runs it at once, `decodeTextTurning` lets the event loop turn
 * between slices (a 10 MB export takes a good while to decode).
 */
function* decoding(bytes: Buffer): Sliced<DecodedText> {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: yield* decodeSlices(bytes.subarray(3), new StringDecoder('utf8')), encoding: 'UTF-8 (BOM)' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: yield* decodeSlices(bytes.subarray(2), iconvDecoder('utf-16le')), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: yield* decodeSlices(bytes.subarray(2), iconvDecoder('utf-16be')), encoding: 'UTF-16BE' };
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (sample.includes(0)) {
    // NUL bytes: UTF-16 without a BOM, or not text at all.
    const detected = chardet.detect(sample)?.toLowerCase() ?? '';
    if (detected.startsWith('utf-16') || detected.startsWith('utf-32')) {
      return { text: yield* decodeSlices(bytes, iconvDecoder(detected)), encoding: detected.toUpperCase() };
    }
  }
  if (looksBinary(bytes)) {
    throw new ImportError('NOT_TEXT', 'The file is not text (it contains binary data); check that it is really a CSV, TSV or TXT file');
  }
  try {
    return { text: yield* decodeSlices(bytes, strictUtf8()), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: a legacy encoding.
  }
  // Not chardet's guess: on a short Norwegian file (a few æøå) it often names
  // windows-1257, ISO-8859-9 or even Shift_JIS, which garbles the letters.
  // Legacy Norwegian exports are Windows-1252 (ISO-8859-1 and -15 read the
  // same for ordinary text).
  return { text: yield* decodeSlices(bytes, iconvDecoder('windows-1252')), encoding: 'WINDOWS-1252' };
}

export function decodeText(bytes: Buffer): DecodedText {
  return runAtOnce(decoding(bytes));
}

/** As decodeText, awaiting `turn` between slices. */
export function decodeTextTurning(bytes: Buffer, turn: Turn): Promise<DecodedText> {
  return runTurning(decoding(bytes), turn);
}
