// The memo's column fitting: no header word or number narrower than its
// column (Word would break it letter by letter), widths still summing to the
// table's, and the given proportions kept where they already fit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitColumns, wordTwips } from '../../../../../src-main/core/export/memo/columns';

const TABLE = 9072;
const MARGIN = 160;
const SIZE = 20;
const twips = (percent: number) => (percent / 100) * TABLE;

describe('wordTwips', () => {
  it('measures «Nyanserer» in 10 pt bold Arial at about 980 twips, wider than the 12 % column it broke in', () => {
    expect(wordTwips('Nyanserer', SIZE)).toBeCloseTo(978.2, 1);
    expect(wordTwips('Nyanserer', SIZE) + MARGIN).toBeGreaterThan(twips(12));
  });

  it('is wider for wider letters and scales with the size', () => {
    expect(wordTwips('mmm', SIZE)).toBeGreaterThan(wordTwips('iii', SIZE));
    expect(wordTwips('Øst', 40)).toBeCloseTo(2 * wordTwips('Øst', SIZE), 6);
    expect(wordTwips('', SIZE)).toBe(0);
  });
});

describe('fitColumns', () => {
  it('widens the Funn table\'s relation columns and takes the width from the statement column', () => {
    const widths = fitColumns(
      [
        { width: 52, unbreakable: ['Funn'] },
        { width: 12, unbreakable: ['Støtter', '12'] },
        { width: 12, unbreakable: ['Motsier', '3'] },
        { width: 12, unbreakable: ['Nyanserer', '5'] },
        { width: 12, unbreakable: ['Nytt forhold', '2'] },
      ],
      TABLE,
      MARGIN,
      SIZE,
    );
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    expect(twips(widths[3])).toBeGreaterThanOrEqual(wordTwips('Nyanserer', SIZE) + MARGIN);
    expect(widths[0]).toBeLessThan(52);
    expect(widths[0]).toBeGreaterThan(40);
  });

  it('keeps widths that already fit', () => {
    const columns = [
      { width: 60, unbreakable: ['Svar'] },
      { width: 20, unbreakable: ['Kommuner', '1 234'] },
      { width: 20, unbreakable: ['Andel', '12,5 %'] },
    ];
    expect(fitColumns(columns, TABLE, MARGIN, SIZE)).toEqual([60, 20, 20]);
  });

  it('scales the minimums down when the table cannot hold them all', () => {
    const columns = Array.from({ length: 12 }, () => ({ width: 100 / 12, unbreakable: ['Politidistriktsleder'] }));
    const widths = fitColumns(columns, TABLE, MARGIN, SIZE);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    for (const w of widths) expect(w).toBeCloseTo(100 / 12, 9);
  });

  it('for any table that can hold its words: sum kept, every word fits, no column below its minimum', () => {
    const word = fc.stringMatching(/^[A-Za-zæøåÆØÅ0-9%-]{0,14}$/);
    const column = fc.record({ width: fc.integer({ min: 1, max: 60 }), unbreakable: fc.array(fc.array(word, { maxLength: 3 }).map((ws) => ws.join(' ')), { maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(column, { minLength: 1, maxLength: 7 }), (columns) => {
        const widths = fitColumns(columns, TABLE, MARGIN, SIZE);
        const total = columns.reduce((n, c) => n + c.width, 0);
        expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
        const need = columns.map((c) => Math.max(0, ...c.unbreakable.flatMap((t) => t.split(/\s+/)).map((w) => wordTwips(w, SIZE))));
        const fits = need.reduce((n, x) => n + (x === 0 ? 0 : ((x + MARGIN) / TABLE) * 100 + 2), 0) <= total;
        if (fits) widths.forEach((w, i) => need[i] > 0 && expect((w / 100) * TABLE).toBeGreaterThanOrEqual(need[i] + MARGIN));
        for (const w of widths) expect(w).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });
});
