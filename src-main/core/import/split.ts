// Splits a letter into answers to the case's questions. Headings it trusts:
// "Spørsmål 1", "Svar på spørsmål 1", "Q1", and the question's own text
// repeated as a heading (with or without its number). Bare numbers ("1.",
// "1)") are trusted only when each question number appears exactly once, in
// order — a numbered list inside an answer makes them untrustworthy. When the
// split is uncertain, the whole text stays one unassigned part and the
// response is flagged "needs splitting": never a silent guess.
import { CLOSING } from '../../../src-shared/letter-blocks';
import { foldKey } from '../input/text';

export interface SplitQuestion {
  ordinal: number;
  text: string;
}

export interface LetterPart {
  /** Question ordinal, or null for text not assigned to a question. */
  question: number | null;
  text: string;
}

export interface SplitResult {
  parts: LetterPart[];
  needsSplitting: boolean;
  method: 'labelled' | 'question-text' | 'numbered' | 'none';
}

interface Marker {
  question: number;
  /** Offset where the heading line starts. */
  start: number;
  /** Offset where the answer text starts (after the heading line or label). */
  bodyStart: number;
  strength: 'labelled' | 'question-text' | 'numbered';
}

const LABELLED = /^[ \t]*(?:\*\*)?(?:svar\s+på\s+|svar\s+til\s+|ad\s+)?(?:spørsmål|sporsmal|spm\.?|question|q)[ \t]*(\d{1,2})[ \t]*(?:[:.)–—-][ \t]*)?/i;
const NUMBERED = /^[ \t]*(\d{1,2})[ \t]*[.)](?:[ \t]+|$)/;

function words(text: string): string[] {
  return foldKey(text)
    .split(' ')
    .filter((w) => w.length > 3);
}

/** Share of the question's significant words found in the line (0–1). */
function questionTextScore(line: string, question: string): number {
  const q = new Set(words(question));
  if (q.size === 0) return 0;
  const l = new Set(words(line));
  let hit = 0;
  for (const w of q) if (l.has(w)) hit++;
  return hit / q.size;
}

/**
 * How much of `line` is the question's own text: the offset where an answer
 * written on the same line begins, `line.length` when the line is only the
 * question (possibly cut short), or 0 when the line says something else — so
 * a heading line never swallows answer text.
 */
function questionTextEnd(line: string, question: string): number {
  let i = 0;
  let j = 0;
  const space = /\s/;
  for (;;) {
    while (i < line.length && space.test(line[i])) i++;
    while (j < question.length && space.test(question[j])) j++;
    if (j >= question.length || i >= line.length) break;
    if (line[i].toLocaleLowerCase('nb') !== question[j].toLocaleLowerCase('nb')) break;
    i++;
    j++;
  }
  // The full question, then the answer.
  if (j >= question.length) return i;
  // The question's first sentence(s), then the answer.
  const k = line.slice(0, i).trimEnd().length;
  if (k > 0 && line[k - 1] === '?') return i;
  // A shortened question: whatever is left carries no words.
  return /[\p{L}\p{N}]/u.test(line.slice(i)) ? 0 : line.length;
}

const RANK: Record<Marker['strength'], number> = { numbered: 0, 'question-text': 1, labelled: 2 };

