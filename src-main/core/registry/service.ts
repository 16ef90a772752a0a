// The municipality register snapshot held in a project: search and filter,
// sorted the Norwegian way (æ, ø, å last).
import type { County, Municipality, PoliceDistrict, UnansweredGroup, UnansweredSummary } from '../../../src-shared/domain';
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

/** Municipalities in the register without a current response ("who has not answered"). */
export async function unanswered(store: Store): Promise<UnansweredSummary> {
  const answeredRows = await store.db
    .selectFrom('respondent as p')
    .innerJoin('response as r', 'r.respondent_id', 'p.id')
    .select('p.municipality_number')
    .where('r.is_current', '=', 1)
    .where('p.municipality_number', 'is not', null)
    .distinct()
    .execute();
  const answered = new Set(answeredRows.map((r) => r.municipality_number));
  const all = await listMunicipalities(store);
  const missing = all.filter((m) => !answered.has(m.number));
  const group = (key: (m: Municipality) => string, name: (m: Municipality) => string): UnansweredGroup[] => {
    const groups = new Map<string, UnansweredGroup>();
    for (const m of all) {
      const g = groups.get(key(m)) ?? { key: key(m), name: name(m), unanswered: 0, total: 0 };
      g.total++;
      if (!answered.has(m.number)) g.unanswered++;
      groups.set(key(m), g);
    }
    return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
  };
  return {
    municipalities: missing,
    byPoliceDistrict: group((m) => m.policeDistrictCode, (m) => m.policeDistrictName),
    byCounty: group((m) => m.countyNumber, (m) => m.countyName),
  };
}
