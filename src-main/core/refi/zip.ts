// The .qdpx container: a ZIP with project.qde at its root and the sources'
// files under sources/. Written deterministically (fixed order, one given
// modification time), so the same project gives the same bytes. Read with the
// same care as an imported archive (src-main/core/import/sources.ts): a path
// that climbs out, too many entries, or sizes and ratios that look like a zip
// bomb refuse the whole file, and only the entries we use are inflated.
import yauzl from 'yauzl';
import { ApiError } from '../../../src-shared/errors';
import type { ImportLimits } from '../import/limits';

export { writeZip } from '../export/zip';

function unsafeEntry(name: string): boolean {
  const parts = name.split(/[\\/]/);
  return name.startsWith('/') || /^[A-Za-z]:/.test(name) || parts.includes('..') || name.includes('\0');
}

const refuse = (message: string) => new ApiError('INVALID_INPUT', message);

/**
 * The entries of a ZIP whose names `wanted` accepts, inflated (sizes checked
 * as they inflate). Every entry's name and size is checked, wanted or not.
 */
export function readZipEntries(bytes: Buffer, limits: ImportLimits, wanted: (name: string) => boolean): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) {
        reject(refuse(`The file is not a REFI-QDA project (.qdpx is a ZIP archive; this one is damaged or not a ZIP: ${err?.message ?? 'unreadable'})`));
        return;
      }
      const out = new Map<string, Buffer>();
      let total = 0;
      let count = 0;
      let failed = false;
      const fail = (e: ApiError) => {
        if (failed) return;
        failed = true;
        zip.close();
        reject(e);
      };
      zip.on('error', (e: Error) => {
        // yauzl itself refuses names with "..", absolute paths and backslashes.
        const unsafe = /^(?:invalid relative path|absolute path|invalid characters in fileName): (.*)$/s.exec(e.message);
        fail(unsafe ? refuse(`The .qdpx archive contains an unsafe path "${unsafe[1]}"; nothing was imported`) : refuse(`The .qdpx archive is damaged (${e.message})`));
      });
      zip.on('end', () => {
        if (!failed) resolve(out);
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        if (unsafeEntry(name)) return fail(refuse(`The .qdpx archive contains an unsafe path "${name}"; nothing was imported`));
        if (++count > limits.maxArchiveEntries) return fail(refuse(`The .qdpx archive has more than ${limits.maxArchiveEntries} entries`));
        const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : 0;
        total += entry.uncompressedSize;
        if (entry.uncompressedSize > limits.maxFileBytes || total > limits.maxArchiveBytes || ratio > limits.maxCompressionRatio) {
          return fail(refuse(`The entry "${name}" in the .qdpx archive unpacks to ${entry.uncompressedSize} bytes (ratio ${Math.round(ratio)}:1), over the limits; possibly a zip bomb`));
        }
        if (name.endsWith('/') || !wanted(name)) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return fail(refuse(`Cannot read "${name}" in the .qdpx archive (${e?.message ?? 'unreadable'})`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          // yauzl checks the inflated size against the header and errors on a mismatch.
          stream.on('error', (se: Error) => fail(refuse(`"${name}" in the .qdpx archive is inconsistent (${se.message}); possibly a zip bomb`)));
          stream.on('end', () => {
            out.set(name, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
