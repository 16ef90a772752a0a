// The rows every export is made of, read once here so the workbook, the CSV
// tables and the memo agree: the current responses with their respondent's
// municipality facts and their answers per question, and the codings on them
// with the code's path, the quoted text, the coder and the date.
//
// Order (the same everywhere): municipalities by police district in the
// register's order (01 Oslo … 12 Finnmark), then by name the Norwegian way
// (æ, ø, å last); respondents that are not municipalities (organisations,
// unresolved names) after them, by name. Superseded responses never appear.
//
// Large projects (10 000 responses × 5 answers is ~50 MB of text) are read in
// chunks: the small index of responses or codings is loaded and sorted first,
// the text is then fetched chunk by chunk in that order.
import type { Kysely } from 'kysely';
import type { ResponseStatus } from '../../../src-shared/domain';
import { ApiError } from '../../../src-shared/errors';
import { norwegianCompare } from '../../../src-shared/norwegian';
import { codeTree, loadRegister, type RegisterMunicipality } from '../analysis/units';
import type { DB } from '../store/schema';
import type { PersonalSpan } from '../../../src-shared/personal';
import { maskedPassage, maskText } from '../personal/mask';
import { quoteWithSentence } from '../../../src-shared/sentences';

/** Which rows and columns an export takes. Null or absent: all. */
export interface TableFilter {
  /** Answer columns and codings of these questions only (unassigned text is then left out). */
  questionIds?: string[] | null;
  /** Municipalities in these police districts only (other respondents have no district and are then left out). */
  policeDistrictCodes?: string[] | null;
}

export interface ExportQuestion {
  id: string;
  ordinal: number;
  shortLabel: string;
  text: string;
}

/** One current response and who sent it. */
export interface RespondentRow {
  responseId: string;
  respondentId: string;
  /** The municipality's register name, or the respondent's own name when it is not a municipality. */
  name: string;
  /** The name as the respondent gave it (e.g. "Bodø kommune"). */
  respondentName: string;
  municipality: RegisterMunicipality | null;
  /** ISO date (yyyy-mm-dd) or null. */
  receivedDate: string | null;
  status: ResponseStatus;
  needsSplitting: boolean;
}

export interface ResponseWithAnswers extends RespondentRow {
  /** Question id → the answer text (trimmed); several parts of one answer joined by a blank line. */
  answers: Map<string, string>;
  /** Text not assigned to a question ('' when none, or when a question filter is set). */
  unassigned: string;
}

/** One coding on a current response. */
export interface CodingRow {
  codingId: string;
  respondent: RespondentRow;
  answerId: string;
  questionId: string | null;
  /** Null: the coded text is not assigned to a question. */
  questionOrdinal: number | null;
  codeId: string;
  /** The code's path from the root: ["Utfordringer", "Rus"]. */
  codePath: string[];
  start: number;
  end: number;
  /** The coded text. */
  quote: string;
  /** The rest of the coded text's sentence before and after it (empty when the coding is whole sentences). */
  quoteContext: { before: string; after: string };
  /** Who made the coding. */
  coder: string;
  /** When it was made: ISO timestamp, and its date in Norwegian time (yyyy-mm-dd). */
  createdAt: string;
  createdDate: string;
  useInMemo: boolean;
}

/** Parts of one answer are joined with a blank line between them. */
export const PART_SEPARATOR = '\n\n';

/** "Forelder > Barn". */
export const codePathText = (path: string[]): string => path.join(' > ');

const CHUNK = 500;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The project's questions in order, or only those asked for (an unknown id is NOT_FOUND). */
export async function loadQuestions(db: Kysely<DB>, questionIds?: string[] | null): Promise<ExportQuestion[]> {
  const rows = await db.selectFrom('question').select(['id', 'ordinal', 'short_label', 'text']).orderBy('ordinal').execute();
  const questions = rows.map((q) => ({ id: q.id, ordinal: q.ordinal, shortLabel: q.short_label, text: q.text }));
  if (!questionIds) return questions;
  const missing = questionIds.find((id) => !questions.some((q) => q.id === id));
  if (missing) throw new ApiError('NOT_FOUND', `No question with id ${missing}`);
  return questions.filter((q) => questionIds.includes(q.id));
}

