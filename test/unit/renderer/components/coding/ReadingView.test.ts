// The reading view's order of a response's parts: unassigned text first,
// then every question in the letter's order.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { AnswerPart, Question } from '../../../../../src-shared/domain';
import { groupParts } from '../../../../../src-renderer/src/components/coding/ReadingView';

const q = (id: string, ordinal: number): Question => ({ id, ordinal, shortLabel: `S${ordinal}`, text: '', options: [] });
const part = (id: string, questionId: string | null): AnswerPart => ({ id, questionId, questionOrdinal: null, ordinal: 0, text: id });

describe('groupParts', () => {
  it('puts unassigned text first, then every question in letter order, empty ones too', () => {
    const groups = groupParts([part('p1', 'q2'), part('u1', null), part('p2', 'q1'), part('p3', 'q2')], [q('q2', 2), q('q1', 1), q('q3', 3)]);
    expect(groups.map((g) => [g.question?.id ?? null, g.parts.map((p) => p.id)])).toEqual([
      [null, ['u1']],
      ['q1', ['p2']],
      ['q2', ['p1', 'p3']],
      ['q3', []],
    ]);
  });

  it('has no unassigned group when all text is assigned', () => {
    expect(groupParts([part('p1', 'q1')], [q('q1', 1)])[0].question?.id).toBe('q1');
  });
});
