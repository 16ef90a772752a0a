// Which answer part a code key codes when nothing is selected and no part has
// focus: the first answer to a question (in question order) that the code may
// be used on — never text not assigned to a question (a letterhead, an
// address block), which would otherwise be coded, or skipped, silently.
import type { AnswerPart } from '../../../../src-shared/domain';

export function defaultPart(parts: readonly AnswerPart[], codeQuestionId: string | null): AnswerPart | null {
  const candidates = parts
    .filter((p) => p.questionId !== null && p.text.trim().length > 0 && (!codeQuestionId || p.questionId === codeQuestionId))
    .sort((a, b) => (a.questionOrdinal ?? 0) - (b.questionOrdinal ?? 0) || a.ordinal - b.ordinal);
  return candidates[0] ?? null;
}