/** Checks the district filter against the register (an unknown code is NOT_FOUND). */
export async function checkDistricts(db: Kysely<DB>, codes?: string[] | null): Promise<void> {
  if (!codes) return;
  const known = new Set((await db.selectFrom('police_district').select('code').execute()).map((d) => d.code));
  const missing = codes.find((c) => !known.has(c));
  if (missing) throw new ApiError('NOT_FOUND', `No police district with code ${missing}`);
}

/** Municipalities by district then name; other respondents last by name. */
export function compareRespondents(a: RespondentRow, b: RespondentRow): number {
  const am = a.municipality;
  const bm = b.municipality;
  if (!am !== !bm) return am ? -1 : 1;
  return (
    (am && bm ? am.policeDistrictCode.localeCompare(bm.policeDistrictCode) : 0) ||
    norwegianCompare(a.name, b.name) ||
    (am?.number ?? '').localeCompare(bm?.number ?? '') ||
    a.name.localeCompare(b.name) ||
    a.responseId.localeCompare(b.responseId)
  );
}

/** The current responses (without their text), sorted, limited to the filter's police districts. */
export async function loadRespondentRows(db: Kysely<DB>, filter: TableFilter = {}): Promise<RespondentRow[]> {
  const register = new Map((await loadRegister(db)).map((m) => [m.number, m]));
  const rows = await db
    .selectFrom('response as r')
    .innerJoin('respondent as p', 'p.id', 'r.respondent_id')
    .select(['r.id', 'r.respondent_id', 'r.received_date', 'r.status', 'r.needs_splitting', 'p.name', 'p.municipality_number'])
    .where('r.is_current', '=', 1)
    .execute();
  const districts = filter.policeDistrictCodes ? new Set(filter.policeDistrictCodes) : null;
  const out: RespondentRow[] = [];
  for (const r of rows) {
    const municipality = (r.municipality_number && register.get(r.municipality_number)) || null;
    if (districts && (!municipality || !districts.has(municipality.policeDistrictCode))) continue;
    out.push({
      responseId: r.id,
      respondentId: r.respondent_id,
      name: municipality?.name ?? r.name,
      respondentName: r.name,
      municipality,
      receivedDate: r.received_date,
      status: r.status,
      needsSplitting: r.needs_splitting === 1,
    });
  }
  return out.sort(compareRespondents);
}

/**
 * The respondent rows with their answers, `chunkSize` responses at a time,
 * in the rows' order. Only the given questions' answers are read; unassigned
 * text only with `unassigned: true`.
 */
