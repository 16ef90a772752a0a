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
  evidence: { source: 'letterhead' | 'opening' | 'signature' | 'email' | 'filename' | 'body'; text: string; weight: number }[];
  candidates: { name: string; kind: 'kommune' | 'fylkeskommune' | 'annen'; score: number }[];
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
