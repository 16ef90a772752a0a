// Full-text search over answers (src-main/core/search). An FTS5 index with two
// columns: `words` (the answer's words, lower-cased, unstemmed: exact words
// and prefixes) and `stems` (the same words through the Norwegian Snowball
// stemmer: inflected forms), tokenized with `unicode61 remove_diacritics 0`
// so æ, ø and å are never folded to a/o. The index is contentless: the text
// stays in `answer` only.
//
// `answer` has a text id, and its implicit rowid may change on VACUUM, so the
// index is keyed by its own integer docid, mapped to the answer id in
// `answer_search`, which also keeps the answer's response, question and place
// (so a search never reads the answer table's large rows). Every row of
// `answer_search` has its row in the index.
//
// Triggers take an answer out of both at once when it is deleted (also by a
// cascade from its response) or its text changes, and keep its place up to
// date; whoever makes the change (import, split corrections, undo/redo).
// New answers, and changed ones, are added by the search service before it
// searches (search/indexer.ts: the answers without a row in `answer_search`),
// in one statement with the app-defined functions nb_words/nb_stems. There is
// no insert trigger: a trigger costs ~9 µs per row on an import of 50,000
// answers, and indexing row by row in one made every insert flush FTS5's
// pending data (a statement savepoint per row) — several times slower.
// The triggers call no app-defined function, so the file stays writable from
// any SQLite tool. Existing answers are indexed by the first search.
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE answer_search (
    docid INTEGER PRIMARY KEY,
    answer_id TEXT NOT NULL UNIQUE,
    response_id TEXT NOT NULL,
    question_id TEXT,
    ordinal INTEGER NOT NULL)`,

  `CREATE VIRTUAL TABLE answer_fts USING fts5(
    words, stems,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0')`,

  `CREATE TRIGGER answer_search_delete AFTER DELETE ON answer BEGIN
    DELETE FROM answer_fts WHERE rowid = (SELECT docid FROM answer_search WHERE answer_id = old.id);
    DELETE FROM answer_search WHERE answer_id = old.id;
  END`,

  // Out of the index; indexed again (with a new docid) before the next search.
  `CREATE TRIGGER answer_search_text AFTER UPDATE OF id, text ON answer
    WHEN new.id IS NOT old.id OR new.text IS NOT old.text BEGIN
    DELETE FROM answer_fts WHERE rowid = (SELECT docid FROM answer_search WHERE answer_id = old.id);
    DELETE FROM answer_search WHERE answer_id = old.id;
  END`,

  `CREATE TRIGGER answer_search_place AFTER UPDATE OF response_id, question_id, ordinal ON answer BEGIN
    UPDATE answer_search SET response_id = new.response_id, question_id = new.question_id, ordinal = new.ordinal
      WHERE answer_id = new.id;
  END`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
