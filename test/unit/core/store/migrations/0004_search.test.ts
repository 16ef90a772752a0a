// Migration 0004_search, applied with the app's own migrator (as in
// migrations/index.test.ts): the answer index, its triggers, and the backfill
// of answers written before it.
import { Migrator } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refreshSearchIndex } from '../../../../../src-main/core/search/indexer';
import { compileQuery } from '../../../../../src-main/core/search/query';
import { registerSearchFunctions } from '../../../../../src-main/core/store/words';
import { migrationProvider } from '../../../../../src-main/core/store/migrations';
import { columnNames, migratedDatabase, tableNames, type MigratedDb } from '../../../../helpers/sqlite';
import { expectedIndex, indexedAnswers, searchMapDiff } from '../../../../helpers/search-index';

let seq = 0;
function who(): Record<string, string> {
  seq++;
  return { id: `id-${seq}`, created_at: 't', created_by: 'a', updated_at: 't', updated_by: 'a' };
}

function insert(m: MigratedDb, table: string, row: Record<string, unknown>): void {
  const cols = Object.keys(row);
  m.sqlite.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(row);
}

/** A response with answers; returns the response id and the answer ids. */
function seedResponse(m: MigratedDb, texts: string[]): { response: string; answers: string[] } {
  const respondent = who();
  insert(m, 'respondent', { ...respondent, name: 'Bodø kommune', match_status: 'unmatched' });
  const batch = who();
  insert(m, 'import_batch', { ...batch, label: 'import' });
  const response = who();
  insert(m, 'response', { ...response, respondent_id: respondent.id, batch_id: batch.id, locator: 'rad 2' });
  const answers = texts.map((text, i) => {
    const answer = who();
    insert(m, 'answer', { ...answer, response_id: response.id, ordinal: i + 1, text });
    return answer.id;
  });
  return { response: response.id, answers };
}

/** Answer ids the index finds for a query (after indexing the queue). */
function find(m: MigratedDb, query: string): string[] {
  refreshSearchIndex(m.sqlite);
  return m.sqlite
    .prepare('SELECT s.answer_id FROM answer_fts JOIN answer_search s ON s.docid = answer_fts.rowid WHERE answer_fts MATCH ? ORDER BY s.answer_id')
    .pluck()
    .all(compileQuery(query).match) as string[];
}

