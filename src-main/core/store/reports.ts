// Readers for the JSON report columns: an import batch's report
// (import_batch.report), an e-mail's facts (source_file.email) and how a scan
// was read (response.ocr_reading). Each is parsed by a zod schema typed by the
// shared interface it returns, so a damaged or older column is a clear error
// where it is read, and a field renamed in src-shared fails the compiler here.
import { z } from 'zod';
import type { OcrReading } from '../../../src-shared/domain';
import type { EmailReport, FileReport, ImportReport, RespondentMatch } from '../../../src-shared/imports';

const importWarning = z.object({ code: z.string(), message: z.string(), locator: z.string().optional() });
const reason = z.object({ code: z.string(), message: z.string() });
const kind = z.enum(['kommune', 'fylkeskommune', 'annen']);

const emailReport = z.object({
  format: z.enum(['eml', 'msg']),
  fromName: z.string().nullable(),
  fromAddress: z.string().nullable(),
  date: z.string().nullable(),
  subject: z.string().nullable(),
  messageId: z.string().nullable(),
  letter: z.string().nullable(),
  letterReason: z.enum(['splits', 'first-readable', 'body']).optional(),
  attachments: z.array(
    z.object({ name: z.string(), mediaType: z.string(), bytes: z.number(), role: z.enum(['letter', 'kept', 'inline']), note: z.string().optional() }),
  ),
  innerMessages: z.number(),
});

const respondentMatch = z.object({
  locator: z.string(),
  respondentName: z.string(),
  status: z.enum(['matched', 'unmatched', 'ambiguous']),
  municipalityNumber: z.string().nullable(),
  municipalityName: z.string().nullable(),
  candidates: z.array(z.string()),
  sender: z
    .object({
      status: z.enum(['found', 'uavklart']),
      kind,
      confidence: z.number(),
      label: z.string().nullable(),
      evidence: z.array(
        z.object({ source: z.enum(['letterhead', 'opening', 'signature', 'email', 'subject', 'filename', 'body']), text: z.string(), weight: z.number() }),
      ),
      candidates: z.array(z.object({ name: z.string(), kind, score: z.number() })),
    })
    .optional(),
  receivedDate: z.string().nullable().optional(),
  dateReason: z.string().optional(),
  split: z
    .object({
      method: z.enum(['labelled', 'question-text', 'numbered', 'none']),
      parts: z.array(z.object({ question: z.number().nullable(), excerpt: z.string() })),
    })
    .optional(),
});

const fileReport = z.object({
  path: z.string(),
  status: z.enum(['imported', 'unchanged', 'rejected', 'ready', 'skipped', 'cancelled']),
  responses: z.number(),
  format: z.string().optional(),
  encoding: z.string().optional(),
  delimiter: z.string().optional(),
  mappings: z
    .array(
      z.object({
        sheet: z.string().nullable(),
        mapping: z.object({
          headerRowIndex: z.number(),
          columns: z.array(
            z.object({
              index: z.number(),
              header: z.string(),
              field: z.union([z.enum(['respondent', 'municipalityNumber', 'receivedDate', 'letter', 'ignore']), z.templateLiteral(['question:', z.number().int()])]),
              confidence: z.number(),
              reason: z.string(),
            }),
          ),
        }),
      }),
    )
    .optional(),
  respondents: z.object({ matched: z.number(), unmatched: z.number(), ambiguous: z.number() }).optional(),
  matches: z.array(respondentMatch).optional(),
  needsSplitting: z.number().optional(),
  email: emailReport.optional(),
  warnings: z.array(importWarning),
  error: z.object({ code: z.string(), message: z.string(), locator: z.string().optional() }).optional(),
  reason: reason.optional(),
});

const importReport = z.object({
  batchId: z.string().nullable(),
  files: z.array(fileReport),
  stopped: z.boolean().optional(),
});

const ocrReading = z.object({
  pages: z.number(),
  pageNumbers: z.array(z.number()).optional(),
  confidence: z.number(),
  lowWords: z.number(),
  review: z.array(z.object({ page: z.number(), word: z.string(), confidence: z.number(), box: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional() })),
  text: z.string(),
});

/**
 * True only when the schema's output and the shared type are each assignable
 * to the other: a field added, renamed or given another value in src-shared
 * then fails the compiler here instead of being dropped or refused at run time.
 */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same: [
  Same<z.infer<typeof importReport>, ImportReport>,
  Same<z.infer<typeof fileReport>, FileReport>,
  Same<z.infer<typeof respondentMatch>, RespondentMatch>,
  Same<z.infer<typeof emailReport>, EmailReport>,
  Same<z.infer<typeof ocrReading>, OcrReading>,
] = [true, true, true, true, true];
void same;

/** A JSON column read by its schema; the error names the column, never the text in it. */
function reader<T>(schema: z.ZodType<T>, column: string): (json: string) => T {
  return (json) => {
    const parsed = schema.safeParse(JSON.parse(json));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`The stored ${column} is damaged at ${issue?.path.join('.') || 'the top'}: ${issue?.message ?? 'not the expected shape'}`);
    }
    return parsed.data;
  };
}

export const parseImportReport = reader(importReport, 'import report (import_batch.report)');
export const parseEmailReport = reader(emailReport, 'e-mail facts (source_file.email)');
export const parseOcrReading = reader(ocrReading, 'OCR reading (response.ocr_reading)');
