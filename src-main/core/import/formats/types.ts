// What a reader hands on: a table of cells (CSV, TSV, XLSX, JSON) or the
// text of one letter (DOCX, PDF, TXT, a saved HTML page, a scan read with OCR),
// or an e-mail with its attachments.
import type { ImportWarning } from '../../input/errors';
import type { OcrOptions, OcrWord } from '../ocr/engine';

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
  format: 'docx' | 'pdf' | 'txt' | 'html' | 'png' | 'jpeg' | 'tiff';
  encoding?: string;
  text: string;
  pages?: number;
  /** An e-mail's sender (display name and address), where the letter came as one. */
  emailFrom?: string | null;
  /** A saved page's own date and the line it was read from (formats/html.ts). */
  pageDate?: { date: string; line: string } | null;
  /** Documents a saved page links to; listed, not fetched. */
  attachments?: { name: string; href: string }[];
  /** The e-mail's subject, where the letter came as one (weak evidence of the sender). */
  emailSubject?: string | null;
  /** Set when some or all of the text was read with OCR (a scan or an image). */
  ocr?: LetterOcr;
  warnings: ImportWarning[];
}

export interface LetterOcr {
  /** Pages read with OCR (a PDF may have others with a text layer). */
  pages: number;
  /** Their page numbers in the source. */
  pageNumbers: number[];
  /** Mean word confidence, 0–100. */
  confidence: number;
  /** Words below the threshold, to check against the page. */
  review: OcrWord[];
  lowWords: number;
}

/** What a reader may need beyond the bytes: OCR's data folder, the cancel signal and page progress. */
export interface ReadContext {
  ocr?: OcrOptions;
}


/** What one e-mail message says about itself. */
export interface EmailFacts {
  fromName: string | null;
  fromAddress: string | null;
  /** ISO 8601, or null when the message states no (valid) date. */
  date: string | null;
  subject: string | null;
  messageId: string | null;
}

export interface EmailAttachment {
  /** The file name (its last segment only), or «vedlegg-N.ext» when it has none. */
  name: string;
  mediaType: string;
  bytes: Buffer;
  /** An image shown in the body (cid:), not a document sent along. */
  inline: boolean;
  /** Index in ParsedEmail.messages of the message it came with (0 = the outer one). */
  message?: number;
}

/** An e-mail (.eml, .msg) with the messages inside it opened; the letter is chosen in email-record.ts. */
export interface ParsedEmail {
  kind: 'email';
  format: 'eml' | 'msg';
  encoding?: string;
  /** The outer message. */
  message: EmailFacts;
  /** The outer message first, then those inside it (forwarded), breadth first. */
  messages: EmailFacts[];
  /** Each message's body as text, by the same index. */
  bodies: string[];
  attachments: EmailAttachment[];
  warnings: ImportWarning[];
}

export type ParsedSource = ParsedTable | ParsedLetter | ParsedEmail;
