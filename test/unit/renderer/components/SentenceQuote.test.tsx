// @vitest-environment happy-dom
// A coded span on the screens is shown inside its sentence with the coded
// words marked, never as a bare fragment; whole sentences are shown unmarked.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SentenceQuote, sentenceQuoteFrom, sentenceQuoteOf, sentenceQuoteText, spanQuote } from '../../../../src-renderer/src/components/SentenceQuote';

const TEXT = 'Vi har lange avstander. Søk om tjenestested i Alvdal er sendt, og vi venter svar. Takk.';
const word = 'tjenestested';
const at = TEXT.indexOf(word);

afterEach(cleanup);

describe('sentenceQuoteOf', () => {
  it('puts a coded word inside its whole sentence', () => {
    expect(sentenceQuoteOf(TEXT, at, at + word.length)).toEqual({ before: 'Søk om ', coded: word, after: ' i Alvdal er sendt, og vi venter svar.' });
  });

  it('leaves a coding of whole sentences without context', () => {
    const start = TEXT.indexOf('Søk');
    const end = TEXT.indexOf('Takk') - 1;
    expect(sentenceQuoteOf(TEXT, start, end)).toEqual({ before: '', coded: TEXT.slice(start, end), after: '' });
  });
});

describe('spanQuote', () => {
  it('finds the text of the span by answer id', () => {
    const texts = new Map([['a1', TEXT]]);
    expect(spanQuote(texts, { answerId: 'a1', start: at, end: at + word.length }).before).toBe('Søk om ');
  });

  it('falls back to the stored words when the text is not at hand or shorter than the span', () => {
    expect(spanQuote(new Map(), { answerId: 'x', start: 0, end: 3, quote: 'abc' })).toEqual({ before: '', coded: 'abc', after: '' });
    expect(spanQuote(new Map([['x', 'ab']]), { answerId: 'x', start: 0, end: 3, quote: 'abc' })).toEqual({ before: '', coded: 'abc', after: '' });
  });
});

describe('SentenceQuote', () => {
  it('shows the sentence with the coded words marked', () => {
    const { getByTestId, container } = render(<SentenceQuote parts={sentenceQuoteOf(TEXT, at, at + word.length)} data-testid="q" />);
    expect(getByTestId('q').tagName).toBe('BLOCKQUOTE');
    expect(getByTestId('q').textContent).toBe('«Søk om tjenestested i Alvdal er sendt, og vi venter svar.»');
    expect(container.querySelector('mark')?.textContent).toBe(word);
    expect(getByTestId('q').dataset.inContext).toBe('true');
  });

  it('marks nothing when the quote is whole sentences, and can sit inline', () => {
    const { getByTestId, container } = render(<SentenceQuote inline parts={sentenceQuoteFrom('Takk.', { before: '', after: '' })} data-testid="q" />);
    expect(getByTestId('q').tagName).toBe('SPAN');
    expect(getByTestId('q').textContent).toBe('«Takk.»');
    expect(container.querySelector('mark')).toBeNull();
  });

  it('gives the same sentence as plain text for a memo', () => {
    expect(sentenceQuoteText(sentenceQuoteOf(TEXT, at, at + word.length))).toBe('«Søk om tjenestested i Alvdal er sendt, og vi venter svar.»');
  });
});
