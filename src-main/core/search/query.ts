// The search query language (see src-shared/search.ts for the user's view):
// parsed here into a tree, then compiled into an FTS5 MATCH expression built
// only from quoted words this module produced, so nothing the user types
// reaches FTS5's own syntax (a stray quote, "-", "*", "NEAR(" or "stems:" is
// ordinary text or a clear INVALID_INPUT, never an SQL error).
import { ApiError } from '../../../src-shared/errors';
import { stem, words } from '../store/words';

/** A searchable unit: one word, a phrase, or a prefix. */
export interface Leaf {
  type: 'leaf';
  /** What the user wrote, for messages. */
  source: string;
  /** Word keys (lower case, unstemmed). */
  keys: string[];
  /** Keys through the stemmer (used unless exact or prefix). */
  stems: string[];
  /** Match the unstemmed words exactly ("=word"). */
  exact: boolean;
  /** The last word is a prefix ("politi*"). Implies unstemmed. */
  prefix: boolean;
}

export type QueryNode = Leaf | { type: 'and'; items: QueryNode[] } | { type: 'or'; items: QueryNode[] } | { type: 'not'; item: QueryNode };

type Token =
  | { kind: 'word'; text: string; exact: boolean; prefix: boolean; quoted: boolean }
  | { kind: 'and' | 'or' | 'not' | 'lparen' | 'rparen'; text: string };

const OPERATORS: Record<string, 'and' | 'or' | 'not'> = {
  AND: 'and',
  OG: 'and',
  OR: 'or',
  ELLER: 'or',
  NOT: 'not',
  IKKE: 'not',
};

export const queryLimits = { maxLeaves: 64, maxDepth: 16 };

function invalid(message: string): ApiError {
  return new ApiError('INVALID_INPUT', message);
}

/** Splits the query into words, quoted phrases, operators and parentheses. */
export function lex(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = query.length;
  const isSpace = (c: string) => /\s/u.test(c);
  while (i < n) {
    const c = query[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')') {
      tokens.push({ kind: c === '(' ? 'lparen' : 'rparen', text: c });
      i++;
      continue;
    }
    // A leading "-" negates what follows it ("-lensmann"); on its own it is nothing.
    if (c === '-') {
      const next = query[i + 1];
      if (next !== undefined && !isSpace(next) && next !== ')' && next !== '-') tokens.push({ kind: 'not', text: '-' });
      i++;
      continue;
    }
    let exact = false;
    if (c === '=' && i + 1 < n && !isSpace(query[i + 1])) {
      exact = true;
      i++;
    }
    if (query[i] === '"') {
      // A phrase runs to the next quote; an unclosed one to the end.
      const close = query.indexOf('"', i + 1);
      const end = close < 0 ? n : close;
      const text = query.slice(i + 1, end);
      i = close < 0 ? n : close + 1;
      let prefix = false;
      while (query[i] === '*') {
        prefix = true;
        i++;
      }
      tokens.push({ kind: 'word', text, exact, prefix, quoted: true });
      continue;
    }
    let j = i;
    while (j < n && !isSpace(query[j]) && query[j] !== '(' && query[j] !== ')' && query[j] !== '"') j++;
    let text = query.slice(i, j);
    i = j;
    const operator = !exact ? OPERATORS[text] : undefined;
    if (operator) {
      tokens.push({ kind: operator, text });
      continue;
    }
    let prefix = false;
    while (text.endsWith('*')) {
      prefix = true;
      text = text.slice(0, -1);
    }
    tokens.push({ kind: 'word', text, exact, prefix, quoted: false });
  }
  return tokens;
}

function leafOf(token: Extract<Token, { kind: 'word' }>): Leaf | null {
  const keys = words(token.text).map((w) => w.key);
  if (keys.length === 0) return null;
  const source = `${token.exact ? '=' : ''}${token.quoted ? `"${token.text}"` : token.text}${token.prefix ? '*' : ''}`;
  return { type: 'leaf', source, keys, stems: keys.map(stem), exact: token.exact, prefix: token.prefix };
}

type Symbol = { type: 'op'; kind: 'and' | 'or' | 'not' | 'lparen' | 'rparen'; text: string };
type Item = Leaf | Symbol;

const isOp = (t: Item | undefined, kind: Symbol['kind']): t is Symbol => t?.type === 'op' && t.kind === kind;

