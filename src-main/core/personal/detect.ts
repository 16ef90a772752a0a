// Finds personal data in an answer's text: Norwegian national identity
// numbers and D-numbers (both mod-11 check digits and the date checked),
// phone numbers (Norwegian formats, +47), e-mail addresses, and postal
// addresses with a postcode. Pure and synchronous: run once per answer and
// cached (personal/scan.ts), and measured on a labelled set (bench/personal-data.ts).
// It cannot find names of persons in free text: nothing marks a name apart
// from any other capitalised word, and the README says so.
import type { PersonalKind, PersonalSpan } from '../../../src-shared/personal';

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** The mod-11 check digit for these digits and weights, or null when there is none (remainder 1). */
function checkDigit(digits: readonly number[], weights: readonly number[]): number | null {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += digits[i] * weights[i];
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  return k === 10 ? null : k;
}

/** Both check digits of an 11-digit number (the last two digits) are right. */
export function hasValidCheckDigits(number: string): boolean {
  if (!/^\d{11}$/.test(number)) return false;
  const d = [...number].map(Number);
  return checkDigit(d, W1) === d[9] && checkDigit(d, W2) === d[10];
}

/** The full year of a birth number's two-digit year, from its individual number (Skatteetaten's ranges); null if none. */
function birthYear(yy: number, individual: number): number | null {
  if (individual <= 499) return 1900 + yy;
  if (individual <= 749 && yy >= 54) return 1800 + yy;
  if (individual >= 500 && yy <= 39) return 2000 + yy;
  if (individual >= 900 && yy >= 40) return 1900 + yy;
  return null;
}

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * What an 11-digit number is: a fødselsnummer (day 01–31), a D-number (day
 * plus 40), or neither (bad check digits, or no such date).
 */
export function identityKind(number: string): 'fodselsnummer' | 'd_nummer' | null {
  if (!hasValidCheckDigits(number)) return null;
  let day = Number(number.slice(0, 2));
  const month = Number(number.slice(2, 4));
  const year = birthYear(Number(number.slice(4, 6)), Number(number.slice(6, 9)));
  const kind = day > 40 ? 'd_nummer' : 'fodselsnummer';
  if (kind === 'd_nummer') day -= 40;
  if (year === null || month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return null;
  return kind;
}

// 11 digits, also written as the date and the personal number apart
// ("010190 12345"); never part of a longer run of digits.
const IDENTITY = /(?<![\d.,])(\d{6})[ \u00a0]?(\d{5})(?![\d]|[.,]\d)/g;

// A Norwegian number: eight digits from 2–9 (0 and 1 start no subscriber
// number). With +47/0047 any grouping; without it only the usual groupings
// (xxx xx xxx, xx xx xx xx), or eight digits in a row that begin with 4 or 9
// (a mobile number), or any eight digits right after a word such as «tlf».
const SEP = '[ \\u00a0-]?';
const PHONE_PREFIXED = new RegExp(`(?<![\\w+])(?:\\+|00)47${SEP}(?:\\(0\\)${SEP})?[2-9](?:${SEP}\\d){7}(?!\\d)`, 'g');
const PHONE_GROUPED = /(?<![\d.,/-]|\d[ \u00a0])(?:[2-9]\d{2}[ \u00a0]\d{2}[ \u00a0]\d{3}|[2-9]\d[ \u00a0]\d{2}[ \u00a0]\d{2}[ \u00a0]\d{2})(?![\d]|[.,/ \u00a0-]\d)/g;
// An amount is not a phone number: «kr 45000000», «45000000 kroner».
const PHONE_MOBILE = /(?<![\d.,/-]|\bkr\.?[ \u00a0]?|NOK[ \u00a0]?)[49]\d{7}(?![\d]|[.,/-]\d|[ \u00a0]?(?:kr\b|kroner|NOK|,-|prosent|%|innbyggere))/g;
const PHONE_CUED = /\b(?:tlf|tel|telefon|telefonnummer|mobil|mob|mobilnummer|ring(?:e)?)\.?:?[ \u00a0]*(?:nr\.?[ \u00a0]*)?([2-9]\d{7})(?![\d]|[.,/-]\d)/gi;

// An e-mail address: letters of any language in the local part and domain.
// Read from each «@» (finding the local part's start first): trying the
// pattern at every letter of the text was the detector's slowest step.
const EMAIL_LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/uy;

function collectEmails(text: string, into: PersonalSpan[]): void {
  let after = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > after && EMAIL_LOCAL_CHAR.test(text[start - 1])) start--;
    EMAIL.lastIndex = start;
    const m = EMAIL.exec(text);
    if (!m) continue;
    // An e-mail address never ends with a dot (the sentence's full stop).
    const value = m[0].replace(/\.+$/, '');
    into.push({ kind: 'epost', start, end: start + value.length });
    after = start + m[0].length;
    at = after - 1;
  }
}

