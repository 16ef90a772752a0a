// The agreement report and the list of disagreements.
//
// The unit is an answer: all parts of one current response's answer to one
// question (as in analysis/cooccurrence.ts; text not yet assigned to a
// question is one unit of its own), with some text in it — an empty answer
// cannot be coded and is no unit. Uncoded text is never a unit by itself,
// so long stretches nobody coded do not inflate agreement. For each code,
// each coder's judgement of a unit is "present" (the coder coded the code
// somewhere in it, directly — not through a subcode) or "absent" (the coder
// worked on the response but did not), and missing for coders who did not
// work on the response (see judgements.ts). A code scoped to one question
// is judged on that question's answers only.
//
// For each closed variable the unit is a response: each coder's judgement is
// the value they set, missing if they set none (unlike a code's absence, an
// unset variable is no judgement: every variable has an explicit "ikke
// besvart" or similar option). Single choice: the options are nominal
// categories. Multiple choice: the set of chosen options is one category for
// the variable's own row, and each option is present/absent in rows of their
// own. Free-text variables are not compared.
import type { Kysely } from 'kysely';
import type {
  AgreementReport,
  AgreementResolution,
  AgreementStats,
  BinaryCounts,
  CodeAgreement,
  Disagreement,
  DisagreementList,
  DisagreementSide,
  OptionAgreement,
  UnitCoding,
  VariableAgreement,
} from '../../../src-shared/agreement';
import { codeUnitKey, variableUnitKey } from '../../../src-shared/agreement';
import type { Variable } from '../../../src-shared/coding';
import { ApiError } from '../../../src-shared/errors';
import { norwegianCompare } from '../../../src-shared/norwegian';
import { answerUnitKey, codeTree, requireQuestion, type CodeNode } from '../analysis/units';
import { listVariables } from '../coding/service';
import { municipalityFacts, responseQuery } from '../responses/service';
import type { DB } from '../store/schema';
import { variableValueKey } from '../team/entities';
import { coderCandidates, loadJudgements, type CodingVersion, type Judgements, type ValueWord } from './judgements';
import { toResolution } from './resolve';
import { agreementStats, agreementTable, type Judgements as UnitJudgements } from './stats';
import { parseValue } from '../store/json';

/** A variable the report compares: single or multiple choice (free text is not compared). */
type ClosedVariable = Variable & { kind: 'single' | 'multi' };

const PRESENT = '1';
const ABSENT = '0';

interface AnswerUnit {
  responseId: string;
  questionId: string | null;
  answers: { id: string; ordinal: number; text: string }[];
}

interface Context {
  coders: string[];
  defaultCoders: string[];
  candidates: string[];
  judgements: Judgements;
  /** Answer units of the sample's responses, in response then question order. */
  units: AnswerUnit[];
  codes: CodeNode[];
  variables: ClosedVariable[];
  resolutions: Map<string, AgreementResolution>;
  /** Per coder: unit key "<response>|<question>" → code id → the coder's codings there. */
  codingsByUnit: Map<string, Map<string, CodingVersion[]>>[];
}

function sortNames(names: Iterable<string>): string[] {
  return [...new Set(names)].sort(norwegianCompare);
}

async function loadContext(db: Kysely<DB>, requested: string[] | undefined): Promise<Context> {
  const { candidates, doubleCoded } = await coderCandidates(db);
  const defaultCoders = sortNames(doubleCoded);
  const coders = requested ? [...new Set(requested)] : defaultCoders;
  const judgements = await loadJudgements(db, coders);

  const sampleIds = [...judgements.sample.keys()];
  const answerRows = sampleIds.length
    ? await db
        .selectFrom('answer')
        .select(['id', 'response_id', 'question_id', 'ordinal', 'text'])
        .where('response_id', 'in', sampleIds)
        .orderBy('response_id')
        .orderBy('ordinal')
        .execute()
    : [];
  const questionOrder = new Map((await db.selectFrom('question').select(['id', 'ordinal']).execute()).map((q) => [q.id, q.ordinal]));
  const unitMap = new Map<string, AnswerUnit>();
  const unitOfAnswer = new Map<string, string>();
  for (const a of answerRows) {
    const key = answerUnitKey(a.response_id, a.question_id);
    unitOfAnswer.set(a.id, key);
    if (a.text.trim() === '') continue;
    const unit = unitMap.get(key) ?? { responseId: a.response_id, questionId: a.question_id, answers: [] };
    unit.answers.push({ id: a.id, ordinal: a.ordinal, text: a.text });
    unitMap.set(key, unit);
  }
  const units = [...unitMap.values()].sort(
    (x, y) =>
      x.responseId.localeCompare(y.responseId) ||
      (x.questionId === null ? 1e9 : (questionOrder.get(x.questionId) ?? 0)) - (y.questionId === null ? 1e9 : (questionOrder.get(y.questionId) ?? 0)),
  );

  const codingsByUnit = judgements.codings.map((list) => {
    const byUnit = new Map<string, Map<string, CodingVersion[]>>();
    for (const k of list) {
      const key = unitOfAnswer.get(k.answerId);
      if (!key) continue; // not an answer of a response in the sample
      const byCode = byUnit.get(key) ?? new Map<string, CodingVersion[]>();
      byCode.set(k.codeId, [...(byCode.get(k.codeId) ?? []), k]);
      byUnit.set(key, byCode);
    }
    return byUnit;
  });

  const resolutions = new Map((await db.selectFrom('agreement_resolution').selectAll().execute()).map((r) => [r.unit_key, toResolution(r)]));

  return {
    coders,
    defaultCoders,
    candidates: sortNames([...candidates, ...coders]),
    judgements,
    units,
    codes: await codeTree(db),
    variables: (await listVariables(db)).filter((v): v is ClosedVariable => v.kind !== 'text'),
    resolutions,
    codingsByUnit,
  };
}

