// The words search sees: Norwegian stems for inflected forms, æ/ø/å kept as
// letters of their own, offsets into the original text, and one key for the
// same word however it was encoded.
import { describe, expect, it } from 'vitest';
import { indexStems, indexWords, stem, wordKey, words } from '../../../../src-main/core/store/words';

const stemOf = (word: string) => stem(wordKey(word));

describe('Norwegian stemming', () => {
  it.each([
    ['tjenestested', 'tjenestestedet', 'tjenestesteder', 'tjenestestedene'],
    ['politi', 'politiet', 'politiets'],
    ['kommune', 'kommunen', 'kommunene', 'kommunens'],
    ['lensmannskontor', 'lensmannskontoret'],
    ['politistasjon', 'politistasjonen', 'politistasjoner'],
    ['tilstedeværelse', 'tilstedeværelsen'],
  ])('gives %s and its inflections one stem', (...forms) => {
    const stems = new Set(forms.map(stemOf));
    expect([...stems]).toHaveLength(1);
  });

  it('keeps words apart that differ only in æ, ø or å (no folding to a/o)', () => {
    for (const [withRing, without] of [
      ['bål', 'bal'],
      ['gå', 'ga'],
      ['år', 'ar'],
      ['bør', 'bor'],
      ['sær', 'sar'],
      ['båten', 'baten'],
    ]) {
      expect(stemOf(withRing), `${withRing} / ${without}`).not.toBe(stemOf(without));
      expect(wordKey(withRing)).not.toBe(wordKey(without));
    }
    expect(indexWords('Bål, BAL og Ærlig ØY')).toBe('bål bal og ærlig øy');
  });

  it('leaves numbers and short words as they are', () => {
    expect(stemOf('2022')).toBe('2022');
    expect(stemOf('å')).toBe('å');
    expect(stemOf('og')).toBe('og');
  });
});

describe('words', () => {
  it('splits on anything but letters and digits and keeps offsets into the original text', () => {
    const text = 'Politiet (Nord-Norge) har 12 patruljer – «særlig» om natten!';
    const ws = words(text);
    expect(ws.map((w) => w.key)).toEqual(['politiet', 'nord', 'norge', 'har', '12', 'patruljer', 'særlig', 'om', 'natten']);
    for (const w of ws) expect(text.slice(w.start, w.end).toLowerCase()).toBe(w.key);
  });

  it('gives decomposed å (a + combining ring) the same key as å, with offsets over the original characters', () => {
    const decomposed = 'For to a\u030Ar siden';
    const ws = words(decomposed);
    expect(ws.map((w) => w.key)).toEqual(['for', 'to', 'år', 'siden']);
    expect(decomposed.slice(ws[2].start, ws[2].end)).toBe('a\u030Ar');
    expect(indexStems(decomposed)).toBe(indexStems('For to år siden'));
  });

  it('treats column names, operators and FTS5 syntax in text as plain words', () => {
    expect(indexWords('stems:x NEAR(a b) "c" d* -e ^f')).toBe('stems x near a b c d e f');
  });

  it('handles text outside the Basic Multilingual Plane and empty text', () => {
    const text = 'Politi 👮 på 𝔰ted';
    expect(words(text).map((w) => text.slice(w.start, w.end))).toEqual(['Politi', 'på', '𝔰ted']);
    expect(words('')).toEqual([]);
    expect(indexWords(' – … ')).toBe('');
  });

  it('indexes the stems of the words in order', () => {
    expect(indexStems('Tjenestestedene og kommunene')).toBe(`${stemOf('tjenestested')} og ${stemOf('kommune')}`);
  });
});
