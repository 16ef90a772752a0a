// Near-duplicate detection without comparing all pairs: word shingles on
// normalised text, MinHash signatures, locality-sensitive hashing (banding)
// to propose candidate pairs, the exact Jaccard similarity of the shingle
// sets to verify them, and union-find to group what is connected. Pure and
// deterministic: the hash functions come from a fixed seed, and the groups
// are the connected components of the verified pairs, whatever the order.
//
// Normalisation: Unicode NFC, lower case; a word is a run of letters
// (including æ, ø, å and other accented letters) and digits; everything else
// (punctuation, dashes, quotes, emoji) separates words. A shingle is k
// consecutive words, hashed to 32 bits.

/** Words per shingle. */
export const SHINGLE_SIZE = 5;
/** MinHash functions per signature. */
export const NUM_HASHES = 64;
/** LSH is tuned so that a pair at exactly the threshold becomes a candidate with at least this probability. */
export const TARGET_RECALL = 0.99;
/** Above this many documents in one LSH bucket, each is compared with the WINDOW before it only. */
export const BUCKET_WINDOW = 200;

const SEED = 0x1a2b3c4d;

export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A deterministic stream of 32-bit numbers (splitmix32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    return fmix32(state);
  };
}

/** Letters and digits (on lower-cased text): everything else separates words. */
function isWordCode(c: number): boolean {
  if (c < 0xc0) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
  if (c === 0xd7 || c === 0xf7 || c === 0xfeff) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, symbols, arrows, dingbats
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK punctuation
  if (c >= 0xd800 && c <= 0xdfff) return false; // surrogates: emoji and other astral symbols
  return true;
}

export function normalise(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** The words of a text after normalisation (for display and tests; the hot path hashes directly). */
export function words(text: string): string[] {
  const s = normalise(text);
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const word = i < s.length && isWordCode(s.charCodeAt(i));
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      out.push(s.slice(start, i));
      start = -1;
    }
  }
  return out;
}

let buffer = new Uint32Array(4096);

/** 32-bit hashes of the words of a text (FNV-1a over UTF-16 code units, then mixed). */
export function wordHashes(text: string): Uint32Array {
  // NFC only changes text with characters from U+0300 up (combining marks and beyond).
  const s = (/[\u0300-\uffff]/.test(text) ? text.normalize('NFC') : text).toLowerCase();
  if (buffer.length < s.length / 2 + 1) buffer = new Uint32Array(s.length);
  let count = 0;
  let h = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xc0 ? (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) : isWordCode(c)) {
      if (!inWord) {
        h = 0x811c9dc5;
        inWord = true;
      }
      h = Math.imul(h ^ c, 0x01000193);
    } else if (inWord) {
      buffer[count++] = fmix32(h);
      inWord = false;
    }
  }
  if (inWord) buffer[count++] = fmix32(h);
  return buffer.slice(0, count);
}

/** The sorted, distinct hashes of k-word shingles; a text shorter than k words is one shingle. */
export function shingles(wordHashList: Uint32Array, k = SHINGLE_SIZE): Uint32Array {
  const n = wordHashList.length;
  if (n === 0) return new Uint32Array(0);
  const count = Math.max(1, n - k + 1);
  const width = Math.min(k, n);
  const raw = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x9747b28c ^ width;
    for (let j = 0; j < width; j++) h = Math.imul(h ^ wordHashList[i + j], 0x5bd1e995) ^ (h >>> 13);
    raw[i] = fmix32(h);
  }
  raw.sort();
  let m = 0;
  for (let i = 0; i < raw.length; i++) if (i === 0 || raw[i] !== raw[m - 1]) raw[m++] = raw[i];
  return raw.slice(0, m);
}

/** Exact Jaccard similarity of two sorted, distinct hash sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return both / (a.length + b.length - both);
}

/** A key for "the same normalised text": two independent hashes of the word sequence and its length. */
export function exactKey(wordHashList: Uint32Array): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x3c6ef372;
  for (let i = 0; i < wordHashList.length; i++) {
    h1 = Math.imul(h1 ^ wordHashList[i], 0x01000193);
    h2 = Math.imul(h2 ^ wordHashList[i], 0x5bd1e995) ^ (h2 >>> 15);
  }
  return `${fmix32(h1)}:${fmix32(h2)}:${wordHashList.length}`;
}

/** The probability that LSH with `bands` × `rows` makes a pair of similarity s a candidate. */
export function candidateProbability(s: number, bands: number, rows: number): number {
  return 1 - Math.pow(1 - Math.pow(s, rows), bands);
}

/**
 * Bands and rows for a threshold: the most rows per band (the fewest false
 * candidates) for which a pair at the threshold is still a candidate with
 * probability ≥ TARGET_RECALL, using as many of the hash functions as fit.
 */
export function lshParams(threshold: number, numHashes = NUM_HASHES): { bands: number; rows: number } {
  let best = { bands: numHashes, rows: 1 };
  for (let rows = 1; rows <= numHashes; rows++) {
    const bands = Math.floor(numHashes / rows);
    if (candidateProbability(threshold, bands, rows) >= TARGET_RECALL) best = { bands, rows };
  }
  return best;
}

export class MinHasher {
  private readonly a: Int32Array;
  private readonly b: Int32Array;

  constructor(
    readonly numHashes = NUM_HASHES,
    seed = SEED,
  ) {
    const random = seededRandom(seed);
    this.a = new Int32Array(numHashes);
    this.b = new Int32Array(numHashes);
    for (let i = 0; i < numHashes; i++) {
      this.a[i] = random() | 1; // odd: x ↦ a·x + b is a permutation of the 32-bit numbers
      this.b[i] = random();
    }
  }

