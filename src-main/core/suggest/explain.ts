// Why a code is suggested, and where: the words that carried the score (each
// feature's weight × value; a character n-gram's share is split between the
// words it occurs in, so "ungdomskriminalitet" gets credit for "krim"), and
// the sentence of the answer that scores highest on its own.
import { sentenceSpans } from '../../../src-shared/sentences';
import type { Suggestion, SuggestionWord } from '../../../src-shared/suggest';
import { CHAR_SIZES, stemmedWords, termsOf, type SparseVector, type Vectorizer } from './features';
import { probability, type LogisticModel } from './logistic';
import { unitText, type AnswerUnit, type CodeDef } from './model';

/** How many words a suggestion names. */
export const TOP_WORDS = 5;

/** A text read once for every code: its terms, vector and words. */
export interface ReadText {
  text: string;
  terms: Map<string, number>;
  x: SparseVector;
}

export function readText(vectorizer: Vectorizer, text: string): ReadText {
  const terms = termsOf(text);
  return { text, terms, x: vectorizer.vector(terms) };
}

/** The feature value of each term of a read text (by vocabulary index). */
function valueAt(read: ReadText): Map<number, number> {
  const out = new Map<number, number>();
  for (let k = 0; k < read.x.idx.length; k++) out.set(read.x.idx[k], read.x.val[k]);
  return out;
}

/** The words (and word pairs) of the text with the largest positive contributions to the model's score. */
export function topWords(vectorizer: Vectorizer, model: LogisticModel, read: ReadText, limit = TOP_WORDS): SuggestionWord[] {
  const values = valueAt(read);
  const contribution = (term: string): number => {
    const i = vectorizer.index.get(term);
    return i === undefined ? 0 : (values.get(i) ?? 0) * model.weights[i];
  };
  const list = stemmedWords(read.text);
  // One entry per stem (shown as its first written form), and per pair of stems.
  const byKey = new Map<string, { text: string; contribution: number }>();
  const charShare = new Map<string, number>();
  for (let n = 0; n < list.length; n++) {
    const w = list[n];
    const wordKey = 'w:' + w.stem;
    let entry = byKey.get(wordKey);
    if (!entry) byKey.set(wordKey, (entry = { text: read.text.slice(w.start, w.end), contribution: contribution(wordKey) }));
    // This occurrence's share of each character n-gram in it.
    const padded = ' ' + w.key + ' ';
    for (const size of CHAR_SIZES) {
      for (let i = 0; i + size <= padded.length; i++) {
        const term = 'c:' + padded.slice(i, i + size);
        let c = charShare.get(term);
        if (c === undefined) charShare.set(term, (c = contribution(term) / (read.terms.get(term) ?? 1)));
        entry.contribution += c;
      }
    }
    if (n > 0) {
      const pairKey = 'b:' + list[n - 1].stem + ' ' + w.stem;
      if (!byKey.has(pairKey)) byKey.set(pairKey, { text: read.text.slice(list[n - 1].start, w.end), contribution: contribution(pairKey) });
    }
  }
  return [...byKey.values()]
    .filter((e) => e.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
    .slice(0, limit)
    .map((e) => ({ text: e.text, contribution: e.contribution }));
}

/** The sentences of every part of an answer, read once, with where they are. */
export interface ReadSentence extends ReadText {
  answerId: string;
  start: number;
  end: number;
}

export function readSentences(vectorizer: Vectorizer, unit: AnswerUnit): ReadSentence[] {
  const out: ReadSentence[] = [];
  for (const part of unit.parts) {
    for (const span of sentenceSpans(part.text)) {
      let { start, end } = span;
      while (start < end && /\s/.test(part.text[start])) start++;
      while (end > start && /\s/.test(part.text[end - 1])) end--;
      if (end > start) out.push({ answerId: part.answerId, start, end, ...readText(vectorizer, part.text.slice(start, end)) });
    }
  }
  return out;
}

/** A suggestion of `code` for an answer already read: its probability, words and best sentence (the first of equals). */
export function explain(
  vectorizer: Vectorizer,
  model: LogisticModel,
  code: { id: string; name: string },
  read: ReadText,
  sentences: readonly ReadSentence[],
): Suggestion {
  let best: ReadSentence | null = null;
  let bestScore = -Infinity;
  for (const s of sentences) {
    const p = probability(model, s.x);
    if (p > bestScore) {
      best = s;
      bestScore = p;
    }
  }
  return {
    codeId: code.id,
    codeName: code.name,
    probability: probability(model, read.x),
    words: topWords(vectorizer, model, read),
    span: best ? { answerId: best.answerId, start: best.start, end: best.end, text: best.text } : { answerId: '', start: 0, end: 0, text: '' },
  };
}

/** The suggestions for one answer from the given (ready, in-scope) codes' models: those at or above the threshold, the likeliest first. */
export function suggestionsFor(vectorizer: Vectorizer, candidates: readonly { code: CodeDef; model: LogisticModel }[], unit: AnswerUnit, threshold: number): Suggestion[] {
  const text = unitText(unit);
  if (candidates.length === 0 || text.trim() === '') return [];
  const read = readText(vectorizer, text);
  const sentences = readSentences(vectorizer, unit);
  const out: Suggestion[] = [];
  for (const c of candidates) {
    const s = explain(vectorizer, c.model, c.code, read, sentences);
    if (s.probability >= threshold) out.push(s);
  }
  return out.sort((a, b) => b.probability - a.probability || (a.codeId < b.codeId ? -1 : 1));
}
