// The sentence around a coded span: what a search hit codes by default and
// what the memo and workbook quote around a coding shorter than its sentence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraphAround, quoteWithSentence, sentenceAround, sentenceSpans } from '../../../src-shared/sentences';

const ALVDAL = 'Vi har lang vei til nærmeste tjenestested. Faste kontordager lokalt, f.eks. på rådhuset, ville hjelpe.\n\nNoe annet: jf. kap. 3 i høringen.';
const at = (text: string, word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });

describe('sentenceAround', () => {
  it('takes the sentence around a word, without the space after it', () => {
    const { start, end } = at(ALVDAL, 'tjenestested');
    const s = sentenceAround(ALVDAL, start, end);
    expect(ALVDAL.slice(s.start, s.end)).toBe('Vi har lang vei til nærmeste tjenestested.');
  });

  it('does not end a sentence at a Norwegian abbreviation', () => {
    const { start, end } = at(ALVDAL, 'rådhuset');
    expect(ALVDAL.slice(...Object.values(sentenceAround(ALVDAL, start, end)))).toBe('Faste kontordager lokalt, f.eks. på rådhuset, ville hjelpe.');
    const k = at(ALVDAL, 'høringen');
    expect(ALVDAL.slice(...Object.values(sentenceAround(ALVDAL, k.start, k.end)))).toBe('Noe annet: jf. kap. 3 i høringen.');
  });

  it('spans every sentence a coding touches, and never crosses a paragraph break for one word', () => {
    const from = ALVDAL.indexOf('tjenestested');
    const to = ALVDAL.indexOf('Faste') + 5;
    const s = sentenceAround(ALVDAL, from, to);
    expect(ALVDAL.slice(s.start, s.end)).toBe('Vi har lang vei til nærmeste tjenestested. Faste kontordager lokalt, f.eks. på rådhuset, ville hjelpe.');
    const p = paragraphAround(ALVDAL, from, from + 3);
    expect(ALVDAL.slice(p.start, p.end)).not.toContain('\n');
  });

  it('quotes the coded words with the rest of their sentence', () => {
    const { start, end } = at(ALVDAL, 'tjenestested');
    expect(quoteWithSentence(ALVDAL, start, end)).toEqual({ before: 'Vi har lang vei til nærmeste ', coded: 'tjenestested', after: '.' });
    const whole = at(ALVDAL, 'Vi har lang vei til nærmeste tjenestested.');
    expect(quoteWithSentence(ALVDAL, whole.start, whole.end)).toEqual({ before: '', coded: 'Vi har lang vei til nærmeste tjenestested.', after: '' });
  });

  it('always contains the span, and the sentences cover the text exactly (property)', () => {
    const text = fc.array(fc.constantFrom('a', 'B', ' ', '.', '!', '\n', 'f.eks. ', 'Øy', '3', '?', ' k'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const spans = sentenceSpans(t);
        expect(spans.map((s) => t.slice(s.start, s.end)).join('')).toBe(t);
        if (t.length === 0) return;
        const start = a % t.length;
        const end = start + 1 + (b % (t.length - start));
        const s = sentenceAround(t, start, end);
        expect(s.start).toBeLessThanOrEqual(start);
        expect(s.end).toBeGreaterThanOrEqual(end);
        const q = quoteWithSentence(t, start, end);
        expect(q.before + q.coded + q.after).toBe(t.slice(s.start, s.end));
      }),
    );
  });
});
