// The assistant's features: stemmed word unigrams and bigrams from the
// search's tokenizer, character n-grams, and TF-IDF vectors of unit length.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dot, termKind, termsOf, Vectorizer } from '../../../../src-main/core/suggest/features';

describe('termsOf', () => {
  it('stems words with the search stemmer, so inflections are one term', () => {
    const a = termsOf('Tjenestestedet ble lagt ned.');
    const b = termsOf('Vi trenger flere tjenestesteder.');
    expect(a.has('w:tjenestested')).toBe(true);
    expect(b.has('w:tjenestested')).toBe(true);
  });

  it('counts bigrams of stems and character 4-grams inside words', () => {
    const t = termsOf('Lang responstid, lang responstid');
    expect(t.get('w:lang')).toBe(2);
    expect(t.get('b:lang responstid')).toBe(2);
    expect(t.get('c: lan')).toBe(2);
    expect(t.get('c:tid ')).toBe(2);
    // A bigram spans the comma (words, not sentences, are the unit), never a word with itself.
    expect(t.get('b:responstid lang')).toBe(1);
    expect(termKind('c:krim')).toBe('char');
    expect(termKind('b:a b')).toBe('bigram');
    expect(termKind('w:a')).toBe('word');
  });

  it('keeps æ, ø and å as letters of their own', () => {
    expect(termsOf('bål').has('w:bål')).toBe(true);
    expect(termsOf('bål').has('w:bal')).toBe(false);
  });

  it('gives nothing for a text without words', () => {
    expect(termsOf(' – … ').size).toBe(0);
  });
});

describe('Vectorizer', () => {
  const docs = ['Rus blant ungdom.', 'Vold i nære relasjoner.', 'Rus og vold.'].map(termsOf);
  const v = Vectorizer.fit(docs);

  it('indexes terms in order of first occurrence', () => {
    expect(v.index.get('w:rus')).toBe(0);
    expect(v.terms[0]).toBe('w:rus');
  });

  it('weighs rarer terms higher (smoothed idf)', () => {
    expect(v.idfOf(v.index.get('w:rus')!)).toBeLessThan(v.idfOf(v.index.get('w:ungdom')!));
    expect(v.idfOf(v.index.get('w:rus')!)).toBeCloseTo(Math.log(4 / 3) + 1);
  });

  it('leaves out terms outside the vocabulary', () => {
    const x = v.vector(termsOf('Helt ukjente ord'));
    expect(x.idx.length).toBe(0);
  });

  it('makes unit-length vectors with ascending indices (property)', () => {
    const big = Vectorizer.fit(['Politiet må være til stede i kommunen', 'Lang responstid og lange avstander', 'Digital kriminalitet'].map(termsOf));
    fc.assert(
      fc.property(fc.array(fc.constantFrom('politiet', 'lang', 'avstander', 'digital', 'x', 'kommunen', 'responstid'), { minLength: 1, maxLength: 20 }), (ws) => {
        const x = big.vector(termsOf(ws.join(' ')));
        for (let k = 1; k < x.idx.length; k++) expect(x.idx[k]).toBeGreaterThan(x.idx[k - 1]);
        const norm = Math.sqrt(x.val.reduce((s, a) => s + a * a, 0));
        if (x.idx.length > 0) expect(norm).toBeCloseTo(1, 10);
        // The dot product with a dense row of ones is the sum of the values.
        expect(dot(x, new Float64Array(big.size).fill(1))).toBeCloseTo(x.val.reduce((s, a) => s + a, 0), 10);
      }),
    );
  });
});
