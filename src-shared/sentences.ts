// Where the sentence (or paragraph) around a span of an answer begins and
// ends, so a coding made from a search hit takes its sentence, and a quote in
// the memo or workbook is never a bare fragment: a coding shorter than its
// sentence is quoted with the sentence, the coded words marked.
// Sentence boundaries come from ICU's sentence segmenter (Intl.Segmenter, in
// Node and Chromium alike), with common Norwegian abbreviations («f.eks.»,
// «bl.a.») glued back, since ICU has no Norwegian exceptions and would end a
// sentence at their full stop.

export interface Span {
  start: number;
  end: number;
}

/** Abbreviations that end with a full stop but not a sentence (lower case, without the final stop). */
const ABBREVIATIONS = new Set([
  'f.eks', 'bl.a', 'ca', 'jf', 'jfr', 'nr', 'dvs', 'mv', 'm.v', 'o.l', 'pkt', 'kap', 'evt', 'ev', 'inkl', 'ekskl', 'mht', 'vedr', 'ift', 'i.f.t', 'iht', 'i.h.t',
  'pga', 'p.g.a', 'ref', 'tlf', 'kl', 'st', 'prof', 'dr', 'adm', 'avd', 'stk', 'sml', 'm.fl', 'm.m', 'utg', 'gnr', 'bnr', 'hhv', 't.o.m', 'f.o.m', 'o.a', 'mill', 'mrd', 'kr',
]);

const segmenter = new Intl.Segmenter('nb', { granularity: 'sentence' });

/** True when the segment ends with an abbreviation's full stop (and not a sentence's). */
function endsWithAbbreviation(segment: string): boolean {
  const m = /(?:^|[\s(«"])([\p{L}.]+)\.\s*$/u.exec(segment);
  if (!m) return false;
  return ABBREVIATIONS.has(m[1].toLocaleLowerCase('nb'));
}

/** The sentences of `text` as spans that together cover it (trailing space belongs to the sentence before). */
export function sentenceSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const s of segmenter.segment(text)) {
    const span = { start: s.index, end: s.index + s.segment.length };
    const last = out[out.length - 1];
    // «f.eks. kontordager»: the segmenter ends a sentence at "f.eks."; a lower-case
    // next word says the sentence goes on (a paragraph break never does).
    if (last && endsWithAbbreviation(text.slice(last.start, last.end)) && !/\n/.test(text.slice(last.start, last.end)) && /^\s*[\p{Ll}\d]/u.test(s.segment)) {
      last.end = span.end;
    } else {
      out.push(span);
    }
  }
  return out;
}

/** Trims white space off both ends of a span of `text`. */
function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * The whole sentence(s) that [start, end) lies in, without surrounding white
 * space: from the start of the sentence holding `start` to the end of the one
 * holding the last coded character. An empty or out-of-range span gives itself.
 */
export function sentenceAround(text: string, start: number, end: number): Span {
  if (start < 0 || end > text.length || start >= end) return { start, end };
  const spans = sentenceSpans(text);
  const first = spans.find((s) => s.start <= start && start < s.end) ?? { start, end };
  const last = spans.find((s) => s.start <= end - 1 && end - 1 < s.end) ?? { start, end };
  const out = trimmed(text, { start: Math.min(first.start, start), end: Math.max(last.end, end) });
  return { start: Math.min(out.start, start), end: Math.max(out.end, end) };
}

/** The paragraph (text between blank lines or line breaks) that [start, end) lies in, without surrounding white space. */
export function paragraphAround(text: string, start: number, end: number): Span {
  if (start < 0 || end > text.length || start >= end) return { start, end };
  const before = text.lastIndexOf('\n', start - 1);
  const after = text.indexOf('\n', end);
  const out = trimmed(text, { start: before + 1, end: after === -1 ? text.length : after });
  return { start: Math.min(out.start, start), end: Math.max(out.end, end) };
}

/** A quote in parts: the coded words, with the rest of their sentence before and after when the coding is shorter than it. */
export interface QuoteParts {
  before: string;
  coded: string;
  after: string;
}

/** The coded words [start, end) of `text` with the rest of their sentence around them. */
export function quoteWithSentence(text: string, start: number, end: number): QuoteParts {
  const s = sentenceAround(text, start, end);
  return { before: text.slice(s.start, start), coded: text.slice(start, end), after: text.slice(end, s.end) };
}

/** The rest of the sentence before and after [start, end) of `text` (both empty when the span is whole sentences). */
export function sentenceContext(text: string, start: number, end: number): { before: string; after: string } {
  const { before, after } = quoteWithSentence(text, start, end);
  return { before, after };
}

const MAX_QUOTE = 800;

/** A quote as printed: trimmed, cut at a word boundary with "[…]" when very long. */
export function quoteText(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= MAX_QUOTE) return clean;
  const cut = clean.slice(0, MAX_QUOTE);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_QUOTE * 0.6 ? cut.slice(0, space) : cut).trimEnd()} […]`;
}

/** Context kept on each side of the coded words when the sentence is very long. */
const MAX_CONTEXT = 300;

/**
 * A coded passage as the memo quotes it: the coded words with the rest of
 * their sentence before and after (empty when the coding is whole sentences),
 * white space collapsed, very long context cut at a word boundary with "[…]".
 */
export function quoteParts(parts: QuoteParts): QuoteParts {
  const collapse = (s: string) => s.replace(/\s+/g, ' ');
  let before = collapse(parts.before).trimStart();
  const coded = quoteText(parts.coded);
  let after = collapse(parts.after).trimEnd();
  if (before.length > MAX_CONTEXT) {
    const cut = before.slice(before.length - MAX_CONTEXT);
    const space = cut.indexOf(' ');
    before = `[…] ${(space >= 0 && space < MAX_CONTEXT * 0.4 ? cut.slice(space + 1) : cut).trimStart()}`;
  }
  if (after.length > MAX_CONTEXT) {
    const cut = after.slice(0, MAX_CONTEXT);
    const space = cut.lastIndexOf(' ');
    after = `${(space > MAX_CONTEXT * 0.6 ? cut.slice(0, space) : cut).trimEnd()} […]`;
  }
  // Space inside the coded words' edges moves out, so the marking starts and ends at a word.
  if (/^\s/.test(parts.coded) && before && !before.endsWith(' ')) before += ' ';
  if (/\s$/.test(parts.coded) && after && !after.startsWith(' ')) after = ` ${after}`;
  return { before, coded, after };
}
