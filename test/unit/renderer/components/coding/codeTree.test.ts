// The codebook tree: children in the core's order, depth-first flattening with
// paths and collapsed branches, subtrees, and the codebook.move arguments for
// keyboard moves and drops (never into a code's own subtree).
// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Code } from '../../../../../src-shared/coding';
import { childrenOf, dropTarget, flattenTree, moveTarget, subtreeIds } from '../../../../../src-renderer/src/components/coding/codeTree';

const code = (id: string, parentId: string | null, name = id): Code => ({
  id,
  parentId,
  name,
  description: '',
  colour: '#1E6FA8',
  questionId: null,
  shortcut: null,
  sortOrder: 0,
  codingCount: 0,
});

// Utfordringer › { Vold › { Digital vold }, Rus }, Tiltak, Ørsmå
const codes = [
  code('u', null, 'Utfordringer'),
  code('v', 'u', 'Vold i nære relasjoner'),
  code('d', 'v', 'Digital vold'),
  code('r', 'u', 'Rus'),
  code('t', null, 'Tiltak'),
  code('o', null, 'Ørsmå'),
];

describe('childrenOf and flattenTree', () => {
  it('keeps the given order per parent and treats an unknown parent as the top level', () => {
    const kids = childrenOf([...codes, code('x', 'gone', 'Foreldreløs')]);
    expect(kids.get(null)!.map((c) => c.id)).toEqual(['u', 't', 'o', 'x']);
    expect(kids.get('u')!.map((c) => c.id)).toEqual(['v', 'r']);
  });

  it('flattens depth-first with depth, path and whether a code has children', () => {
    expect(flattenTree(codes).map((f) => [f.code.id, f.depth, f.path, f.hasChildren])).toEqual([
      ['u', 0, 'Utfordringer', true],
      ['v', 1, 'Utfordringer › Vold i nære relasjoner', true],
      ['d', 2, 'Utfordringer › Vold i nære relasjoner › Digital vold', false],
      ['r', 1, 'Utfordringer › Rus', false],
      ['t', 0, 'Tiltak', false],
      ['o', 0, 'Ørsmå', false],
    ]);
  });

  it('hides the descendants of a collapsed code but keeps the code itself', () => {
    expect(flattenTree(codes, new Set(['u'])).map((f) => f.code.id)).toEqual(['u', 't', 'o']);
    expect(flattenTree(codes, new Set(['v'])).map((f) => f.code.id)).toEqual(['u', 'v', 'r', 't', 'o']);
  });
});

describe('subtreeIds', () => {
  it('holds the code and every descendant, nothing else', () => {
    expect([...subtreeIds(codes, 'u')].sort()).toEqual(['d', 'r', 'u', 'v']);
    expect([...subtreeIds(codes, 'd')]).toEqual(['d']);
  });
});

describe('moveTarget (keyboard)', () => {
  it('moves up and down among siblings, not past the ends', () => {
    expect(moveTarget(codes, 't', 'up')).toEqual({ parentId: null, index: 0 });
    expect(moveTarget(codes, 't', 'down')).toEqual({ parentId: null, index: 2 });
    expect(moveTarget(codes, 'u', 'up')).toBeNull();
    expect(moveTarget(codes, 'o', 'down')).toBeNull();
  });

  it('moves in as the last child of the sibling above, and out to just after the parent', () => {
    expect(moveTarget(codes, 't', 'in')).toEqual({ parentId: 'u', index: 2 });
    expect(moveTarget(codes, 'r', 'in')).toEqual({ parentId: 'v', index: 1 });
    expect(moveTarget(codes, 'u', 'in')).toBeNull();
    expect(moveTarget(codes, 'd', 'out')).toEqual({ parentId: 'u', index: 1 });
    expect(moveTarget(codes, 'r', 'out')).toEqual({ parentId: null, index: 1 });
    expect(moveTarget(codes, 't', 'out')).toBeNull();
    expect(moveTarget(codes, 'missing', 'up')).toBeNull();
  });
});

describe('dropTarget (drag and drop)', () => {
  it('drops before, after or inside a code', () => {
    expect(dropTarget(codes, 'o', 'u', 'before')).toEqual({ parentId: null, index: 0 });
    expect(dropTarget(codes, 'o', 'u', 'after')).toEqual({ parentId: null, index: 1 });
    expect(dropTarget(codes, 't', 'v', 'inside')).toEqual({ parentId: 'v', index: 1 });
    // Its own place does not count when a code is dropped among its siblings.
    expect(dropTarget(codes, 'u', 'o', 'after')).toEqual({ parentId: null, index: 2 });
    expect(dropTarget(codes, 'd', 'v', 'inside')).toEqual({ parentId: 'v', index: 0 });
  });

  it('refuses a drop on the code itself or anywhere inside its subtree', () => {
    expect(dropTarget(codes, 'u', 'u', 'inside')).toBeNull();
    expect(dropTarget(codes, 'u', 'v', 'before')).toBeNull();
    expect(dropTarget(codes, 'u', 'd', 'inside')).toBeNull();
  });

  it('never makes a code its own ancestor, for any tree and any drop', () => {
    const tree = fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc.tuple(...Array.from({ length: n }, (_, i) => fc.integer({ min: -1, max: i - 1 }))).map((parents) =>
        parents.map((p, i) => code(`c${i}`, p < 0 ? null : `c${p}`)),
      ),
    );
    fc.assert(
      fc.property(tree, fc.nat(), fc.nat(), fc.constantFrom('before' as const, 'after' as const, 'inside' as const), (list, a, b, where) => {
        const dragged = list[a % list.length].id;
        const target = list[b % list.length].id;
        const result = dropTarget(list, dragged, target, where);
        if (result === null) return;
        expect(result.parentId === null || !subtreeIds(list, dragged).has(result.parentId)).toBe(true);
        const siblings = (childrenOf(list).get(result.parentId) ?? []).filter((c) => c.id !== dragged);
        expect(result.index).toBeGreaterThanOrEqual(0);
        expect(result.index).toBeLessThanOrEqual(siblings.length);
      }),
    );
  });
});
