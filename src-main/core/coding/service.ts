// Coding a response: coded spans (character offsets into the answer's
// immutable text), closed variables with optional evidence spans, memos, and
// the response's review status. Every change is a ChangeSet (audit + undo).
import type { Kysely, Updateable } from 'kysely';
import type { Coding, Evidence, Memo, MemoTarget, Variable, VariableValue, WorkspaceResponse } from '../../../src-shared/coding';
import type { ResponseStatus } from '../../../src-shared/domain';
import { ApiError } from '../../../src-shared/errors';
import { ChangeSet, type RowOf } from '../audit/changes';
import { inTransaction } from '../audit/transaction';
import { relinkFindings } from '../codebook/service';
import type { CoreDeps } from '../deps';
import { getResponse } from '../responses/service';
import type { Store } from '../store/open';
import { parseOptions, parseValue } from '../store/json';
import type { CodingTable, DB, VariableValueTable } from '../store/schema';

type Deps = Pick<CoreDeps, 'now' | 'newId' | 'author'>;

async function answerText(c: ChangeSet, answerId: string): Promise<{ text: string; question_id: string | null; response_id: string }> {
  const answer = await c.trx.selectFrom('answer').select(['text', 'question_id', 'response_id']).where('id', '=', answerId).executeTakeFirst();
  if (!answer) throw new ApiError('NOT_FOUND', `No answer with id ${answerId}`);
  return answer;
}

function checkSpan(text: string, start: number, end: number): void {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length)) {
    throw new ApiError('INVALID_INPUT', `The span ${start}–${end} is outside the answer (length ${text.length})`);
  }
}