// A postal address: a street and house number (or a «Postboks» number), then
// a four-digit postcode and a place. The street is capitalised words, perhaps
// ending in a lower-case street word («Kong Oscars gate»).
const STREET_WORD = '(?:gate|gata|gaten|vei|veien|veg|vegen|allé|alle|plass|plassen|torg|torget|sti|stien|bakke|bakken|brygge|bryggen|kai|kaia|ring|ringen|vn\\.|gt\\.)';
const CAP = "\\p{Lu}[\\p{L}'’.-]*";
const STREET = `(?:(?:Postboks|Pb\\.)[ \\u00a0]+\\d{1,5}(?:[ \\u00a0]+${CAP})?|${CAP}(?:[ \\u00a0]${CAP}){0,3}(?:[ \\u00a0]${STREET_WORD})?[ \\u00a0]+\\d{1,4}(?:[ \\u00a0]?[A-Za-z](?![\\p{L}]))?)`;
const PLACE_WORD = "\\p{Lu}[\\p{L}'’-]*";
const PLACE = `${PLACE_WORD}(?:[ \\u00a0-](?:i|på|${PLACE_WORD}))*`;
const ADDRESS = new RegExp(`${STREET}[ \\u00a0]*(?:,[ \\u00a0]*|\\r?\\n[ \\u00a0]*)?\\d{4}[ \\u00a0]+${PLACE}`, 'gu');

function collect(text: string, pattern: RegExp, kind: PersonalKind, into: PersonalSpan[], group = 0): void {
  for (const m of text.matchAll(pattern)) {
    const whole = m.index;
    const start = group === 0 ? whole : whole + m[0].lastIndexOf(m[group]);
    into.push({ kind, start, end: start + m[group].length });
  }
}

/**
 * Every finding in `text`, in order, none overlapping (where two kinds
 * overlap, the one that starts first wins, then the longer).
 */
export function detectPersonalData(text: string): PersonalSpan[] {
  const found: PersonalSpan[] = [];
  for (const m of text.matchAll(IDENTITY)) {
    const kind = identityKind(m[1] + m[2]);
    if (kind) found.push({ kind, start: m.index, end: m.index + m[0].length });
  }
  collectEmails(text, found);
  collect(text, PHONE_PREFIXED, 'telefon', found);
  collect(text, PHONE_GROUPED, 'telefon', found);
  collect(text, PHONE_MOBILE, 'telefon', found);
  collect(text, PHONE_CUED, 'telefon', found, 1);
  collect(text, ADDRESS, 'adresse', found);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PersonalSpan[] = [];
  for (const span of found) {
    const last = kept[kept.length - 1];
    if (last && span.start < last.end) continue;
    kept.push(span);
  }
  return kept;
}

/** The kinds found, each once, in the order of PERSONAL_KINDS. */
export function kindsOf(spans: readonly PersonalSpan[]): PersonalKind[] {
  const order: PersonalKind[] = ['fodselsnummer', 'd_nummer', 'telefon', 'epost', 'adresse'];
  const present = new Set(spans.map((s) => s.kind));
  return order.filter((k) => present.has(k));
}
