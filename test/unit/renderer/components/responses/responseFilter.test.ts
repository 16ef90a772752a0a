// The response list's filter: which settings count as a filter.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { emptyResponseFilter, isResponseFilterActive, type ResponseFilter } from '../../../../../src-renderer/src/components/responses/responseFilter';

describe('isResponseFilterActive', () => {
  it('is off for the empty filter and a search of spaces', () => {
    expect(isResponseFilterActive(emptyResponseFilter)).toBe(false);
    expect(isResponseFilterActive({ ...emptyResponseFilter, query: ' \t' })).toBe(false);
  });

  it.each<[string, Partial<ResponseFilter>]>([
    ['a search', { query: 'Bodø' }],
    ['a police district', { policeDistrictCode: 'NOR' }],
    ['a county', { countyNumber: '18' }],
    ['a match status', { matchStatus: 'unmatched' }],
    ['needs splitting', { needsSplitting: true }],
    ['superseded versions', { includeSuperseded: true }],
    ['an assignee', { assignee: 'none' }],
    ['personal data of a kind', { personal: 'fodselsnummer' }],
    ['no personal data', { personal: 'none' }],
  ])('is on for %s', (_, patch) => {
    expect(isResponseFilterActive({ ...emptyResponseFilter, ...patch })).toBe(true);
  });
});
