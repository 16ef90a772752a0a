// Finding passages (runs of ≥ 20 words, tolerant of small edits) that occur in
// the texts of two or more owners, without comparing all pairs: k-word
// shingles, winnowing (the smallest hash in each window of W shingles is a
// fingerprint, so any shared run of W + K − 1 words shares one), an index of
// fingerprints, then from each shared fingerprint an alignment of the two texts
// extended word by word in both directions, stepping over a changed, added or
// dropped word or two. The matched spans are grouped by passage (union-find
// over overlapping spans). Pure and deterministic.
import { fmix32 } from './minhash';

/** Words per shingle. */
export const PASSAGE_K = 4;
/** Shingles per winnowing window: a shared run of 8 words (W + K − 1) always shares a fingerprint. */
export const PASSAGE_W = 5;
export const DEFAULT_MIN_WORDS = 20;
/** A fingerprint found in more texts than this pairs each with the first only (a star, not all pairs). */
const ALL_PAIRS_UP_TO = 8;
/** Words that must agree after a skipped edit for the alignment to go on. */
const RESYNC = 3;
const EDIT_STEPS: [number, number][] = [
  [1, 1], [1, 0], [0, 1], [2, 2], [2, 0], [0, 2], [2, 1], [1, 2], [3, 3],
];

export interface PassageDoc {
  text: string;
  /** Who wrote it: spans of one owner never make a passage on their own. */
  owner: number;
}

export interface Tokens {
  hashes: Uint32Array;
  starts: Uint32Array;
  ends: Uint32Array;
}

function isWordCode(c: number): boolean {
  if (c < 0xc0) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  if (c === 0xd7 || c === 0xf7 || c === 0xfeff) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return true;
}

/** Words with their character offsets in the text as stored; case and punctuation do not matter. */
export function tokenize(text: string): Tokens {
  const n = text.length;
  const hashes = new Uint32Array(Math.ceil(n / 2) + 1);
  const starts = new Uint32Array(hashes.length);
  const ends = new Uint32Array(hashes.length);
  let count = 0;
  let h = 0;
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0x20;
    if (i < n && isWordCode(c)) {
      if (start < 0) {
        start = i;
        h = 0x811c9dc5;
      }
      // Lower case one code unit at a time, so offsets stay those of the stored text.
      const lower = c < 0x80 ? (c >= 0x41 && c <= 0x5a ? c + 32 : c) : String.fromCharCode(c).toLowerCase().charCodeAt(0);
      h = Math.imul(h ^ lower, 0x01000193);
    } else if (start >= 0) {
      hashes[count] = fmix32(h);
      starts[count] = start;
      ends[count] = i;
      count++;
      start = -1;
    }
  }
  return { hashes: hashes.slice(0, count), starts: starts.slice(0, count), ends: ends.slice(0, count) };
}

function shingleHashes(words: Uint32Array): Uint32Array {
  const count = words.length - PASSAGE_K + 1;
  if (count <= 0) return new Uint32Array(0);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x9747b28c;
    for (let j = 0; j < PASSAGE_K; j++) h = Math.imul(h ^ words[i + j], 0x5bd1e995) ^ (h >>> 13);
    out[i] = fmix32(h);
  }
  return out;
}

/** Winnowing: in each window of W shingles, the smallest hash (the rightmost on ties); each position once. */
function winnow(shingles: Uint32Array): { hash: number; pos: number }[] {
  const out: { hash: number; pos: number }[] = [];
  if (shingles.length === 0) return out;
  const w = Math.min(PASSAGE_W, shingles.length);
  let last = -1;
  for (let s = 0; s + w <= shingles.length; s++) {
    let best = s;
    for (let i = s + 1; i < s + w; i++) if (shingles[i] <= shingles[best]) best = i;
    if (best !== last) {
      out.push({ hash: shingles[best], pos: best });
      last = best;
    }
  }
  return out;
}

export interface Span {
  doc: number;
  /** Word indices, end exclusive. */
  from: number;
  to: number;
}

/** Aligns two word lists from a seed, forward and backward, stepping over small edits. */
function extend(a: Uint32Array, b: Uint32Array, ia: number, ib: number): { a0: number; a1: number; b0: number; b1: number } {
  const agree = (i: number, j: number, n: number, dir: 1 | -1) => {
    for (let t = 0; t < n; t++) {
      const x = i + dir * t;
      const y = j + dir * t;
      if (x < 0 || y < 0 || x >= a.length || y >= b.length || a[x] !== b[y]) return false;
    }
    return true;
  };
  const walk = (dir: 1 | -1) => {
    let i = ia;
    let j = ib;
    let goodI = ia;
    let goodJ = ib;
    let edits = 0;
    for (;;) {
      if (i >= 0 && j >= 0 && i < a.length && j < b.length && a[i] === b[j]) {
        i += dir;
        j += dir;
        goodI = i;
        goodJ = j;
        continue;
      }
      const step = EDIT_STEPS.find(([da, db]) => agree(i + dir * da, j + dir * db, RESYNC, dir));
      // Small edits only: about one in eight words at most.
      if (!step || edits + 1 > 2 + Math.abs(goodI - ia) / 8) break;
      edits++;
      i += dir * step[0];
      j += dir * step[1];
    }
    return { i: goodI, j: goodJ };
  };
  const forward = walk(1);
  const backward = walk(-1);
  return { a0: backward.i + 1, a1: forward.i, b0: backward.j + 1, b1: forward.j };
}