function toCoding(row: RowOf<'coding'>, text: string): Coding {
  return {
    id: row.id,
    answerId: row.answer_id,
    codeId: row.code_id,
    start: row.start_offset,
    end: row.end_offset,
    quote: text.slice(row.start_offset, row.end_offset),
    useInMemo: row.use_in_memo === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export interface CodingInput {
  answerId: string;
  codeId: string;
  /** Omit both to code the whole answer. */
  start?: number;
  end?: number;
}

export async function createCoding(db: Kysely<DB>, deps: Deps, input: CodingInput): Promise<Coding> {
  return inTransaction(db, deps, 'coding.create', (c) => createCodingIn(c, input));
}

/**
 * createCoding within a caller's ChangeSet, so several codings are one action
 * (one undo). `madeBy`: a coding someone else made elsewhere (a REFI-QDA
 * import keeps the file's coder and date); the same span by another coder is
 * then a coding of its own, so double coding survives.
 */
export async function createCodingIn(c: ChangeSet, input: CodingInput, madeBy?: { by: string; at: string }): Promise<Coding> {
  const answer = await answerText(c, input.answerId);
  const code = await c.require('code', input.codeId, 'code');
  const start = input.start ?? 0;
  const end = input.end ?? answer.text.length;
  checkSpan(answer.text, start, end);
  if (code.question_id && answer.question_id !== code.question_id) {
    throw new ApiError('INVALID_INPUT', `The code "${code.name}" is for another question`);
  }
  const same = await c.trx
    .selectFrom('coding')
    .selectAll()
    .where('answer_id', '=', input.answerId)
    .where('code_id', '=', input.codeId)
    .where('start_offset', '=', start)
    .where('end_offset', '=', end)
    .$if(madeBy !== undefined, (q) => q.where('created_by', '=', madeBy!.by))
    .executeTakeFirst();
  if (same) return toCoding(same, answer.text); // coding the same span twice is a no-op
  const row = await c.insert('coding', {
    ...c.authored(),
    ...(madeBy ? { created_by: madeBy.by, created_at: madeBy.at } : {}),
    answer_id: input.answerId,
    code_id: input.codeId,
    start_offset: start,
    end_offset: end,
    use_in_memo: 0,
  });
  return toCoding(row, answer.text);
}

export async function updateCoding(
  db: Kysely<DB>,
  deps: Deps,
  id: string,
  patch: { start?: number; end?: number; useInMemo?: boolean; codeId?: string },
): Promise<Coding> {
  return inTransaction(db, deps, 'coding.update', async (c) => {
    const current = await c.require('coding', id, 'coding');
    const answer = await answerText(c, current.answer_id);
    const start = patch.start ?? current.start_offset;
    const end = patch.end ?? current.end_offset;
    checkSpan(answer.text, start, end);
    const columns: Updateable<CodingTable> = { start_offset: start, end_offset: end };
    if (patch.useInMemo !== undefined) columns.use_in_memo = patch.useInMemo ? 1 : 0;
    if (patch.codeId !== undefined) {
      const code = await c.require('code', patch.codeId, 'code');
      // The same scope rule as when coding: a code for one question is not used on another's answer.
      if (code.question_id && answer.question_id !== code.question_id) {
        throw new ApiError('INVALID_INPUT', `The code "${code.name}" is for another question`);
      }
      columns.code_id = patch.codeId;
    }
    return toCoding(await c.update('coding', id, columns), answer.text);
  });
}

export async function deleteCoding(db: Kysely<DB>, deps: Deps, id: string): Promise<void> {
  await inTransaction(db, deps, 'coding.delete', async (c) => {
    await relinkFindings(c, id, null);
    await c.delete('coding', id);
  });
}

export async function listVariables(db: Kysely<DB>): Promise<Variable[]> {
  const rows = await db.selectFrom('variable').selectAll().orderBy('sort_order').orderBy('label').execute();
  return rows.map((v) => ({
    id: v.id,
    key: v.key,
    label: v.label,
    questionId: v.question_id,
    kind: v.kind,
    options: parseOptions(v.options),
    shortcut: v.shortcut,
    sortOrder: v.sort_order,
  }));
}

/** A value checked against the variable's kind and options, as stored (JSON; multiple choice in the options' order). */
export function checkValue(variable: Variable, value: string | string[]): string {
  if (variable.kind === 'multi') {
    if (!Array.isArray(value)) throw new ApiError('INVALID_INPUT', `"${variable.label}" takes a list of values`);
    const allowed = new Set(variable.options.map((o) => o.value));
    const bad = value.find((v) => !allowed.has(v));
    if (bad !== undefined) throw new ApiError('INVALID_INPUT', `"${bad}" is not an option of "${variable.label}"`);
    // Stored in the options' order, so equal choices compare equal.
    return JSON.stringify(variable.options.map((o) => o.value).filter((v) => value.includes(v)));
  }
  if (typeof value !== 'string') throw new ApiError('INVALID_INPUT', `"${variable.label}" takes one value`);
  if (variable.kind === 'single' && !variable.options.some((o) => o.value === value)) {
    throw new ApiError('INVALID_INPUT', `"${value}" is not an option of "${variable.label}"`);
  }
  return JSON.stringify(value);
}

/** Sets (or with value null clears) a response's value of a closed variable. */
export async function setVariableValue(
  db: Kysely<DB>,
  deps: Deps,
  input: { responseId: string; variableId: string; value: string | string[] | null; evidence?: Evidence | null },
): Promise<void> {
  await inTransaction(db, deps, 'variable.set', async (c) => {
    await c.require('response', input.responseId, 'response');
    const variable = (await listVariables(c.trx)).find((v) => v.id === input.variableId);
    if (!variable) throw new ApiError('NOT_FOUND', `No variable with id ${input.variableId}`);
    const existing = await c.trx
      .selectFrom('variable_value')
      .select('id')
      .where('response_id', '=', input.responseId)
      .where('variable_id', '=', input.variableId)
      .executeTakeFirst();
    // No value, no choices ticked, or empty text: the variable is not set.
    if (input.value === null || (Array.isArray(input.value) && input.value.length === 0) || (typeof input.value === 'string' && variable.kind === 'text' && input.value.trim() === '')) {
      if (existing) await c.delete('variable_value', existing.id);
      return;
    }
    const value = checkValue(variable, input.value);
    let evidence: Pick<VariableValueTable, 'evidence_answer_id' | 'evidence_start' | 'evidence_end'> = { evidence_answer_id: null, evidence_start: null, evidence_end: null };
    if (input.evidence) {
      const answer = await answerText(c, input.evidence.answerId);
      if (answer.response_id !== input.responseId) throw new ApiError('INVALID_INPUT', 'The evidence must be quoted from the same response');
      checkSpan(answer.text, input.evidence.start, input.evidence.end);
      evidence = { evidence_answer_id: input.evidence.answerId, evidence_start: input.evidence.start, evidence_end: input.evidence.end };
    } else if (existing && input.evidence === undefined) {
      // Not mentioned: keep the evidence already given.
      const row = await c.require('variable_value', existing.id);
      evidence = { evidence_answer_id: row.evidence_answer_id, evidence_start: row.evidence_start, evidence_end: row.evidence_end };
    }
    if (existing) await c.update('variable_value', existing.id, { value, ...evidence });
    else await c.insert('variable_value', { ...c.authored(), response_id: input.responseId, variable_id: input.variableId, value, ...evidence });
  });
}

async function checkMemoTarget(c: ChangeSet, targetType: MemoTarget, targetId: string | null): Promise<void> {
  if (targetType === 'project') {
    if (targetId !== null) throw new ApiError('INVALID_INPUT', 'A project memo has no target id');
    return;
  }
  if (!targetId) throw new ApiError('INVALID_INPUT', `A ${targetType} memo needs the ${targetType}'s id`);
  await c.require(targetType, targetId, targetType);
}

/** Writes a memo; empty text removes it. */
export async function setMemo(db: Kysely<DB>, deps: Deps, targetType: MemoTarget, targetId: string | null, text: string): Promise<void> {
  await inTransaction(db, deps, 'memo.set', async (c) => {
    await checkMemoTarget(c, targetType, targetId);
    const existing = await c.trx
      .selectFrom('memo')
      .select('id')
      .where('target_type', '=', targetType)
      .where('target_id', targetId === null ? 'is' : '=', targetId)
      .executeTakeFirst();
    if (text.trim() === '') {
      if (existing) await c.delete('memo', existing.id);
    } else if (existing) {
      await c.update('memo', existing.id, { text });
    } else {
      await c.insert('memo', { ...c.authored(), target_type: targetType, target_id: targetId, text });
    }
  });
}

export async function getMemo(db: Kysely<DB>, targetType: MemoTarget, targetId: string | null): Promise<Memo | null> {
  const row = await db
    .selectFrom('memo')
    .selectAll()
    .where('target_type', '=', targetType)
    .where('target_id', targetId === null ? 'is' : '=', targetId)
    .executeTakeFirst();
  return row ? { targetType: row.target_type, targetId: row.target_id, text: row.text, updatedBy: row.updated_by, updatedAt: row.updated_at } : null;
}

export async function setStatus(db: Kysely<DB>, deps: Deps, responseId: string, status: ResponseStatus): Promise<void> {
  await inTransaction(db, deps, 'response.status', async (c) => {
    await c.update('response', responseId, { status });
  });
}

/** Everything the reading view shows for one response. */
export async function workspaceResponse(store: Store, responseId: string): Promise<WorkspaceResponse> {
  const response = await getResponse(store, responseId);
  const texts = new Map(response.answers.map((a) => [a.id, a.text]));
  const answerIds = [...texts.keys()];
  const codings = answerIds.length
    ? await store.db.selectFrom('coding').selectAll().where('answer_id', 'in', answerIds).orderBy('start_offset').execute()
    : [];
  const values = await store.db.selectFrom('variable_value').selectAll().where('response_id', '=', responseId).execute();
  const memoTargets = [responseId, ...answerIds];
  const memos = await store.db.selectFrom('memo').selectAll().where('target_id', 'in', memoTargets).execute();
  return {
    response,
    codings: codings.map((k) => toCoding(k, texts.get(k.answer_id) ?? '')),
    values: values.map(
      (v): VariableValue => ({
        variableId: v.variable_id,
        value: parseValue(v.value),
        evidence:
          v.evidence_answer_id !== null
            ? {
                answerId: v.evidence_answer_id,
                start: v.evidence_start!,
                end: v.evidence_end!,
                quote: (texts.get(v.evidence_answer_id) ?? '').slice(v.evidence_start!, v.evidence_end!),
              }
            : null,
        updatedBy: v.updated_by,
        updatedAt: v.updated_at,
      }),
    ),
    memos: memos.map((m) => ({ targetType: m.target_type, targetId: m.target_id, text: m.text, updatedBy: m.updated_by, updatedAt: m.updated_at })),
  };
}

/** Creates or changes a closed variable (the letter's template supplies its own; other consultations define theirs). */
export async function defineVariable(
  db: Kysely<DB>,
  deps: Deps,
  input: { id?: string; key: string; label: string; questionId: string | null; kind: Variable['kind']; options: Variable['options']; shortcut?: string | null },
): Promise<Variable> {
  if (input.kind !== 'text' && input.options.length === 0) throw new ApiError('INVALID_INPUT', 'A single or multiple choice variable needs options');
  if (new Set(input.options.map((o) => o.value)).size !== input.options.length) throw new ApiError('INVALID_INPUT', 'Option values must be unique');
  const id = await inTransaction(db, deps, 'variable.define', async (c) => {
    const sameKey = await c.trx.selectFrom('variable').select('id').where('key', '=', input.key).executeTakeFirst();
    if (sameKey && sameKey.id !== input.id) throw new ApiError('INVALID_INPUT', `A variable with the key "${input.key}" already exists`);
    if (input.questionId) {
      const q = await c.trx.selectFrom('question').select('id').where('id', '=', input.questionId).executeTakeFirst();
      if (!q) throw new ApiError('NOT_FOUND', `No question with id ${input.questionId}`);
    }
    const columns = {
      key: input.key,
      label: input.label,
      question_id: input.questionId,
      kind: input.kind,
      options: JSON.stringify(input.options),
      shortcut: input.shortcut ?? null,
    };
    if (input.id) {
      const before = await c.require('variable', input.id, 'variable');
      // Values that an option change would orphan must be cleared first.
      if (input.kind !== before.kind) {
        const used = await c.trx.selectFrom('variable_value').select('id').where('variable_id', '=', input.id).executeTakeFirst();
        if (used) throw new ApiError('INVALID_INPUT', 'The kind of a variable that has values cannot change');
      }
      const kept = new Set(input.options.map((o) => o.value));
      const values = await c.trx.selectFrom('variable_value').select('value').where('variable_id', '=', input.id).execute();
      const orphan = values.flatMap((v) => [parseValue(v.value)].flat()).find((v) => input.kind !== 'text' && !kept.has(v));
      if (orphan !== undefined) throw new ApiError('INVALID_INPUT', `The option "${orphan}" is in use and cannot be removed`);
      await c.update('variable', input.id, columns);
      return input.id;
    }
    const count = await c.trx.selectFrom('variable').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return (await c.insert('variable', { ...c.authored(), ...columns, sort_order: Number(count.n) })).id;
  });
  return (await listVariables(db)).find((v) => v.id === id)!;
}

export async function removeVariable(db: Kysely<DB>, deps: Deps, id: string): Promise<{ values: number }> {
  return inTransaction(db, deps, 'variable.remove', async (c) => {
    await c.require('variable', id, 'variable');
    const values = await c.trx.selectFrom('variable_value').select('id').where('variable_id', '=', id).execute();
    for (const v of values) await c.delete('variable_value', v.id);
    await c.delete('variable', id);
    return { values: values.length };
  });
}