/** The units a code is judged on (its question's answers if it is scoped), optionally one question's only. */
function unitsForCode(ctx: Context, code: CodeNode, questionId: string | undefined): AnswerUnit[] {
  return ctx.units.filter((u) => (!code.questionId || u.questionId === code.questionId) && (!questionId || u.questionId === questionId));
}

function codeJudgements(ctx: Context, unit: AnswerUnit, codeId: string): UnitJudgements {
  const worked = ctx.judgements.sample.get(unit.responseId) ?? [];
  const key = answerUnitKey(unit.responseId, unit.questionId);
  return ctx.coders.map((_, i) => (worked.includes(i) ? ((ctx.codingsByUnit[i].get(key)?.get(codeId)?.length ?? 0) > 0 ? PRESENT : ABSENT) : null));
}

function differs(judgements: UnitJudgements): boolean {
  const values = judgements.filter((v): v is string => v !== null);
  return values.length >= 2 && values.some((v) => v !== values[0]);
}

function binaryCounts(units: UnitJudgements[], coders: number): { present: number[]; counts: BinaryCounts | null } {
  const present = new Array<number>(coders).fill(0);
  for (const u of units) u.forEach((v, i) => v === PRESENT && present[i]++);
  if (coders !== 2) return { present, counts: null };
  const counts: BinaryCounts = { bothPresent: 0, onlyA: 0, onlyB: 0, bothAbsent: 0 };
  for (const [a, b] of units) {
    if (a === null || b === null) continue;
    if (a === PRESENT && b === PRESENT) counts.bothPresent++;
    else if (a === PRESENT) counts.onlyA++;
    else if (b === PRESENT) counts.onlyB++;
    else counts.bothAbsent++;
  }
  return { present, counts };
}

/** A value word as a category label: single choice its value, multiple choice its options joined in their order. */
function category(variable: Variable, word: ValueWord | undefined): string | null {
  if (!word || word.value === null) return null;
  const parsed = parseValue(word.value);
  if (variable.kind === 'multi') {
    const chosen = new Set([parsed].flat());
    return variable.options.filter((o) => chosen.has(o.value)).map((o) => o.value).join('+');
  }
  return typeof parsed === 'string' ? parsed : parsed.join('+');
}

function categoryLabel(variable: Variable, value: string): string {
  if (value === '') return '–';
  return value
    .split('+')
    .map((v) => variable.options.find((o) => o.value === v)?.label ?? v)
    .join(' + ');
}

function variableJudgements(ctx: Context, responseId: string, variable: Variable): UnitJudgements {
  const worked = ctx.judgements.sample.get(responseId) ?? [];
  const words = ctx.judgements.values.get(variableValueKey(responseId, variable.id));
  return ctx.coders.map((_, i) => (worked.includes(i) ? category(variable, words?.[i]) : null));
}

function countResolved(ctx: Context, keys: string[]): number {
  return keys.filter((k) => ctx.resolutions.has(k)).length;
}

