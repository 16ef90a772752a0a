// The distinct texts of a shared-text group and how each near-copy differs
// from the group's most common text, word by word. Members are told apart
// by their whole text (whitespace normalised), never by an excerpt: two
// answers that differ only after the excerpt are different texts.
import { diffWords } from 'diff';
import type { SharedTextChange, SharedTextVariant } from '../../../src-shared/analysis';

/** Words of unchanged text kept on each side of a change; longer unchanged runs are shortened to «…». */
export const CONTEXT_WORDS = 8;
const EXCERPT = 240;

export const normaliseText = (text: string) => text.trim().replace(/\s+/g, ' ');

export function excerptOf(text: string): string {
  const t = normaliseText(text);
  return t.length <= EXCERPT ? t : `${t.slice(0, EXCERPT - 1).trimEnd()}…`;
}

/** Every change between `base` and `text`, word by word (whitespace is not a change), with all unchanged text (not shortened). */
export function wordChanges(base: string, text: string): SharedTextChange[] {
  return diffWords(base, text).map((part) => ({ kind: part.added ? 'added' : part.removed ? 'removed' : 'same', text: part.value }));
}

/** Unchanged runs longer than twice the context shortened to their ends around «…» (the first and last runs to the side that touches a change). */
export function shortenSame(changes: SharedTextChange[], context = CONTEXT_WORDS): SharedTextChange[] {
  return changes.map((c, i) => {
    if (c.kind !== 'same') return c;
    const words = c.text.split(/(\s+)/);
    // Words and the whitespace between them alternate; a word is every other item.
    const count = Math.ceil(words.length / 2);
    const keepStart = i === 0 ? 0 : context;
    const keepEnd = i === changes.length - 1 ? 0 : context;
    if (count <= keepStart + keepEnd + 1) return c;
    const head = words.slice(0, keepStart * 2).join('');
    const tail = keepEnd === 0 ? '' : words.slice(words.length - keepEnd * 2).join('');
    return { kind: 'same', text: `${head}${head ? ' ' : ''}…${tail ? ' ' : ''}${tail}` };
  });
}

/**
 * The group's texts, most senders first (then in the members' order): the
 * first is the base; each other one carries its changes from the base.
 */
export function textVariants(members: readonly { answerId: string; text: string }[]): SharedTextVariant[] {
  const byText = new Map<string, string[]>();
  for (const m of members) {
    const key = normaliseText(m.text);
    byText.set(key, [...(byText.get(key) ?? []), m.answerId]);
  }
  const ordered = [...byText.entries()].sort((a, b) => b[1].length - a[1].length);
  const base = ordered[0]?.[0] ?? '';
  return ordered.map(([text, answerIds], i) => {
    if (i === 0) return { excerpt: excerptOf(text), answerIds, changes: null, wordsAdded: 0, wordsRemoved: 0 };
    const changes = wordChanges(base, text);
    const words = (kind: SharedTextChange['kind']) =>
      changes.filter((c) => c.kind === kind).reduce((n, c) => n + c.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length, 0);
    return { excerpt: excerptOf(text), answerIds, changes: shortenSame(changes), wordsAdded: words('added'), wordsRemoved: words('removed') };
  });
}
