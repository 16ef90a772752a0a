// Correcting a split: the caseworker selects text in an answer part and
// assigns it to a question (or back to "unassigned"). The part is cut into up
// to three parts — before, selection, after — with nothing lost. It is one
// undoable action in the audit trail.
import { ApiError } from '../../../src-shared/errors';
import { ChangeSet } from '../audit/changes';
import type { CoreDeps } from '../deps';
import type { Store } from '../store/open';

export interface AssignInput {
  answerId: string;
  /** Character offsets into the part's text (UTF-16 code units, as in the UI). */
  start: number;
  end: number;
  /** Target question, or null for "unassigned". */
  questionId: string | null;
}

export async function assignAnswerText(store: Store, deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>, input: AssignInput): Promise<string> {
  return store.db.transaction().execute(async (trx) => {
    const c = new ChangeSet(trx, deps, 'answer.assign');
    const answer = await trx.selectFrom('answer').selectAll().where('id', '=', input.answerId).executeTakeFirst();
    if (!answer) throw new ApiError('NOT_FOUND', `No answer with id ${input.answerId}`);
    const { start, end } = input;
    if (start < 0 || end > answer.text.length || start >= end) {
      throw new ApiError('INVALID_INPUT', `Selection ${start}–${end} is outside the answer (length ${answer.text.length})`);
    }
    if (input.questionId !== null) {
      const q = await trx.selectFrom('question').select('id').where('id', '=', input.questionId).executeTakeFirst();
      if (!q) throw new ApiError('NOT_FOUND', `No question with id ${input.questionId}`);
    }
    const coded = await trx.selectFrom('coding').select('id').where('answer_id', '=', answer.id).executeTakeFirst();
    const evidence = await trx.selectFrom('variable_value').select('id').where('evidence_answer_id', '=', answer.id).executeTakeFirst();
    if (coded || evidence) {
      throw new ApiError('INVALID_INPUT', 'This text has codings or is quoted as evidence; remove those before moving the text to another question');
    }
    // The part is replaced by new ones: a memo on it would be left pointing at nothing, and a finding link would block the delete.
    const memo = await trx.selectFrom('memo').select('id').where('target_type', '=', 'answer').where('target_id', '=', answer.id).executeTakeFirst();
    const linked = await trx.selectFrom('finding_link').select('id').where('answer_id', '=', answer.id).executeTakeFirst();
    if (memo || linked) {
      throw new ApiError('INVALID_INPUT', 'This text has a memo or is linked to a finding; remove those before moving the text to another question');
    }
    const pieces = [
      { text: answer.text.slice(0, start), questionId: answer.question_id },
      { text: answer.text.slice(start, end), questionId: input.questionId },
      { text: answer.text.slice(end), questionId: answer.question_id },
    ].filter((p) => p.text.trim() !== '');
    // Parts after this one in the same response shift to make room.
    const later = await trx
      .selectFrom('answer')
      .select(['id', 'ordinal'])
      .where('response_id', '=', answer.response_id)
      .where('ordinal', '>', answer.ordinal)
      .orderBy('ordinal', 'desc')
      .execute();
    for (const part of later) await c.update('answer', part.id, { ordinal: part.ordinal + pieces.length - 1 });
    await c.delete('answer', answer.id);
    for (const [i, p] of pieces.entries()) {
      await c.insert('answer', {
        ...c.authored(),
        response_id: answer.response_id,
        question_id: p.questionId,
        ordinal: answer.ordinal + i,
        text: p.text,
      });
    }
    const unassignedLeft = await trx
      .selectFrom('answer')
      .select('id')
      .where('response_id', '=', answer.response_id)
      .where('question_id', 'is', null)
      .executeTakeFirst();
    // Once no unassigned text is left, the response no longer needs splitting.
    if (!unassignedLeft) await c.update('response', answer.response_id, { needs_splitting: 0 });
    return answer.response_id;
  });
}
