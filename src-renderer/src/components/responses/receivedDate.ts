// What the caseworker typed in the received-date field, read as the date to
// store: dd.mm.åååå becomes an ISO date, an empty field means «not known»,
// anything else is refused. Kept free of React so it can be tested alone.
import { formatNorwegianDate, parseNorwegianDate } from '../../../../src-shared/norwegian';

export type ReceivedInput = { ok: true; date: string | null } | { ok: false };

export function readReceivedDate(text: string): ReceivedInput {
  if (text.trim() === '') return { ok: true, date: null };
  const date = parseNorwegianDate(text);
  return date === null ? { ok: false } : { ok: true, date };
}

/** The field's starting text for a stored date (empty when not known). */
export function receivedDateText(iso: string | null): string {
  return formatNorwegianDate(iso);
}
