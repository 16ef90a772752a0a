// The shared-text method on its own: normalisation (NFC, lower case, æøå kept
// as letters), shingles, exact Jaccard, LSH parameters for a threshold, the
// MinHash estimate, determinism, and grouping (connected components spanning
// two owners or more, found without comparing all pairs).
import { describe, expect, it } from 'vitest';
import {
  candidateProbability,
  exactKey,
  jaccard,
  lshParams,
  MinHasher,
  NUM_HASHES,
  seededRandom,
  shingles,
  similarGroups,
  TARGET_RECALL,
  UnionFind,
  wordHashes,
  words,
  type SimilarityDoc,
} from '../../../../src-main/core/analysis/minhash';
import { textSimilarity } from '../../../../src-main/core/analysis/shared-text';

const random = seededRandom(42);
const VOCAB = Array.from({ length: 3000 }, (_, i) => `ord${i.toString(36)}`);
function randomText(n: number, next = random): string {
  return Array.from({ length: n }, () => VOCAB[next() % VOCAB.length]).join(' ');
}
function replaceWords(text: string, positions: number[]): string {
  const list = text.split(' ');
  for (const p of positions) list[p] = `endret${p}`;
  return list.join(' ');
}
function doc(text: string, owner: number): SimilarityDoc {
  const list = wordHashes(text);
  return { shingles: shingles(list), key: exactKey(list), owner };
}

describe('normalisation and shingles', () => {
  it('lower-cases, composes (NFC) and keeps æ, ø and å as letters', () => {
    expect(words('Politiet MÅ være på Ærøy – «særlig» i Tromsø!')).toEqual(['politiet', 'må', 'være', 'på', 'ærøy', 'særlig', 'i', 'tromsø']);
    // "å" written as a + combining ring is the same word as the composed "å".
    expect(words('Ga\u030ardsbruk')).toEqual(['gårdsbruk']);
    expect(wordHashes('Ga\u030ardsbruk')).toEqual(wordHashes('gårdsbruk'));
    // æøå are not their look-alikes.
    expect(wordHashes('bål')[0]).not.toBe(wordHashes('bal')[0]);
    expect(words('Nummer 12, 👮 politi-kontor')).toEqual(['nummer', '12', 'politi', 'kontor']);
  });

  it('ignores case, punctuation and spacing but not word order', () => {
    const a = 'Vi ønsker et nytt tjenestested i kommunen, og vi tilbyr lokaler i rådhuset.';
    expect(textSimilarity(a, 'VI ØNSKER   et nytt tjenestested i kommunen og vi tilbyr lokaler i rådhuset')).toBe(1);
    expect(exactKey(wordHashes(a))).toBe(exactKey(wordHashes(a.toUpperCase())));
    expect(textSimilarity(a, a.split(' ').reverse().join(' '))).toBeLessThan(0.1);
  });

  it('makes n − k + 1 five-word shingles, distinct and sorted; a short text is one shingle', () => {
    const set = shingles(wordHashes(randomText(20)));
    expect(set.length).toBe(16);
    expect([...set]).toEqual([...set].sort((x, y) => x - y));
    expect(shingles(wordHashes('to ord')).length).toBe(1);
    expect(shingles(wordHashes('')).length).toBe(0);
    expect(shingles(wordHashes('a b c d e a b c d e')).length).toBe(5); // repeats collapse
  });

  it('computes the exact Jaccard similarity of the shingle sets', () => {
    const a = Uint32Array.from([1, 2, 3, 4]);
    const b = Uint32Array.from([3, 4, 5]);
    expect(jaccard(a, b)).toBeCloseTo(2 / 5, 12);
    expect(jaccard(a, a)).toBe(1);
    expect(jaccard(a, Uint32Array.from([9]))).toBe(0);
    // One changed word in 100 changes 5 of 96 shingles: 91 shared of 101.
    const text = randomText(100);
    expect(textSimilarity(text, replaceWords(text, [50]))).toBeCloseTo(91 / 101, 12);
  });
});

