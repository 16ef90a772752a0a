// Plain file checks: what a folder holds and a file's exact bytes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Files in a folder, sorted; [] if the folder does not exist. */
export function filesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

export function fileBytes(file: string): Buffer {
  return readFileSync(file);
}
