// How answer text becomes searchable words. One tokenizer serves the index
// (the nb_words / nb_stems SQL functions the indexer calls), the query parser
// and the highlighter, so a word is the same word everywhere:
//
// - a word is a run of letters and digits (combining marks kept with their
//   letter), so "Nord-Norge" is two words and "stems:x" is two words;
// - its key is NFC-normalised and lower-cased, nothing else: æ, ø and å are
//   letters of their own and are never folded to a/o ("bål" is not "bal");
// - its stem is the key through the Norwegian (bokmål) Snowball stemmer, so
//   "tjenestestedet" and "tjenestesteder" both become "tjenestested".
//
// The FTS5 table is tokenized with `unicode61 remove_diacritics 0` and is fed
// these keys joined by spaces, so SQLite sees exactly the words this file sees.
import type Database from 'better-sqlite3';
import { newStemmer } from 'snowball-stemmers';

export interface Word {
  /** Offsets into the original text (UTF-16 code units, like String.slice). */
  start: number;
  end: number;
  /** NFC, lower case, letters and digits only. */
  key: string;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const MARK = /\p{M}/u;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

// Letters and digits among the first 256 code points (ASCII and Latin-1,
// which covers Norwegian), so the tokenizer only asks a regex about others.
const LATIN1_WORD = new Uint8Array(256);
for (let c = 0; c < 256; c++) LATIN1_WORD[c] = /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(c)) ? 1 : 0;

/** The key of one raw word, or '' if nothing searchable is left. */
export function wordKey(raw: string): string {
  const lower = raw.toLowerCase();
  // Fast path: most words have no combining marks to compose or drop.
  if (!MARK.test(lower)) return lower;
  return lower.normalize('NFC').replace(NOT_LETTER_OR_DIGIT, '');
}

/**
 * Calls `emit` for every word of a text with its offsets and key, in order.
 * A hand-written scanner: the index tokenizes every answer, so this is hot.
 */
function scan(text: string, emit: (start: number, end: number, key: string) => void): void {
  const n = text.length;
  let start = -1;
  let plain = true; // only ASCII/Latin-1 so far: the key is just lower case
  for (let i = 0; i <= n; i++) {
    let isWord = false;
    let width = 1;
    if (i < n) {
      const c = text.charCodeAt(i);
      if (c < 256) isWord = LATIN1_WORD[c] === 1;
      else {
        const cp = text.codePointAt(i)!;
        if (cp > 0xffff) width = 2;
        isWord = WORD_CHAR.test(String.fromCodePoint(cp));
        if (isWord) plain = false;
      }
    }
    if (isWord) {
      if (start < 0) start = i;
      i += width - 1;
    } else if (start >= 0) {
      const raw = text.slice(start, i);
      const key = plain ? raw.toLowerCase() : wordKey(raw);
      if (key) emit(start, i, key);
      start = -1;
      plain = true;
    }
  }
}

/** The words of a text with their offsets, in order. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  scan(text, (start, end, key) => out.push({ start, end, key }));
  return out;
}

/** Just the keys of a text's words, in order. */
export function wordKeys(text: string): string[] {
  const out: string[] = [];
  scan(text, (_start, _end, key) => out.push(key));
  return out;
}

const stemmer = newStemmer('norwegian');
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** The Norwegian Snowball stem of a key (cached: a corpus reuses few thousand words). */
export function stem(key: string): string {
  let s = stemCache.get(key);
  if (s === undefined) {
    // Numbers and single letters are left alone.
    s = key.length < 3 || /^\d+$/.test(key) ? key : stemmer.stem(key);
    if (!s) s = key;
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(key, s);
  }
  return s;
}

// The indexer calls nb_words(text) and then nb_stems(text) on the same text:
// remember the last text's keys so it is tokenized once.
let lastText: string | null = null;
let lastKeys: string[] = [];

function cachedKeys(text: string): string[] {
  if (text !== lastText) {
    lastKeys = wordKeys(text);
    lastText = text;
  }
  return lastKeys;
}

/** The indexed form of the unstemmed column: the keys, space-separated. */
export function indexWords(text: string): string {
  return cachedKeys(text).join(' ');
}

/** The indexed form of the stemmed column: the stems, space-separated. */
export function indexStems(text: string): string {
  return cachedKeys(text).map(stem).join(' ');
}

/**
 * Registers nb_words and nb_stems on a connection: the indexer (search/indexer.ts)
 * fills the index with them in SQL. The store registers them on every
 * connection it opens or creates, before migrations run.
 */
export function registerSearchFunctions(sqlite: Database.Database): void {
  const wrap = (fn: (text: string) => string) => (text: unknown) => (typeof text === 'string' ? fn(text) : '');
  sqlite.function('nb_words', { deterministic: true }, wrap(indexWords));
  sqlite.function('nb_stems', { deterministic: true }, wrap(indexStems));
}
