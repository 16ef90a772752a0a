// Expands what the user chose (files, folders, ZIP archives) into the files
// to import, and says what it leaves out and why (*hoppet over*): hidden and
// system files, empty folders, files of a type Innspill does not read, links
// to folders, and links that point outside the chosen folder. A link to a
// file inside the chosen folder is followed once (a file reached twice is
// imported once). ZIP archives are read with zip/read-guarded.ts (an archive
// with a path that climbs out or that looks like a zip bomb is refused whole).
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { readFile as readBytes } from 'node:fs/promises';
import path from 'node:path';
import { ImportError } from '../input/errors';
import type { ImportLimits } from '../input/limits';
import { readZipEntries } from '../zip/read-guarded';
import { SUPPORTED_EXTENSIONS } from './formats/read';

export interface SourceUnit {
  /** What the user sees: the file path, or "archive.zip/inner/file.csv". */
  displayPath: string;
  name: string;
  /** The bytes, or the error that stopped us reading them (an ImportError, or what else a damaged archive threw: the report names either). */
  bytes?: Buffer;
  error?: unknown;
  /** Left out on purpose, with the reason; never an error. */
  skipped?: { code: SkipCode; message: string };
}

export type SkipCode = 'HIDDEN' | 'EMPTY_FOLDER' | 'UNSUPPORTED' | 'LINK_OUTSIDE' | 'LINK_TO_FOLDER' | 'LINK_BROKEN' | 'SAME_FILE';

const skip = (displayPath: string, code: SkipCode, message: string): SourceUnit => ({ displayPath, name: path.basename(displayPath), skipped: { code, message } });

function unsupported(name: string): string | null {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.zip' || SUPPORTED_EXTENSIONS.some((supported) => supported === ext)) return null;
  return `Innspill leser ikke ${ext ? `${ext}-filer` : 'filer uten filendelse'} (leser ${SUPPORTED_EXTENSIONS.join(', ')} og .zip)`;
}

const HIDDEN_MESSAGE = 'Skjult fil eller systemfil (for eksempel .DS_Store, Thumbs.db, ~$-låsefil)';

function inside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function skipName(name: string): boolean {
  const base = path.basename(name);
  return base.startsWith('.') || base.startsWith('~$') || name.startsWith('__MACOSX/') || base === 'Thumbs.db';
}

async function expandFile(displayPath: string, name: string, bytes: Buffer, limits: ImportLimits): Promise<SourceUnit[]> {
  if (path.extname(name).toLowerCase() !== '.zip') return [{ displayPath, name, bytes }];
  const left: SourceUnit[] = [];
  const wanted = (entry: string) => {
    const why = skipName(entry) ? HIDDEN_MESSAGE : unsupported(entry);
    if (why) left.push(skip(`${displayPath}/${entry}`, skipName(entry) ? 'HIDDEN' : 'UNSUPPORTED', why));
    return !why;
  };
  try {
    const entries = await readZipEntries(bytes, limits, wanted);
    const units = entries.map((e): SourceUnit => {
      const unit = { displayPath: `${displayPath}/${e.name}`, name: path.basename(e.name) };
      // Nested archives are not unpacked further: each is reported as unsupported.
      return path.extname(unit.name).toLowerCase() === '.zip'
        ? { ...unit, error: new ImportError('UNSUPPORTED_FORMAT', 'ZIP archives inside ZIP archives are not unpacked') }
        : { ...unit, bytes: e.bytes };
    });
    // In the archive's order, what was left out after what was read.
    return [...units, ...left];
  } catch (e) {
    return [{ displayPath, name, error: e }];
  }
}

/**
 * @param displayRoot files under this folder are shown by their path below
 *   the folder's first level (staged uploads: "<root>/<id>/svar.csv" → "svar.csv").
 */
export async function collectSources(inputs: string[], limits: ImportLimits, displayRoot?: string): Promise<SourceUnit[]> {
  const units: SourceUnit[] = [];
  /** Real path → how it was first shown: a file reached twice (by a link) is read once. */
  const seen = new Map<string, string>();
  // Shown as the user named it; staged uploads by their own relative name.
  const shown = (full: string, given: string) => {
    if (!displayRoot) return given;
    const rel = path.relative(displayRoot, full);
    return rel.startsWith('..') || path.isAbsolute(rel) ? given : rel.split(path.sep).slice(1).join('/') || rel;
  };
  const readFile = async (full: string, display: string, size: number) => {
    const real = realpathSync(full);
    const first = seen.get(real);
    if (first !== undefined) {
      units.push(skip(display, 'SAME_FILE', `Samme fil som «${first}»; den importeres én gang`));
      return;
    }
    seen.set(real, display);
    if (size > limits.maxArchiveBytes) {
      units.push({ displayPath: display, name: path.basename(full), error: new ImportError('TOO_LARGE', `The file is over ${limits.maxArchiveBytes / 1048576} MB`) });
      return;
    }
    const why = unsupported(full);
    if (why) {
      units.push(skip(display, 'UNSUPPORTED', why));
      return;
    }
    units.push(...(await expandFile(display, path.basename(full), await readBytes(full), limits)));
  };
  /** Walks a chosen folder; links are followed after the walk, so a file and a link to it keep the file's own name. */
  const walkFolder = async (root: string, givenRoot: string) => {
    const realRoot = realpathSync(root);
    const links: { full: string; display: string }[] = [];
    const walk = async (dir: string, given: string) => {
      const names = readdirSync(dir).sort();
      if (names.length === 0 && dir !== root) units.push(skip(shown(dir, given), 'EMPTY_FOLDER', 'Tom mappe'));
      if (names.length === 0 && dir === root) units.push(skip(shown(dir, given), 'EMPTY_FOLDER', 'Mappen er tom; ingenting å importere'));
      for (const n of names) {
        const full = path.join(dir, n);
        const display = shown(full, path.join(given, n));
        if (skipName(n)) {
          units.push(skip(display, 'HIDDEN', HIDDEN_MESSAGE));
          continue;
        }
        const st = lstatSync(full);
        if (st.isSymbolicLink()) links.push({ full, display });
        else if (st.isDirectory()) await walk(full, path.join(given, n));
        else await readFile(full, display, st.size);
      }
    };
    await walk(root, givenRoot);
    for (const link of links) {
      let real: string;
      try {
        real = realpathSync(link.full);
      } catch {
        units.push(skip(link.display, 'LINK_BROKEN', 'Lenken peker på noe som ikke finnes'));
        continue;
      }
      if (!inside(realRoot, real)) {
        units.push(skip(link.display, 'LINK_OUTSIDE', 'Lenken peker utenfor den valgte mappen og følges ikke'));
        continue;
      }
      const st = statSync(real);
      if (st.isDirectory()) units.push(skip(link.display, 'LINK_TO_FOLDER', 'Lenker til mapper følges ikke'));
      else await readFile(real, link.display, st.size);
    }
  };
  for (const input of inputs) {
    const full = path.resolve(input);
    const display = shown(full, input);
    let st;
    try {
      // What the user named is followed even if it is a link: they chose it.
      st = statSync(full);
    } catch {
      units.push({ displayPath: display, name: path.basename(full), error: new ImportError('NOT_FOUND', 'File or folder not found') });
      continue;
    }
    if (st.isDirectory()) await walkFolder(full, input);
    else await readFile(full, display, st.size);
  }
  return units;
}
