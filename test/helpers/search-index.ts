// The search index read back from a project database and what it should hold,
// without a core (the migration test checks it on a bare migrated database).
import type Database from 'better-sqlite3';
import { indexStems, indexWords } from '../../src-main/core/store/words';

/**
 * The index, read back: for every answer, the words and stems FTS5 holds
 * under its docid. Equal to `expectedIndex` when the index is in step.
 */
export function indexedAnswers(sqlite: Database.Database): Record<string, { words: string; stems: string }> {
  sqlite.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.answer_vocab USING fts5vocab(main, answer_fts, instance)');
  const rows = sqlite
    .prepare(
      `SELECT s.answer_id, v.col, group_concat(v.term, ' ') AS terms
       FROM (SELECT doc, col, term FROM temp.answer_vocab ORDER BY doc, col, offset) v
       LEFT JOIN answer_search s ON s.docid = v.doc
       GROUP BY v.doc, v.col`,
    )
    .all() as { answer_id: string | null; col: 'words' | 'stems'; terms: string }[];
  const out: Record<string, { words: string; stems: string }> = {};
  for (const row of rows) {
    const key = row.answer_id ?? '(docid without answer)';
    out[key] ??= { words: '', stems: '' };
    out[key][row.col] = row.terms;
  }
  return out;
}

/** What the index should hold: every answer with text, by id. */
export function expectedIndex(sqlite: Database.Database): Record<string, { words: string; stems: string }> {
  const out: Record<string, { words: string; stems: string }> = {};
  for (const a of sqlite.prepare('SELECT id, text FROM answer').all() as { id: string; text: string }[]) {
    const words = indexWords(a.text);
    if (words) out[a.id] = { words, stems: indexStems(a.text) };
  }
  return out;
}

/** Answers whose row in answer_search is missing or differs from the answer (should be none). */
export function searchMapDiff(sqlite: Database.Database): unknown[] {
  return sqlite
    .prepare(
      `SELECT a.id, s.answer_id FROM answer a FULL OUTER JOIN answer_search s ON s.answer_id = a.id
       WHERE a.id IS NULL OR s.answer_id IS NULL
          OR s.response_id IS NOT a.response_id OR s.question_id IS NOT a.question_id OR s.ordinal IS NOT a.ordinal`,
    )
    .all();
}