function variableRow(ctx: Context, variable: ClosedVariable): VariableAgreement {
  const responses = [...ctx.judgements.sample.keys()].sort();
  const units = responses.map((r) => variableJudgements(ctx, r, variable));
  const stats = agreementStats(units, ctx.coders.length);
  const oneSided = units.filter((u) => u.filter((v) => v !== null).length === 1).length;
  const disagreeing = responses.filter((_, i) => differs(units[i])).map((r) => variableUnitKey(r, variable.id));
  let table: VariableAgreement['table'] = null;
  if (ctx.coders.length === 2) {
    const t = agreementTable(units);
    table = { ...t, labels: t.categories.map((c) => categoryLabel(variable, c)) };
  }
  const options: OptionAgreement[] =
    variable.kind === 'multi'
      ? variable.options.map((o) => {
          const optionUnits = units.map((u) => u.map((v) => (v === null ? null : v.split('+').includes(o.value) ? PRESENT : ABSENT)));
          return { value: o.value, label: o.label, ...agreementStats(optionUnits, ctx.coders.length), ...binaryCounts(optionUnits, ctx.coders.length) };
        })
      : [];
  return {
    variableId: variable.id,
    key: variable.key,
    label: variable.label,
    kind: variable.kind,
    questionId: variable.questionId,
    ...stats,
    oneSided,
    table,
    options,
    resolved: countResolved(ctx, disagreeing),
  };
}

function codeRow(ctx: Context, code: CodeNode, questionId: string | undefined): CodeAgreement & { disagreementKeys: string[] } {
  const scoped = unitsForCode(ctx, code, questionId);
  const units = scoped.map((u) => codeJudgements(ctx, u, code.id));
  const stats: AgreementStats = agreementStats(units, ctx.coders.length);
  const disagreementKeys = scoped.filter((_, i) => differs(units[i])).map((u) => codeUnitKey(u.responseId, u.questionId, code.id));
  return {
    codeId: code.id,
    name: code.name,
    path: code.path,
    questionId: code.questionId,
    ...stats,
    ...binaryCounts(units, ctx.coders.length),
    resolved: countResolved(ctx, disagreementKeys),
    disagreementKeys,
  };
}

export interface ReportInput {
  coders?: string[];
  codeIds?: string[];
  questionId?: string;
}

export async function agreementReport(db: Kysely<DB>, input: ReportInput = {}): Promise<AgreementReport> {
  await requireQuestion(db, input.questionId);
  const ctx = await loadContext(db, input.coders);
  const missing = input.codeIds?.find((id) => !ctx.codes.some((c) => c.id === id));
  if (missing) throw new ApiError('NOT_FOUND', `No code with id ${missing}`);
  const codes = ctx.codes
    .filter((c) => !input.codeIds || input.codeIds.includes(c.id))
    .filter((c) => !input.questionId || !c.questionId || c.questionId === input.questionId)
    .map((c) => codeRow(ctx, c, input.questionId));
  const variables = ctx.variables.filter((v) => !input.questionId || v.questionId === input.questionId).map((v) => variableRow(ctx, v));
  const open = codes.reduce((n, c) => n + c.disagreeing - c.resolved, 0) + variables.reduce((n, v) => n + v.disagreeing - v.resolved, 0);
  const resolved = codes.reduce((n, c) => n + c.resolved, 0) + variables.reduce((n, v) => n + v.resolved, 0);
  return {
    coders: ctx.coders,
    defaultCoders: ctx.defaultCoders,
    candidates: ctx.candidates,
    responses: ctx.judgements.sample.size,
    unit: 'answer',
    questionId: input.questionId ?? null,
    codes: codes.map(({ disagreementKeys: _keys, ...row }) => row),
    variables,
    disagreements: { open, resolved },
  };
}

export interface DisagreementsInput {
  coders?: string[];
  codeId?: string;
  variableId?: string;
  questionId?: string;
  status?: 'open' | 'resolved' | 'all';
}

interface ResponseInfo {
  respondentName: string;
  municipality: Disagreement['municipality'];
}