describe('0004_search', () => {
  let m: MigratedDb;
  beforeEach(async () => {
    m = await migratedDatabase('0004_search');
    registerSearchFunctions(m.sqlite);
  });
  afterEach(() => m.close());

  it('adds the answer map and the FTS5 index, tokenized without folding æ/ø/å', () => {
    expect(tableNames(m.sqlite)).toEqual(expect.arrayContaining(['answer_search', 'answer_fts']));
    expect(columnNames(m.sqlite, 'answer_search')).toEqual(['answer_id', 'docid', 'ordinal', 'question_id', 'response_id']);
    const ddl = m.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'answer_fts'").pluck().get() as string;
    expect(ddl).toMatch(/unicode61 remove_diacritics 0/);
    expect(ddl).not.toMatch(/remove_diacritics [12]/);
    expect(ddl).toMatch(/content = ''/);
  });

  it('indexes new answers when refreshed, with words and stems as the tokenizer gives them', () => {
    const { answers } = seedResponse(m, ['Vi ønsker et nytt tjenestested.', 'Politiet må være til stede.']);
    // No insert trigger: an import pays nothing; the next search indexes them.
    expect(m.sqlite.prepare('SELECT count(*) FROM answer_search').pluck().get()).toBe(0);
    expect(refreshSearchIndex(m.sqlite)).toBe(2);
    expect(refreshSearchIndex(m.sqlite)).toBe(0);
    expect(m.sqlite.prepare('SELECT answer_id FROM answer_search ORDER BY docid').pluck().all()).toEqual(answers);
    expect(searchMapDiff(m.sqlite)).toEqual([]);
    expect(indexedAnswers(m.sqlite)).toEqual(expectedIndex(m.sqlite));
    expect(find(m, 'tjenestestedene')).toEqual([answers[0]]);
    expect(find(m, 'politi')).toEqual([answers[1]]);
  });

  it('drops deleted answers from the index, also when a deleted response takes its answers with it', () => {
    const one = seedResponse(m, ['Tjenestestedet er nedlagt.', 'Politiet er langt unna.']);
    const two = seedResponse(m, ['Et nytt tjenestested, takk.']);
    expect(find(m, 'tjenestested')).toEqual([one.answers[0], two.answers[0]].sort());
    m.sqlite.prepare('DELETE FROM answer WHERE id = ?').run(one.answers[0]);
    expect(find(m, 'tjenestested')).toEqual([two.answers[0]]);
    m.sqlite.prepare('DELETE FROM response WHERE id = ?').run(two.response); // cascades to its answers
    expect(find(m, 'tjenestested')).toEqual([]);
    expect(m.sqlite.prepare('SELECT answer_id FROM answer_search').pluck().all()).toEqual([one.answers[1]]);
    expect(indexedAnswers(m.sqlite)).toEqual(expectedIndex(m.sqlite));
  });

  it('re-indexes an answer whose text changes, and leaves it alone when only other columns change', () => {
    const { answers } = seedResponse(m, ['Rundt bålet om kvelden.']);
    expect(find(m, 'bål')).toEqual(answers);
    m.sqlite.prepare("UPDATE answer SET text = 'Kommunen holdt et bal.' WHERE id = ?").run(answers[0]);
    // Out of the index until the next refresh.
    expect(m.sqlite.prepare('SELECT count(*) FROM answer_search').pluck().get()).toBe(0);
    expect(find(m, 'bål')).toEqual([]);
    expect(find(m, 'bal')).toEqual(answers);
    m.sqlite.prepare('UPDATE answer SET ordinal = 7 WHERE id = ?').run(answers[0]);
    expect(m.sqlite.prepare('SELECT ordinal FROM answer_search').pluck().get()).toBe(7);
    const question = who();
    insert(m, 'question', { ...question, ordinal: 2, short_label: 'Q2', text: 'Q2' });
    m.sqlite.prepare('UPDATE answer SET question_id = ? WHERE id = ?').run(question.id, answers[0]);
    expect(searchMapDiff(m.sqlite)).toEqual([]);
    expect(indexedAnswers(m.sqlite)).toEqual(expectedIndex(m.sqlite));
  });

  it('changes answers from any connection, with no app-defined function registered', async () => {
    const plain = await migratedDatabase('0004_search'); // no registerSearchFunctions
    try {
      // The triggers compile and run without nb_words/nb_stems ("no such function" would fail here).
      const { answers } = seedResponse(plain, ['Tekst']);
      plain.sqlite.prepare('UPDATE answer SET ordinal = 2 WHERE id = ?').run(answers[0]);
      plain.sqlite.prepare("UPDATE answer SET text = 'Ny tekst' WHERE id = ?").run(answers[0]);
      plain.sqlite.prepare('DELETE FROM answer WHERE id = ?').run(answers[0]);
      expect(plain.sqlite.prepare('SELECT count(*) FROM answer_search').pluck().get()).toBe(0);
    } finally {
      await plain.close();
    }
  });
});

describe('0004_search on a file with answers (backfill)', () => {
  it('indexes the answers written before the migration', async () => {
    const old = await migratedDatabase('0003_findings_register');
    try {
      const { answers } = seedResponse(old, [
        'Vi har et tjenestested i sentrum.',
        'Kommunene samarbeider om beredskap.',
        'For to år siden ble lensmannskontoret lagt ned.',
      ]);
      const { error } = await new Migrator({ db: old.db, provider: migrationProvider }).migrateTo('0004_search');
      expect(error).toBeUndefined();
      registerSearchFunctions(old.sqlite);
      expect(refreshSearchIndex(old.sqlite)).toBe(3);
      expect(old.sqlite.prepare('SELECT answer_id FROM answer_search ORDER BY docid').pluck().all()).toEqual(answers);
      expect(searchMapDiff(old.sqlite)).toEqual([]);
      expect(find(old, 'tjenestestedet')).toEqual([answers[0]]);
      expect(find(old, 'kommune')).toEqual([answers[1]]);
      expect(find(old, 'år')).toEqual([answers[2]]);
      expect(find(old, 'ar')).toEqual([]);
      expect(indexedAnswers(old.sqlite)).toEqual(expectedIndex(old.sqlite));
    } finally {
      await old.close();
    }
  });
});
