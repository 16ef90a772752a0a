// The municipality register snapshot held in a project: search and filter,
// sorted the Norwegian way (æ, ø, å last).
import type { County, Municipality, PoliceDistrict } from '../../../src-shared/domain';
import { norwegianCompare, normalizeForSearch } from '../../../src-shared/norwegian';
import type { Store } from '../store/open';

export interface MunicipalityFilter {
  query?: string;
  countyNumber?: string;
  policeDistrictCode?: string;
}

export async function listMunicipalities(store: Store, filter: MunicipalityFilter = {}): Promise<Municipality[]> {
  let q = store.db
    .selectFrom('municipality as m')
    .innerJoin('police_district as d', 'd.code', 'm.police_district_code')
    .select([
      'm.number',
      'm.name',
      'm.official_name',
      'm.county_number',
      'm.county_name',
      'm.police_district_code',
      'd.name as police_district_name',
      'm.population',
      'm.admin_centre',
      'm.language_form',
    ]);
  if (filter.countyNumber) q = q.where('m.county_number', '=', filter.countyNumber);
  if (filter.policeDistrictCode) q = q.where('m.police_district_code', '=', filter.policeDistrictCode);
  const rows = await q.execute();
  const needle = normalizeForSearch(filter.query ?? '');
  return rows
    .map(
      (r): Municipality => ({
        number: r.number,
        name: r.name,
        officialName: r.official_name,
        countyNumber: r.county_number,
        countyName: r.county_name,
        policeDistrictCode: r.police_district_code,
        policeDistrictName: r.police_district_name,
        population: r.population,
        adminCentre: r.admin_centre,
        languageForm: r.language_form,
      }),
    )
    .filter(
      (m) =>
        !needle ||
        m.number.startsWith(needle) ||
        normalizeForSearch(m.officialName).includes(needle) ||
        normalizeForSearch(m.name).includes(needle) ||
        normalizeForSearch(m.countyName).includes(needle) ||
        normalizeForSearch(m.policeDistrictName).includes(needle),
    )
    .sort((a, b) => norwegianCompare(a.name, b.name) || a.number.localeCompare(b.number));
}

export async function listPoliceDistricts(store: Store): Promise<PoliceDistrict[]> {
  const rows = await store.db
    .selectFrom('police_district as d')
    .leftJoin('municipality as m', 'm.police_district_code', 'd.code')
    .select((eb) => [
      'd.code',
      'd.name',
      eb.fn.count<number>('m.number').as('municipalityCount'),
      eb.fn.coalesce(eb.fn.sum<number>('m.population'), eb.lit(0)).as('population'),
    ])
    .groupBy(['d.code', 'd.name'])
    .orderBy('d.code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    municipalityCount: Number(r.municipalityCount),
    population: Number(r.population),
  }));
}

export async function listCounties(store: Store): Promise<County[]> {
  const rows = await store.db
    .selectFrom('municipality')
    .select((eb) => ['county_number', 'county_name', eb.fn.countAll<number>().as('n')])
    .groupBy(['county_number', 'county_name'])
    .orderBy('county_number')
    .execute();
  return rows.map((r) => ({ number: r.county_number, name: r.county_name, municipalityCount: Number(r.n) }));
}
