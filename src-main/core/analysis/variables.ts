// Distributions of the closed variables (single and multiple choice; free
// text variables are not distributions and are left out). Counted per
// municipality on current responses, overall and per group, with two rows
// besides the options: `ikke_kodet` (responding, but no value set — for
// multiple choice also no option ticked, which is how the workspace stores
// "not set") and `ikke_svart` (municipalities in the register without a
// current response). An option
// such as "ikke besvart" is an option row like any other. For multiple
// choice a municipality counts under every option it chose; shares are of
// the responding municipalities, so they may add up to more than 1.
// Respondents that are not municipalities get their own distribution.
import type { Kysely } from 'kysely';
import type { AnalysisGroupBy, Distribution, DistributionRow, VariableAnalysis, VariableDistribution } from '../../../src-shared/analysis';
import type { Variable } from '../../../src-shared/coding';
import { listVariables } from '../coding/service';
import type { DB } from '../store/schema';
import { columnsFor, loadUnits, municipalityKey, share, type Unit } from './units';
import { parseValue } from '../store/json';

/** Values per unit key for one variable (a unit with several current responses unites them). */
export type UnitValues = Map<string, Set<string>>;

/** Values of current responses: variable id → unit key → the chosen values. */
export async function currentValues(db: Kysely<DB>, unitOfResponse: Map<string, string>): Promise<Map<string, UnitValues>> {
  const rows = await db
    .selectFrom('variable_value as v')
    .innerJoin('response as r', 'r.id', 'v.response_id')
    .select(['v.variable_id', 'v.response_id', 'v.value'])
    .where('r.is_current', '=', 1)
    .execute();
  const out = new Map<string, UnitValues>();
  for (const row of rows) {
    const unit = unitOfResponse.get(row.response_id);
    if (!unit) continue;
    const byUnit = out.get(row.variable_id) ?? new Map<string, Set<string>>();
    const values = byUnit.get(unit) ?? new Set<string>();
    for (const v of [parseValue(row.value)].flat()) values.add(v);
    byUnit.set(unit, values);
    out.set(row.variable_id, byUnit);
  }
  return out;
}

/**
 * The distribution of one variable over `units` (all responding in one
 * group); `municipalities` is the group's size in the register, or null for
 * the other respondents (no `ikke_svart` row).
 */
export function distribution(variable: Variable, units: Unit[], values: UnitValues, municipalities: number | null): Distribution {
  const counts = new Map(variable.options.map((o) => [o.value, 0]));
  const unknown = new Map<string, number>();
  let coded = 0;
  for (const unit of units) {
    const chosen = values.get(unit.key);
    if (!chosen || chosen.size === 0) continue;
    coded++;
    for (const v of chosen) {
      if (counts.has(v)) counts.set(v, counts.get(v)! + 1);
      else unknown.set(v, (unknown.get(v) ?? 0) + 1);
    }
  }
  const responded = units.length;
  const rows: DistributionRow[] = [
    ...variable.options.map((o) => ({ kind: 'option' as const, value: o.value, label: o.label, count: counts.get(o.value)!, share: share(counts.get(o.value)!, responded) })),
    // A value whose option was since removed is still shown, under its own value.
    ...[...unknown].sort(([a], [b]) => a.localeCompare(b)).map(([value, count]) => ({ kind: 'option' as const, value, label: value, count, share: share(count, responded) })),
  ];
  rows.push({ kind: 'ikke_kodet', value: 'ikke_kodet', label: 'Ikke kodet', count: responded - coded, share: share(responded - coded, responded) });
  if (municipalities !== null) {
    rows.push({ kind: 'ikke_svart', value: 'ikke_svart', label: 'Ikke svart', count: municipalities - responded, share: share(municipalities - responded, municipalities) });
  }
  return { municipalities: municipalities ?? 0, responded, coded, rows };
}

export async function variableDistributions(db: Kysely<DB>, groupBy?: AnalysisGroupBy): Promise<VariableAnalysis> {
  const variables = (await listVariables(db)).filter((v): v is typeof v & { kind: 'single' | 'multi' } => v.kind !== 'text');
  const units = await loadUnits(db);
  const values = await currentValues(db, units.unitOfResponse);
  const all = [...units.units.values()];
  const municipalityUnits = all.filter((u) => u.municipality);
  const others = all.filter((u) => !u.municipality);
  const columns = groupBy ? await columnsFor(db, units.register, groupBy) : null;
  const groups = columns
    ? columns.groups.map((g) => {
        const register = units.register.filter((m) => columns.keyOf(m) === g.key);
        const responding = register.flatMap((m) => units.units.get(municipalityKey(m.number)) ?? []);
        return { ...g, register: register.length, responding };
      })
    : [];
  const result: VariableDistribution[] = variables.map((v) => {
    const byUnit = values.get(v.id) ?? new Map<string, Set<string>>();
    return {
      variableId: v.id,
      key: v.key,
      label: v.label,
      kind: v.kind,
      questionId: v.questionId,
      overall: distribution(v, municipalityUnits, byUnit, units.register.length),
      groups: groups.map((g) => ({ key: g.key, name: g.name, ...distribution(v, g.responding, byUnit, g.register) })),
      others: distribution(v, others, byUnit, null),
    };
  });
  return { groupBy: groupBy ?? null, variables: result };
}
