// Inter-coder agreement (issue 8): the lead's resolution of each unit on
// which double coders disagreed. One row per unit — a code in one response's
// answer to one question, or a closed variable of one response — keyed by
// unit_key (src-shared/agreement.ts), holding which coders were compared, the
// decision, the value that stands (variables), a snapshot of each side as it
// stood when decided, and a note. Rows are written through the ChangeSet, so
// they are audited and undoable with the codings the decision changed.
//
// code_id, variable_id and question_id carry no foreign key on purpose: a
// resolution outlives a deleted code (undoing the deletion brings the code
// back to its resolutions), and the report ignores resolutions of codes that
// no longer exist.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE agreement_resolution (
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    unit_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('code', 'variable')),
    response_id TEXT NOT NULL REFERENCES response(id) ON DELETE CASCADE,
    question_id TEXT,
    code_id TEXT,
    variable_id TEXT,
    coders TEXT NOT NULL CHECK (json_valid(coders) AND json_array_length(coders) >= 2),
    decision TEXT NOT NULL CHECK (decision IN ('a', 'b', 'both', 'neither', 'value')),
    value TEXT CHECK (value IS NULL OR json_valid(value)),
    snapshot TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(snapshot)),
    note TEXT NOT NULL DEFAULT '',
    CHECK ((kind = 'code') = (code_id IS NOT NULL)),
    CHECK ((kind = 'variable') = (variable_id IS NOT NULL)),
    CHECK (kind = 'variable' OR decision IN ('a', 'b', 'both', 'neither')),
    CHECK (kind = 'code' OR decision IN ('a', 'b', 'value'))
  )`,
  `CREATE UNIQUE INDEX agreement_resolution_unit ON agreement_resolution(unit_key)`,
  `CREATE INDEX agreement_resolution_response ON agreement_resolution(response_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
