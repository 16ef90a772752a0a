// Agreement figures as shown: two-decimal coefficients with a decimal comma
// and a real minus, "–" when undefined, and quotes split into marked runs.
// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCoefficient, formatShare, markSpans } from '../../../../../src-renderer/src/components/agreement/format';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatCoefficient and formatShare', () => {
  it('rounds to two decimals with a comma, negative values with a minus sign', () => {
    expect(formatCoefficient({ value: 0.7449, reason: null })).toBe('0,74');
    expect(formatCoefficient({ value: 1, reason: null })).toBe('1,00');
    expect(formatCoefficient({ value: -0.08, reason: null })).toBe('−0,08');
    expect(formatCoefficient({ value: 0, reason: null })).toBe('0,00');
  });
  it('shows "–" for an undefined coefficient or share', () => {
    expect(formatCoefficient({ value: null, reason: 'no-variation' })).toBe('–');
    expect(formatShare(null)).toBe('–');
  });
  it('shows a share as a percentage with one decimal', () => {
    expect(plain(formatShare(0.875))).toBe('87,5 %');
    expect(plain(formatShare(0))).toBe('0,0 %');
  });
});

describe('markSpans', () => {
  it('marks the covered text, merges neighbouring runs and flags spans that are gone', () => {
    expect(markSpans('Politiet må være til stede', [{ start: 0, end: 8 }, { start: 8, end: 11 }])).toEqual([
      { text: 'Politiet må', marked: true, removed: false },
      { text: ' være til stede', marked: false, removed: false },
    ]);
    expect(markSpans('abcdef', [{ start: 1, end: 3, exists: false }, { start: 2, end: 5 }])).toEqual([
      { text: 'a', marked: false, removed: false },
      { text: 'b', marked: true, removed: true },
      { text: 'cde', marked: true, removed: false },
      { text: 'f', marked: false, removed: false },
    ]);
  });

  it('clamps spans outside the text and leaves unmarked text whole', () => {
    expect(markSpans('æøå', [{ start: -5, end: 1 }, { start: 2, end: 99 }])).toEqual([
      { text: 'æ', marked: true, removed: false },
      { text: 'ø', marked: false, removed: false },
      { text: 'å', marked: true, removed: false },
    ]);
    expect(markSpans('', [])).toEqual([]);
  });

  it('never loses or reorders text, and a character is marked exactly when a span covers it', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'æ', 'ø', 'å', ' ', '\n', '😀'), maxLength: 30 });
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(35), fc.nat(35), fc.boolean()), { maxLength: 5 }), (t, raw) => {
        const spans = raw.map(([a, b, exists]) => ({ start: Math.min(a, b), end: Math.max(a, b), exists }));
        const runs = markSpans(t, spans);
        expect(runs.map((r) => r.text).join('')).toBe(t);
        let at = 0;
        for (const run of runs) {
          expect(run.text.length).toBeGreaterThan(0);
          for (let i = at; i < at + run.text.length; i++) {
            expect(run.marked).toBe(spans.some((s) => s.start <= i && s.end > i));
          }
          at += run.text.length;
        }
      }),
    );
  });
});
