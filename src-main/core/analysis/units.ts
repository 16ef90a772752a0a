// What every analysis counts: units. A unit is a municipality (by its number)
// with a current response, or — kept apart — a respondent that is not a
// municipality ("andre innsendere": other organisations, and names not yet
// resolved to one municipality). Superseded responses belong to no unit.
// Groups (the columns) come from the project's register snapshot.
import type { Kysely } from 'kysely';
import {
  OTHER_RESPONDENTS_KEY,
  POPULATION_BANDS,
  populationBand,
  type AnalysisGroup,
  type AnalysisGroupBy,
  type OtherRespondents,
} from '../../../src-shared/analysis';
import type { MatchStatus, MunicipalityFacts } from '../../../src-shared/domain';
import { ApiError } from '../../../src-shared/errors';
import type { DB } from '../store/schema';

export interface RegisterMunicipality extends MunicipalityFacts {
  countyNumber: string;
}

export interface Unit {
  /** "m:<number>" for a municipality, "r:<respondent id>" for others. */
  key: string;
  municipality: RegisterMunicipality | null;
  respondentName: string;
  matchStatus: MatchStatus;
  /** Current responses (one, unless the register was edited by hand). */
  responseIds: string[];
}

export interface Units {
  register: RegisterMunicipality[];
  /** Units with a current response, municipalities first by number, then others by name. */
  units: Map<string, Unit>;
  /** Current response id → unit key. */
  unitOfResponse: Map<string, string>;
}

export async function loadRegister(db: Kysely<DB>): Promise<RegisterMunicipality[]> {
  const rows = await db
    .selectFrom('municipality as m')
    .innerJoin('police_district as d', 'd.code', 'm.police_district_code')
    .select(['m.number', 'm.name', 'm.county_number', 'm.county_name', 'm.police_district_code', 'd.name as district', 'm.population'])
    .orderBy('m.number')
    .execute();
  return rows.map((r) => ({
    number: r.number,
    name: r.name,
    countyNumber: r.county_number,
    countyName: r.county_name,
    policeDistrictCode: r.police_district_code,
    policeDistrictName: r.district,
    population: r.population,
  }));
}

export function municipalityKey(number: string): string {
  return `m:${number}`;
}

export async function loadUnits(db: Kysely<DB>): Promise<Units> {
  const register = await loadRegister(db);
  const byNumber = new Map(register.map((m) => [m.number, m]));
  const rows = await db
    .selectFrom('response as r')
    .innerJoin('respondent as p', 'p.id', 'r.respondent_id')
    .select(['r.id', 'p.id as respondent_id', 'p.name', 'p.match_status', 'p.municipality_number'])
    .where('r.is_current', '=', 1)
    .orderBy('r.id')
    .execute();
  const units = new Map<string, Unit>();
  const unitOfResponse = new Map<string, string>();
  for (const row of rows) {
    const municipality = row.municipality_number ? (byNumber.get(row.municipality_number) ?? null) : null;
    const key = municipality ? municipalityKey(municipality.number) : `r:${row.respondent_id}`;
    const unit = units.get(key) ?? { key, municipality, respondentName: row.name, matchStatus: row.match_status, responseIds: [] };
    unit.responseIds.push(row.id);
    units.set(key, unit);
    unitOfResponse.set(row.id, key);
  }
  return { register, units, unitOfResponse };
}

export interface Columns {
  groupBy: AnalysisGroupBy;
  /** In column order. */
  groups: { key: string; name: string }[];
  keyOf(m: RegisterMunicipality): string;
}

export async function columnsFor(db: Kysely<DB>, register: RegisterMunicipality[], groupBy: AnalysisGroupBy): Promise<Columns> {
  if (groupBy === 'policeDistrict') {
    const districts = await db.selectFrom('police_district').select(['code', 'name']).orderBy('code').execute();
    return { groupBy, groups: districts.map((d) => ({ key: d.code, name: d.name })), keyOf: (m) => m.policeDistrictCode };
  }
  if (groupBy === 'county') {
    const counties = new Map<string, string>();
    for (const m of [...register].sort((a, b) => a.countyNumber.localeCompare(b.countyNumber))) counties.set(m.countyNumber, m.countyName);
    return { groupBy, groups: [...counties].map(([key, name]) => ({ key, name })), keyOf: (m) => m.countyNumber };
  }
  return { groupBy, groups: POPULATION_BANDS.map((b) => ({ key: b.key, name: b.label })), keyOf: (m) => populationBand(m.population).key };
}

/** The group key of a unit: its column, or OTHER_RESPONDENTS_KEY. */
export function groupOfUnit(columns: Columns, unit: Unit): string {
  return unit.municipality ? columns.keyOf(unit.municipality) : OTHER_RESPONDENTS_KEY;
}

/** Register and response counts per column. */
export function groupTotals(columns: Columns, units: Units): AnalysisGroup[] {
  const totals = new Map(columns.groups.map((g) => [g.key, { ...g, municipalities: 0, responded: 0, nonRespondents: 0 }]));
  for (const m of units.register) {
    const g = totals.get(columns.keyOf(m));
    if (!g) continue;
    g.municipalities++;
    if (units.units.has(municipalityKey(m.number))) g.responded++;
    else g.nonRespondents++;
  }
  return [...totals.values()];
}

export function otherRespondents(units: Units): OtherRespondents {
  const others = [...units.units.values()].filter((u) => !u.municipality);
  return {
    key: OTHER_RESPONDENTS_KEY,
    name: 'Andre innsendere',
    respondents: others.length,
    unmatched: others.filter((u) => u.matchStatus !== 'ambiguous').length,
    ambiguous: others.filter((u) => u.matchStatus === 'ambiguous').length,
  };
}

export interface CodeNode {
  id: string;
  name: string;
  parentId: string | null;
  questionId: string | null;
  path: string[];
  depth: number;
}

/** The codebook in display order (depth first by sort order, then name), with paths. */
export async function codeTree(db: Kysely<DB>): Promise<CodeNode[]> {
  const rows = await db.selectFrom('code').select(['id', 'name', 'parent_id', 'question_id', 'sort_order']).orderBy('sort_order').orderBy('name').orderBy('id').execute();
  const children = new Map<string | null, typeof rows>();
  for (const r of rows) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r]);
  const out: CodeNode[] = [];
  const walk = (parentId: string | null, path: string[]) => {
    for (const r of children.get(parentId) ?? []) {
      const node = { id: r.id, name: r.name, parentId: r.parent_id, questionId: r.question_id, path: [...path, r.name], depth: path.length };
      out.push(node);
      walk(r.id, node.path);
    }
  };
  walk(null, []);
  return out;
}

/** An answer unit: all parts of one response's answer to one question (text not assigned to a question is one unit of its own). */
export function answerUnitKey(responseId: string, questionId: string | null): string {
  return `${responseId}|${questionId ?? ''}`;
}

export async function requireQuestion(db: Kysely<DB>, questionId: string | undefined): Promise<void> {
  if (!questionId) return;
  const q = await db.selectFrom('question').select('id').where('id', '=', questionId).executeTakeFirst();
  if (!q) throw new ApiError('NOT_FOUND', `No question with id ${questionId}`);
}

export function facts(m: RegisterMunicipality): MunicipalityFacts {
  return { number: m.number, name: m.name, countyName: m.countyName, policeDistrictCode: m.policeDistrictCode, policeDistrictName: m.policeDistrictName, population: m.population };
}

/** value / base, 0 when the base is 0. */
export function share(value: number, base: number): number {
  return base === 0 ? 0 : value / base;
}
