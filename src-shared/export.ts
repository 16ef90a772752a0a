// Exports: the Word briefing memo, the Excel workbook and CSV tables. The
// options are parsed at the boundary like every other input; the core writes
// the file into the workspace's export folder (or a path the user chose) and
// returns where it went.
import { z } from 'zod';

const id = z.string().min(1).max(64);
/** Null or absent means "all". */
const idFilter = z.array(id).max(10_000).nullable().optional();
/** Police district codes as in the register ("p01" Oslo … "p12" Finnmark). */
const districtFilter = z.array(z.string().regex(/^p\d{2}$/)).max(50).nullable().optional();

/** The memo's sections, in their default order. */
export const MEMO_SECTION_IDS = ['summary', 'questions', 'findings', 'stations', 'charts', 'appendix'] as const;
export type MemoSectionId = (typeof MEMO_SECTION_IDS)[number];

export const memoMetadataSchema = z
  .object({
    /** "Til": who the memo is for, e.g. "Statsråden". */
    to: z.string().trim().max(300),
    /** "Fra": the sender, e.g. "Politiavdelingen". */
    from: z.string().trim().max(300),
    /** "Dato" as an ISO date (yyyy-mm-dd); printed dd.mm.åååå. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-11-27'),
    /** "Saksnr.", e.g. "22/535". */
    caseNumber: z.string().trim().max(100),
    /** "Emne". */
    subject: z.string().trim().max(500),
  })
  .strict();
export type MemoMetadata = z.infer<typeof memoMetadataSchema>;

export const memoOptionsSchema = z
  .object({
    metadata: memoMetadataSchema,
    /** The sections to include, in this order (a section left out is switched off). */
    sections: z
      .array(z.enum(MEMO_SECTION_IDS))
      .min(1)
      .max(MEMO_SECTION_IDS.length)
      .refine((s) => new Set(s).size === s.length, 'a section may appear once'),
    questionIds: idFilter,
    policeDistrictCodes: districtFilter,
    codeIds: idFilter,
    /** Codes listed per question (most frequent first). */
    topCodes: z.number().int().min(1).max(50).default(8),
    /** Quotes under each code and each finding. */
    quotesPerItem: z.number().int().min(0).max(10).default(2),
    /** «Skjul personopplysninger»: each finding in a quote or an answer replaced by a label such as «[fødselsnummer fjernet]» (on unless turned off). */
    maskPersonal: z.boolean().default(true),
    /** Private persons are named «privatperson» unless this is on. */
    namePrivatePersons: z.boolean().default(false),
  })
  .strict();
export type MemoOptions = z.infer<typeof memoOptionsSchema>;
export type MemoOptionsInput = z.input<typeof memoOptionsSchema>;

export const workbookOptionsSchema = z
  .object({
    questionIds: idFilter,
    policeDistrictCodes: districtFilter,
    /** «Skjul personopplysninger»: each finding of personal data replaced by a label such as «[fødselsnummer fjernet]». */
    maskPersonal: z.boolean().optional(),
  })
  .strict();
export type WorkbookOptions = z.infer<typeof workbookOptionsSchema>;

export const CSV_TABLES = ['svar', 'koding'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

/**
 * Where to write: a file name or path; relative paths resolve inside the
 * workspace's export folder. Absent: a dated default name there.
 */
export const exportTargetSchema = z.string().trim().min(1).max(4096).optional();

/** What an export wrote. */
export interface ExportResult {
  path: string;
  fileName: string;
  sizeBytes: number;
  /** Counts of what went in, for the dialog's summary and the tests. */
  counts: Record<string, number>;
  durationMs: number;
}

/** What the export dialog starts from. */
export interface ExportDefaults {
  metadata: MemoMetadata;
  sections: MemoSectionId[];
  exportDir: string;
  /** Suggested file names for each kind. */
  fileNames: { docx: string; xlsx: string; csvSvar: string; csvKoding: string; qdpx: string; qdpxNvivo: string };
}
