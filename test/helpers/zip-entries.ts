// Reads exported files back as their ZIP entries (.docx, .xlsx, .qdpx), for
// tests that check what was written: the one reader every test shares, the
// core's own (yauzl rejects anything that is not a valid ZIP).
import { readFileSync } from 'node:fs';
import { unzip, type UnzippedEntry } from '../../src-main/core/zip/read-own';

export type ZipEntry = UnzippedEntry;

/** Every entry, in the archive's order. */
export const zipEntries = (bytes: Buffer): Promise<ZipEntry[]> => unzip(bytes);

/** Every entry's bytes by name, in the archive's order. */
export async function unzipParts(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Map((await unzip(bytes)).map((e) => [e.name, e.data]));
}

export const unzipPartsOf = (file: string) => unzipParts(readFileSync(file));

/** Each entry's modification date as stored in the zip (2-second resolution, local time). */
export async function zipDates(bytes: Buffer): Promise<Map<string, Date>> {
  return new Map((await unzip(bytes)).map((e) => [e.name, e.modified]));
}

/** One entry of a ZIP file as text (e.g. "word/document.xml"); throws if it is missing. */
export async function zipText(file: string, entry: string): Promise<string> {
  const found = (await unzipPartsOf(file)).get(entry);
  if (!found) throw new Error(`${entry} is not in ${file}`);
  return found.toString('utf8');
}

const unescapeXml = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** A Word document's paragraphs with their style (e.g. "Heading1", "TOC1"; null for none) and text (w:t runs joined). */
export function docxStyledParagraphs(documentXml: string): { style: string | null; text: string }[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => ({
    style: /<w:pStyle w:val="([^"]*)"\/>/.exec(p[0])?.[1] ?? null,
    text: unescapeXml([...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  }));
}

/** The text of a Word document's paragraphs, one string per paragraph. */
export function docxParagraphs(documentXml: string): string[] {
  return docxStyledParagraphs(documentXml).map((p) => p.text);
}

/** The document's headings of one level, in order (the table of contents' entries are not headings). */
export function docxHeadings(documentXml: string, level: 1 | 2 | 3): string[] {
  return docxStyledParagraphs(documentXml)
    .filter((p) => p.style === `Heading${level}`)
    .map((p) => p.text);
}
