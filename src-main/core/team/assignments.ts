// Who codes what: the lead assigns respondents to caseworkers by hand, by
// police district or by county. Assignments are by respondent, not response,
// so a later response from the same respondent stays with the same
// caseworker. Two caseworkers on one respondent make it double-coded (the
// agreement report's sample). Every edit is a ChangeSet: audited, undoable.
import type { Kysely } from 'kysely';
import { UNASSIGNED, type AssignInput, type AssignmentOverview, type AssignResult, type AssignedRespondent, type UnassignInput } from '../../../src-shared/team';
import { norwegianCompare } from '../../../src-shared/norwegian';
import { ApiError } from '../../../src-shared/errors';
import { ChangeSet } from '../audit/changes';
import type { CoreDeps } from '../deps';
import type { DB } from '../store/schema';

type Deps = Pick<CoreDeps, 'now' | 'newId' | 'author'>;
type Selection = Pick<AssignInput, 'respondentIds' | 'policeDistrictCodes' | 'countyNumbers'>;

/** The respondents a selection names: the union of the ids, districts and counties given. */
async function selectRespondents(db: Kysely<DB>, selection: Selection): Promise<string[]> {
  const ids = new Set<string>();
  const direct = selection.respondentIds ?? [];
  for (let i = 0; i < direct.length; i += 500) {
    const rows = await db.selectFrom('respondent').select('id').where('id', 'in', direct.slice(i, i + 500)).execute();
    for (const r of rows) ids.add(r.id);
  }
  const districts = selection.policeDistrictCodes ?? [];
  const counties = selection.countyNumbers ?? [];
  if (districts.length > 0 || counties.length > 0) {
    const rows = await db
      .selectFrom('respondent as p')
      .innerJoin('municipality as m', 'm.number', 'p.municipality_number')
      .select('p.id')
      .where((eb) =>
        eb.or([
          ...(districts.length ? [eb('m.police_district_code', 'in', districts)] : []),
          ...(counties.length ? [eb('m.county_number', 'in', counties)] : []),
        ]),
      )
      .execute();
    for (const r of rows) ids.add(r.id);
  }
  return [...ids];
}

export async function assign(db: Kysely<DB>, deps: Deps, input: AssignInput): Promise<AssignResult> {
  const assignee = input.assignee.trim();
  // The response list's filter uses "none" for "assigned to no one".
  if (assignee === UNASSIGNED) throw new ApiError('INVALID_INPUT', `"${UNASSIGNED}" cannot be a caseworker's name`);
  const respondents = await selectRespondents(db, input);
  return db.transaction().execute(async (trx) => {
    const c = new ChangeSet(trx, deps, 'assignment.assign');
    // Every assignment at once (a few per respondent at most), rather than a query per respondent.
    const existing = new Map<string, { id: string; assignee: string }[]>();
    for (const row of await trx.selectFrom('assignment').select(['id', 'respondent_id', 'assignee']).execute()) {
      existing.set(row.respondent_id, [...(existing.get(row.respondent_id) ?? []), row]);
    }
    let assigned = 0;
    let unchanged = 0;
    let moved = 0;
    for (const respondentId of respondents) {
      const rows = existing.get(respondentId) ?? [];
      if (input.exclusive) {
        for (const other of rows.filter((r) => r.assignee !== assignee)) {
          await c.delete('assignment', other.id);
          moved++;
        }
      }
      if (rows.some((r) => r.assignee === assignee)) {
        unchanged++;
        continue;
      }
      await c.insert('assignment', { ...c.authored(), respondent_id: respondentId, assignee });
      assigned++;
    }
    return { respondents: respondents.length, assigned, unchanged, moved };
  });
}

export async function unassign(db: Kysely<DB>, deps: Deps, input: UnassignInput): Promise<{ removed: number }> {
  const assignee = input.assignee.trim();
  return db.transaction().execute(async (trx) => {
    const c = new ChangeSet(trx, deps, 'assignment.unassign');
    let q = trx.selectFrom('assignment').select('id').where('assignee', '=', assignee);
    if (!input.all) {
      const respondents = await selectRespondents(trx, input);
      if (respondents.length === 0) return { removed: 0 };
      q = q.where('respondent_id', 'in', respondents);
    }
    const rows = await q.execute();
    for (const row of rows) await c.delete('assignment', row.id);
    return { removed: rows.length };
  });
}

/** The respondents assigned to a caseworker. */
export async function respondentsOf(db: Kysely<DB>, assignee: string): Promise<string[]> {
  const rows = await db.selectFrom('assignment').select('respondent_id').where('assignee', '=', assignee.trim()).execute();
  return rows.map((r) => r.respondent_id);
}

const DONE = new Set(['ferdig', 'kvalitetssikret']);

export async function assignmentOverview(db: Kysely<DB>): Promise<AssignmentOverview> {
  const respondents = await db
    .selectFrom('respondent as p')
    .leftJoin('municipality as m', 'm.number', 'p.municipality_number')
    .leftJoin('response as r', (join) => join.onRef('r.respondent_id', '=', 'p.id').on('r.is_current', '=', 1))
    .select(['p.id', 'p.name', 'm.number', 'm.name as m_name', 'm.county_number', 'm.police_district_code', 'r.id as response_id', 'r.status'])
    .execute();
  const assignments = await db.selectFrom('assignment').select(['respondent_id', 'assignee']).execute();
  const byRespondent = new Map<string, string[]>();
  for (const a of assignments) byRespondent.set(a.respondent_id, [...(byRespondent.get(a.respondent_id) ?? []), a.assignee]);

  // A respondent with several current responses (should not happen) is listed once.
  const seen = new Map<string, AssignedRespondent>();
  for (const r of respondents) {
    if (seen.has(r.id)) continue;
    const assignees = (byRespondent.get(r.id) ?? []).sort(norwegianCompare);
    if (r.response_id === null && assignees.length === 0) continue;
    seen.set(r.id, {
      respondentId: r.id,
      name: r.name,
      municipalityNumber: r.number,
      municipalityName: r.m_name,
      countyNumber: r.county_number,
      policeDistrictCode: r.police_district_code,
      responseId: r.response_id,
      status: r.status,
      assignees,
    });
  }
  const list = [...seen.values()].sort(
    (a, b) => (a.municipalityNumber ?? '9999').localeCompare(b.municipalityNumber ?? '9999') || norwegianCompare(a.name, b.name),
  );

  const people = new Map<string, { respondents: number; responses: number; done: number; shared: number }>();
  let unassignedRespondents = 0;
  let unassignedResponses = 0;
  let doubleCoded = 0;
  for (const r of list) {
    if (r.assignees.length === 0) {
      unassignedRespondents++;
      if (r.responseId) unassignedResponses++;
    }
    if (r.assignees.length > 1) doubleCoded++;
    for (const name of r.assignees) {
      const p = people.get(name) ?? { respondents: 0, responses: 0, done: 0, shared: 0 };
      p.respondents++;
      if (r.responseId) p.responses++;
      if (r.status && DONE.has(r.status)) p.done++;
      if (r.assignees.length > 1) p.shared++;
      people.set(name, p);
    }
  }
  return {
    assignees: [...people.entries()].map(([assignee, p]) => ({ assignee, ...p })).sort((a, b) => norwegianCompare(a.assignee, b.assignee)),
    unassigned: { respondents: unassignedRespondents, responses: unassignedResponses },
    doubleCoded,
    respondents: list,
  };
}