describe('MinHash and LSH', () => {
  it('chooses bands × rows so a pair at the threshold is a candidate with probability ≥ 99 %', () => {
    for (const t of [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1]) {
      const { bands, rows } = lshParams(t);
      expect(bands * rows).toBeLessThanOrEqual(NUM_HASHES);
      expect(candidateProbability(t, bands, rows)).toBeGreaterThanOrEqual(TARGET_RECALL);
      // …and the next-steeper choice would not be.
      expect(candidateProbability(t, Math.floor(NUM_HASHES / (rows + 1)), rows + 1)).toBeLessThan(TARGET_RECALL);
    }
    expect(lshParams(0.8)).toEqual({ bands: 12, rows: 5 });
  });

  it('estimates the Jaccard similarity without bias (the hash functions behave as independent permutations)', () => {
    const hasher = new MinHasher(NUM_HASHES);
    const sa = new Uint32Array(NUM_HASHES);
    const sb = new Uint32Array(NUM_HASHES);
    let error = 0;
    const trials = 200;
    for (let k = 0; k < trials; k++) {
      const text = randomText(120);
      const changed = replaceWords(text, Array.from({ length: 1 + (k % 12) }, (_, i) => (i * 17 + k) % 120));
      const a = shingles(wordHashes(text));
      const b = shingles(wordHashes(changed));
      hasher.signature(a, sa);
      hasher.signature(b, sb);
      const estimate = sa.filter((v, i) => v === sb[i]).length / NUM_HASHES;
      error += estimate - jaccard(a, b);
    }
    expect(Math.abs(error / trials)).toBeLessThan(0.02);
  });

  it('is deterministic: the same signatures every time', () => {
    const set = shingles(wordHashes(randomText(50)));
    const one = new Uint32Array(NUM_HASHES);
    const two = new Uint32Array(NUM_HASHES);
    new MinHasher().signature(set, one);
    new MinHasher().signature(set, two);
    expect(two).toEqual(one);
  });

  it('union-find joins transitively', () => {
    const uf = new UnionFind(5);
    uf.union(0, 1);
    uf.union(3, 4);
    uf.union(1, 4);
    expect(uf.find(0)).toBe(uf.find(3));
    expect(uf.find(2)).not.toBe(uf.find(0));
  });
});

describe('similarGroups', () => {
  const base = randomText(150);
  const unrelated = Array.from({ length: 300 }, () => randomText(150));

  it('finds a joint statement, a near copy and nothing else; groups need two owners', () => {
    const docs = [
      ...unrelated.map((t, i) => doc(t, 100 + i)),
      doc(base, 1),
      doc(base, 2),
      doc(base.toUpperCase(), 3),
      doc(replaceWords(base, [10, 90]), 4),
      // The same owner repeating its own text is not shared text.
      doc(unrelated[0], 100),
      doc(unrelated[1].split(' ').slice(0, 140).join(' '), 101),
    ];
    const result = similarGroups(docs, 0.8);
    expect(result.groups).toHaveLength(1);
    const [group] = result.groups;
    expect(group.members).toEqual([300, 301, 302, 303]);
    expect(group.owners).toBe(4);
    expect(group.identical).toBe(false);
    expect(group.minSimilarity).toBeCloseTo(jaccard(docs[300].shingles, docs[303].shingles), 12);
    expect(group.minSimilarity).toBeGreaterThanOrEqual(0.8);
    // Not all pairs: 306 documents have 46 665 pairs; LSH proposes a handful.
    expect(result.candidatePairs).toBeLessThan(100);
  });

  it('keeps a copy below the threshold out, and takes it in at a lower threshold', () => {
    const far = replaceWords(base, [5, 25, 45, 65, 85, 105, 125]); // 7 changes: J ≈ 0.62
    const docs = [doc(base, 1), doc(base, 2), doc(far, 3), ...unrelated.slice(0, 50).map((t, i) => doc(t, 10 + i))];
    expect(similarGroups(docs, 0.8).groups.map((g) => g.members)).toEqual([[0, 1]]);
    expect(similarGroups(docs, 0.55).groups.map((g) => g.members)).toEqual([[0, 1, 2]]);
  });

  it('gives the same groups whatever the order of the documents', () => {
    const docs = [doc(base, 1), doc(replaceWords(base, [3]), 2), doc(base, 3), ...unrelated.slice(0, 100).map((t, i) => doc(t, 10 + i))];
    const order = docs.map((_, i) => i).reverse();
    const forward = similarGroups(docs, 0.8).groups.map((g) => g.members);
    const backward = similarGroups(order.map((i) => docs[i]), 0.8).groups.map((g) => g.members.map((m) => order[m]).sort((a, b) => a - b));
    expect(backward).toEqual(forward);
  });

  it('reports identical groups', () => {
    const result = similarGroups([doc(base, 1), doc(`${base}.`, 2), doc(unrelated[0], 3)], 0.9);
    expect(result.groups).toEqual([{ members: [0, 1], owners: 2, identical: true, minSimilarity: 1, avgSimilarity: 1 }]);
  });
});
