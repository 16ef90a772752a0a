// Resolving a disagreement: the lead decides which coding stands and the
// decision is applied to the project and recorded, as one action (one undo).
//
// A code in an answer: 'a' keeps the first coder's codings of the code there
// and removes the other compared coders', 'b' the second's, 'both' keeps all
// of them and 'neither' removes all. Codings that should stand but were
// removed since (an earlier decision) are put back exactly as their coder
// left them. A closed variable: 'a'/'b' sets the response's value to that
// coder's (with their evidence), 'value' to one the lead chooses (null clears).
//
// Deciding again replaces the earlier decision. The events are written under
// the action agreement.resolve, which the agreement report leaves out, so the
// report keeps describing the original double coding (judgements.ts).
import type { Kysely } from 'kysely';
import type { AgreementResolution, ResolveInput } from '../../../src-shared/agreement';
import { codeUnitKey, variableUnitKey } from '../../../src-shared/agreement';
import { ApiError } from '../../../src-shared/errors';
import { ChangeSet, type RowOf } from '../audit/changes';
import { rowOf } from '../audit/images';
import { relinkFindings } from '../codebook/service';
import { checkValue, listVariables } from '../coding/service';
import type { CoreDeps } from '../deps';
import { parseStringList, parseValue } from '../store/json';
import type { DB, VariableValueTable } from '../store/schema';
import { variableValueKey } from '../team/entities';
import { loadJudgements, type CodingVersion, type Judgements } from './judgements';
import { codeOf } from '../caught';

type Deps = Pick<CoreDeps, 'now' | 'newId' | 'author'>;

/** An agreement_resolution row as the API gives it. */
export function toResolution(row: RowOf<'agreement_resolution'>): AgreementResolution {
  return {
    id: row.id,
    unitKey: row.unit_key,
    coders: parseStringList(row.coders),
    decision: row.decision,
    value: row.value === null ? null : parseValue(row.value),
    note: row.note,
    resolvedBy: row.updated_by,
    resolvedAt: row.updated_at,
  };
}

/** The compared coders' indices, each of whom must have coded the response. */
function comparedCoders(j: Judgements, responseId: string, coders: string[]): number[] {
  if (new Set(coders).size !== coders.length) throw new ApiError('INVALID_INPUT', 'The same coder is named twice');
  const worked = j.sample.get(responseId);
  if (!worked) throw new ApiError('INVALID_INPUT', 'This response is not double-coded by these coders');
  return coders.map((name, i) => {
    if (!worked.includes(i)) throw new ApiError('INVALID_INPUT', `${name} has not coded this response`);
    return i;
  });
}

async function requireCurrentResponse(c: ChangeSet, responseId: string): Promise<void> {
  const response = await c.trx.selectFrom('response').select(['id', 'is_current']).where('id', '=', responseId).executeTakeFirst();
  if (!response) throw new ApiError('NOT_FOUND', `No response with id ${responseId}`);
  if (response.is_current !== 1) throw new ApiError('INVALID_INPUT', 'The response has been superseded by a newer one');
}

async function resolveCode(c: ChangeSet, input: Extract<ResolveInput, { kind: 'code' }>): Promise<{ snapshot: unknown; unitKey: string }> {
  await c.require('code', input.codeId, 'code');
  const answers = await c.trx
    .selectFrom('answer')
    .select(['id', 'text'])
    .where('response_id', '=', input.responseId)
    .where('question_id', input.questionId === null ? 'is' : '=', input.questionId)
    .execute();
  if (answers.length === 0) throw new ApiError('NOT_FOUND', 'The response has no answer to that question');
  const texts = new Map(answers.map((a) => [a.id, a.text]));
  const j = await loadJudgements(c.trx, input.coders);
  const compared = comparedCoders(j, input.responseId, input.coders);
  const kept = new Set(input.decision === 'a' ? [0] : input.decision === 'b' ? [1] : input.decision === 'both' ? compared : []);
  const snapshot = [];
  const restore: CodingVersion[] = [];
  const remove: CodingVersion[] = [];
  for (const i of compared) {
    const codings = j.codings[i].filter((k) => k.codeId === input.codeId && texts.has(k.answerId));
    snapshot.push({
      coder: input.coders[i],
      codings: codings.map((k) => ({ id: k.id, answerId: k.answerId, start: k.start, end: k.end, quote: texts.get(k.answerId)!.slice(k.start, k.end) })),
    });
    for (const k of codings) {
      if (kept.has(i) && !k.exists) restore.push(k);
      else if (!kept.has(i) && k.exists) remove.push(k);
    }
  }
  for (const k of remove) {
    await relinkFindings(c, k.id, null);
    await c.delete('coding', k.id);
  }
  for (const k of restore) {
    // A merge keeps the exact same span of the same code once: put it back only if no such coding is there.
    const same = await c.trx
      .selectFrom('coding')
      .select('id')
      .where('answer_id', '=', k.answerId)
      .where('code_id', '=', k.codeId)
      .where('start_offset', '=', k.start)
      .where('end_offset', '=', k.end)
      .executeTakeFirst();
    if (same) continue;
    try {
      await c.insert('coding', rowOf('coding', k.image));
    } catch (error) {
      // Its answer or code is gone since (a split correction, a deleted code).
      if (codeOf(error).startsWith('SQLITE_CONSTRAINT')) {
        throw new ApiError('CONFLICT', `A coding to keep ("${texts.get(k.answerId)?.slice(k.start, k.end) ?? ''}") can no longer be put back: its answer or code has changed since. Code it by hand instead.`);
      }
      throw error;
    }
  }
  return { snapshot, unitKey: codeUnitKey(input.responseId, input.questionId, input.codeId) };
}

