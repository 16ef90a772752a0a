// The small pure parts of the case screen: when the register filter counts as
// set, and how a municipality is named when two share a name.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { municipalityLabel } from '../../../../../src-renderer/src/components/case/caseContext';
import { emptyFilter, isFiltered } from '../../../../../src-renderer/src/components/case/registerFilter';

describe('isFiltered (register)', () => {
  it('is off for the empty filter and for a search of only spaces', () => {
    expect(isFiltered(emptyFilter)).toBe(false);
    expect(isFiltered({ ...emptyFilter, query: '   ' })).toBe(false);
  });
  it('is on for a search, a county or a police district', () => {
    expect(isFiltered({ ...emptyFilter, query: 'Herøy' })).toBe(true);
    expect(isFiltered({ ...emptyFilter, countyNumber: '18' })).toBe(true);
    expect(isFiltered({ ...emptyFilter, policeDistrictCode: 'NOR' })).toBe(true);
  });
});

describe('municipalityLabel', () => {
  it('adds the county, so the two Herøys can be told apart', () => {
    expect(municipalityLabel({ name: 'Herøy', countyName: 'Nordland' })).toBe('Herøy (Nordland)');
    expect(municipalityLabel({ name: 'Herøy', countyName: 'Møre og Romsdal' })).not.toBe(municipalityLabel({ name: 'Herøy', countyName: 'Nordland' }));
  });
});
