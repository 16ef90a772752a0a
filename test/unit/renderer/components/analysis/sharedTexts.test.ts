// Shared text shown compactly: each distinct text once, in first-seen order,
// with every member under exactly one text.
// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SharedTextMember } from '../../../../../src-shared/analysis';
import { distinctTexts } from '../../../../../src-renderer/src/components/analysis/sharedTexts';

const member = (answerId: string, excerpt: string): SharedTextMember => ({
  answerId,
  responseId: `r${answerId}`,
  respondentName: `Kommune ${answerId}`,
  municipality: null,
  questionId: null,
  questionOrdinal: 5,
  excerpt,
  length: excerpt.length,
});

describe('distinctTexts', () => {
  it('shows an identical joint statement once with all its senders, a near copy apart', () => {
    const joint = 'Kommunen har ikke tatt endelig stilling til spørsmålet.';
    const near = 'Kommunen har ikke tatt endelig stilling til spørsmålet ennå.';
    const out = distinctTexts([member('1', joint), member('2', near), member('3', joint), member('4', joint)]);
    expect(out.map((d) => [d.excerpt, d.members.map((m) => m.answerId)])).toEqual([
      [joint, ['1', '3', '4']],
      [near, ['2']],
    ]);
  });

  it('keeps every member exactly once, under its own text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'a b'), { maxLength: 30 }), (texts) => {
        const members = texts.map((t, i) => member(String(i), t));
        const out = distinctTexts(members);
        expect(out.flatMap((d) => d.members).sort((x, y) => Number(x.answerId) - Number(y.answerId))).toEqual(members);
        for (const d of out) for (const m of d.members) expect(m.excerpt).toBe(d.excerpt);
        expect(new Set(out.map((d) => d.excerpt)).size).toBe(out.length);
      }),
      { numRuns: 300 },
    );
  });
});