export async function* iterateAnswers(
  db: Kysely<DB>,
  rows: RespondentRow[],
  questions: ExportQuestion[],
  options: { unassigned: boolean; chunkSize?: number; /** «Skjul personopplysninger»: findings replaced by their labels (fresh cache: personal/scan.ts). */ maskPersonal?: boolean },
): AsyncGenerator<ResponseWithAnswers[]> {
  const wanted = new Set(questions.map((q) => q.id));
  for (const chunk of chunks(rows, options.chunkSize ?? CHUNK)) {
    const parts = await db
      .selectFrom('answer')
      .select(['id', 'response_id', 'question_id', 'ordinal', 'text'])
      .where(
        'response_id',
        'in',
        chunk.map((r) => r.responseId),
      )
      .orderBy('response_id')
      .orderBy('ordinal')
      .orderBy('id')
      .execute();
    const byResponse = new Map<string, { answers: Map<string, string[]>; unassigned: string[] }>();
    const spans = options.maskPersonal ? await personalSpans(db, parts.map((p) => p.id)) : null;
    for (const p of parts) {
      if (p.question_id === null ? !options.unassigned : !wanted.has(p.question_id)) continue;
      // Parts split out of one text keep the spaces around the cut; a cell does not need them.
      const text = (spans ? maskText(p.text, spans.get(p.id) ?? []).text : p.text).trim();
      if (text === '') continue;
      const entry = byResponse.get(p.response_id) ?? { answers: new Map<string, string[]>(), unassigned: [] };
      if (p.question_id === null) entry.unassigned.push(text);
      else entry.answers.set(p.question_id, [...(entry.answers.get(p.question_id) ?? []), text]);
      byResponse.set(p.response_id, entry);
    }
    yield chunk.map((row) => {
      const entry = byResponse.get(row.responseId);
      return {
        ...row,
        answers: new Map([...(entry?.answers ?? [])].map(([q, texts]) => [q, texts.join(PART_SEPARATOR)])),
        unassigned: entry?.unassigned.join(PART_SEPARATOR) ?? '',
      };
    });
  }
}

/** Whether any of these responses holds text not assigned to a question. */
export async function hasUnassignedText(db: Kysely<DB>, rows: RespondentRow[]): Promise<boolean> {
  const ids = new Set(rows.map((r) => r.responseId));
  const withText = await db
    .selectFrom('answer as a')
    .innerJoin('response as r', 'r.id', 'a.response_id')
    .select('a.response_id')
    .where('r.is_current', '=', 1)
    .where('a.question_id', 'is', null)
    .where((eb) => eb(eb.fn('length', [eb.fn('trim', ['a.text'])]), '>', 0))
    .distinct()
    .execute();
  return withText.some((r) => ids.has(r.response_id));
}

const osloDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** A timestamp's calendar date in Norway (yyyy-mm-dd): a coding made at 00:30 Norwegian time is of that day. */
export function norwegianDateOf(timestamp: string): string {
  const t = Date.parse(timestamp);
  return Number.isNaN(t) ? timestamp.slice(0, 10) : osloDate.format(t);
}

type CodingIndex = Omit<CodingRow, 'quote' | 'quoteContext'>;

/**
 * The codings on the given (current) responses, without their quotes, in
 * the rows' order, then by question, answer part, place in the text and code.
 * With `questions`, only codings on answers to those questions.
 */
export async function loadCodingIndex(db: Kysely<DB>, rows: RespondentRow[], questions: ExportQuestion[] | null): Promise<CodingIndex[]> {
  const position = new Map(rows.map((r, i) => [r.responseId, i]));
  const paths = new Map((await codeTree(db)).map((c) => [c.id, c.path]));
  const ordinals = new Map((await loadQuestions(db)).map((q) => [q.id, q.ordinal]));
  const wanted = questions ? new Set(questions.map((q) => q.id)) : null;
  const found = await db
    .selectFrom('coding as k')
    .innerJoin('answer as a', 'a.id', 'k.answer_id')
    .innerJoin('response as r', 'r.id', 'a.response_id')
    .select(['k.id', 'k.code_id', 'k.answer_id', 'k.start_offset', 'k.end_offset', 'k.created_by', 'k.created_at', 'k.use_in_memo', 'a.response_id', 'a.question_id', 'a.ordinal'])
    .where('r.is_current', '=', 1)
    .execute();
  const out: (CodingIndex & { answerOrdinal: number })[] = [];
  for (const k of found) {
    const at = position.get(k.response_id);
    if (at === undefined) continue;
    if (wanted && (k.question_id === null || !wanted.has(k.question_id))) continue;
    out.push({
      codingId: k.id,
      respondent: rows[at],
      answerId: k.answer_id,
      answerOrdinal: k.ordinal,
      questionId: k.question_id,
      questionOrdinal: k.question_id ? (ordinals.get(k.question_id) ?? null) : null,
      codeId: k.code_id,
      codePath: paths.get(k.code_id) ?? [],
      start: k.start_offset,
      end: k.end_offset,
      coder: k.created_by,
      createdAt: k.created_at,
      createdDate: norwegianDateOf(k.created_at),
      useInMemo: k.use_in_memo === 1,
    });
  }
  out.sort(
    (a, b) =>
      position.get(a.respondent.responseId)! - position.get(b.respondent.responseId)! ||
      (a.questionOrdinal ?? Number.MAX_SAFE_INTEGER) - (b.questionOrdinal ?? Number.MAX_SAFE_INTEGER) ||
      a.answerOrdinal - b.answerOrdinal ||
      a.answerId.localeCompare(b.answerId) ||
      a.start - b.start ||
      a.end - b.end ||
      norwegianCompare(codePathText(a.codePath), codePathText(b.codePath)) ||
      a.codingId.localeCompare(b.codingId),
  );
  return out.map(({ answerOrdinal: _, ...k }) => k);
}

