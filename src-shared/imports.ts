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
  attachments: EmailAttachmentReport[];
  /** Messages inside the message (forwarded e-mails) that were opened. */
  innerMessages: number;
}

export interface FileReport {
  path: string;
  status: 'imported' | 'unchanged' | 'rejected' | 'ready';
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
}

export interface ImportReport {
  batchId: string | null;
  files: FileReport[];
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
