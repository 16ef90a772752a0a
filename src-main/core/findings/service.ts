// The evaluation findings register: reports and findings, and the links from
// answers (or coded spans) to findings with a relation. Every edit is a
// ChangeSet, so it is in the audit trail and can be undone.
import type { Kysely } from 'kysely';
import type { MunicipalityFacts } from '../../../src-shared/domain';
import { ApiError } from '../../../src-shared/errors';
import {
  findingRelations,
  type AnswerFindingLink,
  type Finding,
  type FindingEvidence,
  type FindingLink,
  type FindingRelation,
  type FindingReport,
  type FindingView,
} from '../../../src-shared/findings';
import { norwegianCompare } from '../../../src-shared/norwegian';
import { sentenceContext } from '../../../src-shared/sentences';
import { ChangeSet, type RowOf } from '../audit/changes';
import { inTransaction } from '../audit/transaction';
import type { CoreDeps } from '../deps';
import type { DB } from '../store/schema';

type Deps = Pick<CoreDeps, 'now' | 'newId' | 'author'>;

const noCounts = (): Record<FindingRelation, number> => ({ stotter: 0, motsier: 0, nyanserer: 0, nytt_forhold: 0 });

export async function listReports(db: Kysely<DB>): Promise<FindingReport[]> {
  const rows = await db
    .selectFrom('finding_report as r')
    .leftJoin('finding as f', 'f.report_id', 'r.id')
    .select((eb) => ['r.id', 'r.report_key', 'r.title', 'r.publisher', 'r.published', 'r.url', 'r.verified', 'r.notes', eb.fn.count<number>('f.id').as('n')])
    .groupBy('r.id')
    // Dated reports in date order, undated ones after them.
    .orderBy((eb) => eb('r.published', 'is', null))
    .orderBy('r.published')
    .orderBy('r.report_key')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.report_key,
    title: r.title,
    publisher: r.publisher,
    published: r.published,
    url: r.url,
    verified: r.verified === 1,
    notes: r.notes,
    findingCount: Number(r.n),
  }));
}

export async function listFindings(db: Kysely<DB>, filter: { query?: string; reportId?: string; theme?: string } = {}): Promise<Finding[]> {
  let q = db
    .selectFrom('finding as f')
    .leftJoin('finding_report as r', 'r.id', 'f.report_id')
    .select(['f.id', 'f.report_id', 'r.report_key', 'f.statement', 'f.reference', 'f.theme', 'f.verified', 'f.created_at']);
  if (filter.reportId) q = q.where('f.report_id', '=', filter.reportId);
  if (filter.theme) q = q.where('f.theme', '=', filter.theme);
  const rows = await q.orderBy('r.published').orderBy('r.report_key').orderBy('f.created_at').execute();
  const links = await db.selectFrom('finding_link').select((eb) => ['finding_id', 'relation', eb.fn.countAll<number>().as('n')]).groupBy(['finding_id', 'relation']).execute();
  const counts = new Map<string, Record<FindingRelation, number>>();
  for (const l of links) {
    const c = counts.get(l.finding_id) ?? noCounts();
    c[l.relation] = Number(l.n);
    counts.set(l.finding_id, c);
  }
  const needle = filter.query?.trim().toLocaleLowerCase('nb');
  return rows
    .filter((r) => !needle || [r.statement, r.reference, r.theme, r.report_key].some((t) => t?.toLocaleLowerCase('nb').includes(needle)))
    .map((r) => ({
      id: r.id,
      reportId: r.report_id,
      reportKey: r.report_key,
      statement: r.statement,
      reference: r.reference,
      theme: r.theme,
      verified: r.verified === 1,
      counts: counts.get(r.id) ?? noCounts(),
    }));
}

export interface ReportInput {
  id?: string;
  key: string;
  title: string;
  publisher: string;
  published?: string | null;
  url?: string | null;
  verified?: boolean;
  notes?: string;
}

export async function saveReportIn(c: ChangeSet, input: ReportInput): Promise<RowOf<'finding_report'>> {
  const sameKey = await c.trx.selectFrom('finding_report').select('id').where('report_key', '=', input.key).executeTakeFirst();
  if (sameKey && sameKey.id !== input.id) throw new ApiError('INVALID_INPUT', `A report "${input.key}" already exists`);
  const columns = {
    report_key: input.key,
    title: input.title,
    publisher: input.publisher,
    published: input.published ?? null,
    url: input.url ?? null,
    verified: input.verified ? 1 : 0,
    // Notes not given (e.g. a table import, which has no notes column) are kept.
    ...(input.notes !== undefined || !input.id ? { notes: input.notes ?? '' } : {}),
  };
  return input.id ? c.update('finding_report', input.id, columns) : c.insert('finding_report', { ...c.authored(), ...columns });
}

export async function saveReport(db: Kysely<DB>, deps: Deps, input: ReportInput): Promise<string> {
  return inTransaction(db, deps, input.id ? 'report.update' : 'report.create', async (c) => (await saveReportIn(c, input)).id);
}

