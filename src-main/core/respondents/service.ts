// Respondents: who answered, how each matched the municipality register, and
// the caseworker's resolution of ambiguous or unknown names.
import type { MunicipalityFacts, RespondentSummary } from '../../../src-shared/domain';
import { ApiError } from '../../../src-shared/errors';
import { norwegianCompare } from '../../../src-shared/norwegian';
import { recordEvent } from '../audit/record';
import type { CoreDeps } from '../deps';
import { recomputeCurrent } from '../import/service';
import type { Store } from '../store/open';
import type { MatchStatus } from '../store/schema';
import { parseStringList } from '../store/json';

async function municipalityFacts(store: Store): Promise<Map<string, MunicipalityFacts>> {
  const rows = await store.db
    .selectFrom('municipality as m')
    .innerJoin('police_district as d', 'd.code', 'm.police_district_code')
    .select(['m.number', 'm.name', 'm.county_name', 'm.police_district_code', 'd.name as district', 'm.population'])
    .execute();
  return new Map(
    rows.map((r) => [
      r.number,
      { number: r.number, name: r.name, countyName: r.county_name, policeDistrictCode: r.police_district_code, policeDistrictName: r.district, population: r.population },
    ]),
  );
}

export async function listRespondents(store: Store, status?: MatchStatus): Promise<RespondentSummary[]> {
  let q = store.db
    .selectFrom('respondent as p')
    .leftJoin('response as r', 'r.respondent_id', 'p.id')
    .select((eb) => [
      'p.id',
      'p.name',
      'p.match_status',
      'p.municipality_number',
      'p.match_candidates',
      'p.county_council',
      eb.fn.count<number>('r.id').as('responses'),
      eb.fn.max(eb.case().when('r.is_current', '=', 1).then(eb.ref('r.id')).end()).as('current_id'),
    ])
    .groupBy('p.id');
  if (status) q = q.where('p.match_status', '=', status);
  const rows = await q.execute();
  const facts = await municipalityFacts(store);
  return rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      status: r.match_status,
      countyCouncil: r.county_council === 1,
      municipality: r.municipality_number ? (facts.get(r.municipality_number) ?? null) : null,
      candidates: parseStringList(r.match_candidates).flatMap((n) => (facts.has(n) ? [facts.get(n)!] : [])),
      responses: Number(r.responses),
      currentResponseId: r.current_id ?? null,
    }))
    .sort((a, b) => norwegianCompare(a.municipality?.name ?? a.name, b.municipality?.name ?? b.name));
}

/**
 * Settles who a respondent is: a municipality from the register, or (null)
 * another organisation. If that municipality already has a respondent, the
 * responses move to it and become versions of one another.
 */
export async function resolveRespondent(
  store: Store,
  deps: CoreDeps,
  respondentId: string,
  municipalityNumber: string | null,
): Promise<RespondentSummary> {
  const targetId = await store.db.transaction().execute(async (trx) => {
    const respondent = await trx.selectFrom('respondent').selectAll().where('id', '=', respondentId).executeTakeFirst();
    if (!respondent) throw new ApiError('NOT_FOUND', `No respondent with id ${respondentId}`);
    const at = deps.now().toISOString();
    const by = deps.author();
    if (municipalityNumber === null) {
      await trx
        .updateTable('respondent')
        .set({ match_status: 'unmatched', municipality_number: null, match_candidates: '[]', updated_at: at, updated_by: by })
        .where('id', '=', respondentId)
        .execute();
      await recordEvent(trx, deps, {
        action: 'respondent.resolve',
        entityType: 'respondent',
        entityId: respondentId,
        before: { status: respondent.match_status, municipality: respondent.municipality_number },
        after: { status: 'unmatched', municipality: null },
      });
      return respondentId;
    }
    const municipality = await trx.selectFrom('municipality').select('number').where('number', '=', municipalityNumber).executeTakeFirst();
    if (!municipality) throw new ApiError('NOT_FOUND', `Municipality ${municipalityNumber} is not in the register`);
    const existing = await trx
      .selectFrom('respondent')
      .select('id')
      .where('municipality_number', '=', municipalityNumber)
      .where('id', '!=', respondentId)
      .executeTakeFirst();
    let target = respondentId;
    if (existing) {
      // The municipality already answered: this becomes another version of its response.
      await trx.updateTable('response').set({ respondent_id: existing.id, updated_at: at, updated_by: by }).where('respondent_id', '=', respondentId).execute();
      await trx.deleteFrom('respondent').where('id', '=', respondentId).execute();
      target = existing.id;
    } else {
      await trx
        .updateTable('respondent')
        .set({ match_status: 'matched', municipality_number: municipalityNumber, match_candidates: '[]', county_council: 0, updated_at: at, updated_by: by })
        .where('id', '=', respondentId)
        .execute();
    }
    await recomputeCurrent(trx, [target]);
    await recordEvent(trx, deps, {
      action: 'respondent.resolve',
      entityType: 'respondent',
      entityId: respondentId,
      before: { status: respondent.match_status, municipality: respondent.municipality_number, name: respondent.name },
      after: { status: 'matched', municipality: municipalityNumber, mergedInto: existing ? existing.id : null },
    });
    return target;
  });
  const result = (await listRespondents(store)).find((r) => r.id === targetId);
  if (!result) throw new ApiError('INTERNAL', 'Respondent vanished after resolving');
  return result;
}
