// Text sources of a REFI-QDA project that are no current response, made
// responses in their own right (a project started in NVivo moves to Innspill
// with its codings): the respondent from the source's name, matched to the
// register as any letter is, the source's text as the letter. Written with the
// response import's own records and batch code, inside the REFI import's
// transaction, with the .qdpx kept as the responses' source file.
import type { Insertable, Transaction } from 'kysely';
import { authoredColumns } from '../audit/record';
import type { CoreDeps } from '../deps';
import { sha256OfBytes } from '../input/hash';
import { importLimits } from '../input/limits';
import { letterRecord } from '../import/records';
import { insertRecordsIn, loadMappingQuestions, loadMatcher, type RecordTable } from '../import/service';
import type { DB } from '../store/schema';

export interface SourceText {
  name: string;
  guid: string;
  text: string;
}

/** Creates one response per source; returns how many, and the respondents matched, unmatched or ambiguous. */
export async function createResponsesFromSources(
  trx: Transaction<DB>,
  deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>,
  file: { name: string; bytes: Buffer },
  sources: SourceText[],
): Promise<{ responses: number; respondents: { matched: number; unmatched: number; ambiguous: number } }> {
  if (!sources.length) return { responses: 0, respondents: { matched: 0, unmatched: 0, ambiguous: 0 } };
  const matcher = await loadMatcher({ db: trx });
  const questions = await loadMappingQuestions({ db: trx });
  // The letter pipeline: respondent from the name (as a letter's file name), answers split by question headings where it has them.
  // A coded transcript is often longer than a letter's answer may be (NVivo's sample: 621 113 characters); its text was
  // read from the archive under the archive's limits, so here it is bounded by the largest file, not the longest cell.
  const limits = { ...importLimits, maxCellChars: importLimits.maxFileBytes };
  const records = sources.map((s) => {
    const record = letterRecord(s.name, { kind: 'letter', format: 'txt', text: s.text, warnings: [] }, questions, matcher, limits).records[0];
    return { ...record, locator: `${file.name}: kilde «${s.name}» (${s.guid || 'uten guid'})` };
  });
  const matches = records.map((r) => matcher.match(r.respondentName, r.municipalityNumber));

  // The .qdpx is the responses' source file: one row per file content (a later import of the same file reuses it).
  const sha256 = sha256OfBytes(file.bytes);
  let where = await trx.selectFrom('source_file').select(['id as sourceFileId', 'batch_id as batchId']).where('sha256', '=', sha256).executeTakeFirst();
  if (!where) {
    const batch = { ...authoredColumns(deps), label: `REFI-QDA: ${file.name}`, report: '{}' };
    await trx.insertInto('import_batch').values(batch).execute();
    const row = { ...authoredColumns(deps), batch_id: batch.id, name: file.name, sha256, size_bytes: file.bytes.length, media_type: 'application/zip', content: file.bytes };
    await trx.insertInto('source_file').values(row).execute();
    where = { sourceFileId: row.id, batchId: batch.id };
  }
  // One statement per table: Kysely types an insert by a table named in the code, not by a generic one.
  const writers: { [T in RecordTable]: (rows: Insertable<DB[T]>[]) => Promise<unknown> } = {
    respondent: (rows) => trx.insertInto('respondent').values(rows).execute(),
    response: (rows) => trx.insertInto('response').values(rows).execute(),
    answer: (rows) => trx.insertInto('answer').values(rows).execute(),
  };
  const insert = async <T extends RecordTable>(table: T, rows: Insertable<DB[T]>[]) => {
    const write = writers[table];
    for (let i = 0; i < rows.length; i += 200) await write(rows.slice(i, i + 200));
  };
  const written = await insertRecordsIn(trx, deps, records, matches, where, insert);
  return { responses: written.responses.length, respondents: written.counts };
}