function findMarkers(text: string, questions: SplitQuestion[]): Marker[] {
  const ordinals = new Set(questions.map((q) => q.ordinal));
  const markers: Marker[] = [];
  /**
   * "Spørsmål 2:" (or "2.") with the question's text on the next line is one
   * heading: the question's text right below a marker for the same question
   * (nothing but blank lines between) extends it instead of repeating it.
   */
  const add = (m: Marker) => {
    const last = markers[markers.length - 1];
    if (m.strength === 'question-text' && last?.question === m.question && last.bodyStart <= m.start && text.slice(last.bodyStart, m.start).trim() === '') {
      last.bodyStart = m.bodyStart;
      if (RANK[m.strength] > RANK[last.strength]) last.strength = m.strength;
      return;
    }
    markers.push(m);
  };
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineEnd = offset + line.length;
    const nextLine = Math.min(text.length, lineEnd + 1);
    const labelled = LABELLED.exec(line);
    const numbered = NUMBERED.exec(line);
    if (labelled && ordinals.has(Number(labelled[1]))) {
      const rest = line.slice(labelled[0].length);
      // "Spørsmål 2: Er kommunen tilfreds …?" — the heading repeats the question.
      const q = questions.find((x) => x.ordinal === Number(labelled[1]))!;
      const end = rest.trim() === '' ? rest.length : questionTextScore(rest, q.text) >= 0.5 ? questionTextEnd(rest, q.text) : 0;
      add({
        question: q.ordinal,
        start: offset,
        bodyStart: end >= rest.length ? nextLine : offset + labelled[0].length + end,
        strength: 'labelled',
      });
    } else {
      // The question's own text as a heading (optionally numbered). A line
      // that merely reuses the question's words ("Kommunen er ikke tilfreds
      // med politiets bemanningsutvikling …") is answer text, not a heading.
      const best = questions
        .map((q) => ({ q, score: questionTextScore(line, q.text) }))
        .sort((a, b) => b.score - a.score)[0];
      const prefix = best && numbered && Number(numbered[1]) === best.q.ordinal ? numbered[0].length : 0;
      const end = best && best.score >= 0.6 && line.length <= best.q.text.length * 1.5 + 20 ? questionTextEnd(line.slice(prefix), best.q.text) : 0;
      if (end > 0) {
        // Text after the question on the same line is the start of the answer.
        const bodyStart = end >= line.length - prefix ? nextLine : offset + prefix + end;
        add({ question: best.q.ordinal, start: offset, bodyStart, strength: 'question-text' });
      } else if (numbered && ordinals.has(Number(numbered[1]))) {
        add({ question: Number(numbered[1]), start: offset, bodyStart: offset + numbered[0].length, strength: 'numbered' });
      }
    }
    offset = nextLine;
  }
  return markers;
}

/** Markers usable as a split: each question at most once, strictly in order. */
function consistent(markers: Marker[]): boolean {
  for (let i = 1; i < markers.length; i++) if (markers[i].question <= markers[i - 1].question) return false;
  return markers.length > 0;
}

// The letter's closing ("Med vennlig hilsen", signature) is not part of the last answer: CLOSING (letter-blocks.ts).

function cut(text: string, markers: Marker[]): LetterPart[] {
  const parts: LetterPart[] = [];
  const preamble = text.slice(0, markers[0].start);
  if (preamble.trim()) parts.push({ question: null, text: preamble.replace(/\n+$/, '') });
  markers.forEach((m, i) => {
    const last = i + 1 === markers.length;
    let end = last ? text.length : markers[i + 1].start;
    let closing = '';
    if (last) {
      const found = CLOSING.exec(text.slice(m.bodyStart, end));
      if (found) {
        closing = text.slice(m.bodyStart + found.index, end);
        end = m.bodyStart + found.index;
      }
    }
    const body = text.slice(m.bodyStart, end).replace(/^\n+/, '').replace(/\n+$/, '');
    parts.push({ question: m.question, text: body });
    if (closing.trim()) parts.push({ question: null, text: closing.replace(/^\n+/, '').replace(/\n+$/, '') });
  });
  return parts;
}

export function splitLetter(text: string, questions: SplitQuestion[]): SplitResult {
  const unsplit: SplitResult = { parts: [{ question: null, text }], needsSplitting: true, method: 'none' };
  if (questions.length === 0 || text.trim() === '') return { ...unsplit, needsSplitting: false };
  const all = findMarkers(text, questions);
  const strong = all.filter((m) => m.strength !== 'numbered');
  if (strong.length > 0) {
    // Strong headings decide; numbered lines are then just list items.
    if (!consistent(strong)) return unsplit;
    const method = strong.every((m) => m.strength === 'labelled') ? 'labelled' : 'question-text';
    return { parts: cut(text, strong), needsSplitting: false, method };
  }
  const numbered = all.filter((m) => m.strength === 'numbered');
  // Trust bare numbers only for at least two questions, each exactly once, in order.
  if (numbered.length >= 2 && consistent(numbered)) {
    return { parts: cut(text, numbered), needsSplitting: false, method: 'numbered' };
  }
  return unsplit;
}
