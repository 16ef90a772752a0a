// Who codes what: the lead assigns respondents (and so their current and
// later responses) to caseworkers by name. Two rows for one respondent mean
// it is double-coded, which the agreement report uses as its sample.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE assignment (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    respondent_id TEXT NOT NULL REFERENCES respondent(id) ON DELETE CASCADE,
    assignee TEXT NOT NULL CHECK (length(trim(assignee)) > 0)
  )`,
  `CREATE UNIQUE INDEX assignment_unique ON assignment(respondent_id, assignee)`,
  `CREATE INDEX assignment_assignee ON assignment(assignee)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
