// A code key with nothing selected codes the first answer the code may be
// used on, never unassigned letterhead text; with no such answer, nothing
// (and the workspace says why).
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { AnswerPart } from '../../../../../src-shared/domain';
import { defaultPart } from '../../../../../src-renderer/src/components/coding/defaultPart';

const part = (id: string, questionId: string | null, questionOrdinal: number | null, ordinal: number, text: string): AnswerPart => ({ id, questionId, questionOrdinal, ordinal, text });

describe('defaultPart', () => {
  const alta = [
    part('head', null, null, 0, 'Alta kommune\nDeres ref. 22/535\nVår ref. 2022/1234'),
    part('q2', 'Q2', 2, 2, 'Vi er ikke fornøyd.'),
    part('q1', 'Q1', 1, 1, 'Rus blant unge.'),
  ];

  it('skips the letterhead and takes the first answer in question order', () => {
    expect(defaultPart(alta, null)?.id).toBe('q1');
  });

  it('takes the answer to the code’s own question', () => {
    expect(defaultPart(alta, 'Q2')?.id).toBe('q2');
  });

  it('gives nothing when only unassigned or empty text is there', () => {
    expect(defaultPart([alta[0], part('e', 'Q1', 1, 1, '  ')], null)).toBeNull();
    expect(defaultPart(alta, 'Q5')).toBeNull();
  });
});
