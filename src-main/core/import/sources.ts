// Expands what the user chose (files, folders, ZIP archives) into the files
// to import. Folders are walked without following links; ZIP archives are
// read with zip/read-guarded.ts (an archive with a path that climbs out or that
// looks like a zip bomb is refused whole).
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ImportError } from '../input/errors';
import type { ImportLimits } from '../input/limits';
import { readZipEntries } from '../zip/read-guarded';

export interface SourceUnit {
  /** What the user sees: the file path, or "archive.zip/inner/file.csv". */
  displayPath: string;
  name: string;
  /** The bytes, or the error that stopped us reading them. */
  bytes?: Buffer;
  error?: ImportError;
}

function skipName(name: string): boolean {
  const base = path.basename(name);
  return base.startsWith('.') || base.startsWith('~$') || name.startsWith('__MACOSX/') || base === 'Thumbs.db';
}

async function expandFile(displayPath: string, name: string, bytes: Buffer, limits: ImportLimits): Promise<SourceUnit[]> {
  if (path.extname(name).toLowerCase() !== '.zip') return [{ displayPath, name, bytes }];
  try {
    const entries = await readZipEntries(bytes, limits, (entry) => !skipName(entry));
    return entries.map((e): SourceUnit => {
      const unit = { displayPath: `${displayPath}/${e.name}`, name: path.basename(e.name) };
      // Nested archives are not unpacked further: each is reported as unsupported.
      return path.extname(unit.name).toLowerCase() === '.zip'
        ? { ...unit, error: new ImportError('UNSUPPORTED_FORMAT', 'ZIP archives inside ZIP archives are not unpacked') }
        : { ...unit, bytes: e.bytes };
    });
  } catch (e) {
    return [{ displayPath, name, error: e as ImportError }];
  }
}

/**
 * @param displayRoot files under this folder are shown by their path below
 *   the folder's first level (staged uploads: "<root>/<id>/svar.csv" → "svar.csv").
 */
export async function collectSources(inputs: string[], limits: ImportLimits, displayRoot?: string): Promise<SourceUnit[]> {
  const units: SourceUnit[] = [];
  // Shown as the user named it; staged uploads by their own relative name.
  const shown = (full: string, given: string) => {
    if (!displayRoot) return given;
    const rel = path.relative(displayRoot, full);
    return rel.startsWith('..') || path.isAbsolute(rel) ? given : rel.split(path.sep).slice(1).join('/') || rel;
  };
  const visit = async (full: string, given: string) => {
    const display = shown(full, given);
    let st;
    try {
      st = lstatSync(full);
    } catch {
      units.push({ displayPath: display, name: path.basename(full), error: new ImportError('NOT_FOUND', 'File or folder not found') });
      return;
    }
    if (st.isSymbolicLink()) return;
    if (st.isDirectory()) {
      const names = readdirSync(full).sort();
      for (const n of names) if (!skipName(n)) await visit(path.join(full, n), path.join(given, n));
      return;
    }
    if (st.size > limits.maxArchiveBytes) {
      units.push({ displayPath: display, name: path.basename(full), error: new ImportError('TOO_LARGE', `The file is over ${limits.maxArchiveBytes / 1048576} MB`) });
      return;
    }
    units.push(...(await expandFile(display, path.basename(full), readFileSync(full), limits)));
  };
  for (const input of inputs) await visit(path.resolve(input), input);
  return units;
}
