// search.query through the API as the UI calls it: Norwegian inflections and
// æ/ø/å, phrases, prefixes, boolean queries, hostile input, the filters of
// the response list, superseded versions, paging, grouping, and hits that
// can be coded straight from the results.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../../src-shared/search';
import { expectApiError, STACK_LINE } from '../../../helpers/api';
import { searchProject, type SearchProject } from '../../../helpers/search';
import { shippedRegister } from '../../../helpers/reference';

let p: SearchProject;

beforeAll(async () => {
  p = await searchProject();
});
afterAll(() => p.cleanup());

/** "kommunenummer-question" (or respondent name for non-municipalities) of each hit. */
const where = (hits: SearchHit[]) => hits.map((h) => `${h.kommunenummer ?? h.respondent}-${h.question}`);
const found = async (query: string, extra: Record<string, unknown> = {}) => where((await p.search(query, extra)).hits).sort();
/** The words the hits highlight, as written in the answers. */
const marked = (hits: SearchHit[]) => hits.flatMap((h) => h.highlights.map((r) => h.snippet.slice(r.start, r.end)));

describe('words and inflections', () => {
  it('finds tjenestested, tjenestestedet and tjenestesteder from any of the forms', async () => {
    const expected = ['0301-5', '1804-1', '1804-5', '3403-1', '5401-5', 'Politiets Fellesforbund-1'];
    for (const q of ['tjenestested', 'tjenestestedet', 'tjenestesteder', 'TJENESTESTEDENE']) expect(await found(q), q).toEqual(expected);
    expect(marked((await p.search('tjenestested')).hits).sort()).toEqual(['tjenestested', 'tjenestested', 'tjenestesteder', 'tjenestesteder', 'tjenestesteder', 'tjenestestedet']);
  });

  it('finds politi and politiet, kommune, kommunen and kommunene', async () => {
    const politi = await found('politi');
    expect(politi).toEqual(await found('politiet'));
    expect(politi).toEqual(['0301-3', '1151-1', '1804-2', '1804-3', 'Politiets Fellesforbund-1']);
    const kommune = await found('kommune');
    for (const q of ['kommunen', 'kommunene']) expect(await found(q), q).toEqual(kommune);
    expect(kommune).toEqual(['0301-3', '1804-3', '3403-2', '5401-1']);
  });

  it('keeps æ, ø and å apart from a and o: bål never finds bal, gå never ga, år never ar', async () => {
    expect(await found('bål')).toEqual(['1804-1']);
    expect(await found('bal')).toEqual(['3403-2']);
    expect(await found('gå')).toEqual(['5401-1']);
    expect(await found('ga')).toEqual(['3403-2']);
    expect(await found('år')).toEqual(['5401-2']);
    expect(await found('ar')).toEqual(['3403-3']);
    expect(marked((await p.search('bål')).hits)).toEqual(['bålet']);
  });
});

describe('phrases, prefixes and boolean queries', () => {
  it('finds a phrase in any inflection, only with the words in order', async () => {
    expect(await found('"fysisk tilstedeværelse"')).toEqual(['1804-2', '5401-3']);
    expect(marked((await p.search('"fysisk tilstedeværelse"')).hits).sort()).toEqual(['Fysisk tilstedeværelse', 'fysisk tilstedeværelsen']);
    expect(await found('"tilstedeværelse fysisk"')).toEqual([]);
    expect(await found('="fysisk tilstedeværelse"')).toEqual(['1804-2']);
  });

  it('finds prefixes on the words as written', async () => {
    expect(await found('politi*')).toEqual(['0301-3', '1151-1', '1804-2', '1804-3', '5401-4', 'Politiets Fellesforbund-1']);
    expect(marked((await p.search('politi*', { filter: { question: 3 } })).hits).sort()).toEqual(['Politikontakt', 'politi', 'politiet', 'politirådet']);
  });

  it('combines with AND, OR, NOT (and OG, ELLER, IKKE) and parentheses', async () => {
    expect(await found('kommune politi')).toEqual(['0301-3', '1804-3']);
    expect(await found('kommune AND politi')).toEqual(['0301-3', '1804-3']);
    expect(await found('bål OR bal')).toEqual(['1804-1', '3403-2']);
    expect(await found('bål ELLER bal')).toEqual(['1804-1', '3403-2']);
    expect(await found('politi NOT kommune')).toEqual(['1151-1', '1804-2', 'Politiets Fellesforbund-1']);
    expect(await found('politi IKKE kommune')).toEqual(await found('politi -kommune'));
    expect(await found('(bål OR tjenestested) OG sentrum')).toEqual(['1804-1']);
  });

  it('refuses broken and hostile queries as INVALID_INPUT with a clear, one-line message', async () => {
    for (const q of ['"', '*', '-', ')', 'NEAR(', '(politi', 'politi AND', 'NOT politi', '']) {
      const message = await expectApiError(p.search(q), 'INVALID_INPUT');
      expect(message, q).not.toMatch(STACK_LINE);
      expect(message, q).not.toMatch(/fts5|sqlite|syntax error/i);
      expect(message.split('\n'), q).toHaveLength(1);
    }
    // Column filters and FTS5 syntax are just words.
    expect((await p.search('stems:x')).total).toBe(0);
    expect((await p.search('words:politi')).total).toBe(0);
    expect((await p.search('politiet"')).total).toBe(5);
  });

  it('checks the input: limit and offset ranges, unknown fields, over-long queries', async () => {
    await expectApiError(p.api.search.query({ query: 'politi', limit: 0 }), 'INVALID_INPUT');
    await expectApiError(p.api.search.query({ query: 'politi', offset: -1 }), 'INVALID_INPUT');
    await expectApiError(p.api.search.query({ query: 'x'.repeat(1001) }), 'INVALID_INPUT');
    await expectApiError(p.api.search.query({ query: 'politi', filter: { policeDistrictCode: 'Nordland' } }), 'INVALID_INPUT');
    await expectApiError(p.api.search.query({ query: 'politi', sql: 'DROP TABLE answer' } as never), 'INVALID_INPUT');
  });
});

