// Bringing the answer index up to date (see migration 0004). Deleted and
// changed answers leave the index through triggers; this adds the answers
// that have no row in `answer_search` yet (new, changed, or written before
// the index existed), in slices of a few hundred answers per statement so
// FTS5 still writes its segments in bulk. An import calls it inside each
// file's transaction (import/service.ts), turning the event loop between
// slices, so the index is complete when the file commits and gone with it if
// it rolls back; the catalogue calls it whenever the data has changed since
// the last search (catalog.ts), so an unchanged project costs nothing here.
import type Database from 'better-sqlite3';
import { runAtOnce, runTurning, type Sliced, type Turn } from '../eventLoop';

/** Answers indexed per statement: ~10–20 ms of tokenizing and stemming, under the event loop's turn. */
const SLICE = 200;

const prepared = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(sqlite: Database.Database) {
  return {
    counts: sqlite.prepare<[], { answers: number; indexed: number }>('SELECT (SELECT count(*) FROM answer) AS answers, (SELECT count(*) FROM answer_search) AS indexed'),
    maxDocid: sqlite.prepare<[], number>('SELECT coalesce(max(docid), 0) FROM answer_search').pluck(),
    // Rows whose answer went without the trigger (only if the triggers were bypassed).
    orphans: sqlite.prepare<[], number>('SELECT docid FROM answer_search s WHERE NOT EXISTS (SELECT 1 FROM answer a WHERE a.id = s.answer_id)').pluck(),
    dropDoc: sqlite.prepare('DELETE FROM answer_fts WHERE rowid = ?'),
    dropMap: sqlite.prepare('DELETE FROM answer_search WHERE docid = ?'),
    addMap: sqlite.prepare(
      `INSERT INTO answer_search (answer_id, response_id, question_id, ordinal)
       SELECT a.id, a.response_id, a.question_id, a.ordinal FROM answer a
       WHERE NOT EXISTS (SELECT 1 FROM answer_search s WHERE s.answer_id = a.id)
       ORDER BY a.rowid`,
    ),
    index: sqlite.prepare(
      `INSERT INTO answer_fts (rowid, words, stems)
       SELECT s.docid, nb_words(a.text), nb_stems(a.text)
       FROM answer_search s JOIN answer a ON a.id = s.answer_id
       WHERE s.docid > ? AND s.docid <= ?`,
    ),
  };
}

function statementsOf(sqlite: Database.Database) {
  let s = prepared.get(sqlite);
  if (!s) prepared.set(sqlite, (s = prepare(sqlite)));
  return s;
}

/** The indexing, a slice at a time: drops orphans, maps the unindexed answers, indexes them by docid range. */
function* indexing(statements: ReturnType<typeof prepare>): Sliced<number> {
  // An aggregate without GROUP BY always yields its one row.
  const { answers, indexed } = statements.counts.get() ?? { answers: 0, indexed: 0 };
  if (answers === indexed) return 0;
  for (const docid of statements.orphans.all()) {
    statements.dropDoc.run(docid);
    statements.dropMap.run(docid);
  }
  const before = statements.maxDocid.get() ?? 0;
  const added = statements.addMap.run().changes;
  const last = statements.maxDocid.get() ?? 0;
  for (let from = before; from < last; from += SLICE) {
    statements.index.run(from, Math.min(from + SLICE, last));
    if (from + SLICE < last) yield;
  }
  return added;
}

/** Indexes the answers the index lacks, in a transaction of its own (or a savepoint in the caller's); returns how many. */
export function refreshSearchIndex(sqlite: Database.Database): number {
  const statements = statementsOf(sqlite);
  return sqlite.transaction(() => runAtOnce(indexing(statements))).immediate();
}

/**
 * The same inside the caller's open transaction (an import's), awaiting `turn`
 * between slices so the core keeps answering; the index rows commit or roll
 * back with the caller's. Returns how many answers it indexed.
 */
export async function indexWithinTransaction(sqlite: Database.Database, turn: Turn): Promise<number> {
  if (!sqlite.inTransaction) throw new Error('indexWithinTransaction needs an open transaction');
  return runTurning(indexing(statementsOf(sqlite)), turn);
}

/** Drops the index and indexes every answer again (a repair; also the benchmark's build time). */
export function rebuildSearchIndex(sqlite: Database.Database): number {
  return sqlite
    .transaction(() => {
      sqlite.exec("INSERT INTO answer_fts (answer_fts) VALUES ('delete-all')");
      sqlite.exec('DELETE FROM answer_search');
      const n = refreshSearchIndex(sqlite);
      sqlite.exec("INSERT INTO answer_fts (answer_fts) VALUES ('optimize')");
      return n;
    })
    .immediate();
}