class UnionFind {
  private readonly parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

export interface PassageGroupRaw {
  /** Per document, its spans of the passage (non-overlapping, in order), documents in order. */
  spans: Span[];
  owners: number;
}

export interface PassageResult {
  groups: PassageGroupRaw[];
  tokens: Tokens[];
  fingerprints: number;
  pairsAligned: number;
}

/** Finds the passages of ≥ minWords words shared by two or more owners. */
export function findPassages(docs: PassageDoc[], minWords = DEFAULT_MIN_WORDS): PassageResult {
  const tokens = docs.map((d) => tokenize(d.text));
  // Fingerprint → the (doc, word position) pairs it occurs at.
  const index = new Map<number, number[]>();
  let fingerprints = 0;
  tokens.forEach((t, doc) => {
    if (t.hashes.length < minWords) return;
    for (const f of winnow(shingleHashes(t.hashes))) {
      fingerprints++;
      const list = index.get(f.hash);
      if (list) list.push(doc, f.pos);
      else index.set(f.hash, [doc, f.pos]);
    }
  });
  // Seeds per pair of documents of different owners; found spans per pair so later seeds inside them are skipped.
  const done = new Map<string, { a0: number; a1: number }[]>();
  const uf = new UnionFind();
  const spans: Span[] = [];
  let pairsAligned = 0;
  const align = (da: number, pa: number, db: number, pb: number) => {
    if (docs[da].owner === docs[db].owner) return;
    const key = `${da}:${db}`;
    const seen = done.get(key);
    if (seen?.some((r) => pa >= r.a0 && pa < r.a1)) return;
    pairsAligned++;
    const r = extend(tokens[da].hashes, tokens[db].hashes, pa, pb);
    const list = seen ?? [];
    list.push({ a0: r.a0, a1: Math.max(r.a1, pa + PASSAGE_K) });
    done.set(key, list);
    if (r.a1 - r.a0 < minWords || r.b1 - r.b0 < minWords) return;
    const x = uf.add();
    spans.push({ doc: da, from: r.a0, to: r.a1 });
    const y = uf.add();
    spans.push({ doc: db, from: r.b0, to: r.b1 });
    uf.union(x, y);
  };
  // Map iteration follows insertion order, which follows the documents' order: deterministic.
  for (const list of index.values()) {
    const n = list.length / 2;
    if (n < 2) continue;
    if (n <= ALL_PAIRS_UP_TO) {
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (list[2 * i] !== list[2 * j]) align(list[2 * i], list[2 * i + 1], list[2 * j], list[2 * j + 1]);
    } else {
      for (let j = 1; j < n; j++) if (list[0] !== list[2 * j]) align(list[0], list[1], list[2 * j], list[2 * j + 1]);
    }
  }
  // Spans in one document that overlap by half the shorter are the same passage there.
  const byDoc = new Map<number, number[]>();
  spans.forEach((s, i) => {
    const ids = byDoc.get(s.doc);
    if (ids) ids.push(i);
    else byDoc.set(s.doc, [i]);
  });
  for (const ids of byDoc.values()) {
    ids.sort((p, q) => spans[p].from - spans[q].from || spans[p].to - spans[q].to);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length && spans[ids[j]].from < spans[ids[i]].to; j++) {
        const a = spans[ids[i]];
        const b = spans[ids[j]];
        const overlap = Math.min(a.to, b.to) - Math.max(a.from, b.from);
        if (overlap * 2 >= Math.min(a.to - a.from, b.to - b.from)) uf.union(ids[i], ids[j]);
      }
    }
  }
  const components = new Map<number, number[]>();
  spans.forEach((_, i) => {
    const root = uf.find(i);
    const ids = components.get(root);
    if (ids) ids.push(i);
    else components.set(root, [i]);
  });
  const groups: PassageGroupRaw[] = [];
  for (const ids of components.values()) {
    // Per document, the union of its overlapping spans.
    const merged: Span[] = [];
    for (const s of ids.map((i) => spans[i]).sort((p, q) => p.doc - q.doc || p.from - q.from)) {
      const last = merged[merged.length - 1];
      if (last && last.doc === s.doc && s.from <= last.to) last.to = Math.max(last.to, s.to);
      else merged.push({ ...s });
    }
    const owners = new Set(merged.map((s) => docs[s.doc].owner)).size;
    if (owners >= 2) groups.push({ spans: merged, owners });
  }
  return { groups, tokens, fingerprints, pairsAligned };
}
