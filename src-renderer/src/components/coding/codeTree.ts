// The codebook as a tree: children per parent in the core's order (sort
// order, then name), flattened depth-first for lists and selects, and the
// positions the keyboard moves (up, down, in, out) translate to.
import type { Code } from '../../../../src-shared/coding';

export interface FlatCode {
  code: Code;
  depth: number;
  /** Names from the top level down, e.g. "Utfordringer › Vold i nære relasjoner". */
  path: string;
  hasChildren: boolean;
}

export function childrenOf(codes: readonly Code[]): Map<string | null, Code[]> {
  const ids = new Set(codes.map((c) => c.id));
  const out = new Map<string | null, Code[]>();
  for (const c of codes) {
    const parent = c.parentId && ids.has(c.parentId) ? c.parentId : null;
    const list = out.get(parent) ?? [];
    list.push(c);
    out.set(parent, list);
  }
  return out;
}

/** Depth-first, skipping the children of codes in `collapsed`. */
export function flattenTree(codes: readonly Code[], collapsed: ReadonlySet<string> = new Set()): FlatCode[] {
  const children = childrenOf(codes);
  const out: FlatCode[] = [];
  const walk = (parent: string | null, depth: number, prefix: string) => {
    for (const code of children.get(parent) ?? []) {
      const path = prefix ? `${prefix} › ${code.name}` : code.name;
      const kids = children.get(code.id) ?? [];
      out.push({ code, depth, path, hasChildren: kids.length > 0 });
      if (!collapsed.has(code.id)) walk(code.id, depth + 1, path);
    }
  };
  walk(null, 0, '');
  return out;
}

/** The code and all its descendants. */
export function subtreeIds(codes: readonly Code[], id: string): Set<string> {
  const children = childrenOf(codes);
  const out = new Set<string>([id]);
  const stack = [id];
  while (stack.length) {
    for (const c of children.get(stack.pop()!) ?? []) {
      if (out.has(c.id)) continue;
      out.add(c.id);
      stack.push(c.id);
    }
  }
  return out;
}

export type MoveDirection = 'up' | 'down' | 'in' | 'out';

/** The `codebook.move` arguments for a keyboard move, or null when the code cannot go that way. */
export function moveTarget(codes: readonly Code[], id: string, direction: MoveDirection): { parentId: string | null; index: number } | null {
  const code = codes.find((c) => c.id === id);
  if (!code) return null;
  const children = childrenOf(codes);
  const parentId = code.parentId && codes.some((c) => c.id === code.parentId) ? code.parentId : null;
  const siblings = children.get(parentId) ?? [];
  const at = siblings.findIndex((c) => c.id === id);
  switch (direction) {
    case 'up':
      return at > 0 ? { parentId, index: at - 1 } : null;
    case 'down':
      return at < siblings.length - 1 ? { parentId, index: at + 1 } : null;
    case 'in': {
      const previous = siblings[at - 1];
      return previous ? { parentId: previous.id, index: (children.get(previous.id) ?? []).length } : null;
    }
    case 'out': {
      if (!parentId) return null;
      const parent = codes.find((c) => c.id === parentId)!;
      const grand = parent.parentId && codes.some((c) => c.id === parent.parentId) ? parent.parentId : null;
      const parentAt = (children.get(grand) ?? []).findIndex((c) => c.id === parentId);
      return { parentId: grand, index: parentAt + 1 };
    }
  }
}

/**
 * Where a dragged code lands when dropped on `target`: before or after it
 * among its siblings, or as its last child. Null for a drop on itself or
 * inside its own subtree.
 */
export function dropTarget(
  codes: readonly Code[],
  dragged: string,
  target: string,
  where: 'before' | 'after' | 'inside',
): { parentId: string | null; index: number } | null {
  if (subtreeIds(codes, dragged).has(target)) return null;
  const children = childrenOf(codes);
  if (where === 'inside') return { parentId: target, index: (children.get(target) ?? []).filter((c) => c.id !== dragged).length };
  const t = codes.find((c) => c.id === target);
  if (!t) return null;
  const parentId = t.parentId && codes.some((c) => c.id === t.parentId) ? t.parentId : null;
  const siblings = (children.get(parentId) ?? []).filter((c) => c.id !== dragged);
  const at = siblings.findIndex((c) => c.id === target);
  return { parentId, index: where === 'before' ? at : at + 1 };
}
