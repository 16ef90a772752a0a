// The hand-written logistic regression: it learns a separable toy set, it is
// deterministic, and the L2 penalty keeps weights small.
import { describe, expect, it } from 'vitest';
import type { SparseVector } from '../../../../src-main/core/suggest/features';
import { probability, sigmoid, train, type Example } from '../../../../src-main/core/suggest/logistic';

const vec = (pairs: [number, number][]): SparseVector => ({ idx: Int32Array.from(pairs.map((p) => p[0])), val: Float64Array.from(pairs.map((p) => p[1])) });

/** Feature 0 marks positives, feature 1 negatives; features 2–5 are noise shared by both. */
function toy(): Example[] {
  const out: Example[] = [];
  for (let i = 0; i < 40; i++) {
    const noise = 2 + (i % 4);
    out.push({ x: vec([[0, 0.8], [noise, 0.6]]), y: 1 });
    out.push({ x: vec([[1, 0.8], [noise, 0.6]]), y: 0 });
  }
  return out;
}

describe('sigmoid', () => {
  it('is stable at the extremes', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(Number.isFinite(sigmoid(-1000))).toBe(true);
  });
});

describe('train', () => {
  it('learns a separable toy set', () => {
    const model = train(toy(), 6);
    expect(probability(model, vec([[0, 0.8], [3, 0.6]]))).toBeGreaterThan(0.9);
    expect(probability(model, vec([[1, 0.8], [3, 0.6]]))).toBeLessThan(0.1);
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(model.weights[1]).toBeLessThan(0);
  });

  it('gives the same weights for the same data and seed, bit for bit', () => {
    const a = train(toy(), 6, { seed: 7 });
    const b = train(toy(), 6, { seed: 7 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(a.bias).toBe(b.bias);
  });

  it('shrinks the weights harder with a larger penalty', () => {
    const loose = train(toy(), 6, { alpha: 1e-4 });
    const tight = train(toy(), 6, { alpha: 1e-1 });
    expect(Math.abs(tight.weights[0])).toBeLessThan(Math.abs(loose.weights[0]));
  });

  it('counts a weighted example more', () => {
    // One positive and one negative with the same feature: the heavier one wins.
    const x = vec([[0, 1]]);
    const model = train([{ x, y: 1, weight: 5 }, { x, y: 0, weight: 1 }], 1);
    expect(probability(model, x)).toBeGreaterThan(0.5);
  });
});
