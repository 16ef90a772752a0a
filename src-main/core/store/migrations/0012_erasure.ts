// Erasure on request (issue 19, «Slett besvarelse permanent»;
// src-main/core/responses/erase.ts). The audit trail stays append-only with
// exactly one documented exception: the row images (before/after) of events
// about an erased entity, written before the erasure, may be set to NULL —
// and nothing else of any event may change, and no event may be deleted.
// Which entities were erased is itself append-only: `erasure` says what was
// erased, when and by whom (no content), `erased_entity` lists every row it
// removed; the trigger looks there, so scrubbing needs a recorded erasure.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE erasure (
    id TEXT PRIMARY KEY NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    response_id TEXT NOT NULL,
    respondent_id TEXT,
    -- The last event before the erasure: only events up to it may be scrubbed.
    up_to_seq INTEGER NOT NULL CHECK (up_to_seq >= 0),
    summary TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(summary)))`,

  `CREATE TABLE erased_entity (
    erasure_id TEXT NOT NULL REFERENCES erasure(id),
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (entity_type, entity_id, erasure_id))`,

  `CREATE TRIGGER erasure_no_update BEFORE UPDATE ON erasure
    BEGIN SELECT RAISE(ABORT, 'the erasure record is append-only'); END`,
  `CREATE TRIGGER erasure_no_delete BEFORE DELETE ON erasure
    BEGIN SELECT RAISE(ABORT, 'the erasure record is append-only'); END`,
  `CREATE TRIGGER erased_entity_no_update BEFORE UPDATE ON erased_entity
    BEGIN SELECT RAISE(ABORT, 'the erasure record is append-only'); END`,
  `CREATE TRIGGER erased_entity_no_delete BEFORE DELETE ON erased_entity
    BEGIN SELECT RAISE(ABORT, 'the erasure record is append-only'); END`,

  `DROP TRIGGER event_no_update`,
  `CREATE TRIGGER event_no_update BEFORE UPDATE ON event
    WHEN NOT (
      new.seq IS old.seq AND new.id IS old.id AND new.at IS old.at AND new.actor IS old.actor
      AND new.action IS old.action AND new.entity_type IS old.entity_type AND new.entity_id IS old.entity_id
      AND new.group_id IS old.group_id
      AND new.before IS NULL AND new.after IS NULL
      AND EXISTS (
        SELECT 1 FROM erased_entity x JOIN erasure e ON e.id = x.erasure_id
        WHERE x.entity_type = old.entity_type AND x.entity_id = old.entity_id AND old.seq <= e.up_to_seq))
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
