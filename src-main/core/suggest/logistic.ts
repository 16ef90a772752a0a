// Logistic regression with an L2 penalty on sparse vectors, trained by plain
// stochastic gradient descent in a seeded order (Bottou's "optimal" learning
// rate, as scikit-learn's SGDClassifier uses it): the same examples in the
// same order give the same weights, bit for bit. Hand-written because no
// well-kept library for sparse logistic regression is installed, and the
// method is a few dozen lines that a test can hold (test/unit/core/suggest).
import { dot, type SparseVector } from './features';
import { mulberry32 } from '../../../src-shared/rng';

export interface Example {
  x: SparseVector;
  /** 1 for a positive, 0 for a negative. */
  y: 0 | 1;
  /** How much the example counts (class balancing); 1 unless given. */
  weight?: number;
}

export interface LogisticModel {
  weights: Float64Array;
  bias: number;
}

export interface TrainOptions {
  /** L2 penalty (per example). */
  alpha?: number;
  epochs?: number;
  seed?: number;
}

export const DEFAULT_ALPHA = 1e-4;
export const DEFAULT_EPOCHS = 6;

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export function probability(model: LogisticModel, x: SparseVector): number {
  return sigmoid(dot(x, model.weights) + model.bias);
}


/** Trains on `examples` over a feature space of `dims`; examples are visited in a seeded shuffle each epoch. */
export function train(examples: readonly Example[], dims: number, options: TrainOptions = {}): LogisticModel {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const epochs = options.epochs ?? DEFAULT_EPOCHS;
  const random = mulberry32(options.seed ?? 1).next;
  // The weights are scale × v, so the L2 shrink of every weight is one multiplication.
  const v = new Float64Array(dims);
  let scale = 1;
  let bias = 0;
  // Bottou's heuristic for the first step size: t0 such that the first step is about 1/sqrt(alpha)'s typical weight.
  const typw = Math.sqrt(1 / Math.sqrt(alpha));
  const eta0 = typw / Math.max(1, 1 / (1 + Math.exp(-typw)));
  const t0 = 1 / (eta0 * alpha);
  let t = 0;
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) {
      const { x, y } = examples[i];
      const weight = examples[i].weight ?? 1;
      const eta = 1 / (alpha * (t0 + t));
      let z = 0;
      for (let k = 0; k < x.idx.length; k++) z += x.val[k] * v[x.idx[k]];
      z = scale * z + bias;
      // d loss / d z for the log loss, times the example's weight.
      const g = weight * (sigmoid(z) - y);
      scale *= 1 - eta * alpha;
      if (scale < 1e-9) {
        for (let k = 0; k < v.length; k++) v[k] *= scale;
        scale = 1;
      }
      if (g !== 0) {
        const step = (eta * g) / scale;
        for (let k = 0; k < x.idx.length; k++) v[x.idx[k]] -= step * x.val[k];
        // The bias is not penalised; a smaller step keeps it from swinging on a rare class.
        bias -= eta * g * 0.01;
      }
      t++;
    }
  }
  for (let k = 0; k < v.length; k++) v[k] *= scale;
  return { weights: v, bias };
}
