// Responses as caseworkers see them: the list (current versions by default),
// one response with its answers, provenance and versions, and the original
// as it stood in its source file.
import { UNASSIGNED } from '../../../src-shared/team';
import type { CodingProgress } from '../../../src-shared/coding';
import type {
  AnswerPart,
  MunicipalityFacts,
  OriginalView,
  OcrReading,
  ResponseDetail,
  ResponseSummary,
} from '../../../src-shared/domain';
import { ApiError } from '../../../src-shared/errors';
import { isUndistributedAnswerText } from '../../../src-shared/letter-blocks';
import { norwegianCompare } from '../../../src-shared/norwegian';
import { emailOriginalText } from '../import/email-record';
import { readSource } from '../import/formats/read';
import { importLimits } from '../input/limits';
import { cellText } from '../import/mapping';
import { sql, type Kysely } from 'kysely';
import type { Store } from '../store/open';
import type { DB, MatchStatus, ResponseStatus } from '../store/schema';
import { parseStringList } from '../store/json';
import { parseEmailReport, parseOcrReading } from '../store/reports';
import type { TableRow } from '../import/formats/types';
import type { PersonalFilter, PersonalKind } from '../../../src-shared/personal';
import { kindsOf } from '../personal/detect';
import { kindsByResponse, refreshPersonalData, spansOfAnswers } from '../personal/scan';

export interface ResponseFilter {
  status?: ResponseStatus;
  /** Responses with at least one coding of this code. */
  codeId?: string;
  /** Responses whose value of the variable is (or includes) this value; null: no value yet. */
  variable?: { variableId: string; value: string | null };
  /** Responses this caseworker has changed (coded, set variables, status). */
  coder?: string;
  includeSuperseded?: boolean;
  policeDistrictCode?: string;
  countyNumber?: string;
  needsSplitting?: boolean;
  matchStatus?: MatchStatus;
  query?: string;
  /** Responses of respondents assigned to this caseworker (team work); 'none': of respondents assigned to no one. */
  assignee?: string;
  /** Responses with personal data of this kind, of any kind ('any'), or without ('none'). */
  personal?: PersonalFilter;
}

/** Responses with their respondent and the register's facts on its municipality (no filter): the list's and the REFI-QDA export's rows. */
export function responseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('response as r')
    .innerJoin('respondent as p', 'p.id', 'r.respondent_id')
    .leftJoin('municipality as m', 'm.number', 'p.municipality_number')
    .leftJoin('police_district as d', 'd.code', 'm.police_district_code')
    .select([
      'r.id',
      'r.respondent_id',
      'p.name as respondent_name',
      'p.match_status',
      'p.county_council',
      'm.number as m_number',
      'm.name as m_name',
      'm.county_number as m_county_number',
      'm.county_name as m_county',
      'm.police_district_code as m_district_code',
      'd.name as m_district',
      'm.population as m_population',
      'r.received_date',
      'r.created_at',
      'r.is_current',
      'r.needs_splitting',
      'r.status',
      'r.ocr_confidence',
      'r.batch_id',
      'r.source_file_id',
      'r.locator',
      'r.created_by',
    ]);
}

export type ResponseRow = Awaited<ReturnType<ReturnType<typeof responseQuery>['execute']>>[number];

export function municipalityFacts(row: ResponseRow): MunicipalityFacts | null {
  if (!row.m_number) return null;
  return {
    number: row.m_number,
    name: row.m_name!,
    countyName: row.m_county!,
    policeDistrictCode: row.m_district_code!,
    policeDistrictName: row.m_district!,
    population: row.m_population!,
  };
}

async function answerShape(store: Store, responseIds: string[]) {
  const shape = new Map<string, { answered: Set<number>; unassigned: boolean }>();
  for (let i = 0; i < responseIds.length; i += 500) {
    const rows = await store.db
      .selectFrom('answer as a')
      .leftJoin('question as q', 'q.id', 'a.question_id')
      // The text only of parts not assigned to a question (read to tell a letterhead from an answer).
      .select((eb) => ['a.response_id', 'q.ordinal', eb.case().when('a.question_id', 'is', null).then(eb.ref('a.text')).else(null).end().as('unassigned_text')])
      .where('a.response_id', 'in', responseIds.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      const s = shape.get(row.response_id) ?? { answered: new Set<number>(), unassigned: false };
      // A letterhead or a signature is not text waiting to be distributed.
      if (row.ordinal === null) s.unassigned ||= isUndistributedAnswerText(row.unassigned_text ?? '');
      else s.answered.add(row.ordinal);
      shape.set(row.response_id, s);
    }
  }
  return shape;
}

