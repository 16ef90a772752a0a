// The search index stays in step with the answers however they change:
// imports, split corrections (answers.assign) and their undo and redo,
// respondents resolved to a municipality, and changes a colleague makes on
// the same file through another connection. After each step the index holds
// exactly the words and stems of every answer (read back from FTS5).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../../src-main/core';
import { sequentialIds } from '../../../../src-main/core/deps';
import { refreshSearchIndex } from '../../../../src-main/core/search/indexer';
import { testApi } from '../../../helpers/api';
import { testDeps } from '../../../helpers/core';
import { toCsv } from '../../../helpers/import-fixtures';
import { expectedIndex, indexedAnswers, searchMapDiff, searchProject, type SearchProject } from '../../../helpers/search';

let p: SearchProject;

beforeEach(async () => {
  p = await searchProject();
});
afterEach(() => p.cleanup());

function expectIndexInStep(): void {
  refreshSearchIndex(p.sqlite());
  expect(indexedAnswers(p.sqlite())).toEqual(expectedIndex(p.sqlite()));
  expect(searchMapDiff(p.sqlite())).toEqual([]);
}

const where = async (query: string) => (await p.search(query)).hits.map((h) => `${h.kommunenummer ?? h.respondent}-${h.question}`);

describe('the index after imports', () => {
  it('holds every imported answer, and a later import adds its own', async () => {
    expectIndexInStep();
    expect(await where('gapahuk')).toEqual([]);
    await p.importRows([['1837', 'Meløy kommune', '10.06.2022', 'Ungdommen bygde en gapahuk.', 'Nei.', 'Nei.', 'Nei.', 'Gapahukene trenger tilsyn.']]);
    expect(await where('gapahuk')).toEqual(['1837-1', '1837-5']);
    expectIndexInStep();
  });
});

describe('the index after split corrections', () => {
  it('follows answers.assign, its undo and its redo', async () => {
    const before = (await p.search('bål')).hits[0];
    expect(before).toMatchObject({ kommunenummer: '1804', question: 1 });
    const response = await p.api.responses.get({ id: before.responseId });
    const original = response.answers.find((a) => a.id === before.answerId)!;
    const sentence = original.text.indexOf('Ungdommen');
    const questions = (await p.api.project.current())!.questions;
    const q2 = questions.find((q) => q.ordinal === 2)!.id;

    // Move "Ungdommen samles rundt bålet om kvelden." to question 2.
    await p.api.answers.assign({ answerId: original.id, start: sentence, end: original.text.length, questionId: q2 });
    const moved = (await p.search('bål')).hits;
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ kommunenummer: '1804', question: 2 });
    expect(moved[0].answerId).not.toBe(original.id);
    const after = await p.api.responses.get({ id: before.responseId });
    const part = after.answers.find((a) => a.id === moved[0].answerId)!;
    expect(part.text.slice(moved[0].hitRanges[0].start, moved[0].hitRanges[0].end)).toBe('bålet');
    // The first sentence stayed in question 1 as a new part.
    const stayed = (await p.search('sentrum')).hits;
    expect(stayed.map((h) => [h.question, h.answerId === original.id])).toEqual([[1, false]]);
    expect((await p.search('tjenestested', { filter: { question: 1 } })).hits.some((h) => h.answerId === original.id)).toBe(false);
    expectIndexInStep();

    await p.api.history.undo();
    const undone = (await p.search('bål')).hits;
    expect(undone.map((h) => [h.question, h.answerId])).toEqual([[1, original.id]]);
    expect(undone[0].hitRanges).toEqual(before.hitRanges);
    expectIndexInStep();

    await p.api.history.redo();
    expect((await p.search('bål')).hits.map((h) => [h.question, h.answerId])).toEqual([[2, moved[0].answerId]]);
    expectIndexInStep();
  });
});

describe('filters after changes', () => {
  it('sees a respondent resolved to a municipality (police district, county, name)', async () => {
    const hit = (await p.search('trenger')).hits[0];
    expect(hit).toMatchObject({ kommunenummer: null, respondent: 'Politiets Fellesforbund' });
    const district = (await p.api.registry.municipalities({ query: 'Tromsø' })).find((m) => m.number === '5401')!.policeDistrictCode;
    expect((await p.search('trenger', { filter: { policeDistrictCode: district } })).total).toBe(0);
    await p.api.respondents.resolve({ respondentId: hit.respondentId, municipalityNumber: '5401' });
    expect((await p.search('trenger', { filter: { policeDistrictCode: district } })).hits).toMatchObject([
      { kommunenummer: '5401', municipalityName: 'Tromsø' },
    ]);
  });
});

describe('two connections on one file', () => {
  it('finds what a colleague imported and changed through another connection', async () => {
    const file = p.core.session.requireStore().path;
    const colleague = createCore({ ...testDeps(p.dir), newId: sequentialIds(5_000), shell: 'host', rememberRecent: false });
    try {
      const api = testApi(colleague);
      await api.project.open({ path: file });
      expect((await p.search('gapahuk')).total).toBe(0);
      const csv = path.join(p.dir, 'kollega.csv');
      writeFileSync(csv, toCsv([['Kommunenr.', 'Kommune', 'Mottatt', 'Spørsmål 1'], ['1837', 'Meløy kommune', '10.06.2022', 'En gapahuk ved sjøen.']], { delimiter: ';' }));
      await api.import.run({ paths: [csv] });
      // Indexed by whichever connection searches first; seen by both.
      expect((await p.search('gapahuk')).hits.map((h) => h.kommunenummer)).toEqual(['1837']);
      expect((await api.search.query({ query: 'gapahuk' })).total).toBe(1);
      const { responseId } = (await p.search('gapahuk')).hits[0];
      await api.responses.setStatus({ id: responseId, status: 'kvalitetssikret' });
      expect((await p.search('gapahuk', { filter: { status: 'kvalitetssikret' } })).total).toBe(1);
      expectIndexInStep();
    } finally {
      await colleague.dispose();
    }
  });
});

describe('searching while another request writes', () => {
  it('waits for an open transaction (an import) instead of reading half of it', async () => {
    const { responseId } = (await p.search('bål')).hits[0];
    const store = p.core.session.requireStore();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const writing = store.db.transaction().execute(async (trx) => {
      const at = new Date().toISOString();
      await trx
        .insertInto('answer')
        .values({ id: 'extra-answer', created_at: at, created_by: 't', updated_at: at, updated_by: 't', response_id: responseId, question_id: null, ordinal: 99, text: 'En gapahuk.' })
        .execute();
      await gate;
    });
    let settled = false;
    const searching = p.search('gapahuk').finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    release();
    await writing;
    expect((await searching).hits.map((h) => [h.answerId, h.question])).toEqual([['extra-answer', null]]);
    expectIndexInStep();
  });
});
