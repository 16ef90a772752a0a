// The coding workspace: closed variables and their values (with the quoted
// evidence span), memos, a "use in memo" mark on codings, and event groups so
// that one user action (a merge that moves many codings) is undone as one.
import { sql, type Kysely } from 'kysely';

const authored = `
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL`;

const statements = [
  `CREATE TABLE variable (${authored},
    key TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    question_id TEXT REFERENCES question(id),
    kind TEXT NOT NULL CHECK (kind IN ('single', 'multi', 'text')),
    options TEXT NOT NULL DEFAULT '[]',
    shortcut TEXT,
    sort_order INTEGER NOT NULL DEFAULT 0)`,

  `CREATE TABLE variable_value (${authored},
    response_id TEXT NOT NULL REFERENCES response(id) ON DELETE CASCADE,
    variable_id TEXT NOT NULL REFERENCES variable(id) ON DELETE CASCADE,
    value TEXT NOT NULL,
    evidence_answer_id TEXT REFERENCES answer(id),
    evidence_start INTEGER,
    evidence_end INTEGER,
    UNIQUE (response_id, variable_id),
    CHECK ((evidence_answer_id IS NULL AND evidence_start IS NULL AND evidence_end IS NULL)
        OR (evidence_answer_id IS NOT NULL AND evidence_start IS NOT NULL AND evidence_end IS NOT NULL
            AND evidence_start >= 0 AND evidence_end > evidence_start)))`,
  `CREATE INDEX variable_value_variable ON variable_value(variable_id)`,

  `CREATE TABLE memo (${authored},
    target_type TEXT NOT NULL CHECK (target_type IN ('project', 'response', 'answer', 'code')),
    target_id TEXT,
    text TEXT NOT NULL,
    CHECK ((target_type = 'project') = (target_id IS NULL)))`,
  `CREATE UNIQUE INDEX memo_target ON memo(target_type, coalesce(target_id, ''))`,

  `ALTER TABLE coding ADD COLUMN use_in_memo INTEGER NOT NULL DEFAULT 0 CHECK (use_in_memo IN (0, 1))`,
  `CREATE INDEX code_parent ON code(parent_id)`,

  `ALTER TABLE event ADD COLUMN group_id TEXT`,
  `CREATE INDEX event_actor_group ON event(actor, group_id)`,
  // Undo reads one caseworker's trail backwards.
  `CREATE INDEX event_actor_seq ON event(actor, seq)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
