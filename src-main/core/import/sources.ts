// Expands what the user chose (files, folders, ZIP archives) into the files
// to import. Folders are walked without following links; ZIP entries are read
// into memory with their sizes checked as they inflate, and an archive with a
// path that climbs out (../) or looks like a zip bomb is refused whole.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { ImportError } from './errors';
import type { ImportLimits } from './limits';

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

function unsafeEntry(name: string): boolean {
  const parts = name.split(/[\\/]/);
  return name.startsWith('/') || /^[A-Za-z]:/.test(name) || parts.includes('..') || name.includes('\0');
}

function readZip(displayPath: string, bytes: Buffer, limits: ImportLimits): Promise<SourceUnit[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) {
        reject(new ImportError('BAD_ARCHIVE', `The ZIP archive is damaged (${err?.message ?? 'unreadable'})`));
        return;
      }
      const units: SourceUnit[] = [];
      let total = 0;
      let count = 0;
      const fail = (e: ImportError) => {
        zip.close();
        reject(e);
      };
      zip.on('error', (e: Error) => {
        // yauzl itself refuses entry names with "..", an absolute path or a
        // backslash, before the check below sees them: unsafe, not damaged.
        const unsafe = /^(?:invalid relative path|absolute path|invalid characters in fileName): (.*)$/s.exec(e.message);
        fail(
          unsafe
            ? new ImportError('UNSAFE_ARCHIVE', `The ZIP archive contains an unsafe path "${unsafe[1]}"; nothing from it was imported`, unsafe[1])
            : new ImportError('BAD_ARCHIVE', `The ZIP archive is damaged (${e.message})`),
        );
      });
      zip.on('end', () => resolve(units));
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        if (unsafeEntry(name)) {
          fail(new ImportError('UNSAFE_ARCHIVE', `The ZIP archive contains an unsafe path "${name}"; nothing from it was imported`, name));
          return;
        }
        if (++count > limits.maxArchiveEntries) {
          fail(new ImportError('UNSAFE_ARCHIVE', `The ZIP archive has more than ${limits.maxArchiveEntries} entries`));
          return;
        }
        if (name.endsWith('/') || skipName(name)) {
          zip.readEntry();
          return;
        }
        const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : 0;
        total += entry.uncompressedSize;
        if (entry.uncompressedSize > limits.maxFileBytes || total > limits.maxArchiveBytes || ratio > limits.maxCompressionRatio) {
          fail(new ImportError('UNSAFE_ARCHIVE', `The ZIP entry "${name}" unpacks to ${entry.uncompressedSize} bytes (ratio ${Math.round(ratio)}:1), over the limits; possibly a zip bomb`, name));
          return;
        }
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) {
            fail(new ImportError('BAD_ARCHIVE', `Cannot read "${name}" in the ZIP archive (${e?.message ?? 'unreadable'})`, name));
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          // yauzl checks the inflated size against the header and errors on a mismatch.
          stream.on('error', (se: Error) => fail(new ImportError('UNSAFE_ARCHIVE', `"${name}" in the ZIP archive is inconsistent (${se.message})`, name)));
          stream.on('end', () => {
            units.push({ displayPath: `${displayPath}/${name}`, name: path.basename(name), bytes: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

async function expandFile(displayPath: string, name: string, bytes: Buffer, limits: ImportLimits): Promise<SourceUnit[]> {
  if (path.extname(name).toLowerCase() !== '.zip') return [{ displayPath, name, bytes }];
  try {
    const inner = await readZip(displayPath, bytes, limits);
    // Nested archives are not unpacked further: each is reported as unsupported.
    return inner.map((u) =>
      path.extname(u.name).toLowerCase() === '.zip'
        ? { ...u, bytes: undefined, error: new ImportError('UNSUPPORTED_FORMAT', 'ZIP archives inside ZIP archives are not unpacked') }
        : u,
    );
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