async function resolveVariable(
  c: ChangeSet,
  input: Extract<ResolveInput, { kind: 'variable' }>,
): Promise<{ snapshot: unknown; unitKey: string; value: string | null }> {
  const variable = (await listVariables(c.trx)).find((v) => v.id === input.variableId);
  if (!variable) throw new ApiError('NOT_FOUND', `No variable with id ${input.variableId}`);
  if (variable.kind === 'text') throw new ApiError('INVALID_INPUT', 'Free-text variables are not compared');
  const j = await loadJudgements(c.trx, input.coders);
  const compared = comparedCoders(j, input.responseId, input.coders);
  const words = j.values.get(variableValueKey(input.responseId, input.variableId));
  const snapshot = compared.map((i) => ({ coder: input.coders[i], value: words?.[i]?.value ? JSON.parse(words[i]!.value!) : null }));

  let value: string | null;
  let evidence: Pick<VariableValueTable, 'evidence_answer_id' | 'evidence_start' | 'evidence_end'> = { evidence_answer_id: null, evidence_start: null, evidence_end: null };
  if (input.decision === 'value') {
    const chosen = input.value ?? null;
    value = chosen === null || (Array.isArray(chosen) && chosen.length === 0) ? null : checkValue(variable, chosen);
  } else {
    if (input.value !== undefined) throw new ApiError('INVALID_INPUT', "A value goes with the decision 'value'");
    const word = words?.[compared[input.decision === 'a' ? 0 : 1]];
    value = word?.value ?? null;
    if (word?.evidence) evidence = { evidence_answer_id: word.evidence.answerId, evidence_start: word.evidence.start, evidence_end: word.evidence.end };
  }

  const existing = await c.trx
    .selectFrom('variable_value')
    .selectAll()
    .where('response_id', '=', input.responseId)
    .where('variable_id', '=', input.variableId)
    .executeTakeFirst();
  if (value === null) {
    if (existing) await c.delete('variable_value', existing.id);
  } else {
    if (input.decision === 'value' && existing && existing.value === value) {
      // The lead confirmed what is there: keep its evidence.
      evidence = { evidence_answer_id: existing.evidence_answer_id, evidence_start: existing.evidence_start, evidence_end: existing.evidence_end };
    }
    if (evidence.evidence_answer_id) {
      // Evidence must still be a span of this response (answers can be re-split since).
      const answer = await c.trx.selectFrom('answer').select(['response_id', 'text']).where('id', '=', evidence.evidence_answer_id).executeTakeFirst();
      if (!answer || answer.response_id !== input.responseId || (evidence.evidence_end ?? 0) > answer.text.length) {
        evidence = { evidence_answer_id: null, evidence_start: null, evidence_end: null };
      }
    }
    if (existing) await c.update('variable_value', existing.id, { value, ...evidence });
    else await c.insert('variable_value', { ...c.authored(), response_id: input.responseId, variable_id: input.variableId, value, ...evidence });
  }
  return { snapshot, unitKey: variableUnitKey(input.responseId, input.variableId), value };
}

/**
 * The same value may also be an open merge conflict (two coders' packages set
 * it differently). The lead has now decided it here and the master holds the
 * decision, so the conflict is closed as "ours": choosing "theirs" under team
 * work later must not silently undo this decision.
 */
async function closeMergeConflicts(c: ChangeSet, deps: Deps, responseId: string, variableId: string): Promise<void> {
  const open = await c.trx
    .selectFrom('merge_conflict')
    .select('id')
    .where('entity_type', '=', 'variable_value')
    .where('natural_key', '=', variableValueKey(responseId, variableId))
    .where('status', '=', 'open')
    .execute();
  for (const { id } of open) {
    await c.update('merge_conflict', id, { status: 'resolved', resolution: 'ours', resolved_at: deps.now().toISOString(), resolved_by: deps.author() });
  }
}

export async function resolveDisagreement(db: Kysely<DB>, deps: Deps, input: ResolveInput): Promise<AgreementResolution> {
  return db.transaction().execute(async (trx) => {
    const c = new ChangeSet(trx, deps, 'agreement.resolve');
    await requireCurrentResponse(c, input.responseId);
    const applied = input.kind === 'code' ? { ...(await resolveCode(c, input)), value: null } : await resolveVariable(c, input);
    if (input.kind === 'variable') await closeMergeConflicts(c, deps, input.responseId, input.variableId);
    const columns = {
      kind: input.kind,
      response_id: input.responseId,
      question_id: input.kind === 'code' ? input.questionId : null,
      code_id: input.kind === 'code' ? input.codeId : null,
      variable_id: input.kind === 'variable' ? input.variableId : null,
      coders: JSON.stringify(input.coders),
      decision: input.decision,
      value: applied.value,
      snapshot: JSON.stringify(applied.snapshot),
      note: input.note ?? '',
    };
    const existing = await trx.selectFrom('agreement_resolution').select('id').where('unit_key', '=', applied.unitKey).executeTakeFirst();
    const row = existing
      ? await c.update('agreement_resolution', existing.id, columns)
      : await c.insert('agreement_resolution', { ...c.authored(), unit_key: applied.unitKey, ...columns });
    return toResolution(row);
  });
}
