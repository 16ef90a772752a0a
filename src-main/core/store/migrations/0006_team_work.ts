// Team work offline (issue 8). The master keeps a row per work package it
// exported (with the audit-trail position the package was cut at, its base)
// and a row per return package it merged; a working copy made from a package
// has exactly one package_origin row, whose presence makes it a working copy.
// Merged changes are remembered per entity so that merging again, or merging
// a later return of the same package, applies only what is new, and changes
// that collided are kept as conflicts, both sides with their authors, until
// the lead decides.
import { sql, type Kysely } from 'kysely';

const authored = `
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL`;

const statements = [
  // Master side: one row per exported work package.
  `CREATE TABLE work_package (${authored},
    assignee TEXT NOT NULL CHECK (length(trim(assignee)) > 0),
    base_seq INTEGER NOT NULL CHECK (base_seq >= 0),
    respondents INTEGER NOT NULL DEFAULT 0,
    responses INTEGER NOT NULL DEFAULT 0,
    file_name TEXT NOT NULL DEFAULT '')`,

  // Working-copy side: the package this copy was made from (one row at most).
  // id is the package id; created_* say who exported it from the master and when.
  `CREATE TABLE package_origin (${authored},
    master_project_id TEXT NOT NULL,
    master_title TEXT NOT NULL,
    assignee TEXT NOT NULL,
    base_seq INTEGER NOT NULL,
    local_seq INTEGER NOT NULL DEFAULT 0,
    format_version INTEGER NOT NULL,
    respondents INTEGER NOT NULL DEFAULT 0,
    responses INTEGER NOT NULL DEFAULT 0)`,
  `CREATE UNIQUE INDEX package_origin_single ON package_origin((1))`,

  // Master side: each return package merged (its id is the return's own id).
  `CREATE TABLE package_merge (${authored},
    package_id TEXT NOT NULL,
    assignee TEXT NOT NULL,
    -- The working copy's audit trail position the return went up to: an older
    -- return of the same package, merged after a newer one, brings nothing.
    up_to_seq INTEGER NOT NULL DEFAULT 0,
    changes INTEGER NOT NULL,
    applied INTEGER NOT NULL,
    conflicts INTEGER NOT NULL,
    report TEXT NOT NULL DEFAULT '{}')`,
  `CREATE INDEX package_merge_package ON package_merge(package_id)`,

  // Master side: the last version of each entity merged from a package, and
  // what became of it. A later return of the same package is merged against
  // this version instead of the package's base.
  `CREATE TABLE merged_change (
    package_id TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_key TEXT NOT NULL,
    theirs TEXT,
    actor TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'unchanged', 'duplicate', 'conflict')),
    merge_id TEXT NOT NULL,
    merged_at TEXT NOT NULL,
    PRIMARY KEY (package_id, entity_type, entity_key))`,

  // Changes that collided, for the lead to decide (src-shared/team.ts explains the kinds).
  `CREATE TABLE merge_conflict (${authored},
    package_id TEXT NOT NULL,
    merge_id TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    natural_key TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('both_changed', 'changed_deleted', 'moved_text', 'missing_parent')),
    columns TEXT NOT NULL DEFAULT '[]',
    base TEXT,
    ours TEXT,
    theirs TEXT,
    ours_actor TEXT,
    theirs_actor TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    resolution TEXT CHECK (resolution IN ('ours', 'theirs')),
    resolved_at TEXT,
    resolved_by TEXT,
    CHECK ((status = 'open') = (resolution IS NULL)))`,
  `CREATE INDEX merge_conflict_package ON merge_conflict(package_id, status)`,
  `CREATE INDEX merge_conflict_entity ON merge_conflict(entity_type, entity_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