describe('results', () => {
  it('gives each hit its respondent, municipality, county, police district and 1-based question', async () => {
    const { hits, total } = await p.search('bål');
    expect(total).toBe(1);
    expect(hits[0]).toMatchObject({
      kommunenummer: '1804',
      respondent: 'Bodø kommune',
      municipalityName: 'Bodø',
      countyName: 'Nordland',
      policeDistrictName: 'Nordland',
      question: 1,
      isCurrent: true,
    });
    const other = (await p.search('trenger')).hits[0];
    expect(other).toMatchObject({ kommunenummer: null, respondent: 'Politiets Fellesforbund', municipalityName: null, countyName: null, policeDistrictName: null });
  });

  it('returns hit ranges into the answer text that can be coded directly', async () => {
    const { hits } = await p.search('tjenestested', { filter: { question: 5 } });
    const hit = hits.find((h) => h.kommunenummer === '1804')!;
    const response = await p.api.responses.get({ id: hit.responseId });
    const answer = response.answers.find((a) => a.id === hit.answerId)!;
    expect(hit.hitRanges).toHaveLength(1);
    expect(answer.text.slice(hit.hitRanges[0].start, hit.hitRanges[0].end)).toBe('tjenestesteder');
    expect(hit.snippet).toBe(answer.text.slice(hit.snippetStart, hit.snippetEnd));
    expect(hit.textLength).toBe(answer.text.length);

    const code = await p.api.codebook.create({ name: 'Ønsker tjenestested' });
    const coding = await p.api.codings.create({ answerId: hit.answerId, codeId: code.id, start: hit.hitRanges[0].start, end: hit.hitRanges[0].end });
    expect(coding).toMatchObject({ answerId: hit.answerId, start: hit.hitRanges[0].start, end: hit.hitRanges[0].end });
    await p.api.codings.delete({ id: coding.id });
    await p.api.codebook.delete({ id: code.id });
  });

  it('orders hits like the response list (municipality name, Norwegian order), then by question', async () => {
    const { hits } = await p.search('nei OR ja OR via OR politi');
    const names = hits.map((h) => h.municipalityName ?? h.respondent);
    expect([...new Set(names)]).toEqual(['Bodø', 'Hamar', 'Oslo', 'Politiets Fellesforbund', 'Tromsø', 'Utsira']);
    const bodø = hits.filter((h) => h.kommunenummer === '1804').map((h) => h.question);
    expect(bodø).toEqual([...bodø].sort());
  });

  it('pages with limit and offset; total counts every page', async () => {
    const all = await p.search('nei OR ja OR via');
    expect(all.total).toBe(all.hits.length);
    expect(all.total).toBeGreaterThan(10);
    const pages = [];
    for (let offset = 0; offset < all.total; offset += 4) pages.push(...(await p.api.search.query({ query: 'nei OR ja OR via', limit: 4, offset })).hits);
    expect(pages.map((h) => h.answerId)).toEqual(all.hits.map((h) => h.answerId));
    const past = await p.api.search.query({ query: 'nei OR ja OR via', offset: 500 });
    expect(past).toMatchObject({ total: all.total, hits: [] });
    expect((await p.api.search.query({ query: 'nei OR ja OR via' })).hits.length).toBe(Math.min(50, all.total));
  });

  it('groups hits by respondent and question over all pages when asked', async () => {
    const { groups, byQuestion, total } = await p.api.search.query({ query: 'tjenestested', limit: 1, groups: true });
    expect(groups!.map((g) => [g.kommunenummer ?? g.respondent, g.count, g.byQuestion.map((b) => `${b.question}:${b.count}`).join(' ')])).toEqual([
      ['1804', 2, '1:1 5:1'],
      ['3403', 1, '1:1'],
      ['0301', 1, '5:1'],
      ['Politiets Fellesforbund', 1, '1:1'],
      ['5401', 1, '5:1'],
    ]);
    expect(byQuestion).toEqual([
      { question: 1, count: 3 },
      { question: 5, count: 3 },
    ]);
    expect(groups!.reduce((n, g) => n + g.count, 0)).toBe(total);
    expect((await p.search('tjenestested')).groups).toBeUndefined();
  });
});