export interface FindingInput {
  id?: string;
  reportId: string | null;
  statement: string;
  reference?: string | null;
  theme?: string | null;
  verified?: boolean;
}

export async function saveFindingIn(c: ChangeSet, input: FindingInput): Promise<RowOf<'finding'>> {
  if (input.reportId) await c.require('finding_report', input.reportId, 'report');
  const columns = {
    report_id: input.reportId,
    statement: input.statement,
    reference: input.reference ?? null,
    theme: input.theme ?? null,
    verified: input.verified ? 1 : 0,
  };
  return input.id ? c.update('finding', input.id, columns) : c.insert('finding', { ...c.authored(), ...columns });
}

export async function saveFinding(db: Kysely<DB>, deps: Deps, input: FindingInput): Promise<string> {
  return inTransaction(db, deps, input.id ? 'finding.update' : 'finding.create', async (c) => (await saveFindingIn(c, input)).id);
}

async function linkCount(c: ChangeSet, findingIds: string[]): Promise<number> {
  if (findingIds.length === 0) return 0;
  const row = await c.trx.selectFrom('finding_link').select((eb) => eb.fn.countAll<number>().as('n')).where('finding_id', 'in', findingIds).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Deletes a finding; with links it needs `confirm` and removes them too. */
export async function deleteFinding(db: Kysely<DB>, deps: Deps, id: string, confirm: boolean): Promise<{ links: number }> {
  return inTransaction(db, deps, 'finding.delete', async (c) => {
    await c.require('finding', id, 'finding');
    const links = await linkCount(c, [id]);
    if (links > 0 && !confirm) throw new ApiError('CONFLICT', `The finding has ${links} links to answers; confirm to delete them too`);
    for (const l of await c.trx.selectFrom('finding_link').select('id').where('finding_id', '=', id).execute()) await c.delete('finding_link', l.id);
    await c.delete('finding', id);
    return { links };
  });
}

/** Deletes a report and its findings; with links it needs `confirm`. */
export async function deleteReport(db: Kysely<DB>, deps: Deps, id: string, confirm: boolean): Promise<{ findings: number; links: number }> {
  return inTransaction(db, deps, 'report.delete', async (c) => {
    await c.require('finding_report', id, 'report');
    const findings = (await c.trx.selectFrom('finding').select('id').where('report_id', '=', id).execute()).map((f) => f.id);
    const links = await linkCount(c, findings);
    if (links > 0 && !confirm) throw new ApiError('CONFLICT', `The report's findings have ${links} links to answers; confirm to delete them too`);
    if (findings.length) {
      for (const l of await c.trx.selectFrom('finding_link').select('id').where('finding_id', 'in', findings).execute()) await c.delete('finding_link', l.id);
    }
    for (const f of findings) await c.delete('finding', f);
    await c.delete('finding_report', id);
    return { findings: findings.length, links };
  });
}

function toLink(r: RowOf<'finding_link'>): FindingLink {
  return {
    id: r.id,
    findingId: r.finding_id,
    answerId: r.answer_id,
    codingId: r.coding_id ?? null,
    relation: r.relation,
    comment: r.comment ?? null,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export interface LinkInput {
  findingId: string;
  /** The answer; for a coded span, the coding (whose answer is then used). */
  answerId?: string;
  codingId?: string | null;
  relation: FindingRelation;
  comment?: string | null;
}

export async function linkFinding(db: Kysely<DB>, deps: Deps, input: LinkInput): Promise<FindingLink> {
  return inTransaction(db, deps, 'finding.link', async (c) => {
    await c.require('finding', input.findingId, 'finding');
    let answerId = input.answerId;
    if (input.codingId) {
      const coding = await c.require('coding', input.codingId, 'coding');
      if (answerId && answerId !== coding.answer_id) throw new ApiError('INVALID_INPUT', 'The coding belongs to another answer');
      answerId = coding.answer_id;
    }
    if (!answerId) throw new ApiError('INVALID_INPUT', 'Link an answer or a coded span');
    await c.require('answer', answerId, 'answer');
    const existing = await c.trx
      .selectFrom('finding_link')
      .select('id')
      .where('finding_id', '=', input.findingId)
      .where('answer_id', '=', answerId)
      .where('coding_id', input.codingId ? '=' : 'is', input.codingId ?? null)
      .executeTakeFirst();
    const columns = { relation: input.relation, comment: input.comment ?? null };
    const row = existing
      ? await c.update('finding_link', existing.id, columns)
      : await c.insert('finding_link', { ...c.authored(), finding_id: input.findingId, answer_id: answerId, coding_id: input.codingId ?? null, ...columns });
    return toLink(row);
  });
}

export async function updateLink(db: Kysely<DB>, deps: Deps, id: string, patch: { relation?: FindingRelation; comment?: string | null }): Promise<FindingLink> {
  return inTransaction(db, deps, 'finding.link', async (c) => {
    const columns: Record<string, unknown> = {};
    if (patch.relation !== undefined) columns.relation = patch.relation;
    if (patch.comment !== undefined) columns.comment = patch.comment;
    return toLink(await c.update('finding_link', id, columns));
  });
}

export async function unlinkFinding(db: Kysely<DB>, deps: Deps, id: string): Promise<void> {
  await inTransaction(db, deps, 'finding.unlink', async (c) => {
    await c.delete('finding_link', id);
  });
}

/** The linked text: the coded span if the link has one, else the whole answer part. */
function linkedQuote(text: string, start: number | null, end: number | null): string {
  return start !== null && end !== null ? text.slice(start, end) : text;
}

/** The rest of the linked span's sentence, so the span is never quoted as a bare fragment. */
function linkedContext(text: string, start: number | null, end: number | null): { before: string; after: string } {
  if (start === null || end === null) return { before: '', after: '' };
  return sentenceContext(text, start, end);
}

/** Links on the answers of one response, for the coding view. */
export async function linksForResponse(db: Kysely<DB>, responseId: string): Promise<AnswerFindingLink[]> {
  const rows = await db
    .selectFrom('finding_link as l')
    .innerJoin('answer as a', 'a.id', 'l.answer_id')
    .innerJoin('finding as f', 'f.id', 'l.finding_id')
    .leftJoin('finding_report as r', 'r.id', 'f.report_id')
    .leftJoin('question as q', 'q.id', 'a.question_id')
    .leftJoin('coding as k', 'k.id', 'l.coding_id')
    .selectAll('l')
    .select(['f.statement', 'r.report_key', 'q.ordinal as question_ordinal', 'a.text', 'k.start_offset', 'k.end_offset'])
    .where('a.response_id', '=', responseId)
    .orderBy('l.created_at')
    .execute();
  return rows.map((r) => ({
    ...toLink(r),
    statement: r.statement,
    reportKey: r.report_key,
    questionOrdinal: r.question_ordinal,
    quote: linkedQuote(r.text, r.start_offset, r.end_offset),
  }));
}

/** A finding with its evidence: quotes, municipality facts, and counts. */
export async function findingView(db: Kysely<DB>, findingId: string): Promise<FindingView> {
  const finding = (await listFindings(db)).find((f) => f.id === findingId);
  if (!finding) throw new ApiError('NOT_FOUND', `No finding with id ${findingId}`);
  const report = finding.reportId ? ((await listReports(db)).find((r) => r.id === finding.reportId) ?? null) : null;
  const rows = await db
    .selectFrom('finding_link as l')
    .innerJoin('answer as a', 'a.id', 'l.answer_id')
    .innerJoin('response as s', 's.id', 'a.response_id')
    .innerJoin('respondent as p', 'p.id', 's.respondent_id')
    .leftJoin('question as q', 'q.id', 'a.question_id')
    .leftJoin('coding as k', 'k.id', 'l.coding_id')
    .leftJoin('municipality as m', 'm.number', 'p.municipality_number')
    .leftJoin('police_district as d', 'd.code', 'm.police_district_code')
    .selectAll('l')
    .select([
      'a.text',
      'a.response_id',
      's.is_current',
      'p.name as respondent_name',
      'q.ordinal as question_ordinal',
      'k.start_offset',
      'k.end_offset',
      'm.number as m_number',
      'm.name as m_name',
      'm.county_name',
      'm.police_district_code',
      'd.name as district_name',
      'm.population',
    ])
    .where('l.finding_id', '=', findingId)
    .execute();
  const evidence: FindingEvidence[] = rows
    .map((r) => {
      const municipality: MunicipalityFacts | null = r.m_number
        ? { number: r.m_number, name: r.m_name!, countyName: r.county_name!, policeDistrictCode: r.police_district_code!, policeDistrictName: r.district_name!, population: r.population! }
        : null;
      return {
        ...toLink(r),
        responseId: r.response_id,
        respondentName: r.respondent_name,
        municipality,
        questionOrdinal: r.question_ordinal,
        quote: linkedQuote(r.text, r.start_offset, r.end_offset),
        quoteContext: linkedContext(r.text, r.start_offset, r.end_offset),
        superseded: r.is_current === 0,
      };
    })
    .sort((a, b) => norwegianCompare(a.municipality?.name ?? a.respondentName, b.municipality?.name ?? b.respondentName));
  // Counts are of municipalities (respondents) on current responses, per relation.
  const byRelation = noCounts();
  const districts = new Map<string, { code: string; name: string; counts: Record<FindingRelation, number> }>();
  const seen = new Set<string>();
  for (const e of evidence) {
    if (e.superseded) continue;
    const who = e.municipality?.number ?? `resp:${e.respondentName}`;
    if (seen.has(`${who}:${e.relation}`)) continue;
    seen.add(`${who}:${e.relation}`);
    byRelation[e.relation]++;
    if (e.municipality) {
      const d = districts.get(e.municipality.policeDistrictCode) ?? { code: e.municipality.policeDistrictCode, name: e.municipality.policeDistrictName, counts: noCounts() };
      d.counts[e.relation]++;
      districts.set(d.code, d);
    }
  }
  return {
    finding,
    report,
    evidence,
    byRelation,
    byPoliceDistrict: [...districts.values()].sort((a, b) => a.code.localeCompare(b.code)),
  };
}

export { findingRelations };
