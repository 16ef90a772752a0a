// Norwegian sorting inside SQLite. better-sqlite3 cannot register a collation,
// so the store registers `nb_key(text)`: a sort key whose plain binary order
// is the order of norwegianCompare (Intl.Collator 'nb', base sensitivity,
// numeric): æ, ø, å after z, case and accents ignored, "aa" read as å,
// numbers by value. ORDER BY nb_key(...) then sorts in SQL, and a page of
// the response list can be cut there (responses/page.ts). `nb_lower(text)` is
// the Norwegian lower-casing (SQLite's lower() knows only ASCII) the list's
// name search uses.
import type Database from 'better-sqlite3';
import { norwegianCompare } from '../../../src-shared/norwegian';

/** The characters whose weight is read off the collator: Latin (Sámi letters included) and common punctuation. */
const RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x1e00, 0x1eff],
  [0x2010, 0x205e],
];

/** Weights are written as characters from here on; separators (below) and the nulls-last mark (above) stay outside. */
const WEIGHT_BASE = 0x100;
/** Separates the parts of a composite key: below every weight, so a shorter part sorts first. */
export const KEY_SEPARATOR = '\u0001';
/** Above every weight: a missing value sorts last when ascending. */
export const KEY_LAST = '\uffff';

interface Table {
  weight: Map<string, number>;
  /** A character the collator reads as two (þ as th, ß as ss). */
  expansion: Map<string, string>;
  /** Pairs the collator reads as å: "aa", "Aa", "AA", and the same with accents on the second ("aä"), but not "aA". */
  aa: Set<string>;
  /** The first characters of those pairs, so most characters skip the pair lookup. */
  aaFirst: Set<string>;
  digitWeight: number;
  /** For characters outside RANGES: after every known one, then by code point. */
  unknownWeight: number;
}

let table: Table | null = null;

/** Sorts the characters once with the collator and numbers the groups it holds equal. */
function buildTable(): Table {
  const chars: string[] = [];
  for (const [from, to] of RANGES) for (let c = from; c <= to; c++) chars.push(String.fromCharCode(c));
  const expansion = new Map<string, string>();
  const ranked: string[] = [];
  for (const ch of chars) {
    if (ch >= '1' && ch <= '9') continue; // digit runs are weighed as numbers (below); '0' stands for them all
    if (norwegianCompare(ch, '') === 0) continue; // ignorable (combining marks, format characters)
    const spelled = ch.normalize('NFKD').replace(/\p{M}/gu, '');
    const twin = { þ: 'th', Þ: 'th', ß: 'ss', ẞ: 'ss' }[ch] ?? (spelled.length > 1 ? spelled : null);
    if (twin && norwegianCompare(ch, twin) === 0) {
      expansion.set(ch, twin);
      continue;
    }
    ranked.push(ch);
  }
  ranked.sort(norwegianCompare);
  const weight = new Map<string, number>();
  let w = 0;
  ranked.forEach((ch, i) => {
    if (i > 0 && norwegianCompare(ranked[i - 1], ch) !== 0) w++;
    weight.set(ch, w);
  });
  const as = ranked.filter((ch) => /^[aA]/.test(ch.normalize('NFD')));
  const aa = new Set(as.flatMap((first) => as.map((second) => first + second)).filter((pair) => norwegianCompare(pair, 'å') === 0));
  return { weight, expansion, aa, aaFirst: new Set([...aa].map((pair) => pair[0])), digitWeight: weight.get('0')!, unknownWeight: w + 1 };
}

const weightChar = (w: number) => String.fromCharCode(WEIGHT_BASE + w);

function keyOf(text: string, t: Table): string {
  const s = text.normalize('NFC');
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let ch = s[i];
    if (ch >= '0' && ch <= '9') {
      // A run of digits by its value: its length without leading zeros, then its digits.
      let j = i;
      while (j < s.length && s[j] >= '0' && s[j] <= '9') j++;
      const digits = s.slice(i, j).replace(/^0+/, '');
      out += weightChar(t.digitWeight) + String.fromCharCode(WEIGHT_BASE + digits.length) + digits;
      i = j - 1;
      continue;
    }
    // "aa" is å in Norwegian ("Aasen" sorts as "Åsen").
    if (t.aaFirst.has(ch) && t.aa.has(s.slice(i, i + 2))) {
      ch = 'å';
      i++;
    }
    const twin = t.expansion.get(ch);
    if (twin) {
      for (const c of twin) out += weightChar(t.weight.get(c)!);
      continue;
    }
    const w = t.weight.get(ch);
    if (w !== undefined) out += weightChar(w);
    else if (norwegianCompare(ch, '') !== 0) {
      const code = s.codePointAt(i)!;
      out += weightChar(t.unknownWeight) + String.fromCodePoint(code);
      if (code > 0xffff) i++;
    }
  }
  return out;
}

/** The sort key of `text`: compare two keys as plain strings (or bytes of UTF-8) and you have norwegianCompare's order. */
export function norwegianSortKey(text: string): string {
  table ??= buildTable();
  return keyOf(text, table);
}

/** Keys of recent texts: a list sorts by the same names again and again (100,000 respondents' names take some 20 MB). */
const cache = new Map<string, string>();
const CACHE_SIZE = 250_000;

function cachedKey(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  let key = cache.get(text);
  if (key === undefined) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    key = norwegianSortKey(text);
    cache.set(text, key);
  }
  return key;
}

/** Registers nb_key and nb_lower; the store does it on every connection it opens or creates (store/open.ts). */
export function registerNorwegianFunctions(sqlite: Database.Database): void {
  sqlite.function('nb_key', { deterministic: true }, cachedKey);
  sqlite.function('nb_lower', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? text.toLocaleLowerCase('nb') : null));
}