/** Parses a query into a tree, or throws INVALID_INPUT saying what is wrong. */
export function parseQuery(query: string): QueryNode {
  // Words with nothing searchable in them ("*", "…", a lone quote) are dropped.
  const items = lex(query).flatMap((t): Item[] => {
    if (t.kind !== 'word') return [{ type: 'op', kind: t.kind, text: t.text }];
    const leaf = leafOf(t);
    return leaf ? [leaf] : [];
  });
  if (items.length === 0) throw invalid('Type at least one word to search for.');
  let pos = 0;
  let leaves = 0;
  const peek = (): Item | undefined => items[pos];
  const describe = (t: Item) => (t.type === 'leaf' ? `"${t.source}"` : `"${t.text}"`);
  const startsOperand = (t: Item | undefined) => !!t && (t.type === 'leaf' || t.kind === 'lparen' || t.kind === 'not');

  function or(depth: number): QueryNode {
    const list = [and(depth)];
    for (let t = peek(); isOp(t, 'or'); t = peek()) {
      pos++;
      if (!startsOperand(peek())) throw invalid(`"${t.text}" must stand between two search words.`);
      list.push(and(depth));
    }
    return list.length === 1 ? list[0] : { type: 'or', items: list };
  }

  function and(depth: number): QueryNode {
    const first = peek();
    if (!first) throw invalid('The search ends where a word is expected.');
    if (!startsOperand(first)) {
      if (isOp(first, 'rparen')) throw invalid(pos === 0 ? 'A ")" has no matching "(".' : 'Empty parentheses "()" in the search.');
      throw invalid(`${describe(first)} must stand between two search words.`);
    }
    const list = [unary(depth)];
    for (;;) {
      const t = peek();
      if (isOp(t, 'and')) {
        pos++;
        if (!startsOperand(peek())) throw invalid(`"${t.text}" must stand between two search words.`);
        list.push(unary(depth));
      } else if (startsOperand(t)) {
        list.push(unary(depth)); // words side by side: AND
      } else {
        break;
      }
    }
    return list.length === 1 ? list[0] : { type: 'and', items: list };
  }

  function unary(depth: number): QueryNode {
    const t = items[pos++];
    if (t.type === 'leaf') {
      if (++leaves > queryLimits.maxLeaves) throw invalid(`The search has too many words (at most ${queryLimits.maxLeaves}).`);
      return t;
    }
    if (t.kind === 'not') {
      if (!startsOperand(peek())) throw invalid(`"${t.text}" must be followed by a word to leave out.`);
      return { type: 'not', item: unary(depth) };
    }
    // "(": a group
    if (depth >= queryLimits.maxDepth) throw invalid(`The search nests parentheses too deeply (at most ${queryLimits.maxDepth}).`);
    if (!peek()) throw invalid('A "(" is not closed with ")".');
    const inner = or(depth + 1);
    if (!isOp(peek(), 'rparen')) throw invalid('A "(" is not closed with ")".');
    pos++;
    return inner;
  }

  const tree = or(0);
  const rest = peek();
  if (rest) {
    if (isOp(rest, 'rparen')) throw invalid('A ")" has no matching "(".');
    throw invalid(`Unexpected ${describe(rest)} in the search.`);
  }
  return tree;
}

function quote(words: string[]): string {
  return `"${words.join(' ').replace(/"/g, '""')}"`;
}

/** One leaf as FTS5: stems for words and phrases, unstemmed words for exact and prefix. */
function compileLeaf(leaf: Leaf): string {
  if (leaf.prefix) return `words : ${quote(leaf.keys)} *`;
  if (leaf.exact) return `words : ${quote(leaf.keys)}`;
  return `stems : ${quote(leaf.stems)}`;
}

const NOT_ALONE = 'NOT/IKKE/- only leaves words out: combine it with a word to search for (e.g. "politi NOT lensmann").';

/** Removes double negation; NOT of a NOT is the thing itself. */
function simplify(node: QueryNode): QueryNode {
  if (node.type === 'not') {
    const inner = simplify(node.item);
    return inner.type === 'not' ? inner.item : { type: 'not', item: inner };
  }
  if (node.type === 'and' || node.type === 'or') return { type: node.type, items: node.items.map(simplify) };
  return node;
}

function compileNode(node: QueryNode): string {
  switch (node.type) {
    case 'leaf':
      return compileLeaf(node);
    case 'not':
      throw invalid(NOT_ALONE);
    case 'or':
      return node.items.map((i) => `(${compileNode(i)})`).join(' OR ');
    case 'and': {
      const positive = node.items.filter((i) => i.type !== 'not');
      const negative = node.items.flatMap((i) => (i.type === 'not' ? [i.item] : []));
      if (positive.length === 0) throw invalid(NOT_ALONE);
      const base = positive.map((i) => `(${compileNode(i)})`).join(' AND ');
      if (negative.length === 0) return base;
      return `(${base}) NOT (${negative.map((i) => `(${compileNode(i)})`).join(' OR ')})`;
    }
  }
}

export interface CompiledQuery {
  tree: QueryNode;
  /** The FTS5 MATCH expression (bound as a parameter, never spliced into SQL). */
  match: string;
  /** The leaves that make hits (not those under NOT), for highlighting. */
  positive: Leaf[];
}

function positiveLeaves(node: QueryNode, negated = false, out: Leaf[] = []): Leaf[] {
  if (node.type === 'leaf') {
    if (!negated) out.push(node);
  } else if (node.type === 'not') {
    positiveLeaves(node.item, !negated, out);
  } else {
    for (const item of node.items) positiveLeaves(item, negated, out);
  }
  return out;
}

export function compileQuery(query: string): CompiledQuery {
  const tree = simplify(parseQuery(query));
  return { tree, match: compileNode(tree), positive: positiveLeaves(tree) };
}
