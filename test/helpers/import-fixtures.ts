// Builders for import fixtures, made in code so every test shows what its
// file holds: CSV text in any delimiter, line end and encoding; XLSX, DOCX and
// PDF files; ZIP archives (including hostile ones); and a full logical dump
// of a project database to prove a failed import left no trace.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import yazl from 'yazl';
import { checkpointFully } from '../../src-main/core/store/checkpointer';
import type { Store } from '../../src-main/core/store/open';
import { shippedLetter } from './reference';

/** The five questions of the 2022 letter, as the import core sees them. */
export const QUESTIONS = shippedLetter().questions.map((q) => ({ ordinal: q.ordinal, shortLabel: q.shortLabel, text: q.text }));

// ---------------------------------------------------------------- CSV / text

export type Delimiter = ',' | ';' | '\t';

export interface CsvOptions {
  delimiter?: Delimiter;
  eol?: '\n' | '\r\n';
  /** End the last row with a line end too (default true). */
  trailing?: boolean;
}

/**
 * Serialises rows as CSV. A field is quoted when it holds a quote, a line
 * break, leading/trailing space or any of the three candidate delimiters (as
 * spreadsheet exports do), so the delimiter can be told from the text.
 */
export function toCsv(rows: string[][], { delimiter = ',', eol = '\r\n', trailing = true }: CsvOptions = {}): string {
  const quote = (f: string) => (/[",;\t\r\n]/.test(f) || f.trim() !== f ? `"${f.replace(/"/g, '""')}"` : f);
  return rows.map((r) => r.map(quote).join(delimiter)).join(eol) + (trailing ? eol : '');
}

export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'windows-1252';

export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    case 'windows-1252':
      if (!representableIn1252(text)) throw new Error('text is not representable in Windows-1252');
      return iconv.encode(text, 'windows-1252');
  }
}

/** True when every character survives a round trip through Windows-1252. */
export function representableIn1252(text: string): boolean {
  return iconv.decode(iconv.encode(text, 'windows-1252'), 'windows-1252') === text;
}

// ---------------------------------------------------------------- XLSX

export type XlsxCell = string | number | boolean | Date | null | { formula: string; result?: string | number };

export interface XlsxSheet {
  name: string;
  rows: XlsxCell[][];
}

export async function xlsxFile(sheets: XlsxSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name);
    for (const row of s.rows) sheet.addRow(row.map((c) => (c === null ? undefined : c)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---------------------------------------------------------------- letters

/** A Word document with one paragraph per line. */
export async function docxFile(lines: string[]): Promise<Buffer> {
  const document = new Document({ sections: [{ children: lines.map((text) => new Paragraph({ text })) }] });
  return Packer.toBuffer(document);
}

/** A PDF with a real text layer: one line of Helvetica per entry. */
export async function pdfWithText(lines: string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 18, size: 11, font }));
  return Buffer.from(await pdf.save());
}

/** A "scanned" PDF: two pages with only drawn shapes, no text at all. */
export async function pdfWithoutText(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (let p = 0; p < 2; p++) {
    const page = pdf.addPage([595, 842]);
    page.drawRectangle({ x: 40, y: 40, width: 515, height: 762, color: rgb(0.93, 0.93, 0.9) });
    for (let i = 0; i < 30; i++) page.drawRectangle({ x: 60, y: 760 - i * 22, width: 300 + ((i * 37) % 170), height: 6, color: rgb(0.2, 0.2, 0.2) });
  }
  return Buffer.from(await pdf.save());
}

// ---------------------------------------------------------------- ZIP

export interface ZipInput {
  /** A name ending in "/" is a folder entry. */
  name: string;
  data: Buffer | string;
  compress?: boolean;
}

const ZIP_TIME = new Date(2022, 5, 15, 12, 0, 0);

export function zipFile(entries: ZipInput[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const e of entries) {
      const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
      if (e.name.endsWith('/')) zip.addEmptyDirectory(e.name, { mtime: ZIP_TIME, forceDosTimestamp: true });
      else zip.addBuffer(data, e.name, { mtime: ZIP_TIME, forceDosTimestamp: true, compress: e.compress ?? true });
    }
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.end();
  });
}

/**
 * A ZIP whose entry is named `hostileName` (e.g. "../evil.csv"), which ZIP
 * writers refuse to produce: the entry is written under a placeholder of the
 * same length and the name bytes are swapped afterwards (names are not
 * covered by the CRC).
 */
export async function zipWithEntryName(hostileName: string, data: string, others: ZipInput[] = []): Promise<Buffer> {
  const placeholder = 'x'.repeat(hostileName.length);
  const bytes = await zipFile([...others, { name: placeholder, data }]);
  const from = Buffer.from(placeholder, 'utf8');
  const to = Buffer.from(hostileName, 'utf8');
  if (from.length !== to.length) throw new Error('use an ASCII hostile name');
  let at = bytes.indexOf(from);
  let swapped = 0;
  while (at >= 0) {
    to.copy(bytes, at);
    swapped++;
    at = bytes.indexOf(from, at + to.length);
  }
  if (swapped !== 2) throw new Error(`expected the name in the local and central headers, found it ${swapped} times`);
  return bytes;
}

/**
 * A ZIP whose central directory under-states the entry's unpacked size (a
 * "lying header" bomb): the size check passes, the inflated stream does not.
 */
export async function zipWithLyingSize(name: string, data: Buffer, statedSize: number): Promise<Buffer> {
  const bytes = await zipFile([{ name, data }]);
  const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  if (central < 0) throw new Error('no central directory');
  bytes.writeUInt32LE(statedSize, central + 24);
  // The local header has the size too unless a data descriptor follows.
  const local = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if ((bytes.readUInt16LE(local + 6) & 0x08) === 0) bytes.writeUInt32LE(statedSize, local + 22);
  return bytes;
}

// ---------------------------------------------------------------- files on disk

/** Writes files (relative paths, folders created) under `dir`; returns their full paths in order. */
export function writeFiles(dir: string, files: Record<string, Buffer | string>): string[] {
  return Object.entries(files).map(([name, content]) => {
    const full = path.join(dir, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
    return full;
  });
}

// ---------------------------------------------------------------- database

export type DatabaseDump = Record<string, Record<string, unknown>[]>;

/**
 * Every table of a SQLite file (SQLite's and kysely's bookkeeping included),
 * each row with its rowid, ordered by rowid — read through a separate
 * read-only connection, so it sees exactly what is committed.
 */
export function dumpDatabase(file: string): DatabaseDump {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // Virtual tables (the search index) are left out: their shadow tables hold their data.
    const tables = sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
      .all() as { name: string; sql: string }[];
    const dump: DatabaseDump = {};
    for (const { name, sql } of tables) {
      const quoted = `"${name.replace(/"/g, '""')}"`;
      // WITHOUT ROWID tables (FTS5 shadow tables) have no rowid: order by their key.
      const query = /WITHOUT ROWID\s*$/i.test(sql) ? `SELECT * FROM ${quoted} ORDER BY 1` : `SELECT rowid AS _rowid, * FROM ${quoted} ORDER BY rowid`;
      dump[name] = sqlite.prepare(query).all() as Record<string, unknown>[];
    }
    return dump;
  } finally {
    sqlite.close();
  }
}

/** The project file's bytes after checkpointing the WAL into it. */
export function checkpointedBytes(store: Store): Buffer {
  checkpointFully(store.sqlite);
  return readFileSync(store.path);
}
