// The search index is complete when an import commits (issue #20): every
// imported answer's words and stems are in FTS5 before any search runs, and a
// file whose transaction fails half-way leaves no index rows behind.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../src-main/core';
import { importPaths } from '../../../../src-main/core/import/service';
import type { Store } from '../../../../src-main/core/store/open';
import { testApi } from '../../../helpers/api';
import { tempDir, testCore } from '../../../helpers/core';
import { toCsv, writeFiles } from '../../../helpers/import-fixtures';
import { expectedIndex, indexedAnswers, searchMapDiff } from '../../../helpers/search';

let cleanup: () => void;
let core: Core;
let inbox: string;

beforeEach(async () => {
  let dir: string;
  ({ dir, cleanup } = tempDir());
  core = testCore(dir);
  await testApi(core).project.create({ path: 'index.innspill', template: 'brev-kommunene-2022' });
  inbox = path.join(dir, 'innboks');
});
afterEach(async () => {
  await core.dispose();
  cleanup();
});

const store = (): Store => core.session.requireStore();
const words = 'politiet kommunen beredskap tjenestestedet ungdommen responstiden samarbeid bålet gapahuken'.split(' ');

/** A CSV of `count` responses × 5 answers, each a different mix of words, so the slices of the index differ. */
function responsesCsv(prefix: string, count: number): string {
  const rows = Array.from({ length: count }, (_, i) => [
    `${prefix} ${i}`,
    ...[1, 2, 3, 4, 5].map((q) => `${prefix}svar ${i}-${q}: ` + words.filter((_, k) => (i + q + k) % 3 === 0).join(' ')),
  ]);
  return toCsv([['Innsender', 'Spørsmål 1', 'Spørsmål 2', 'Spørsmål 3', 'Spørsmål 4', 'Spørsmål 5'], ...rows]);
}

function count(sql: string): number {
  return store().sqlite.prepare(sql).pluck().get() as number;
}

/** The index read back equals what every answer in the database should give; no row without its answer. */
function expectIndexComplete(): void {
  const sqlite = store().sqlite;
  expect(indexedAnswers(sqlite)).toEqual(expectedIndex(sqlite));
  expect(searchMapDiff(sqlite)).toEqual([]);
}

describe('the search index at the import commit', () => {
  it('holds every answer of an import before any search (many slices of the indexer)', async () => {
    const files = writeFiles(inbox, { 'svar.csv': responsesCsv('Innsender', 250) });
    const report = await importPaths(store(), files, core.session.deps);
    expect(report.files.map((f) => [f.status, f.responses])).toEqual([['imported', 250]]);
    // No search has run: what is indexed was indexed by the import.
    expect(count('SELECT count(*) FROM answer')).toBe(1250);
    expect(count('SELECT count(*) FROM answer_search')).toBe(1250);
    expectIndexComplete();
  });

  it('is complete inside the file\'s transaction, just before it commits', async () => {
    let inside: [number, number] | null = null;
    const files = writeFiles(inbox, { 'svar.csv': responsesCsv('Innsender', 40) });
    await importPaths(store(), files, core.session.deps, {
      beforeCommit: () => {
        inside = [count('SELECT count(*) FROM answer'), count('SELECT count(*) FROM answer_search')];
      },
    });
    expect(inside).toEqual([200, 200]);
  });

  it('keeps no index rows of a file whose transaction fails half-way, and all of the files that went in', async () => {
    const files = writeFiles(inbox, {
      '1-forste.csv': responsesCsv('Første', 30),
      '2-feiler.csv': responsesCsv('Feiler', 300),
      '3-tredje.csv': responsesCsv('Tredje', 30),
    });
    let indexedWhenFailing = 0;
    const report = await importPaths(store(), files, core.session.deps, {
      beforeCommit: (file) => {
        if (!file.endsWith('2-feiler.csv')) return;
        // The failing file's answers were indexed in its transaction: the rollback must take them back out.
        indexedWhenFailing = count("SELECT count(*) FROM answer_search s JOIN answer a ON a.id = s.answer_id WHERE a.text LIKE 'Feilersvar%'");
        throw new Error('disken ble full');
      },
    });
    expect(report.files.map((f) => [path.basename(f.path), f.status])).toEqual([
      ['1-forste.csv', 'imported'],
      ['2-feiler.csv', 'rejected'],
      ['3-tredje.csv', 'imported'],
    ]);
    expect(indexedWhenFailing).toBe(1500);
    expect(count('SELECT count(*) FROM answer')).toBe(300);
    expect(count('SELECT count(*) FROM answer_search')).toBe(300);
    expect(count("SELECT count(*) FROM answer_fts WHERE answer_fts MATCH 'words:feilersvar'")).toBe(0);
    expect(count("SELECT count(*) FROM answer_fts WHERE answer_fts MATCH 'words:førstesvar'")).toBe(150);
    expectIndexComplete();
  });
});