function summary(row: ResponseRow, shape: { answered: Set<number>; unassigned: boolean } | undefined, personal: PersonalKind[]): ResponseSummary {
  return {
    id: row.id,
    respondentId: row.respondent_id,
    respondentName: row.respondent_name,
    matchStatus: row.match_status,
    countyCouncil: row.county_council === 1,
    municipality: municipalityFacts(row),
    receivedDate: row.received_date,
    importedAt: row.created_at,
    isCurrent: row.is_current === 1,
    needsSplitting: row.needs_splitting === 1,
    status: row.status,
    answered: [...(shape?.answered ?? [])].sort((a, b) => a - b),
    hasUnassigned: shape?.unassigned ?? false,
    personalData: personal,
    ocrConfidence: row.ocr_confidence,
  };
}

/**
 * The responses that pass `filter`, every filter in SQL (the list and its
 * pages share it). The name search needs nb_lower (store/collation.ts).
 */
export function filteredResponses(store: Store, filter: ResponseFilter) {
  let q = responseQuery(store.db);
  if (!filter.includeSuperseded) q = q.where('r.is_current', '=', 1);
  if (filter.policeDistrictCode) q = q.where('m.police_district_code', '=', filter.policeDistrictCode);
  if (filter.countyNumber) q = q.where('m.county_number', '=', filter.countyNumber);
  if (filter.needsSplitting !== undefined) q = q.where('r.needs_splitting', '=', filter.needsSplitting ? 1 : 0);
  if (filter.matchStatus) q = q.where('p.match_status', '=', filter.matchStatus);
  if (filter.status) q = q.where('r.status', '=', filter.status);
  if (filter.codeId) {
    const codeId = filter.codeId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('coding as k')
          .innerJoin('answer as a', 'a.id', 'k.answer_id')
          .whereRef('a.response_id', '=', 'r.id')
          .where('k.code_id', '=', codeId)
          .select('k.id'),
      ),
    );
  }
  if (filter.variable) {
    const { variableId, value } = filter.variable;
    // A multi-choice value is a JSON array: match any of its elements.
    const has = sql<boolean>`EXISTS (
      SELECT 1 FROM variable_value v WHERE v.response_id = r.id AND v.variable_id = ${variableId}
      AND (${value} IS NULL OR v.value = json_quote(${value})
           OR EXISTS (SELECT 1 FROM json_each(CASE WHEN json_type(v.value) = 'array' THEN v.value ELSE '[]' END) j WHERE j.value = ${value})))`;
    q = q.where(value === null ? sql<boolean>`NOT ${has}` : has);
  }
  if (filter.coder) {
    const coder = filter.coder;
    // The responses this caseworker worked on, found once (not per row): their
    // status changes (from the trail: the response row's updated_by is also
    // the importer's), variable values and codings.
    q = q.where('r.id', 'in', (eb) =>
      eb
        .selectFrom('event as e')
        .select('e.entity_id as id')
        .where('e.actor', '=', coder)
        .where('e.entity_type', '=', 'response')
        .where('e.action', '=', 'response.status')
        .union(eb.selectFrom('variable_value as v').select('v.response_id as id').where('v.updated_by', '=', coder))
        .union(eb.selectFrom('coding as k').innerJoin('answer as a', 'a.id', 'k.answer_id').select('a.response_id as id').where('k.created_by', '=', coder)),
    );
  }
  if (filter.assignee !== undefined) {
    // By respondent: a later response from the same respondent stays with the same caseworker.
    q =
      filter.assignee === UNASSIGNED
        ? q.where(sql<boolean>`NOT EXISTS (SELECT 1 FROM assignment g WHERE g.respondent_id = r.respondent_id)`)
        : q.where(sql<boolean>`EXISTS (SELECT 1 FROM assignment g WHERE g.respondent_id = r.respondent_id AND g.assignee = ${filter.assignee})`);
  }
  const needle = filter.query?.trim().toLocaleLowerCase('nb');
  if (needle) {
    // The sender's name or the municipality's name contains the text, or it is the municipality's number.
    q = q.where(
      sql<boolean>`(instr(nb_lower(p.name), ${needle}) > 0 OR instr(nb_lower(coalesce(m.name, '')), ${needle}) > 0 OR m.number = ${needle})`,
    );
  }
  if (filter.personal !== undefined) {
    const found = (kind: string | null) =>
      sql<boolean>`EXISTS (SELECT 1 FROM answer a JOIN personal_span s ON s.answer_id = a.id WHERE a.response_id = r.id AND (${kind} IS NULL OR s.kind = ${kind}))`;
    q = q.where(filter.personal === 'none' ? sql<boolean>`NOT ${found(null)}` : found(filter.personal === 'any' ? null : filter.personal));
  }
  return q;
}

