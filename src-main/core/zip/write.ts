// Writes the ZIP containers of our exports (.docx, .qdpx) with yazl:
// entries in the given order, each stamped with one given time, so the same
// content gives the same bytes.
import yazl from 'yazl';

export interface ZipEntryInput {
  name: string;
  data: Buffer;
  /** Deflate the entry (default); pictures are compressed already and are stored. */
  compress?: boolean;
}

export function writeZip(entries: ZipEntryInput[], mtime: Date): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    for (const e of entries) zip.addBuffer(e.data, e.name, { mtime, mode: 0o100644, compress: e.compress ?? true });
    zip.end();
  });
}
