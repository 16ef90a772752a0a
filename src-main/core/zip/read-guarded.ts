// Reads a ZIP from outside (an archive of answers to import, a .qdpx from
// another program) with care: a path that climbs out (../, absolute, a drive
// letter), too many entries, or sizes and ratios that look like a zip bomb
// refuse the whole archive, and only the entries the caller wants are
// inflated, their sizes checked as they inflate. Our own ZIPs are read back
// with read-own.ts.
import yauzl from 'yauzl';
import { ImportError } from '../input/errors';
import type { ImportLimits } from '../input/limits';

export interface ZipEntryBytes {
  /** The entry's path in the archive. */
  name: string;
  bytes: Buffer;
}

function unsafeEntry(name: string): boolean {
  const parts = name.split(/[\\/]/);
  return name.startsWith('/') || /^[A-Za-z]:/.test(name) || parts.includes('..') || name.includes('\0');
}

/**
 * The entries `wanted` accepts (folders never), in the archive's order.
 * Every entry's name is checked and counted; the sizes of those inflated.
 * Fails with an ImportError: BAD_ARCHIVE (damaged) or UNSAFE_ARCHIVE (with
 * the entry's name as its locator). `label` names the archive in messages.
 */
export function readZipEntries(bytes: Buffer, limits: ImportLimits, wanted: (name: string) => boolean, label = 'ZIP archive'): Promise<ZipEntryBytes[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) {
        reject(new ImportError('BAD_ARCHIVE', `The ${label} is damaged (${err?.message ?? 'unreadable'})`));
        return;
      }
      const out: ZipEntryBytes[] = [];
      let total = 0;
      let count = 0;
      let failed = false;
      const fail = (e: ImportError) => {
        if (failed) return;
        failed = true;
        zip.close();
        reject(e);
      };
      const unsafePath = (name: string) => new ImportError('UNSAFE_ARCHIVE', `The ${label} contains an unsafe path "${name}"; nothing from it was imported`, name);
      zip.on('error', (e: Error) => {
        // yauzl itself refuses entry names with "..", an absolute path or a
        // backslash, before the check below sees them: unsafe, not damaged.
        const unsafe = /^(?:invalid relative path|absolute path|invalid characters in fileName): (.*)$/s.exec(e.message);
        fail(unsafe ? unsafePath(unsafe[1]) : new ImportError('BAD_ARCHIVE', `The ${label} is damaged (${e.message})`));
      });
      zip.on('end', () => {
        if (!failed) resolve(out);
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        if (unsafeEntry(name)) return fail(unsafePath(name));
        if (++count > limits.maxArchiveEntries) return fail(new ImportError('UNSAFE_ARCHIVE', `The ${label} has more than ${limits.maxArchiveEntries} entries`));
        if (name.endsWith('/') || !wanted(name)) {
          zip.readEntry();
          return;
        }
        const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : 0;
        total += entry.uncompressedSize;
        if (entry.uncompressedSize > limits.maxFileBytes || total > limits.maxArchiveBytes || ratio > limits.maxCompressionRatio) {
          return fail(
            new ImportError(
              'UNSAFE_ARCHIVE',
              `The entry "${name}" in the ${label} unpacks to ${entry.uncompressedSize} bytes (ratio ${Math.round(ratio)}:1), over the limits; possibly a zip bomb`,
              name,
            ),
          );
        }
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return fail(new ImportError('BAD_ARCHIVE', `Cannot read "${name}" in the ${label} (${e?.message ?? 'unreadable'})`, name));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          // yauzl checks the inflated size against the header and errors on a mismatch.
          stream.on('error', (se: Error) => fail(new ImportError('UNSAFE_ARCHIVE', `"${name}" in the ${label} is inconsistent (${se.message}); possibly a zip bomb`, name)));
          stream.on('end', () => {
            out.push({ name, bytes: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
