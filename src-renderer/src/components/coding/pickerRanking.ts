// How the code picker orders codes for what the caseworker typed: a code whose
// shortcut or name is the text comes first, then names that start with it,
// then names with a word starting with it, names containing it, a parent's name
// (the path), and last the coding rule (description). Within a tier the
// codebook's own order holds, so equal matches stay where the tree has them.
import type { FlatCode } from './codeTree';

/** Lower is better; null: the code does not match at all. */
export function matchTier(flat: FlatCode, needle: string): number | null {
  if (!needle) return 0;
  const name = flat.code.name.toLocaleLowerCase('nb');
  if (flat.code.shortcut === needle) return 0;
  if (name === needle) return 1;
  if (name.startsWith(needle)) return 2;
  if (name.split(/[\s\-–/(),.]+/u).some((word) => word.startsWith(needle))) return 3;
  if (name.includes(needle)) return 4;
  if (flat.path.toLocaleLowerCase('nb').includes(needle)) return 5;
  if (flat.code.description.toLocaleLowerCase('nb').includes(needle)) return 6;
  return null;
}

/** The codes matching `query`, best first (stable within a tier). */
export function rankCodes(codes: readonly FlatCode[], query: string): FlatCode[] {
  const needle = query.trim().toLocaleLowerCase('nb');
  return codes
    .map((flat, index) => ({ flat, index, tier: matchTier(flat, needle) }))
    .filter((m): m is { flat: FlatCode; index: number; tier: number } => m.tier !== null)
    .sort((a, b) => a.tier - b.tier || a.index - b.index)
    .map((m) => m.flat);
}
