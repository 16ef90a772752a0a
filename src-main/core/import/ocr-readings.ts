// Reads a file or an e-mail's attachment, remembering the last few readings
// that took OCR by the SHA-256 of the bytes read: OCR takes seconds a page,
// and the import screen's preview and the import that follows it read the
// same scans — a scanned file and a scanned PDF attached to an e-mail alike.
// Readings without OCR are cheap and are not kept; a reading that failed or
// was cancelled is never kept.
import type { ImportLimits } from '../input/limits';
import { sha256OfBytes } from '../input/hash';
import { readSource } from './formats/read';
import type { ParsedSource, ReadContext } from './formats/types';

/** How many OCR readings are kept (the newest); a batch previewed and imported in turn finds each again. */
export const REMEMBERED_READINGS = 16;

const readings = new Map<string, ParsedSource>();

function remember(hash: string, parsed: ParsedSource): void {
  readings.delete(hash);
  readings.set(hash, parsed);
  // Map keys iterate oldest first; deleting the key just visited is safe during the walk.
  for (const oldest of readings.keys()) {
    if (readings.size <= REMEMBERED_READINGS) break;
    readings.delete(oldest);
  }
}

/**
 * readSource, unless these bytes were read with OCR lately. `hash` is the
 * bytes' SHA-256 when the caller has it already (a whole file is hashed in
 * slices before it is read); an attachment's is computed here.
 */
export async function readRemembered(name: string, bytes: Buffer, limits: ImportLimits, context: ReadContext = {}, hash?: string): Promise<ParsedSource> {
  const key = hash ?? sha256OfBytes(bytes);
  const known = readings.get(key);
  if (known) return known;
  const parsed = await readSource(name, bytes, limits, context);
  if (parsed.kind === 'letter' && parsed.ocr) remember(key, parsed);
  return parsed;
}

/** Forgets every reading (tests start from nothing). */
export function forgetReadings(): void {
  readings.clear();
}