describe('filters', () => {
  const register = shippedRegister();
  const facts = (number: string) => register.municipalities.find((m) => m.number === number)!;

  it('by police district and county', async () => {
    const bodø = facts('1804');
    expect(await found('tjenestested', { filter: { policeDistrictCode: bodø.policeDistrictCode } })).toEqual(['1804-1', '1804-5']);
    expect(await found('tjenestested', { filter: { countyNumber: facts('3403').countyNumber } })).toEqual(['3403-1']);
    expect(await found('tjenestested', { filter: { countyNumber: '99' } })).toEqual([]);
  });

  it('by population band (< 2 000 … ≥ 50 000)', async () => {
    expect(facts('1151').population).toBeLessThan(2000);
    expect(await found('politi OR båten', { filter: { populationBand: 'lt2000' } })).toEqual(['1151-1', '1151-2']);
    const big = await found('tjenestested', { filter: { populationBand: 'gte50000' } });
    const expected = ['0301-5', '1804-1', '1804-5', '3403-1', '5401-5'].filter((w) => facts(w.slice(0, 4)).population >= 50_000);
    expect(big).toEqual(expected);
    expect(big.length).toBeGreaterThan(0);
  });

  it('by question', async () => {
    expect(await found('tjenestested', { filter: { question: 1 } })).toEqual(['1804-1', '3403-1', 'Politiets Fellesforbund-1']);
  });

  it('by status, code and variable value, and by match status', async () => {
    const { hits } = await p.search('tjenestested');
    const oslo = hits.find((h) => h.kommunenummer === '0301')!.responseId;
    const tromsø = hits.find((h) => h.kommunenummer === '5401')!;
    await p.api.responses.setStatus({ id: oslo, status: 'ferdig' });
    expect(await found('tjenestested', { filter: { status: 'ferdig' } })).toEqual(['0301-5']);

    const code = await p.api.codebook.create({ name: 'Nytt tjenestested' });
    await p.api.codings.create({ answerId: tromsø.answerId, codeId: code.id, start: tromsø.hitRanges[0].start, end: tromsø.hitRanges[0].end });
    // As in the response list: any answer of a response with the code.
    expect(await found('tjenestested OR regionen OR politistasjonen', { filter: { codeId: code.id } })).toEqual(['5401-1', '5401-4', '5401-5']);

    const variable = await p.api.variables.define({
      key: 'search_test_station',
      label: 'Ønsker tjenestested',
      questionId: null,
      kind: 'single',
      options: [
        { value: 'ja', label: 'Ja' },
        { value: 'nei', label: 'Nei' },
      ],
    });
    await p.api.variables.set({ responseId: tromsø.responseId, variableId: variable.id, value: 'ja' });
    await p.api.variables.set({ responseId: oslo, variableId: variable.id, value: 'nei' });
    expect(await found('tjenestested', { filter: { variable: { variableId: variable.id, value: 'ja' } } })).toEqual(['5401-5']);
    expect(await found('tjenestested', { filter: { variable: { variableId: variable.id, value: 'nei' } } })).toEqual(['0301-5']);
    expect(await found('tjenestested', { filter: { variable: { variableId: variable.id, value: null } } })).toEqual([
      '1804-1',
      '1804-5',
      '3403-1',
      'Politiets Fellesforbund-1',
    ]);
    expect(await found('tjenestested', { filter: { matchStatus: 'unmatched' } })).toEqual(['Politiets Fellesforbund-1']);
    expect(await found('tjenestested', { filter: { status: 'ferdig', policeDistrictCode: facts('0301').policeDistrictCode } })).toEqual(['0301-5']);
  });
});

describe('superseded responses', () => {
  it('searches current responses by default, and superseded versions on request', async () => {
    const q = await p.search('servicekontor');
    expect(where(q.hits)).toEqual(['3403-4']);
    // Hamar answers again, later: the first response is superseded.
    await p.importRows([['3403', 'Hamar kommune', '15.06.2022', 'Oppdatert svar.', 'Nei.', 'Nei.', 'Via politistasjonen på Hamar.', 'Nei.']]);
    expect((await p.search('servicekontor')).total).toBe(0);
    const all = await p.search('servicekontor', { includeSuperseded: true });
    expect(all.hits.map((h) => [h.kommunenummer, h.question, h.isCurrent])).toEqual([['3403', 4, false]]);
    expect(await found('politistasjonen', { filter: { countyNumber: facts3403() } })).toEqual(['3403-4']);
    const both = await p.search('nei', { includeSuperseded: true, filter: { countyNumber: facts3403() } });
    // The current version first (three "Nei."), then the superseded one (one).
    expect(both.hits.map((h) => h.isCurrent)).toEqual([true, true, true, false]);
  });
});

function facts3403(): string {
  return shippedRegister().municipalities.find((m) => m.number === '3403')!.countyNumber;
}
