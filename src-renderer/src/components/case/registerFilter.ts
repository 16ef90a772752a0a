// The municipality register's filter, held by the case screen so the police
// district summary can jump to "the municipalities of this district".
export interface RegisterFilter {
  query: string;
  countyNumber: string;
  policeDistrictCode: string;
}

export const emptyFilter: RegisterFilter = { query: '', countyNumber: '', policeDistrictCode: '' };

export function isFiltered(f: RegisterFilter): boolean {
  return f.query.trim() !== '' || f.countyNumber !== '' || f.policeDistrictCode !== '';
}
