// What the coding assistant sees of a text: its terms (Norwegian-stemmed word
// unigrams and bigrams, and character n-grams of the unstemmed words), and the
// TF-IDF weighted, L2-normalised sparse vector they make over a vocabulary
// fitted on the project's answers. The words come from the search's tokenizer
// and stemmer (store/words.ts), so a word is the same word here as in Søk.
import { stem, words, type Word } from '../store/words';

/** Character n-gram sizes: 4-grams catch compounds ("tjeneste|sted", "ungdoms|kriminalitet") at a modest feature count. */
export const CHAR_SIZES: readonly number[] = [4];

/** A term's kind is its prefix: "w:" a stemmed word, "b:" two stemmed words in a row, "c:" a character n-gram. */
export type TermKind = 'word' | 'bigram' | 'char';

export function termKind(term: string): TermKind {
  return term.startsWith('w:') ? 'word' : term.startsWith('b:') ? 'bigram' : 'char';
}

/** The stems of a text's words with their offsets, in order. */
export function stemmedWords(text: string): (Word & { stem: string })[] {
  return words(text).map((w) => ({ ...w, stem: stem(w.key) }));
}

/** The terms of a text with their counts, in order of first occurrence (deterministic). */
export function termsOf(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const add = (term: string) => out.set(term, (out.get(term) ?? 0) + 1);
  const list = words(text);
  let previous: string | null = null;
  for (const w of list) {
    const s = stem(w.key);
    add('w:' + s);
    if (previous !== null) add('b:' + previous + ' ' + s);
    previous = s;
    // Character n-grams within the word, padded so beginnings and endings count apart.
    const padded = ' ' + w.key + ' ';
    for (const n of CHAR_SIZES) {
      for (let i = 0; i + n <= padded.length; i++) add('c:' + padded.slice(i, i + n));
    }
  }
  return out;
}

/** A sparse vector: indices ascending, with their values. */
export interface SparseVector {
  idx: Int32Array;
  val: Float64Array;
}

export function dot(v: SparseVector, weights: Float64Array): number {
  let s = 0;
  for (let k = 0; k < v.idx.length; k++) s += v.val[k] * weights[v.idx[k]];
  return s;
}

/**
 * A vocabulary with inverse document frequencies, fitted on a corpus of term
 * counts. Terms are indexed in order of first occurrence, so the same corpus
 * in the same order gives the same indices.
 */
export class Vectorizer {
  readonly index = new Map<string, number>();
  readonly terms: string[] = [];
  private idf = new Float64Array(0);
  private scratch = new Float64Array(0);

  static fit(docs: readonly Map<string, number>[]): Vectorizer {
    const v = new Vectorizer();
    const df: number[] = [];
    for (const doc of docs) {
      for (const term of doc.keys()) {
        let i = v.index.get(term);
        if (i === undefined) {
          i = v.terms.length;
          v.index.set(term, i);
          v.terms.push(term);
          df.push(0);
        }
        df[i]++;
      }
    }
    // Smoothed idf (as if one more document held every term): never zero, never infinite.
    const n = docs.length;
    v.idf = Float64Array.from(df, (d) => Math.log((1 + n) / (1 + d)) + 1);
    return v;
  }

  get size(): number {
    return this.terms.length;
  }

  idfOf(i: number): number {
    return this.idf[i];
  }

  /** Sublinear TF × IDF, L2-normalised; terms outside the vocabulary are left out. */
  vector(doc: Map<string, number>): SparseVector {
    // Values go to a dense scratch row by index, so only the indices need sorting (natively, as numbers).
    if (this.scratch.length < this.terms.length) this.scratch = new Float64Array(this.terms.length);
    const scratch = this.scratch;
    const found: number[] = [];
    let norm = 0;
    for (const [term, count] of doc) {
      const i = this.index.get(term);
      if (i === undefined) continue;
      const x = (1 + Math.log(count)) * this.idf[i];
      scratch[i] = x;
      norm += x * x;
      found.push(i);
    }
    const idx = Int32Array.from(found).sort();
    const val = new Float64Array(idx.length);
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < idx.length; k++) {
      val[k] = scratch[idx[k]] / norm;
      scratch[idx[k]] = 0;
    }
    return { idx, val };
  }
}
