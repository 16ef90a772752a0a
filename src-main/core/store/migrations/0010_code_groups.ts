// Code groups: a named set of codes (REFI-QDA's <Set> of <MemberCode>s, an
// ATLAS.ti code group), so the sets of an imported file are kept and exported
// back. A code in a group stays where it is in the codebook; a group only names it.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE code_group (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
  )`,
  `CREATE TABLE code_group_member (
    group_id TEXT NOT NULL REFERENCES code_group(id) ON DELETE CASCADE,
    code_id TEXT NOT NULL REFERENCES code(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, code_id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
