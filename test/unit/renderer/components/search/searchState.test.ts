// The Søk screen's pure state: the filter form becomes the API's filter
// (unknown values dropped, a variable value may hold "="), and a page of hits
// is grouped by respondent, then question, in the core's order.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { searchFilterSchema, type SearchHit } from '../../../../../src-shared/search';
import { emptyFilters, groupHits, toFilter } from '../../../../../src-renderer/src/components/search/searchState';

describe('toFilter', () => {
  it('gives an empty filter for an empty form', () => {
    expect(toFilter(emptyFilters)).toEqual({});
  });

  it('carries every set field, and the result passes the contract schema', () => {
    const filter = toFilter({
      policeDistrictCode: 'p03',
      countyNumber: '18',
      populationBand: '2000-4999',
      codeId: 'code-1',
      variable: 'var-1=ja',
      status: 'ferdig',
      personal: 'any',
    });
    expect(filter).toEqual({
      policeDistrictCode: 'p03',
      countyNumber: '18',
      populationBand: '2000-4999',
      codeId: 'code-1',
      variable: { variableId: 'var-1', value: 'ja' },
      status: 'ferdig',
      personal: 'any',
    });
    expect(searchFilterSchema.safeParse(filter).success).toBe(true);
  });

  it('splits a variable at the first "=" only, so a value may hold one', () => {
    expect(toFilter({ ...emptyFilters, variable: 'v=a=b' }).variable).toEqual({ variableId: 'v', value: 'a=b' });
  });

  it('drops a population band or status it does not know instead of sending it', () => {
    const filter = toFilter({ ...emptyFilters, populationBand: 'huge', status: 'done' });
    expect(filter).toEqual({});
  });
});

function hit(respondentId: string, question: number | null, answerId: string): SearchHit {
  return {
    answerId,
    responseId: `r-${respondentId}`,
    respondentId,
    kommunenummer: null,
    respondent: `${respondentId} kommune`,
    municipalityName: respondentId === 'x' ? null : respondentId,
    countyName: null,
    policeDistrictName: respondentId === 'Bodø' ? 'Nordland' : null,
    question,
    isCurrent: true,
    snippet: '',
    snippetStart: 0,
    snippetEnd: 0,
    textLength: 0,
    highlights: [],
    hitRanges: [],
    spans: null,
  };
}

describe('groupHits', () => {
  it('groups consecutive hits by respondent, then by question, keeping their order', () => {
    const groups = groupHits([hit('Bodø', 1, 'a'), hit('Bodø', 1, 'b'), hit('Bodø', 3, 'c'), hit('Alta', null, 'd'), hit('Bodø', 1, 'e')]);
    expect(groups.map((g) => [g.title, g.district, g.questions.map((q) => [q.question, q.hits.map((h) => h.answerId)])])).toEqual([
      ['Bodø', 'Nordland', [[1, ['a', 'b']], [3, ['c']]]],
      ['Alta', null, [[null, ['d']]]],
      ['Bodø', 'Nordland', [[1, ['e']]]],
    ]);
  });

  it('names a respondent that is no municipality as received', () => {
    expect(groupHits([hit('x', 2, 'a')])[0].title).toBe('x kommune');
  });

  it('gives no groups for no hits', () => {
    expect(groupHits([])).toEqual([]);
  });
});
