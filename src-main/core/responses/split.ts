// Correcting a split: the caseworker selects text in an answer part and
// assigns it to a question (or back to "unassigned"). The part is cut into up
// to three parts — before, selection, after — with nothing lost, and the
// change is recorded in the audit trail.
import { ApiError } from '../../../src-shared/errors';
import { authoredColumns, recordEvent } from '../audit/record';
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

export async function assignAnswerText(store: Store, deps: CoreDeps, input: AssignInput): Promise<string> {
  return store.db.transaction().execute(async (trx) => {
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
    const codings = await trx.selectFrom('coding').select('id').where('answer_id', '=', answer.id).executeTakeFirst();
    if (codings) {
      throw new ApiError('INVALID_INPUT', 'This text has codings; remove them before moving the text to another question');
    }
    const pieces = [
      { text: answer.text.slice(0, start), questionId: answer.question_id },
      { text: answer.text.slice(start, end), questionId: input.questionId },
      { text: answer.text.slice(end), questionId: answer.question_id },
    ].filter((p) => p.text.trim() !== '');
    // Parts after this one in the same response shift to make room.
    const shift = pieces.length - 1;
    await trx
      .updateTable('answer')
      .set((eb) => ({ ordinal: eb('ordinal', '+', shift) }))
      .where('response_id', '=', answer.response_id)
      .where('ordinal', '>', answer.ordinal)
      .execute();
    await trx.deleteFrom('answer').where('id', '=', answer.id).execute();
    const created = pieces.map((p, i) => ({
      ...authoredColumns(deps),
      response_id: answer.response_id,
      question_id: p.questionId,
      ordinal: answer.ordinal + i,
      text: p.text,
    }));
    if (created.length > 0) await trx.insertInto('answer').values(created).execute();
    const unassignedLeft = await trx
      .selectFrom('answer')
      .select('id')
      .where('response_id', '=', answer.response_id)
      .where('question_id', 'is', null)
      .executeTakeFirst();
    // Once no unassigned text is left, the response no longer needs splitting.
    await trx
      .updateTable('response')
      .set((eb) => ({
        needs_splitting: unassignedLeft ? eb.ref('needs_splitting') : 0,
        updated_at: deps.now().toISOString(),
        updated_by: deps.author(),
      }))
      .where('id', '=', answer.response_id)
      .execute();
    await recordEvent(trx, deps, {
      action: 'answer.assign',
      entityType: 'response',
      entityId: answer.response_id,
      before: { answer: { id: answer.id, questionId: answer.question_id, text: answer.text } },
      after: { answers: created.map((c) => ({ id: c.id, questionId: c.question_id, text: c.text })), selection: { start, end } },
    });
    return answer.response_id;
  });
}