async function responseInfo(db: Kysely<DB>, ids: string[]): Promise<Map<string, ResponseInfo>> {
  if (ids.length === 0) return new Map();
  const rows = await responseQuery(db).where('r.id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { respondentName: r.respondent_name, municipality: municipalityFacts(r) }]));
}

function sideCodings(versions: CodingVersion[] | undefined, texts: Map<string, string>): UnitCoding[] {
  return (versions ?? [])
    .map((k) => ({ id: k.id, answerId: k.answerId, start: k.start, end: k.end, quote: (texts.get(k.answerId) ?? '').slice(k.start, k.end), exists: k.exists }))
    .sort((a, b) => a.answerId.localeCompare(b.answerId) || a.start - b.start || a.end - b.end);
}

export async function listDisagreements(db: Kysely<DB>, input: DisagreementsInput = {}): Promise<DisagreementList> {
  await requireQuestion(db, input.questionId);
  const ctx = await loadContext(db, input.coders);
  if (input.codeId && !ctx.codes.some((c) => c.id === input.codeId)) throw new ApiError('NOT_FOUND', `No code with id ${input.codeId}`);
  if (input.variableId && !ctx.variables.some((v) => v.id === input.variableId)) throw new ApiError('NOT_FOUND', `No closed variable with id ${input.variableId}`);
  const status = input.status ?? 'all';
  const keep = (key: string) => status === 'all' || (status === 'resolved') === ctx.resolutions.has(key);
  const questions = new Map((await db.selectFrom('question').select(['id', 'ordinal', 'short_label']).execute()).map((q) => [q.id, { id: q.id, ordinal: q.ordinal, label: q.short_label }]));

  type Pending = Omit<Disagreement, 'respondentName' | 'municipality'>;
  const pending: Pending[] = [];
  const wantCodes = !input.variableId;
  const wantVariables = !input.codeId;

  if (wantCodes) {
    for (const code of ctx.codes) {
      if (input.codeId && code.id !== input.codeId) continue;
      if (input.questionId && code.questionId && code.questionId !== input.questionId) continue;
      for (const unit of unitsForCode(ctx, code, input.questionId)) {
        const judgements = codeJudgements(ctx, unit, code.id);
        const key = codeUnitKey(unit.responseId, unit.questionId, code.id);
        if (!differs(judgements) || !keep(key)) continue;
        const texts = new Map(unit.answers.map((a) => [a.id, a.text]));
        const byUnit = answerUnitKey(unit.responseId, unit.questionId);
        const sides: DisagreementSide[] = [];
        judgements.forEach((j, i) => {
          if (j === null) return;
          sides.push({ coder: ctx.coders[i], codings: sideCodings(ctx.codingsByUnit[i].get(byUnit)?.get(code.id), texts), value: null, valueLabel: null, evidence: null });
        });
        pending.push({
          unitKey: key,
          kind: 'code',
          responseId: unit.responseId,
          question: unit.questionId ? (questions.get(unit.questionId) ?? null) : null,
          codeId: code.id,
          codeName: code.path.join(' › '),
          variableId: null,
          variableLabel: null,
          answers: unit.answers,
          sides,
          resolution: ctx.resolutions.get(key) ?? null,
          openMergeConflict: false,
        });
      }
    }
  }

  if (wantVariables) {
    const openConflicts = new Set(
      (
        await db
          .selectFrom('merge_conflict')
          .select('natural_key')
          .where('entity_type', '=', 'variable_value')
          .where('status', '=', 'open')
          .execute()
      ).map((c) => c.natural_key),
    );
    const responses = [...ctx.judgements.sample.keys()].sort();
    const answerTexts = new Map(ctx.units.flatMap((u) => u.answers.map((a) => [a.id, a.text] as const)));
    for (const variable of ctx.variables) {
      if (input.variableId && variable.id !== input.variableId) continue;
      if (input.questionId && variable.questionId !== input.questionId) continue;
      for (const responseId of responses) {
        const judgements = variableJudgements(ctx, responseId, variable);
        const key = variableUnitKey(responseId, variable.id);
        if (!differs(judgements) || !keep(key)) continue;
        const words = ctx.judgements.values.get(variableValueKey(responseId, variable.id));
        const sides: DisagreementSide[] = [];
        judgements.forEach((j, i) => {
          if (j === null) return;
          const word = words?.[i];
          const ev = word?.evidence;
          sides.push({
            coder: ctx.coders[i],
            codings: [],
            value: word?.value ? parseValue(word.value) : null,
            valueLabel: categoryLabel(variable, j),
            evidence: ev ? (answerTexts.get(ev.answerId) ?? '').slice(ev.start, ev.end) || null : null,
          });
        });
        const unit = ctx.units.filter((u) => u.responseId === responseId && variable.questionId !== null && u.questionId === variable.questionId);
        pending.push({
          unitKey: key,
          kind: 'variable',
          responseId,
          question: variable.questionId ? (questions.get(variable.questionId) ?? null) : null,
          codeId: null,
          codeName: null,
          variableId: variable.id,
          variableLabel: variable.label,
          answers: unit.flatMap((u) => u.answers),
          sides,
          resolution: ctx.resolutions.get(key) ?? null,
          openMergeConflict: openConflicts.has(variableValueKey(responseId, variable.id)),
        });
      }
    }
  }

  const info = await responseInfo(db, [...new Set(pending.map((p) => p.responseId))]);
  const items = pending.map((p) => ({ ...p, ...(info.get(p.responseId) ?? { respondentName: '', municipality: null }) }));
  // Municipalities by number, then other respondents by name; within one, by question.
  items.sort(
    (a, b) =>
      (a.municipality ? 0 : 1) - (b.municipality ? 0 : 1) ||
      (a.municipality?.number ?? '').localeCompare(b.municipality?.number ?? '') ||
      norwegianCompare(a.respondentName, b.respondentName) ||
      (a.question?.ordinal ?? 1e9) - (b.question?.ordinal ?? 1e9),
  );
  return { coders: ctx.coders, items };
}
