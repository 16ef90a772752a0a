// A coded span shown as a quote on the screens: the coded words inside their
// sentence, the coded words marked, so a fragment («tjenestested») is never
// presented as what a respondent said. The same parts and clipping as the memo
// (src-shared/sentences.ts), so screen and memo quote alike.
import type { HTMLAttributes } from 'react';
import { quoteParts, quoteWithSentence, type QuoteParts } from '../../../src-shared/sentences';

/** The sentence around [start, end) of `text`, ready to show (white space collapsed, long context clipped). */
export function sentenceQuoteOf(text: string, start: number, end: number): QuoteParts {
  return quoteParts(quoteWithSentence(text, start, end));
}

/** The coded words with the rest of their sentence as the server sent it (context empty: whole sentences). */
export function sentenceQuoteFrom(coded: string, context: { before: string; after: string } | null | undefined): QuoteParts {
  return quoteParts({ before: context?.before ?? '', coded, after: context?.after ?? '' });
}

/**
 * A span of one of the response's answer parts in its sentence; when the
 * part's text is not at hand, the stored words alone (still never cut).
 */
export function spanQuote(texts: ReadonlyMap<string, string>, span: { answerId: string; start: number; end: number; quote?: string }): QuoteParts {
  const text = texts.get(span.answerId);
  if (text === undefined || span.end > text.length) return sentenceQuoteFrom(span.quote ?? '', null);
  return sentenceQuoteOf(text, span.start, span.end);
}

/** The quote as one plain string, «…» included (for a memo's text, where no marking survives). */
export function sentenceQuoteText(parts: QuoteParts): string {
  return `«${parts.before}${parts.coded}${parts.after}»`;
}

type Props = Omit<HTMLAttributes<HTMLElement>, 'children'> & {
  parts: QuoteParts;
  /** A block quote (lists of quotes) or an inline one (inside a button or a line). */
  inline?: boolean;
};

export function SentenceQuote({ parts, inline = false, className, ...rest }: Props) {
  const inContext = parts.before !== '' || parts.after !== '';
  const body = (
    <>
      «{parts.before}
      {inContext ? (
        <mark className="sentence-quote__coded" data-testid="quote-coded">
          {parts.coded}
        </mark>
      ) : (
        parts.coded
      )}
      {parts.after}»
    </>
  );
  const classes = ['sentence-quote', className].filter(Boolean).join(' ');
  return inline ? (
    <span className={classes} data-in-context={inContext ? 'true' : 'false'} {...rest}>
      {body}
    </span>
  ) : (
    <blockquote className={classes} data-in-context={inContext ? 'true' : 'false'} {...rest}>
      {body}
    </blockquote>
  );
}
