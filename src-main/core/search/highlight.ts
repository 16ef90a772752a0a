// Where a query hits in an answer's original text, and a keyword-in-context
// snippet around the first hit. Uses the same words and stems as the index
// (store/words.ts), so a highlighted word is exactly a word the index matched.
import type { TextRange } from '../../../src-shared/search';
import type { Leaf } from './query';
import { stem, words, type Word } from '../store/words';

function leafMatchesAt(leaf: Leaf, ws: Word[], stems: string[], i: number): boolean {
  const n = leaf.keys.length;
  if (i + n > ws.length) return false;
  for (let k = 0; k < n; k++) {
    const last = k === n - 1;
    if (leaf.prefix) {
      if (last ? !ws[i + k].key.startsWith(leaf.keys[k]) : ws[i + k].key !== leaf.keys[k]) return false;
    } else if (leaf.exact) {
      if (ws[i + k].key !== leaf.keys[k]) return false;
    } else if (stems[i + k] !== leaf.stems[k]) {
      return false;
    }
  }
  return true;
}

/** Every hit of the leaves in the text (offsets into the text), sorted, overlaps merged. */
export function hitRanges(text: string, leaves: Leaf[]): TextRange[] {
  if (leaves.length === 0) return [];
  const ws = words(text);
  const needStems = leaves.some((l) => !l.prefix && !l.exact);
  const stems = needStems ? ws.map((w) => stem(w.key)) : [];
  const ranges: TextRange[] = [];
  for (let i = 0; i < ws.length; i++) {
    for (const leaf of leaves) {
      if (leafMatchesAt(leaf, ws, stems, i)) ranges.push({ start: ws[i].start, end: ws[i + leaf.keys.length - 1].end });
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: TextRange[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

export const snippetLimits = { before: 80, length: 240 };

export interface Snippet {
  text: string;
  start: number;
  end: number;
  highlights: TextRange[];
}

/**
 * A window of about `length` characters that starts a little before the first
 * hit, cut at word boundaries. Line breaks and tabs become spaces one for one,
 * so offsets in the snippet are offsets in the answer minus `start`.
 */
export function snippetOf(text: string, hits: TextRange[], limits = snippetLimits): Snippet {
  const first = hits[0];
  const isSpace = (i: number) => /\s/u.test(text[i]);
  let start = first ? Math.max(0, first.start - limits.before) : 0;
  if (start > 0 && !isSpace(start - 1)) {
    // Start at the beginning of a word, not in the middle of one.
    const space = text.slice(start, first.start).search(/\s/u);
    start = space >= 0 ? start + space + 1 : first.start;
  }
  while (first && start < first.start && isSpace(start)) start++;
  const keep = first ? Math.max(first.end, start) : start;
  let end = Math.max(keep, Math.min(text.length, start + limits.length));
  if (end < text.length && !isSpace(end) && !isSpace(end - 1)) {
    // End after a whole word.
    const lastSpace = text.slice(keep, end).search(/\s\S*$/u);
    if (lastSpace >= 0) end = keep + lastSpace;
  }
  while (end > keep && isSpace(end - 1)) end--;
  const highlights = hits
    .filter((h) => h.end > start && h.start < end)
    .map((h) => ({ start: Math.max(h.start, start) - start, end: Math.min(h.end, end) - start }));
  return { text: text.slice(start, end).replace(/[\r\n\t\f\v]/g, ' '), start, end, highlights };
}
