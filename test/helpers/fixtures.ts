// Rows written straight into a project file with kysely, for tests that check
// what the services compute from the database (nothing here goes through the
// services themselves).
import type { Kysely } from 'kysely';
import type { DB, MatchStatus } from '../../src-main/core/store/schema';

let counter = 0;

/** Authored columns with a fresh id (prefixed so it never collides with core ids). */
export function authored(kind: string) {
  counter++;
  const at = '2026-02-01T10:00:00.000Z';
  return {
    id: `fixture-${kind}-${counter}`,
    created_at: at,
    created_by: 'Fixture',
    updated_at: at,
    updated_by: 'Fixture',
  };
}

export async function insertBatch(db: Kysely<DB>): Promise<string> {
  const row = { ...authored('batch'), label: 'Testimport', report: '{}' };
  await db.insertInto('import_batch').values(row).execute();
  return row.id;
}

export async function insertRespondent(
  db: Kysely<DB>,
  name: string,
  status: MatchStatus,
  municipalityNumber: string | null = null,
): Promise<string> {
  const row = {
    ...authored('respondent'),
    name,
    match_status: status,
    municipality_number: municipalityNumber,
    match_candidates: '[]',
  };
  await db.insertInto('respondent').values(row).execute();
  return row.id;
}

export async function insertResponse(
  db: Kysely<DB>,
  respondentId: string,
  batchId: string,
  options: { current?: boolean } = {},
): Promise<string> {
  const row = {
    ...authored('response'),
    respondent_id: respondentId,
    batch_id: batchId,
    locator: 'rad 2',
    is_current: options.current === false ? 0 : 1,
  };
  await db.insertInto('response').values(row).execute();
  return row.id;
}

/** One answer per entry: [question id or null for unassigned, text]. */
export async function insertAnswers(
  db: Kysely<DB>,
  responseId: string,
  answers: [questionId: string | null, text: string][],
): Promise<void> {
  for (const [i, [questionId, text]] of answers.entries()) {
    await db
      .insertInto('answer')
      .values({ ...authored('answer'), response_id: responseId, question_id: questionId, ordinal: i + 1, text })
      .execute();
  }
}
