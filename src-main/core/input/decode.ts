// Turns the bytes of a text file into a string: BOMs first (UTF-8, UTF-16),
// then strict UTF-8, else Windows-1252 — the legacy encoding Norwegian
// exports use. Binary junk is refused.
import chardet from 'chardet';
import iconv from 'iconv-lite';
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

export function decodeText(bytes: Buffer): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8 (BOM)' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'UTF-16BE' };
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (sample.includes(0)) {
    // NUL bytes: UTF-16 without a BOM, or not text at all.
    const detected = chardet.detect(sample)?.toLowerCase() ?? '';
    if (detected.startsWith('utf-16') || detected.startsWith('utf-32')) {
      return { text: iconv.decode(bytes, detected), encoding: detected.toUpperCase() };
    }
  }
  if (looksBinary(bytes)) {
    throw new ImportError('NOT_TEXT', 'The file is not text (it contains binary data); check that it is really a CSV, TSV or TXT file');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: a legacy encoding.
  }
  // Not chardet's guess: on a short Norwegian file (a few æøå) it often names
  // windows-1257, ISO-8859-9 or even Shift_JIS, which garbles the letters.
  // Legacy Norwegian exports are Windows-1252 (ISO-8859-1 and -15 read the
  // same for ordinary text).
  return { text: iconv.decode(bytes, 'windows-1252'), encoding: 'WINDOWS-1252' };
}
