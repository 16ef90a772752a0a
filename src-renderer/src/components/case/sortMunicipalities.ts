// Client-side column sorting for the register table; names sort the Norwegian
// way (æ, ø, å after z).
import type { Municipality } from '../../../../src-shared/domain';
import { norwegianCompare } from '../../../../src-shared/norwegian';

export type SortKey = 'number' | 'name' | 'county' | 'district' | 'population';
export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

const compareBy: Record<SortKey, (a: Municipality, b: Municipality) => number> = {
  number: (a, b) => a.number.localeCompare(b.number),
  name: (a, b) => norwegianCompare(a.name, b.name),
  county: (a, b) => norwegianCompare(a.countyName, b.countyName) || norwegianCompare(a.name, b.name),
  district: (a, b) => norwegianCompare(a.policeDistrictName, b.policeDistrictName) || norwegianCompare(a.name, b.name),
  population: (a, b) => a.population - b.population,
};

export function sortMunicipalities(rows: Municipality[], sort: SortState): Municipality[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compareBy[sort.key](a, b));
}

/** Clicking the sorted column flips it; another column starts ascending (population: largest first). */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'population' ? 'descending' : 'ascending' };
}
