// The register table's sorting: Norwegian name order (æ, ø, å after z),
// numbers with leading zeros, ties broken by name, and the click cycle.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Municipality } from '../../../../../src-shared/domain';
import { nextSort, sortMunicipalities } from '../../../../../src-renderer/src/components/case/sortMunicipalities';

const m = (number: string, name: string, countyName: string, policeDistrictName: string, population: number): Municipality => ({
  number,
  name,
  officialName: name,
  countyNumber: number.slice(0, 2),
  countyName,
  policeDistrictCode: policeDistrictName.slice(0, 3),
  policeDistrictName,
  population,
  adminCentre: name,
  languageForm: 'Bokmål',
});

const rows = [
  m('1804', 'Bodø', 'Nordland', 'Nordland', 52_000),
  m('0301', 'Oslo', 'Oslo', 'Oslo', 700_000),
  m('4601', 'Bergen', 'Vestland', 'Vest', 290_000),
  m('5001', 'Trondheim', 'Trøndelag', 'Trøndelag', 210_000),
  m('1620', 'Frøya', 'Trøndelag', 'Trøndelag', 5_000),
  m('5444', 'Sør-Varanger', 'Finnmark', 'Finnmark', 10_000),
  m('3411', 'Ringsaker', 'Innlandet', 'Innlandet', 35_000),
  m('1515', 'Herøy', 'Møre og Romsdal', 'Møre og Romsdal', 9_000),
  m('1818', 'Herøy', 'Nordland', 'Nordland', 1_800),
  m('4631', 'Alver', 'Vestland', 'Vest', 30_000),
  m('3101', 'Halden', 'Østfold', 'Øst', 31_000),
  m('5402', 'Årdal', 'Vestland', 'Vest', 5_200),
];
const names = (list: Municipality[]) => list.map((x) => x.name);

describe('sortMunicipalities', () => {
  it('sorts names the Norwegian way, with æ, ø and å after z', () => {
    const sorted = names(sortMunicipalities(rows, { key: 'name', direction: 'ascending' }));
    expect(sorted.indexOf('Årdal')).toBe(sorted.length - 1);
    expect(sorted.slice(0, 3)).toEqual(['Alver', 'Bergen', 'Bodø']);
  });

  it('sorts numbers as text, so leading zeros come first', () => {
    expect(sortMunicipalities(rows, { key: 'number', direction: 'ascending' })[0].number).toBe('0301');
  });

  it('breaks county ties by name, and puts Østfold after Vestland', () => {
    const byCounty = sortMunicipalities(rows, { key: 'county', direction: 'ascending' }).map((x) => `${x.countyName}/${x.name}`);
    expect(byCounty.indexOf('Trøndelag/Frøya')).toBeLessThan(byCounty.indexOf('Trøndelag/Trondheim'));
    expect(byCounty[byCounty.length - 1]).toBe('Østfold/Halden');
  });

  it('reverses for descending and never changes the input', () => {
    const copy = [...rows];
    const down = sortMunicipalities(rows, { key: 'population', direction: 'descending' });
    expect(down[0].name).toBe('Oslo');
    expect(down[down.length - 1].population).toBe(1_800);
    expect(rows).toEqual(copy);
  });
});

describe('nextSort', () => {
  it('flips the sorted column and starts another ascending, population largest first', () => {
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'name')).toEqual({ key: 'name', direction: 'descending' });
    expect(nextSort({ key: 'name', direction: 'descending' }, 'name')).toEqual({ key: 'name', direction: 'ascending' });
    expect(nextSort({ key: 'name', direction: 'descending' }, 'county')).toEqual({ key: 'county', direction: 'ascending' });
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'population')).toEqual({ key: 'population', direction: 'descending' });
  });
});
