// The framework matrix: codes × groups of municipalities. A cell is the number
// of municipalities with at least one coding of the code in their current
// response (two codings in one municipality count once; codings on
// superseded responses never count). Each row has the count of the code
// itself and of the code with everything below it; each column has its
// register and response totals; other respondents are a column of their own.
import type { Kysely } from 'kysely';
import { OTHER_RESPONDENTS_KEY, type AnalysisGroupBy, type CodeMatrix, type MatrixCounts, type MatrixQuote } from '../../../src-shared/analysis';
import { ApiError } from '../../../src-shared/errors';
import { norwegianCompare } from '../../../src-shared/norwegian';
import { sentenceContext } from '../../../src-shared/sentences';
import type { DB } from '../store/schema';
import { codeTree, columnsFor, facts, groupOfUnit, groupTotals, loadUnits, otherRespondents, requireQuestion, type CodeNode, type Columns, type Units } from './units';

export interface MatrixInput {
  groupBy: AnalysisGroupBy;
  codeIds?: string[];
  questionId?: string;
  /** Only codings on answers to these questions (the workbook export's filter); the columns' totals are not affected. */
  questionIds?: string[];
}

interface CodingRow {
  id: string;
  code_id: string;
  answer_id: string;
  response_id: string;
  question_id: string | null;
  start_offset: number;
  end_offset: number;
}

/** Codings on current responses (optionally on answers to one question). */
async function currentCodings(db: Kysely<DB>, questionId: string | undefined, codeIds?: string[], questionIds?: string[]): Promise<CodingRow[]> {
  let q = db
    .selectFrom('coding as k')
    .innerJoin('answer as a', 'a.id', 'k.answer_id')
    .innerJoin('response as r', 'r.id', 'a.response_id')
    .select(['k.id', 'k.code_id', 'k.answer_id', 'a.response_id', 'a.question_id', 'k.start_offset', 'k.end_offset'])
    .where('r.is_current', '=', 1);
  if (questionId) q = q.where('a.question_id', '=', questionId);
  if (questionIds) {
    if (questionIds.length === 0) return [];
    q = q.where('a.question_id', 'in', questionIds);
  }
  if (codeIds) {
    if (codeIds.length === 0) return [];
    q = q.where('k.code_id', 'in', codeIds);
  }
  return q.execute();
}

/** Ids of each code's subtree (itself first). */
export function subtrees(codes: CodeNode[]): Map<string, string[]> {
  const out = new Map<string, string[]>(codes.map((c) => [c.id, [c.id]]));
  // Codes come depth first, so walking backwards adds every child before its parent.
  for (let i = codes.length - 1; i >= 0; i--) {
    const c = codes[i];
    if (c.parentId) out.get(c.parentId)?.push(...out.get(c.id)!);
  }
  return out;
}

function countUnits(keys: Iterable<string>, units: Units, columns: Columns): MatrixCounts {
  const byGroup: Record<string, number> = Object.fromEntries(columns.groups.map((g) => [g.key, 0]));
  let others = 0;
  let total = 0;
  for (const key of keys) {
    const unit = units.units.get(key)!;
    if (!unit.municipality) {
      others++;
      continue;
    }
    const group = columns.keyOf(unit.municipality);
    if (group in byGroup) byGroup[group]++;
    total++;
  }
  return { byGroup, others, total };
}

