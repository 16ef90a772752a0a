// Personal data found in answers (issue 19; the detector is
// src-main/core/personal/detect.ts). A cache of the answers' text, like the
// search index (0004): `personal_scan` has one row per answer the detector
// has read, `personal_span` one row per finding (its kind and where it is,
// never the text itself). Triggers drop an answer's rows when it is deleted
// or its text changes; answers without a scan row (new, changed, or older
// than this migration) are scanned by personal/scan.ts, at the end of an
// import and before anything reads the findings, so existing projects are
// scanned lazily on first use. The triggers call no app-defined function.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE personal_scan (
    answer_id TEXT PRIMARY KEY NOT NULL,
    findings INTEGER NOT NULL CHECK (findings >= 0))`,

  `CREATE TABLE personal_span (
    answer_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('fodselsnummer', 'd_nummer', 'telefon', 'epost', 'adresse')),
    start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
    end_offset INTEGER NOT NULL,
    CHECK (end_offset > start_offset),
    PRIMARY KEY (answer_id, start_offset))`,

  `CREATE TRIGGER personal_delete AFTER DELETE ON answer BEGIN
    DELETE FROM personal_span WHERE answer_id = old.id;
    DELETE FROM personal_scan WHERE answer_id = old.id;
  END`,

  `CREATE TRIGGER personal_text AFTER UPDATE OF id, text ON answer
    WHEN new.id IS NOT old.id OR new.text IS NOT old.text BEGIN
    DELETE FROM personal_span WHERE answer_id = old.id;
    DELETE FROM personal_scan WHERE answer_id = old.id;
  END`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
