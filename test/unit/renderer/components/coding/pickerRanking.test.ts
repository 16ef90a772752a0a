// The code picker's order: shortcut and whole name first, then name prefix,
// a word of the name, anywhere in the name, the parent's name, and the coding
// rule last — «tjenestested» lists the codes named so before a code that only
// mentions it in its description (the e2e walk-through's complaint).
// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Code } from '../../../../../src-shared/coding';
import { flattenTree } from '../../../../../src-renderer/src/components/coding/codeTree';
import { matchTier, rankCodes } from '../../../../../src-renderer/src/components/coding/pickerRanking';

const code = (id: string, parentId: string | null, name: string, description = '', shortcut: string | null = null): Code => ({
  id,
  parentId,
  name,
  description,
  colour: '#1E6FA8',
  questionId: null,
  shortcut,
  sortOrder: 0,
  codingCount: 0,
});

const codes = [
  code('m', null, 'Årsaker til misnøye', 'Kommunen mener tjenestestedet ble lagt ned uten dialog', '1'),
  code('p', null, 'Ønsker om tjenestested'),
  code('n', 'p', 'Nytt tjenestested'),
  code('t', 'p', 'Tjenestested i rådhuset'),
  code('f', null, 'Faste kontordager lokalt'),
  code('l', null, 'Tjenestested'),
];
const flat = flattenTree(codes);
const names = (q: string) => rankCodes(flat, q).map((f) => f.code.name);

describe('rankCodes', () => {
  it('puts the exact name first, then prefixes, words, the parent path and the description last', () => {
    expect(names('tjenestested')).toEqual([
      'Tjenestested',
      'Tjenestested i rådhuset',
      // Both have «tjenestested» as a later word: the tree's order (parent first).
      'Ønsker om tjenestested',
      'Nytt tjenestested',
      'Årsaker til misnøye',
    ]);
  });

  it('matches a shortcut exactly, and a word start inside the name', () => {
    expect(names('1')[0]).toBe('Årsaker til misnøye');
    expect(names('kontor')).toEqual(['Faste kontordager lokalt']);
    expect(names('dager')).toEqual(['Faste kontordager lokalt']);
    expect(names('kontordager')).toEqual(['Faste kontordager lokalt']);
    expect(names('lokal')).toEqual(['Faste kontordager lokalt']);
  });

  it('folds case the Norwegian way and ignores surrounding spaces', () => {
    expect(names('  ÅRSAKER ')).toEqual(['Årsaker til misnøye']);
    expect(names('ØNSKER')[0]).toBe('Ønsker om tjenestested');
  });

  it('lists every code in tree order for an empty query', () => {
    expect(rankCodes(flat, '').map((f) => f.code.id)).toEqual(flat.map((f) => f.code.id));
  });

  it('a child found through its parent ranks after codes found by their own name', () => {
    // «ønsker» is in the path of both children but the name of the parent only.
    expect(names('ønsker')).toEqual(['Ønsker om tjenestested', 'Nytt tjenestested', 'Tjenestested i rådhuset']);
  });

  it('keeps exactly the matching codes, ordered by tier, stable within a tier', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }), (q) => {
        const needle = q.trim().toLocaleLowerCase('nb');
        const ranked = rankCodes(flat, q);
        const expected = flat.filter((f) => matchTier(f, needle) !== null);
        expect(new Set(ranked.map((f) => f.code.id))).toEqual(new Set(expected.map((f) => f.code.id)));
        for (let i = 1; i < ranked.length; i++) {
          const a = matchTier(ranked[i - 1], needle)!;
          const b = matchTier(ranked[i], needle)!;
          expect(a <= b).toBe(true);
          if (a === b) expect(flat.indexOf(ranked[i - 1]) < flat.indexOf(ranked[i])).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
