// Norwegian formats for the memo's text beyond src-shared/norwegian's
// numbers and dates: shares with a decimal comma ("12,5 %"), counted nouns,
// and how a quote is attributed.
import type { MunicipalityFacts } from '../../../../src-shared/domain';
import { formatNorwegianNumber } from '../../../../src-shared/norwegian';

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

/** "Oslo og Øst", "Oslo, Øst og Agder". */
export function listJoin(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}

/** Singular or plural noun with its count: (1, 'kommune', 'kommuner') → "1 kommune". */
export function counted(n: number, one: string, many: string): string {
  return `${formatNorwegianNumber(n)} ${n === 1 ? one : many}`;
}