/** Shown rows of `rows`: with the questions they answer and the kinds of personal data found in them. */
export async function summariesOf(store: Store, rows: ResponseRow[]): Promise<ResponseSummary[]> {
  const ids = rows.map((r) => r.id);
  const shape = await answerShape(store, ids);
  // The whole list: one read of all findings beats thousands of lookups.
  const personal = kindsByResponse(store.sqlite, ids.length > 2000 ? undefined : ids);
  return rows.map((r) => summary(r, shape.get(r.id), personal.get(r.id) ?? []));
}

export async function listResponses(store: Store, filter: ResponseFilter = {}): Promise<ResponseSummary[]> {
  // The personal-data filter reads the findings: answers not yet scanned are scanned first.
  refreshPersonalData(store.sqlite);
  const rows = await filteredResponses(store, filter).execute();
  return (await summariesOf(store, rows)).sort(
    (a, b) => norwegianCompare(a.municipality?.name ?? a.respondentName, b.municipality?.name ?? b.respondentName) || b.importedAt.localeCompare(a.importedAt),
  );
}

async function candidatesOf(store: Store, respondentId: string): Promise<MunicipalityFacts[]> {
  const respondent = await store.db.selectFrom('respondent').select('match_candidates').where('id', '=', respondentId).executeTakeFirstOrThrow();
  const numbers = parseStringList(respondent.match_candidates);
  if (numbers.length === 0) return [];
  const rows = await store.db
    .selectFrom('municipality as m')
    .innerJoin('police_district as d', 'd.code', 'm.police_district_code')
    .select(['m.number', 'm.name', 'm.county_name', 'm.police_district_code', 'd.name as district', 'm.population'])
    .where('m.number', 'in', numbers)
    .orderBy('m.number')
    .execute();
  return rows.map((r) => ({ number: r.number, name: r.name, countyName: r.county_name, policeDistrictCode: r.police_district_code, policeDistrictName: r.district, population: r.population }));
}

