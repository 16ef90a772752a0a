// A small seeded PRNG (mulberry32) and helpers to draw with. Same seed, same
// draws: nothing here reads the clock. Used by the demo generator, the crash
// and fuzz harnesses, the test fixtures and the coding assistant's training order.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; weights need not sum to 1. */
  weighted<T extends string>(weights: Readonly<Record<T, number>>): T;
  shuffle<T>(items: readonly T[]): T[];
  /** k distinct items, in draw order. */
  sample<T>(items: readonly T[], k: number): T[];
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)];
    },
    weighted: (weights) => {
      const entries = Object.entries(weights) as [keyof typeof weights, number][];
      const total = entries.reduce((s, [, w]) => s + Math.max(0, w), 0);
      let r = next() * total;
      for (const [key, w] of entries) {
        r -= Math.max(0, w);
        if (r < 0) return key;
      }
      return entries[entries.length - 1][0];
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    sample: (items, k) => rng.shuffle(items).slice(0, k),
  };
  return rng;
}
