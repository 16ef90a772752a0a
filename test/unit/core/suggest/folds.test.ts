// Stratified, deterministic folds for the assistant's cross-validation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stratifiedFolds } from '../../../../src-main/core/suggest/folds';

describe('stratifiedFolds', () => {
  it('deals positives and negatives round-robin, each on its own', () => {
    expect(stratifiedFolds([1, 0, 1, 0, 0, 1], 2)).toEqual([0, 0, 1, 1, 0, 0]);
  });

  it('refuses fewer than two folds', () => {
    expect(() => stratifiedFolds([1, 0], 1)).toThrow();
  });

  it('is deterministic and balanced: fold sizes of each class differ by at most one (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<0 | 1>(0, 1), { maxLength: 200 }), fc.integer({ min: 2, max: 10 }), (labels, k) => {
        const folds = stratifiedFolds(labels, k);
        expect(stratifiedFolds(labels, k)).toEqual(folds);
        for (const cls of [0, 1]) {
          const sizes = new Array<number>(k).fill(0);
          folds.forEach((f, i) => {
            if (labels[i] === cls) sizes[f]++;
          });
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