export async function getResponse(store: Store, id: string): Promise<ResponseDetail> {
  const row = await responseQuery(store.db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', `No response with id ${id}`);
  const answers = await store.db
    .selectFrom('answer as a')
    .leftJoin('question as q', 'q.id', 'a.question_id')
    .select(['a.id', 'a.question_id', 'q.ordinal as question_ordinal', 'a.ordinal', 'a.text'])
    .where('a.response_id', '=', id)
    .execute();
  // In the order they stood in the source (a letter's head and closing stay in place).
  const parts: AnswerPart[] = answers
    .map((a) => ({ id: a.id, questionId: a.question_id, questionOrdinal: a.question_ordinal, ordinal: a.ordinal, text: a.text }))
    .sort((a, b) => a.ordinal - b.ordinal);
  const batch = await store.db.selectFrom('import_batch').select(['id', 'label']).where('id', '=', row.batch_id).executeTakeFirstOrThrow();
  const file = row.source_file_id
    ? await store.db.selectFrom('source_file').select(['id', 'name', 'sha256', 'email']).where('id', '=', row.source_file_id).executeTakeFirst()
    : undefined;
  const versions = await store.db
    .selectFrom('response as r')
    .leftJoin('source_file as f', 'f.id', 'r.source_file_id')
    .select(['r.id', 'r.received_date', 'r.created_at', 'r.is_current', 'f.name as file_name'])
    .where('r.respondent_id', '=', row.respondent_id)
    .orderBy('r.is_current', 'desc')
    .orderBy('r.received_date', 'desc')
    .orderBy('r.created_at', 'desc')
    .execute();
  const shape = { answered: new Set(parts.flatMap((p) => (p.questionOrdinal === null ? [] : [p.questionOrdinal]))), unassigned: parts.some((p) => p.questionOrdinal === null && isUndistributedAnswerText(p.text)) };
  refreshPersonalData(store.sqlite);
  const spans = spansOfAnswers(store.sqlite, parts.map((p) => p.id));
  for (const part of parts) part.personal = spans.get(part.id) ?? [];
  const ocr = await ocrReadingOf(store, id);
  return {
    ...summary(row, shape, kindsOf(parts.flatMap((p) => p.personal ?? []))),
    ocr,
    candidates: await candidatesOf(store, row.respondent_id),
    answers: parts,
    provenance: {
      batchId: batch.id,
      batchLabel: batch.label,
      sourceFileId: file?.id ?? null,
      fileName: file?.name ?? null,
      sha256: file?.sha256 ?? null,
      email: file?.email ? parseEmailReport(file.email) : null,
      locator: row.locator,
      importedAt: row.created_at,
      importedBy: row.created_by,
    },
    versions: versions.map((v) => ({ id: v.id, receivedDate: v.received_date, importedAt: v.created_at, isCurrent: v.is_current === 1, fileName: v.file_name })),
  };
}

/** How the response's text was read with OCR, or null when it was not. */
async function ocrReadingOf(store: Store, responseId: string): Promise<OcrReading | null> {
  const row = await store.db.selectFrom('response').select('ocr_reading').where('id', '=', responseId).executeTakeFirst();
  return row?.ocr_reading ? parseOcrReading(row.ocr_reading) : null;
}

/** Re-reads the stored source file and shows the response as it stood there (a scan: the text as OCR read it at import). */
export async function originalOf(store: Store, responseId: string): Promise<OriginalView> {
  const row = await store.db
    .selectFrom('response as r')
    .innerJoin('source_file as f', 'f.id', 'r.source_file_id')
    .select(['r.locator', 'f.name', 'f.media_type', 'f.content'])
    .where('r.id', '=', responseId)
    .executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', `No source file is kept for response ${responseId}`);
  const base = { fileName: row.name, mediaType: row.media_type, locator: row.locator };
  const ocr = await ocrReadingOf(store, responseId);
  if (ocr) return { ...base, text: ocr.text };
  const parsed = await readSource(row.name, Buffer.from(row.content), { ...importLimits });
  if (parsed.kind === 'letter') return { ...base, text: parsed.text };
  if (parsed.kind === 'email') return { ...base, text: await emailOriginalText(parsed, row.locator, { ...importLimits }) };
  for (const sheet of parsed.sheets) {
    const index = sheet.rows.findIndex((r) => r.locator === row.locator);
    if (index < 0) continue;
    // The header is the nearest row above with the most filled cells among the first rows.
    const header = sheet.rows
      .slice(0, Math.min(index, importLimits.headerSearchRows))
      .reduce<TableRow | null>((best, r) => (!best || r.values.filter(Boolean).length > best.values.filter(Boolean).length ? r : best), null);
    const values = sheet.rows[index].values;
    return {
      ...base,
      fields: values.map((v, i) => ({ header: header ? cellText(header.values[i]) : `Kolonne ${i + 1}`, value: cellText(v) })),
    };
  }
  throw new ApiError('NOT_FOUND', `Row ${row.locator} was not found in ${row.name}`);
}

/** How far the coding has come: current responses by status. */
export async function codingProgress(store: Store): Promise<CodingProgress> {
  const rows = await store.db
    .selectFrom('response')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .where('is_current', '=', 1)
    .groupBy('status')
    .execute();
  const byStatus: CodingProgress['byStatus'] = { ikke_startet: 0, under_arbeid: 0, ferdig: 0, kvalitetssikret: 0 };
  for (const r of rows) byStatus[r.status] = Number(r.n);
  return { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus };
}
