// Reads back a ZIP that this program or one of its libraries wrote (a .docx
// from docx, an .xlsx from exceljs, our own .qdpx): every entry, in the
// archive's order, inflated whole. No limits and no path checks, because the
// bytes are our own; a ZIP from outside goes through the guarded reader in
// read-guarded.ts instead. The .docx packing, the demo batch script and the
// tests that read exports back share this one.
import yauzl from 'yauzl';

export interface UnzippedEntry {
  /** The entry's path in the archive ("word/document.xml"; folders end in "/"). */
  name: string;
  data: Buffer;
  /** The modification time stored in the archive (local DOS time, 2-second resolution). */
  modified: Date;
}

export function unzip(bytes: Buffer): Promise<UnzippedEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('unreadable ZIP'));
      const out: UnzippedEntry[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error(`unreadable entry ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            out.push({ name: entry.fileName, data: Buffer.concat(chunks), modified: entry.getLastModDate() });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