/** The codings with their quotes, `chunkSize` at a time, in the index's order. */
export async function* iterateCodings(db: Kysely<DB>, index: CodingIndex[], chunkSize = CHUNK * 4, maskPersonal = false): AsyncGenerator<CodingRow[]> {
  for (const chunk of chunks(index, chunkSize)) {
    const answerIds = [...new Set(chunk.map((k) => k.answerId))];
    const texts = new Map<string, string>();
    for (const ids of chunks(answerIds, CHUNK)) {
      for (const a of await db.selectFrom('answer').select(['id', 'text']).where('id', 'in', ids).execute()) texts.set(a.id, a.text);
    }
    if (!maskPersonal) {
      yield chunk.map((k) => withQuote(k, texts.get(k.answerId) ?? '', k.start, k.end));
      continue;
    }
    // A quote that contains (part of) a finding is quoted with the finding's label.
    const spans = await personalSpans(db, answerIds);
    const masked = new Map(answerIds.map((id) => [id, maskText(texts.get(id) ?? '', spans.get(id) ?? [])]));
    yield chunk.map((k) => {
      const m = masked.get(k.answerId)!;
      const p = maskedPassage(m, k.start, k.end);
      return withQuote(k, m.text, p.start, p.end);
    });
  }
}

/** A coding with its coded text and the rest of that text's sentence. */
function withQuote(k: CodingIndex, text: string, start: number, end: number): CodingRow {
  const { before, coded, after } = quoteWithSentence(text, start, end);
  return { ...k, quote: coded, quoteContext: { before, after } };
}

/** The personal-data findings of these answers, by answer id (the cache must be fresh: refreshPersonalData). */
export async function personalSpans(db: Kysely<DB>, answerIds: string[]): Promise<Map<string, PersonalSpan[]>> {
  const out = new Map<string, PersonalSpan[]>();
  for (const ids of chunks(answerIds, CHUNK)) {
    const rows = await db
      .selectFrom('personal_span')
      .select(['answer_id', 'kind', 'start_offset', 'end_offset'])
      .where('answer_id', 'in', ids)
      .orderBy('answer_id')
      .orderBy('start_offset')
      .execute();
    for (const r of rows) out.set(r.answer_id, [...(out.get(r.answer_id) ?? []), { kind: r.kind, start: r.start_offset, end: r.end_offset }]);
  }
  return out;
}

/** All current responses within the filter with their answers, sorted (for small exports: the memo's appendix). */
export async function loadResponseRows(db: Kysely<DB>, filter: TableFilter = {}, maskPersonal = false): Promise<ResponseWithAnswers[]> {
  const rows = await loadRespondentRows(db, filter);
  const questions = await loadQuestions(db, filter.questionIds);
  const out: ResponseWithAnswers[] = [];
  for await (const chunk of iterateAnswers(db, rows, questions, { unassigned: !filter.questionIds, maskPersonal })) out.push(...chunk);
  return out;
}
