// What a reader hands on: a table of cells (CSV, TSV, XLSX, JSON) or the
// text of one letter (DOCX, PDF, TXT, a saved HTML page).
import type { ImportWarning } from '../../input/errors';

export type CellValue = string | number | boolean | Date | null;

export interface TableRow {
  /** Where the row came from, e.g. "rad 7" or "ark «Svar», rad 7". */
  locator: string;
  values: CellValue[];
}

export interface TableSheet {
  name: string | null;
  rows: TableRow[];
}

export interface ParsedTable {
  kind: 'table';
  format: 'csv' | 'tsv' | 'xlsx' | 'json';
  /** Detected text encoding (CSV/TSV/JSON). */
  encoding?: string;
  delimiter?: string;
  sheets: TableSheet[];
  warnings: ImportWarning[];
}

export interface ParsedLetter {
  kind: 'letter';
  format: 'docx' | 'pdf' | 'txt' | 'html';
  encoding?: string;
  text: string;
  pages?: number;
  /** An e-mail's sender (display name and address), where the letter came as one. */
  emailFrom?: string | null;
  /** A saved page's own date and the line it was read from (formats/html.ts). */
  pageDate?: { date: string; line: string } | null;
  /** Documents a saved page links to; listed, not fetched. */
  attachments?: { name: string; href: string }[];
  warnings: ImportWarning[];
}

export type ParsedSource = ParsedTable | ParsedLetter;
