// The date a letter carries as its own: «Dato:»/«Vår dato:», an e-mail's sent
// date, a page's published date, or a dated line («Fauske, 12. mars 2024»)
// near the letterhead or the signature. A date the text talks about («trer i
// kraft 1. januar 2024», «vedtak av 2015», «Deres dato») is never taken: no
// date, with the reason, rather than a wrong one.
import { parseDate } from './dates';

export type DateSource = 'dato' | 'email' | 'published' | 'dated-line';

export interface ReceivedDate {
  date: string | null;
  source: DateSource | null;
  /** The line the date was read from, or why there is none (bokmål, for the preview). */
  reason: string;
}

const MONTH = String.raw`(?:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|des)\.?`;
/** One date as written: 12.03.2024, 12.3.24, 2024-03-12, 12. mars 2024. */
const DATE = String.raw`(\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+${MONTH}\s+\d{4})`;
const WEEKDAY = String.raw`(?:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|måndag|tysdag|laurdag|sundag|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const TIME = String.raw`(?:\s*(?:,|kl\.?)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?)?`;

/** «Dato: …», «Vår dato: …» — the letter's own; «Deres dato» is the ministry's and never matches. */
const LABELLED = new RegExp(String.raw`^\s*(?:(?:vår|vår\s+dato|var)\s+)?dato\s*:?\s*${WEEKDAY}${DATE}${TIME}\s*$`, 'iu');
/** A reference line with columns: «Vår ref.: 22/123   Vår dato: 12.03.2024   Deres ref.: …». */
const OUR_DATE = new RegExp(String.raw`(?:^|\s)vår\s+dato\s*:?\s*${DATE}`, 'iu');
const EMAIL_SENT = new RegExp(String.raw`^\s*(?:sendt|sent|date|dato sendt)\s*:\s*${WEEKDAY}${DATE}`, 'iu');
const PUBLISHED = new RegExp(String.raw`^\s*(?:publisert|publisert dato|innsendt|mottatt|datert)\s*:?\s*${WEEKDAY}${DATE}`, 'iu');
/** A line that is a date, or a place and a date: «Oslo, 15.04.2024», «Fauske 12. mars 2024», «12.03.2024». */
const DATED_LINE = new RegExp(String.raw`^\s*(?:[\p{Lu}][\p{L}-]*(?:\s+[\p{L}-]+){0,2}\s*,?\s+(?:den\s+)?)?${WEEKDAY}${DATE}\s*\.?\s*$`, 'u');
const CLOSING = /^\s*(?:med\s+(?:vennlig\s+)?hilsen|vennlig\s+hilsen|med\s+helsing|helsing|mvh|beste\s+hilsen|hilsen)\b/iu;

/** Lines near the letterhead (the first 15 non-empty ones) and near the signature (from the closing on, or the last 12). */
function nearHeadOrSignature(lines: string[]): (i: number) => boolean {
  const rank: number[] = [];
  let count = 0;
  for (const line of lines) rank.push(line.trim() ? count++ : -1);
  let closing = -1;
  lines.forEach((l, i) => {
    if (CLOSING.test(l)) closing = i;
  });
  return (i) => rank[i] >= 0 && (rank[i] < 15 || rank[i] >= count - 12 || (closing >= 0 && i >= closing));
}

/**
 * The received date of a letter. The strongest kind of dated line wins (a
 * «Dato:» line, then an e-mail's sent date, a published date, then a dated line);
 * two different dates of the same kind give none, with the reason.
 */
export function receivedDate(text: string): ReceivedDate {
  const lines = text.split('\n');
  const near = nearHeadOrSignature(lines);
  const found: { source: DateSource; date: string; line: string }[] = [];
  lines.forEach((line, i) => {
    const take = (source: DateSource, m: RegExpExecArray | null) => {
      const date = m ? parseDate(m[1].replace(/\s+/g, ' ')) : null;
      if (date) found.push({ source, date, line: line.trim() });
      return date !== null;
    };
    if (/deres\s+dato/iu.test(line) && !OUR_DATE.test(line)) return;
    if (take('dato', LABELLED.exec(line)) || take('dato', OUR_DATE.exec(line))) return;
    if (take('email', EMAIL_SENT.exec(line))) return;
    if (take('published', PUBLISHED.exec(line))) return;
    if (near(i)) take('dated-line', DATED_LINE.exec(line));
  });
  for (const source of ['dato', 'email', 'published', 'dated-line'] as const) {
    const of = found.filter((f) => f.source === source);
    const dates = [...new Set(of.map((f) => f.date))];
    if (dates.length === 1) return { date: dates[0], source, reason: `«${of[0].line}»` };
    if (dates.length > 1) {
      return { date: null, source: null, reason: `Brevet har flere ulike datolinjer (${of.map((f) => `«${f.line}»`).join(', ')}); ingen dato er satt` };
    }
  }
  return { date: null, source: null, reason: 'Fant ingen datert linje ved brevhodet eller underskriften («Dato:», «Sted, dato»); datoer inne i teksten brukes ikke' };
}
