// Norwegian formats for the memo's text beyond src-shared/norwegian's
// numbers and dates: shares with a decimal comma ("12,5 %"), counted nouns,
// and how a quote is attributed.
import type { MunicipalityFacts } from '../../../../src-shared/domain';
import { formatNorwegianNumber } from '../../../../src-shared/norwegian';
import type { QuoteParts } from '../../../../src-shared/sentences';

export const NBSP = '\u00a0';

/** 0.125 → "12,5 %" (one decimal at most, a no-break space before the sign, as on the analysis screens). */
export function formatPercent(share: number): string {
  return `${(share * 100).toLocaleString('nb-NO', { maximumFractionDigits: 1 })}${NBSP}%`;
}

/** "Steigen kommune", or the respondent's own name when it is not a municipality. */
export function respondentLabel(municipality: Pick<MunicipalityFacts, 'name'> | null, respondentName: string): string {
  return municipality ? `${municipality.name} kommune` : respondentName;
}

/** "Steigen kommune, svar på spørsmål 2" (text not assigned to a question: "svar, ikke fordelt på spørsmål"). */
export function attribution(who: string, questionOrdinal: number | null): string {
  return questionOrdinal === null ? `${who}, svar (ikke fordelt på spørsmål)` : `${who}, svar på spørsmål ${questionOrdinal}`;
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

/** "Oslo og Øst", "Oslo, Øst og Agder". */
export function listJoin(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}

/** Singular or plural noun with its count: (1, 'kommune', 'kommuner') → "1 kommune". */
export function counted(n: number, one: string, many: string): string {
  return `${formatNorwegianNumber(n)} ${n === 1 ? one : many}`;
}
