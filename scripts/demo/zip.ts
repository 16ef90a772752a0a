// ZIP writing with fixed timestamps, so the same input gives the same bytes:
// for the letters archive, and to re-pack the DOCX/XLSX files that docx and
// exceljs stamp with the current time.
import yazl from 'yazl';
import { unzip } from '../../src-main/core/zip/read-own';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/**
 * The fixed entry time. Built from local-time parts: ZIP stores local DOS
 * time, so this gives the same bytes in every time zone (with
 * forceDosTimestamp, no UTC extra field is written).
 */
export const ZIP_TIME = new Date(2022, 5, 15, 12, 0, 0);

export function writeZip(entries: ZipEntry[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const e of entries) zip.addBuffer(e.data, e.name, { mtime: ZIP_TIME, forceDosTimestamp: true, compress: true });
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.end();
  });
}

/** The file entries (folders left out), in the archive's order. */
export async function readZip(bytes: Buffer): Promise<ZipEntry[]> {
  return (await unzip(bytes)).filter((e) => !e.name.endsWith('/')).map((e) => ({ name: e.name, data: e.data }));
}

/**
 * Re-packs an Office Open XML file (DOCX, XLSX) with fixed entry times and
 * fixed created/modified dates in docProps/core.xml.
 */
export async function normalizeOoxml(bytes: Buffer, isoDate: string): Promise<Buffer> {
  const entries = await readZip(bytes);
  const fixed = entries.map((e) =>
    e.name === 'docProps/core.xml'
      ? {
          ...e,
          data: Buffer.from(
            e.data
              .toString('utf8')
              .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${isoDate}$2`),
            'utf8',
          ),
        }
      : e,
  );
  return writeZip(fixed);
}
