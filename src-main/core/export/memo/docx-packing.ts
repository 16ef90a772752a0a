// The .docx package, written so that the same data and options give the
// same bytes. docx stamps docProps/core.xml with the current time, zips with
// the current time, and numbers the table of contents' bookmarks from a
// counter shared by every document the process has written. So we take the
// package's parts from docx, set the dates to the memo's date, number the
// bookmarks from 1, and zip the parts ourselves with a fixed time (yazl on
// Node's zlib, also several times faster than docx's zip in JavaScript).
import { Packer, type Document } from 'docx';
import { escapeXml } from '../../../../src-shared/charts/svg';
import { unzip } from '../../zip/read-own';
import { writeZip } from '../../zip/write';

export type Parts = Map<string, string | Uint8Array>;

/** Bookmark ids (w:id and the _Toc names) renumbered in order of first appearance. */
export function renumberBookmarks(xml: string): string {
  const ids = new Map<string, number>();
  const idOf = (old: string) => {
    let n = ids.get(old);
    if (n === undefined) {
      n = ids.size + 1;
      ids.set(old, n);
    }
    return n;
  };
  // A heading's bookmark is named _Toc<id> after its own id, so one map serves both.
  return xml
    .replace(/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")/g, (_, a: string, id: string, b: string) => `${a}${idOf(id)}${b}`)
    .replace(/_Toc(\d+)/g, (_, id: string) => `_Toc${idOf(id)}`);
}

export interface CoreProperties {
  title: string;
  subject: string;
  creator: string;
  description: string;
  /** Written as both created and modified. */
  date: Date;
  language: string;
}

export function corePropertiesXml(p: CoreProperties): string {
  const when = p.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(p.title)}</dc:title>` +
    `<dc:subject>${escapeXml(p.subject)}</dc:subject>` +
    `<dc:creator>${escapeXml(p.creator)}</dc:creator>` +
    `<dc:description>${escapeXml(p.description)}</dc:description>` +
    `<dc:language>${escapeXml(p.language)}</dc:language>` +
    `<cp:lastModifiedBy>${escapeXml(p.creator)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

// ------------------------------------------------------------------ parts

interface Compiler {
  compile(file: Document): Map<string, string | Uint8Array>;
}

/**
 * The parts docx would zip, from its compiler (docx 9 keeps one on Packer;
 * it is not public API, so `partsViaZip` is the fallback and the tests check
 * both give the same parts).
 */
export async function documentParts(doc: Document): Promise<Parts> {
  // Private in docx's typings, so read by name.
  const compiler: unknown = Reflect.get(Packer, 'compiler');
  if (isCompiler(compiler)) return new Map(compiler.compile(doc));
  return partsViaZip(doc);
}

function isCompiler(value: unknown): value is Compiler {
  return typeof value === 'object' && value !== null && 'compile' in value && typeof value.compile === 'function';
}

/** The parts through docx's public API: its zip, unzipped. */
export async function partsViaZip(doc: Document): Promise<Parts> {
  const entries = await unzip(await Packer.toBuffer(doc));
  return new Map(entries.map((e) => [e.name, /\.(xml|rels)$/.test(e.name) ? e.data.toString('utf8') : e.data]));
}

/** Fixed core properties and bookmark ids. */
export function normaliseParts(parts: Parts, core: CoreProperties): Parts {
  const out: Parts = new Map(parts);
  out.set('docProps/core.xml', corePropertiesXml(core));
  const document = out.get('word/document.xml');
  if (document !== undefined) out.set('word/document.xml', renumberBookmarks(typeof document === 'string' ? document : Buffer.from(document).toString('utf8')));
  return out;
}

/** A zip of the parts in their order, every entry stamped `when`; pictures are stored, they are compressed already. */
export function zipParts(parts: Parts, when: Date): Promise<Buffer> {
  const entries = [...parts].map(([name, content]) => ({
    name,
    data: typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength),
    compress: !/\.(png|jpe?g|gif)$/i.test(name),
  }));
  return writeZip(entries, when);
}

/** The document as deterministic .docx bytes. */
export async function packDocument(doc: Document, core: CoreProperties): Promise<Buffer> {
  return zipParts(normaliseParts(await documentParts(doc), core), core.date);
}
