// The pure parts of the counts: code subtrees for the roll-up (any depth),
// and a variable's distribution rows (options in their order, an orphaned
// value kept visible, ikke kodet, ikke svart, shares and their bases).
import { describe, expect, it } from 'vitest';
import { subtrees } from '../../../../src-main/core/analysis/matrix';
import type { CodeNode, Unit } from '../../../../src-main/core/analysis/units';
import { distribution } from '../../../../src-main/core/analysis/variables';
import type { Variable } from '../../../../src-shared/coding';

const node = (id: string, parentId: string | null, depth: number): CodeNode => ({ id, name: id, parentId, questionId: null, path: [], depth });

describe('subtrees', () => {
  it('gives each code itself and everything below it, at any depth', () => {
    // a > b > c > d, a > e; f
    const codes = [node('a', null, 0), node('b', 'a', 1), node('c', 'b', 2), node('d', 'c', 3), node('e', 'a', 1), node('f', null, 0)];
    const tree = subtrees(codes);
    expect(Object.fromEntries([...tree].map(([k, v]) => [k, [...v].sort()]))).toEqual({
      a: ['a', 'b', 'c', 'd', 'e'],
      b: ['b', 'c', 'd'],
      c: ['c', 'd'],
      d: ['d'],
      e: ['e'],
      f: ['f'],
    });
  });
});

describe('distribution', () => {
  const variable = (kind: 'single' | 'multi'): Variable => ({
    id: 'v',
    key: 'k',
    label: 'K',
    questionId: null,
    kind,
    options: [
      { value: 'ja', label: 'Ja' },
      { value: 'nei', label: 'Nei' },
      { value: 'ikke_besvart', label: 'Ikke besvart' },
    ],
    shortcut: null,
    sortOrder: 0,
  });
  const units = ['1', '2', '3', '4', '5'].map((n): Unit => ({ key: `m:${n}`, municipality: null, respondentName: n, matchStatus: 'matched', responseIds: [n] }));

  it('single choice: options in order, an orphaned value under its own name, ikke kodet and ikke svart', () => {
    const values = new Map([
      ['m:1', new Set(['ja'])],
      ['m:2', new Set(['ja'])],
      ['m:3', new Set(['ikke_besvart'])],
      ['m:4', new Set(['gammel_verdi'])],
    ]);
    const d = distribution(variable('single'), units, values, 20);
    expect(d).toMatchObject({ municipalities: 20, responded: 5, coded: 4 });
    expect(d.rows.map((r) => [r.kind, r.value, r.count, r.share])).toEqual([
      ['option', 'ja', 2, 2 / 5],
      ['option', 'nei', 0, 0],
      ['option', 'ikke_besvart', 1, 1 / 5],
      ['option', 'gammel_verdi', 1, 1 / 5],
      ['ikke_kodet', 'ikke_kodet', 1, 1 / 5],
      ['ikke_svart', 'ikke_svart', 15, 15 / 20],
    ]);
  });

  it('multiple choice: a unit counts under each option; nothing ticked is not coded; no ikke svart for other respondents', () => {
    const values = new Map([
      ['m:1', new Set(['ja', 'nei'])],
      ['m:2', new Set<string>()],
    ]);
    const d = distribution(variable('multi'), units, values, null);
    expect(d.rows.map((r) => [r.value, r.count])).toEqual([
      ['ja', 1],
      ['nei', 1],
      ['ikke_besvart', 0],
      ['ikke_kodet', 4],
    ]);
    expect(d.municipalities).toBe(0);
  });

  it('shares are 0, not NaN, when nobody responded', () => {
    const d = distribution(variable('single'), [], new Map(), 3);
    expect(d.rows.every((r) => r.share === 0 || r.kind === 'ikke_svart')).toBe(true);
    expect(d.rows.at(-1)).toMatchObject({ count: 3, share: 1 });
  });
});
