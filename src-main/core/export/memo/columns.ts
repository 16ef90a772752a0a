// Column widths for the memo's tables that never break a word of a header
// or a number: Word breaks a word that is wider than its cell letter by
// letter («Nyansere / r»), so each column gets at least the width of its
// longest unbreakable word, taken from the columns with room to spare.
// Widths are estimated with Arial Bold's advance widths (the memo's font;
// metric-compatible with Helvetica Bold, whose widths are Adobe's published
// core-font metrics), which errs on the wide side for regular text.

/** Advance widths in thousandths of an em; anything not listed counts as the widest lower-case letter. */
const BOLD_WIDTHS: Record<string, number> = {
  ' ': 278, '-': 333, '–': 556, '.': 278, ',': 278, ':': 333, '(': 333, ')': 333, '/': 278, '%': 889, '+': 584,
  a: 556, b: 611, c: 556, d: 611, e: 556, f: 333, g: 611, h: 611, i: 278, j: 278, k: 556, l: 278, m: 889,
  n: 611, o: 611, p: 611, q: 611, r: 389, s: 556, t: 333, u: 611, v: 556, w: 778, x: 556, y: 556, z: 500,
  æ: 889, ø: 611, å: 556, é: 556,
  A: 722, B: 722, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 556, K: 722, L: 611, M: 833,
  N: 722, O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611,
  Æ: 1000, Ø: 778, Å: 722,
};
const DIGIT = 556;
const UNKNOWN = 889;

/** The width of `word` set in bold at `halfPoints` (docx sizes are half-points), in twips. */
export function wordTwips(word: string, halfPoints: number): number {
  let thousandths = 0;
  for (const ch of word) thousandths += /\d/.test(ch) ? DIGIT : (BOLD_WIDTHS[ch] ?? UNKNOWN);
  // em = halfPoints / 2 points = halfPoints * 10 twips.
  return (thousandths / 1000) * halfPoints * 10;
}

export interface FitColumn {
  /** Share of the table's width, in per cent. */
  width: number;
  /** Text that must not break inside a word (the header; every cell of a numeric column). */
  unbreakable: string[];
}

/**
 * Widths in per cent (summing to 100, as given) where every column is at
 * least as wide as its longest unbreakable word plus the cell's margins,
 * when the table is wide enough for that; the extra width comes from the
 * columns with the most to spare. When even that cannot fit, the widths are
 * the minimums scaled down to 100 (the least breaking possible).
 */
export function fitColumns(columns: FitColumn[], tableTwips: number, marginTwips: number, halfPoints: number): number[] {
  const total = columns.reduce((n, c) => n + c.width, 0);
  const need = columns.map((c) => {
    const longest = Math.max(0, ...c.unbreakable.flatMap((t) => t.split(/\s+/)).map((w) => wordTwips(w, halfPoints)));
    // A whole per cent more than the word, so rounding to twips never tips it over.
    return longest === 0 ? 0 : Math.ceil(((longest + marginTwips) / tableTwips) * 100 + 1);
  });
  const minimumSum = need.reduce((n, x) => n + x, 0);
  if (minimumSum > total) return need.map((x) => (x / minimumSum) * total);
  const widths = columns.map((c, i) => Math.max(c.width, need[i]));
  // Widths never fall below the minimums, so the spare width covers the excess.
  const excess = widths.reduce((n, x) => n + x, 0) - total;
  const spare = widths.map((w, i) => w - need[i]);
  const totalSpare = spare.reduce((n, x) => n + x, 0);
  if (excess > 0) for (let i = 0; i < widths.length; i++) widths[i] -= (spare[i] / totalSpare) * excess;
  return widths;
}
