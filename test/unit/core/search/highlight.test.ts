// Hits in the original answer text (offsets a caseworker can code directly)
// and the keyword-in-context snippet around the first one.
import { describe, expect, it } from 'vitest';
import { hitRanges, snippetOf } from '../../../../src-main/core/search/highlight';
import { compileQuery } from '../../../../src-main/core/search/query';

const hits = (text: string, query: string) => hitRanges(text, compileQuery(query).positive).map((r) => text.slice(r.start, r.end));

describe('hit ranges', () => {
  it('marks every inflected form of a word, as written', () => {
    const text = 'Tjenestestedet er stengt. Vi vil ha flere tjenestesteder, ikke færre TJENESTESTED.';
    expect(hits(text, 'tjenestested')).toEqual(['Tjenestestedet', 'tjenestesteder', 'TJENESTESTED']);
  });

  it('never marks a/o words for æ/ø/å words', () => {
    const text = 'Et bal i fjor; rapporten ga svar. Tomten er 40 ar. Rundt bålet skal vi gå i år.';
    expect(hits(text, 'bål')).toEqual(['bålet']);
    expect(hits(text, 'gå')).toEqual(['gå']);
    expect(hits(text, 'år')).toEqual(['år']);
    expect(hits(text, 'bal')).toEqual(['bal']);
  });

  it('marks a phrase as one range from its first to its last word, across punctuation', () => {
    const text = 'Vi ønsker fysisk tilstedeværelse. Fysisk, tilstedeværelsen av politi er viktig; fysisk nærvær også.';
    expect(hits(text, '"fysisk tilstedeværelse"')).toEqual(['fysisk tilstedeværelse', 'Fysisk, tilstedeværelsen']);
  });

  it('marks prefixes and exact forms on the words as written', () => {
    const text = 'Politiet og politistasjonen; politi. Kommunen og kommunene.';
    expect(hits(text, 'politi*')).toEqual(['Politiet', 'politistasjonen', 'politi']);
    expect(hits(text, '=kommunen')).toEqual(['Kommunen']);
    expect(hits(text, 'kommune')).toEqual(['Kommunen', 'kommunene']);
  });

  it('marks every positive part of a boolean query and nothing under NOT', () => {
    const text = 'Flom og skred, men ikke lensmann.';
    expect(hits(text, '(flom OR skred) NOT lensmann')).toEqual(['Flom', 'skred']);
    expect(hits(text, 'flom -skred')).toEqual(['Flom']);
  });

  it('merges overlapping hits and gives offsets that slice the original text', () => {
    const text = 'Politistasjonen ligger i sentrum.';
    expect(hitRanges(text, compileQuery('politi* politistasjon').positive)).toEqual([{ start: 0, end: 15 }]);
  });

  it('keeps offsets right when the text has decomposed letters and emoji', () => {
    const text = '👮 For to a\u030Ar siden ble bålet tent.';
    expect(hits(text, 'år')).toEqual(['a\u030Ar']);
    expect(hits(text, 'bål')).toEqual(['bålet']);
  });
});

describe('snippets', () => {
  const long = `${'Innledende tekst om mye annet. '.repeat(10)}Her står det om tjenestestedet i sentrum. ${'Avsluttende tekst om andre ting. '.repeat(10)}`;

  it('shows the first hit in context, cut at word boundaries, with highlights relative to the snippet', () => {
    const ranges = hitRanges(long, compileQuery('tjenestested').positive);
    const s = snippetOf(long, ranges);
    expect(s.text).toContain('Her står det om tjenestestedet i sentrum.');
    expect(s.text).toBe(long.slice(s.start, s.end));
    expect(s.start).toBeGreaterThan(0);
    expect(s.end).toBeLessThan(long.length);
    // Whole words at both ends.
    expect(long[s.start - 1]).toMatch(/\s/);
    expect(long[s.end]).toMatch(/\s/);
    expect(s.text.length).toBeLessThanOrEqual(240);
    expect(s.highlights).toHaveLength(1);
    expect(s.text.slice(s.highlights[0].start, s.highlights[0].end)).toBe('tjenestestedet');
    expect(s.highlights[0].start + s.start).toBe(ranges[0].start);
  });

  it('shows a short answer whole, and the start of the text when nothing is highlighted', () => {
    const text = 'Ja, et nytt tjenestested.';
    const s = snippetOf(text, hitRanges(text, compileQuery('tjenestested').positive));
    expect(s).toMatchObject({ text, start: 0, end: text.length, highlights: [{ start: 12, end: 24 }] });
    expect(snippetOf(long, []).start).toBe(0);
  });

  it('turns line breaks into spaces one for one, so offsets still hold', () => {
    const text = 'Første linje.\r\nAndre linje om\tpolitiet.';
    const s = snippetOf(text, hitRanges(text, compileQuery('politi').positive));
    expect(s.text).toBe('Første linje.  Andre linje om politiet.');
    expect(s.text.length).toBe(text.length);
    expect(s.text.slice(s.highlights[0].start, s.highlights[0].end)).toBe('politiet');
  });

  it('includes all of a hit that is longer than the window', () => {
    const word = 'tjenestested'.repeat(30);
    const s = snippetOf(`x ${word} y`, [{ start: 2, end: 2 + word.length }]);
    expect(s.text).toContain(word);
  });
});