export async function codeMatrix(db: Kysely<DB>, input: MatrixInput): Promise<CodeMatrix> {
  await requireQuestion(db, input.questionId);
  const units = await loadUnits(db);
  const columns = await columnsFor(db, units.register, input.groupBy);
  const codes = await codeTree(db);
  const known = new Set(codes.map((c) => c.id));
  const missing = input.codeIds?.find((id) => !known.has(id));
  if (missing) throw new ApiError('NOT_FOUND', `No code with id ${missing}`);

  const direct = new Map<string, Set<string>>(codes.map((c) => [c.id, new Set<string>()]));
  const coded = new Set<string>();
  for (const k of await currentCodings(db, input.questionId, undefined, input.questionIds)) {
    const unit = units.unitOfResponse.get(k.response_id)!;
    direct.get(k.code_id)?.add(unit);
    coded.add(unit);
  }
  const tree = subtrees(codes);
  const shown = input.codeIds ? codes.filter((c) => input.codeIds!.includes(c.id)) : codes;
  const rows = shown.map((c) => {
    const all = new Set<string>();
    for (const id of tree.get(c.id)!) for (const unit of direct.get(id)!) all.add(unit);
    return {
      codeId: c.id,
      name: c.name,
      parentId: c.parentId,
      path: c.path,
      depth: c.depth,
      questionId: c.questionId,
      direct: countUnits(direct.get(c.id)!, units, columns),
      withDescendants: countUnits(all, units, columns),
    };
  });

  // With a question: who gave a non-empty answer to it ("ikke besvart" is the rest of the respondents).
  let answered: Set<string> | null = null;
  if (input.questionId) {
    const rows = await db
      .selectFrom('answer as a')
      .innerJoin('response as r', 'r.id', 'a.response_id')
      .select('a.response_id')
      .where('r.is_current', '=', 1)
      .where('a.question_id', '=', input.questionId)
      .where((eb) => eb(eb.fn('length', [eb.fn('trim', ['a.text'])]), '>', 0))
      .distinct()
      .execute();
    answered = new Set(rows.map((r) => units.unitOfResponse.get(r.response_id)!));
  }
  const perGroup = (keys: Iterable<string>) => countUnits(keys, units, columns);
  const codedCounts = perGroup(coded);
  const answeredCounts = answered ? perGroup(answered) : null;
  const groups = groupTotals(columns, units).map((g) => ({
    ...g,
    coded: codedCounts.byGroup[g.key],
    answeredQuestion: answeredCounts ? answeredCounts.byGroup[g.key] : null,
    notAnswered: answeredCounts ? g.responded - answeredCounts.byGroup[g.key] : null,
  }));
  const others = otherRespondents(units);
  const responded = groups.reduce((n, g) => n + g.responded, 0);
  return {
    groupBy: input.groupBy,
    questionId: input.questionId ?? null,
    groups,
    others: {
      ...others,
      coded: codedCounts.others,
      answeredQuestion: answeredCounts ? answeredCounts.others : null,
      notAnswered: answeredCounts ? others.respondents - answeredCounts.others : null,
    },
    totals: { municipalities: units.register.length, responded, nonRespondents: units.register.length - responded, coded: codedCounts.total },
    rows,
  };
}

export interface MatrixCellInput {
  groupBy: AnalysisGroupBy;
  codeId: string;
  /** A column key, OTHER_RESPONDENTS_KEY, or omitted for every column. */
  groupKey?: string;
  questionId?: string;
  /** Also the codings of codes below this one (the row's withDescendants count). */
  withDescendants?: boolean;
}

/** The quotes behind a cell: every coding counted in it, by municipality. */
export async function matrixCell(db: Kysely<DB>, input: MatrixCellInput): Promise<MatrixQuote[]> {
  await requireQuestion(db, input.questionId);
  const units = await loadUnits(db);
  const columns = await columnsFor(db, units.register, input.groupBy);
  if (input.groupKey !== undefined && input.groupKey !== OTHER_RESPONDENTS_KEY && !columns.groups.some((g) => g.key === input.groupKey)) {
    throw new ApiError('NOT_FOUND', `No group "${input.groupKey}" when grouping by ${input.groupBy}`);
  }
  const codes = await codeTree(db);
  if (!codes.some((c) => c.id === input.codeId)) throw new ApiError('NOT_FOUND', `No code with id ${input.codeId}`);
  const ids = input.withDescendants ? subtrees(codes).get(input.codeId)! : [input.codeId];
  const codings = await currentCodings(db, input.questionId, ids);
  const answerIds = [...new Set(codings.map((k) => k.answer_id))];
  const answers = new Map<string, { text: string; ordinal: number | null }>();
  for (let i = 0; i < answerIds.length; i += 500) {
    const rows = await db
      .selectFrom('answer as a')
      .leftJoin('question as q', 'q.id', 'a.question_id')
      .select(['a.id', 'a.text', 'q.ordinal'])
      .where('a.id', 'in', answerIds.slice(i, i + 500))
      .execute();
    for (const r of rows) answers.set(r.id, { text: r.text, ordinal: r.ordinal });
  }
  const quotes: MatrixQuote[] = [];
  for (const k of codings) {
    const unit = units.units.get(units.unitOfResponse.get(k.response_id)!)!;
    const groupKey = groupOfUnit(columns, unit);
    if (input.groupKey !== undefined && groupKey !== input.groupKey) continue;
    const answer = answers.get(k.answer_id)!;
    quotes.push({
      codingId: k.id,
      codeId: k.code_id,
      answerId: k.answer_id,
      responseId: k.response_id,
      respondentName: unit.respondentName,
      municipality: unit.municipality ? facts(unit.municipality) : null,
      groupKey,
      questionId: k.question_id,
      questionOrdinal: answer.ordinal,
      start: k.start_offset,
      end: k.end_offset,
      quote: answer.text.slice(k.start_offset, k.end_offset),
      quoteContext: sentenceContext(answer.text, k.start_offset, k.end_offset),
    });
  }
  return quotes.sort(
    (a, b) =>
      norwegianCompare(a.municipality?.name ?? a.respondentName, b.municipality?.name ?? b.respondentName) ||
      (a.questionOrdinal ?? 99) - (b.questionOrdinal ?? 99) ||
      a.answerId.localeCompare(b.answerId) ||
      a.start - b.start ||
      a.codingId.localeCompare(b.codingId),
  );
}
