// Deterministic, stratified k-fold assignment for cross-validation: positives
// and negatives are each dealt round-robin in the order given (the caller
// sorts by a stable key), so every fold gets its share of both, and the same
// examples always land in the same folds.

export const DEFAULT_FOLDS = 5;

/** The fold (0 … k−1) of each example, from its label. */
export function stratifiedFolds(labels: readonly (0 | 1)[], k: number = DEFAULT_FOLDS): number[] {
  if (!Number.isInteger(k) || k < 2) throw new Error(`k-fold needs k ≥ 2, got ${k}`);
  let positives = 0;
  let negatives = 0;
  return labels.map((y) => (y === 1 ? positives++ : negatives++) % k);
}