  /** Writes the signature of a shingle set into `out` at `offset`. */
  signature(set: Uint32Array, out: Uint32Array, offset = 0): void {
    const n = set.length;
    for (let i = 0; i < this.numHashes; i++) {
      const a = this.a[i];
      const b = this.b[i];
      let min = 0xffffffff;
      for (let j = 0; j < n; j++) {
        const v = (Math.imul(set[j], a) + b) >>> 0;
        if (v < min) min = v;
      }
      out[offset + i] = min;
    }
  }
}

export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }

  union(x: number, y: number): boolean {
    let rx = this.find(x);
    let ry = this.find(y);
    if (rx === ry) return false;
    if (this.size[rx] < this.size[ry]) [rx, ry] = [ry, rx];
    this.parent[ry] = rx;
    this.size[rx] += this.size[ry];
    return true;
  }
}

export interface SimilarityDoc {
  /** Sorted distinct shingle hashes. */
  shingles: Uint32Array;
  /** Same normalised text ⇔ same key. */
  key: string;
  /** Who wrote it: groups need two owners or more; similarity statistics skip same-owner pairs. */
  owner: number;
}

export interface SimilarityGroup {
  /** Document indices, ascending. */
  members: number[];
  owners: number;
  minSimilarity: number;
  avgSimilarity: number;
  identical: boolean;
}

export interface SimilarityResult {
  bands: number;
  rows: number;
  candidatePairs: number;
  similarPairs: number;
  groups: SimilarityGroup[];
}

/** Above this many pairs in a group, its similarity statistics come from a fixed sample of pairs. */
const STATS_PAIRS = 20_000;

/**
 * Groups of documents whose shingle sets are at least `threshold` similar
 * (Jaccard), directly or through other members, spanning two owners or more.
 */
export function similarGroups(docs: SimilarityDoc[], threshold: number, numHashes = NUM_HASHES): SimilarityResult {
  const n = docs.length;
  const uf = new UnionFind(n);
  // Identical texts are joined at once and represented by one document in the hashing.
  const firstOf = new Map<string, number>();
  const reps: number[] = [];
  for (let i = 0; i < n; i++) {
    if (docs[i].shingles.length === 0) continue;
    const first = firstOf.get(docs[i].key);
    if (first === undefined) {
      firstOf.set(docs[i].key, i);
      reps.push(i);
    } else uf.union(first, i);
  }

  const { bands, rows } = lshParams(threshold, numHashes);
  const hasher = new MinHasher(numHashes);
  const signatures = new Uint32Array(reps.length * numHashes);
  for (let r = 0; r < reps.length; r++) hasher.signature(docs[reps[r]].shingles, signatures, r * numHashes);

  const seen = new Set<number>();
  let candidatePairs = 0;
  let similarPairs = 0;
  const keys = new Uint32Array(reps.length);
  const order = new Int32Array(reps.length);
  for (let band = 0; band < bands; band++) {
    for (let r = 0; r < reps.length; r++) {
      let h = 0x2545f491 ^ band;
      const base = r * numHashes + band * rows;
      for (let t = 0; t < rows; t++) h = Math.imul(h ^ signatures[base + t], 0x9e3779b1) ^ (h >>> 15);
      keys[r] = fmix32(h);
      order[r] = r;
    }
    order.sort((x, y) => keys[x] - keys[y] || x - y);
    for (let start = 0; start < order.length; ) {
      let end = start + 1;
      while (end < order.length && keys[order[end]] === keys[order[start]]) end++;
      for (let y = start + 1; y < end; y++) {
        for (let x = Math.max(start, y - BUCKET_WINDOW); x < y; x++) {
          const lo = reps[order[x]];
          const hi = reps[order[y]];
          const pair = lo * n + hi;
          if (seen.has(pair)) continue;
          seen.add(pair);
          candidatePairs++;
          // Already connected (through others): verifying cannot change the groups.
          if (uf.find(lo) === uf.find(hi)) continue;
          if (jaccard(docs[lo].shingles, docs[hi].shingles) >= threshold) {
            similarPairs++;
            uf.union(lo, hi);
          }
        }
      }
      start = end;
    }
  }

  const components = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (docs[i].shingles.length === 0) continue;
    const root = uf.find(i);
    const list = components.get(root);
    if (list) list.push(i);
    else components.set(root, [i]);
  }
  const groups: SimilarityGroup[] = [];
  for (const members of components.values()) {
    if (members.length < 2) continue;
    const owners = new Set(members.map((m) => docs[m].owner)).size;
    if (owners < 2) continue;
    groups.push({ members, owners, identical: members.every((m) => docs[m].key === docs[members[0]].key), ...groupSimilarity(docs, members) });
  }
  return { bands, rows, candidatePairs, similarPairs, groups };
}

/** Min and mean exact Jaccard over member pairs of different owners (a fixed sample in very large groups). */
function groupSimilarity(docs: SimilarityDoc[], members: number[]): { minSimilarity: number; avgSimilarity: number } {
  let min = 1;
  let sum = 0;
  let count = 0;
  const add = (x: number, y: number) => {
    if (docs[x].owner === docs[y].owner) return;
    const s = docs[x].key === docs[y].key ? 1 : jaccard(docs[x].shingles, docs[y].shingles);
    if (s < min) min = s;
    sum += s;
    count++;
  };
  const m = members.length;
  if ((m * (m - 1)) / 2 <= STATS_PAIRS) {
    for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) add(members[i], members[j]);
  } else {
    const random = seededRandom(SEED ^ m);
    for (let k = 0; k < STATS_PAIRS; k++) {
      const i = random() % m;
      const j = random() % m;
      if (i !== j) add(members[i], members[j]);
    }
  }
  return count === 0 ? { minSimilarity: 1, avgSimilarity: 1 } : { minSimilarity: min, avgSimilarity: sum / count };
}
