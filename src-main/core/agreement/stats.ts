// Inter-coder agreement on nominal judgements: percentage agreement, Cohen's
// kappa (exactly two coders) and Krippendorff's alpha (two or more coders,
// missing judgements allowed). Pure functions over a units × coders table of
// category labels; `null` is a missing judgement (the coder did not judge that
// unit). A coefficient that the data cannot define (0/0) is `null` with a
// reason, never NaN.
//
// Formulas (checked against the published worked examples in
// test/unit/core/agreement/stats.test.ts):
//   kappa = (p_o − p_e) / (1 − p_e), p_o the share of units both coders put in
//     the same category, p_e = Σ_c (row_c · col_c) / n² from the two coders'
//     marginals (Cohen 1960). Computed as (n·Σ diag − Σ row·col) / (n² − Σ row·col)
//     on integer counts, so it is exact up to the one division.
//   alpha = 1 − (n − 1) · Σ_u d_u/(m_u − 1) / Σ_c n_c (n − n_c), where a unit u
//     with m_u ≥ 2 judgements contributes its d_u ordered pairs of different
//     judgements, n_c is how often category c occurs among pairable
//     judgements and n = Σ n_c (Krippendorff 2011, nominal metric, through the
//     coincidence matrix).
import type { AgreementStats, Coefficient } from '../../../src-shared/agreement';

/** One unit's judgements, one entry per coder (same coder order in every unit); null: missing. */
export type Judgements = ReadonlyArray<string | null>;

const undefinedAs = (reason: NonNullable<Coefficient['reason']>): Coefficient => ({ value: null, reason });

function judged(unit: Judgements): string[] {
  return unit.filter((v): v is string => v !== null);
}

/**
 * Units judged by at least two coders, and those on which all of them agree.
 * With two coders this is the usual percentage agreement.
 */
export function percentAgreement(units: readonly Judgements[]): { units: number; agreeing: number; value: number | null } {
  let pairable = 0;
  let agreeing = 0;
  for (const unit of units) {
    const values = judged(unit);
    if (values.length < 2) continue;
    pairable++;
    if (values.every((v) => v === values[0])) agreeing++;
  }
  return { units: pairable, agreeing, value: pairable === 0 ? null : agreeing / pairable };
}

/** Cohen's kappa from a square agreement table (rows: coder A's categories, columns: coder B's, same order). */
export function cohenKappaFromTable(table: readonly (readonly number[])[]): Coefficient {
  const k = table.length;
  if (table.some((row) => row.length !== k)) throw new Error('The agreement table must be square');
  let n = 0;
  let diagonal = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const count = table[i][j];
      n += count;
      rows[i] += count;
      cols[j] += count;
      if (i === j) diagonal += count;
    }
  }
  if (n === 0) return undefinedAs('no-units');
  let chance = 0; // Σ row·col = n² · p_e
  for (let i = 0; i < k; i++) chance += rows[i] * cols[i];
  const denominator = n * n - chance;
  // p_e = 1: both coders used one and the same category for every unit.
  if (denominator === 0) return undefinedAs('no-variation');
  return { value: (n * diagonal - chance) / denominator, reason: null };
}

/** The categories two coders used on the units both judged, in sorted order, and their agreement table. */
export function agreementTable(units: readonly Judgements[]): { categories: string[]; counts: number[][] } {
  const pairs = units.flatMap(([a, b]) => (a !== null && a !== undefined && b !== null && b !== undefined ? [[a, b] as const] : []));
  const categories = [...new Set(pairs.flat())].sort();
  const index = new Map(categories.map((c, i) => [c, i]));
  const counts = categories.map(() => categories.map(() => 0));
  for (const [a, b] of pairs) counts[index.get(a)!][index.get(b)!]++;
  return { categories, counts };
}

/** Cohen's kappa of exactly two coders (columns 0 and 1), over the units both judged. */
export function cohenKappa(units: readonly Judgements[]): Coefficient {
  if (units.some((u) => u.length !== 2)) return undefinedAs('not-two-coders');
  return cohenKappaFromTable(agreementTable(units).counts);
}

/** Krippendorff's alpha for nominal data, any number of coders, missing judgements allowed. */
export function krippendorffAlpha(units: readonly Judgements[]): Coefficient {
  const occurrences = new Map<string, number>(); // n_c over pairable judgements
  let observed = 0; // Σ_u d_u / (m_u − 1): the off-diagonal total of the coincidence matrix
  for (const unit of units) {
    const values = judged(unit);
    const m = values.length;
    if (m < 2) continue; // a lone judgement cannot be paired with anything
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    let same = 0;
    for (const [v, c] of counts) {
      same += c * c;
      occurrences.set(v, (occurrences.get(v) ?? 0) + c);
    }
    observed += (m * m - same) / (m - 1);
  }
  let n = 0;
  for (const c of occurrences.values()) n += c;
  if (n === 0) return undefinedAs('no-units');
  let expected = 0; // Σ_c n_c (n − n_c), summed in category order so the result does not depend on coder order
  for (const category of [...occurrences.keys()].sort()) {
    const c = occurrences.get(category)!;
    expected += c * (n - c);
  }
  // Only one category was ever used: expected disagreement is 0 and alpha is 0/0.
  if (expected === 0) return undefinedAs('no-variation');
  return { value: 1 - ((n - 1) * observed) / expected, reason: null };
}

/** All three measures over one table of units × coders. Kappa only with exactly two coders. */
export function agreementStats(units: readonly Judgements[], coders: number): AgreementStats {
  const agreement = percentAgreement(units);
  return {
    units: agreement.units,
    agreeing: agreement.agreeing,
    disagreeing: agreement.units - agreement.agreeing,
    percentAgreement: agreement.value,
    kappa: coders === 2 ? cohenKappa(units) : undefinedAs('not-two-coders'),
    alpha: krippendorffAlpha(units),
  };
}
