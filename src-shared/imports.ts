// Types and schemas of the import API: what the wizard previews, what a run
// reports, and mapping presets.
import { z } from 'zod';

/** `letter`: the response's whole text, not split into questions (plain tables). */
export type FieldName = 'respondent' | 'municipalityNumber' | 'receivedDate' | `question:${number}` | 'letter' | 'ignore';

export const mappingPresetSchema = z
  .object({
    version: z.literal(1).default(1),
    name: z.string().max(200).optional(),
    /** 1-based row of the header in the sheet/file, if not found automatically. */
    headerRow: z.number().int().positive().optional(),
    /** Header text → field. Headers not named are mapped automatically. */
    columns: z.record(
      z.string().max(2000),
      z.string().regex(/^(respondent|municipalityNumber|receivedDate|letter|ignore|question:\d{1,2})$/, 'unknown field'),
    ),
  })
  .strict();

export type MappingPreset = z.infer<typeof mappingPresetSchema>;

export interface ImportWarning {
  code: string;
  message: string;
  locator?: string;
}

export interface ColumnMapping {
  index: number;
  header: string;
  field: FieldName;
  /** 0–1: how sure the automatic mapping is (1 for a preset). */
  confidence: number;
  reason: string;
}

export interface TableMapping {
  headerRowIndex: number;
  columns: ColumnMapping[];
}

export interface RespondentMatch {
  locator: string;
  respondentName: string;
  status: 'matched' | 'unmatched' | 'ambiguous';
  municipalityNumber: string | null;
  municipalityName: string | null;
  candidates: string[];
  /** Letters: how the sender was found (evidence, confidence; *uavklart* below the threshold). */
  sender?: SenderReport;
  /** Letters: the received date read from the letter, or null. */
  receivedDate?: string | null;
  /** Letters: the line the date came from, or why there is none. */
  dateReason?: string;
  /** Letters: how the text will be split into answers. */
  split?: LetterSplitPreview;
}

export interface SenderReport {
  status: 'found' | 'uavklart';
  kind: 'kommune' | 'fylkeskommune' | 'annen';
  confidence: number;
  /** A listing label taken off the name, e.g. "uten merknader". */
  label: string | null;
  evidence: { source: 'letterhead' | 'opening' | 'signature' | 'email' | 'subject' | 'filename' | 'body'; text: string; weight: number }[];
  candidates: { name: string; kind: 'kommune' | 'fylkeskommune' | 'annen'; score: number }[];
}

/** An e-mail attachment as the preview and the provenance list it. */
export interface EmailAttachmentReport {
  name: string;
  mediaType: string;
  bytes: number;
  /** letter: read and split into the questions; kept: stored with the e-mail, not imported as text; inline: an image in the body. */
  role: 'letter' | 'kept' | 'inline';
  /** Why a readable attachment was not the letter, or could not be read. */
  note?: string;
}

/** The facts of an imported e-mail (.eml/.msg), for the preview and the response's provenance. */
export interface EmailReport {
  format: 'eml' | 'msg';
  fromName: string | null;
  fromAddress: string | null;
  /** When it was sent (ISO 8601), or null when the message does not say. */
  date: string | null;
  subject: string | null;
  messageId: string | null;
  /** The attachment read as the letter, or null when the body is the letter. */
  letter: string | null;
  /**
   * Why that one: splits (it splits into the case's questions), first-readable
   * (no attachment splits; the first readable one), body (no readable
   * attachment: the body is the letter). Absent in reports stored before it was kept.
   */
  letterReason?: 'splits' | 'first-readable' | 'body';
  attachments: EmailAttachmentReport[];
  /** Messages inside the message (forwarded e-mails) that were opened. */
  innerMessages: number;
}

/**
 * `skipped`: not a response file (a link, an empty folder, a README.md), said
 * with the reason and never a failure; `cancelled`: not reached because the
 * user stopped the import after the file before it.
 */
export type FileStatus = 'imported' | 'unchanged' | 'rejected' | 'ready' | 'skipped' | 'cancelled';

/** How a letter will be split into answers: which heading or text decided, and each part's first words. */
export interface LetterSplitPreview {
  /** labelled: "Spørsmål 1"-style headings; question-text: the question's own words; numbered: "1." lines; none: no structure found. */
  method: 'labelled' | 'question-text' | 'numbered' | 'none';
  parts: { question: number | null; excerpt: string }[];
}

export interface FileReport {
  path: string;
  status: FileStatus;
  responses: number;
  format?: string;
  encoding?: string;
  delimiter?: string;
  mappings?: { sheet: string | null; mapping: TableMapping }[];
  /** New respondents by how they matched the register. */
  respondents?: { matched: number; unmatched: number; ambiguous: number };
  /** Preview only: each response's respondent and how it matched. */
  matches?: RespondentMatch[];
  needsSplitting?: number;
  /** E-mail files: sender, date, subject, which attachment is the letter, the others. */
  email?: EmailReport;
  warnings: ImportWarning[];
  error?: { code: string; message: string; locator?: string };
  /** Why a file was skipped or not reached (status skipped or cancelled). */
  reason?: { code: string; message: string };
}

export interface ImportReport {
  batchId: string | null;
  files: FileReport[];
  /** True when the user stopped the import after a file; the files not reached are listed as cancelled. */
  stopped?: boolean;
}

export const FINISHED_WARNINGS = 20;

/** One progress event of a running import (task "import"): overall, the current file, an estimate. */
export interface ImportProgress {
  files: { done: number; total: number };
  /** The file being read or written, as the report names it; null between files. */
  current: string | null;
  /** How far the current file has come: its rows (responses) written, or its pages read with OCR. */
  step: { unit: 'rows' | 'pages'; done: number; total: number } | null;
  /** Share of the whole import done, 0–1, with files weighed by their size. */
  fraction: number;
  /** Seconds left by the pace so far; null until there is a pace to go by. */
  etaSeconds: number | null;
  /** The file that has just been finished (committed, unchanged, rejected or skipped). */
  finished?: {
    path: string;
    status: FileStatus;
    responses: number;
    warnings: number;
    /** The first FINISHED_WARNINGS warnings, for a line per file as it happens (the report holds them all). */
    firstWarnings: ImportWarning[];
    /** Why it was rejected or skipped. */
    message?: string;
    locator?: string;
  };
}

export interface BatchSummary {
  id: string;
  label: string;
  createdAt: string;
  createdBy: string;
  report: ImportReport;
}

export interface SavedPreset {
  id: string;
  name: string;
  preset: MappingPreset;
  updatedAt: string;
}
