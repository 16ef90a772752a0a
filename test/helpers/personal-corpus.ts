// A labelled test set for the personal-data detector: Norwegian prose with
// synthetic identity numbers and D-numbers (valid check digits and bad ones,
// and valid check digits on dates that do not exist), real-shaped phone
// numbers, e-mail addresses and postal addresses, among numbers that are not
// personal data (account and organisation numbers, amounts, dates, case
// numbers). Seeded, so the figures are reproducible. Used by the detector's
// tests and by bench/personal-data.ts, which prints precision and recall.
import type { PersonalKind, PersonalSpan } from '../../src-shared/personal';
import { mulberry32 } from '../../src-shared/rng';

/** A small seeded PRNG (mulberry32): the next number in [0, 1). */
export const rng = (seed: number): (() => number) => mulberry32(seed).next;

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
function mod11(digits: number[], weights: number[]): number | null {
  const k = 11 - (weights.reduce((s, w, i) => s + w * digits[i], 0) % 11);
  return k === 11 ? 0 : k === 10 ? null : k;
}
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** An individual number that gives this birth year (Skatteetaten's ranges). */
function individualFor(year: number, r: () => number): number {
  if (year < 1900) return 500 + Math.floor(r() * 250);
  if (year < 2000) return year >= 1940 && r() < 0.2 ? 900 + Math.floor(r() * 100) : Math.floor(r() * 500);
  return 500 + Math.floor(r() * 500);
}

/** A valid fødselsnummer (or D-number) for a random date 1854–2039; retries until both check digits exist. */
export function identityNumber(r: () => number, kind: 'fodselsnummer' | 'd_nummer'): string {
  for (;;) {
    const year = 1854 + Math.floor(r() * 186);
    const month = 1 + Math.floor(r() * 12);
    const day = 1 + Math.floor(r() * new Date(Date.UTC(year, month, 0)).getUTCDate());
    const first9 = `${pad(kind === 'd_nummer' ? day + 40 : day, 2)}${pad(month, 2)}${pad(year % 100, 2)}${pad(individualFor(year, r), 3)}`;
    const d = [...first9].map(Number);
    const k1 = mod11(d, W1);
    if (k1 === null) continue;
    const k2 = mod11([...d, k1], W2);
    if (k2 === null) continue;
    return `${first9}${k1}${k2}`;
  }
}

/** The number with one check digit changed to another digit: never valid. */
export function withBadCheckDigit(number: string, r: () => number): string {
  const i = r() < 0.5 ? 9 : 10;
  const wrong = (Number(number[i]) + 1 + Math.floor(r() * 9)) % 10;
  return number.slice(0, i) + String(wrong) + number.slice(i + 1);
}

/** Eleven digits with valid check digits whose date cannot exist (month 13–19 or day 32–39). */
export function impossibleDateNumber(r: () => number): string {
  for (;;) {
    const day = r() < 0.5 ? 32 + Math.floor(r() * 8) : 1 + Math.floor(r() * 28);
    const month = day > 31 ? 1 + Math.floor(r() * 12) : 13 + Math.floor(r() * 7);
    const first9 = `${pad(day, 2)}${pad(month, 2)}${pad(Math.floor(r() * 100), 2)}${pad(Math.floor(r() * 500), 3)}`;
    const d = [...first9].map(Number);
    const k1 = mod11(d, W1);
    if (k1 === null) continue;
    const k2 = mod11([...d, k1], W2);
    if (k2 === null) continue;
    return `${first9}${k1}${k2}`;
  }
}

const pick = <T,>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];

function phone(r: () => number): string {
  const first = pick(r, ['4', '9', '2', '3', '5', '6', '7']);
  const digits = first + [...Array(7)].map(() => String(Math.floor(r() * 10))).join('');
  const formats = [
    `${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`,
    `${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6)}`,
    `+47 ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`,
    `+47${digits}`,
    `0047 ${digits}`,
    `+47 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6)}`,
    // Eight digits in a row: a mobile number is found as such; a landline
    // number is found only after a word such as «tlf» (so some are missed).
    digits,
  ];
  return pick(r, formats);
}

const FIRST = ['kari', 'ola', 'per', 'åse', 'bjørn', 'sølvi', 'trond', 'ingrid', 'mats', 'håkon'];
const LAST = ['nordmann', 'hansen', 'berg', 'sæther', 'øvrebø', 'dahl', 'lie', 'strand'];
const DOMAINS = ['online.no', 'gmail.com', 'hotmail.com', 'kommune.no', 'bergen.kommune.no', 'politiet.no', 'epost.no'];
function email(r: () => number): string {
  const local = pick(r, [`${pick(r, FIRST)}.${pick(r, LAST)}`, `${pick(r, FIRST)}${Math.floor(r() * 100)}`, `post`, `${pick(r, FIRST)}_${pick(r, LAST)}`]);
  return `${local}@${pick(r, DOMAINS)}`;
}

const STREETS = ['Storgata', 'Kirkeveien', 'Kong Oscars gate', 'Fjellveien', 'Strandgaten', 'Haakon VIIs gate', 'Sandviksveien', 'Øvre Slottsgate', 'Ringveien', 'Nedre Bakklandet'];
const PLACES = [['0155', 'Oslo'], ['5017', 'Bergen'], ['7011', 'Trondheim'], ['9008', 'Tromsø'], ['8610', 'Mo i Rana'], ['1363', 'Høvik'], ['4006', 'STAVANGER'], ['2317', 'Hamar']];
function address(r: () => number): string {
  const [code, place] = pick(r, PLACES);
  if (r() < 0.15) return `Postboks ${1 + Math.floor(r() * 9000)}, ${code} ${place}`;
  const letter = r() < 0.2 ? ` ${pick(r, ['A', 'B', 'C'])}` : '';
  return `${pick(r, STREETS)} ${1 + Math.floor(r() * 120)}${letter}, ${code} ${place}`;
}

/** Numbers in prose that are not personal data: none may be flagged. */
function distractor(r: () => number): string {
  const n = (digits: number) => [...Array(digits)].map(() => String(Math.floor(r() * 10))).join('');
  return pick(r, [
    `kontonummer ${n(4)}.${n(2)}.${n(5)}`,
    `organisasjonsnummer ${n(3)} ${n(3)} ${n(3)}`,
    `kr ${1 + Math.floor(r() * 99)} ${n(3)} ${n(3)}`,
    `${1 + Math.floor(r() * 99)} ${n(3)} innbyggere`,
    `${pad(1 + Math.floor(r() * 28), 2)}.${pad(1 + Math.floor(r() * 12), 2)}.20${n(2)}`,
    `saksnummer ${n(2)}/${n(4)}`,
    `kl. ${pad(Math.floor(r() * 24), 2)}.${pick(r, ['00', '15', '30', '45'])}`,
    `${1 + Math.floor(r() * 99)} prosent`,
    `i ${1990 + Math.floor(r() * 40)}`,
    `${n(1)},${n(1)} millioner kroner`,
    `${1 + Math.floor(r() * 9)}${n(7)} kroner`,
  ]);
}

const LEADS = [
  'Jeg kan nås på',
  'Ta gjerne kontakt på',
  'Mitt fødselsnummer er',
  'Send svar til',
  'Kontaktinformasjon:',
  'Som pårørende oppgir jeg',
  'Henvendelser kan rettes til',
];
const FILLERS = [
  'Vi mener at politiet må være til stede i hele kommunen.',
  'Responstiden i distriktene er for lang, og innbyggerne føler seg utrygge.',
  'Kommunestyret vedtok høringssvaret i møte',
  'Det vises til høringsbrevet og forslaget om nye tjenestesteder.',
  'Lensmannskontoret ble lagt ned, og avstanden til nærmeste patrulje økte.',
  'Vi ber departementet vurdere en annen løsning.',
];

export interface LabelledText {
  text: string;
  /** The findings that must be found. */
  expected: PersonalSpan[];
  /** How many 11-digit numbers with a bad check digit (or impossible date) the text holds: none may be flagged. */
  invalidIdentities: number;
}

/** `count` labelled paragraphs of Norwegian prose. */
export function labelledCorpus(seed: number, count: number): LabelledText[] {
  const r = rng(seed);
  const out: LabelledText[] = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    const expected: PersonalSpan[] = [];
    let invalidIdentities = 0;
    const say = (s: string) => {
      text += s;
    };
    const item = (kind: PersonalKind, value: string) => {
      expected.push({ kind, start: text.length, end: text.length + value.length });
      say(value);
    };
    const parts = 2 + Math.floor(r() * 4);
    for (let p = 0; p < parts; p++) {
      say(`${pick(r, FILLERS)} `);
      const what = r();
      const lead = `${pick(r, LEADS)} `;
      if (what < 0.2) {
        say(lead);
        const kind = r() < 0.7 ? 'fodselsnummer' : 'd_nummer';
        const number = identityNumber(r, kind);
        item(kind, r() < 0.3 ? `${number.slice(0, 6)} ${number.slice(6)}` : number);
        say('. ');
      } else if (what < 0.32) {
        say(lead);
        const valid = identityNumber(r, r() < 0.7 ? 'fodselsnummer' : 'd_nummer');
        say(r() < 0.7 ? withBadCheckDigit(valid, r) : impossibleDateNumber(r));
        invalidIdentities++;
        say('. ');
      } else if (what < 0.5) {
        say(`${lead}${pick(r, ['telefon ', 'mobil ', '', 'tlf. '])}`);
        item('telefon', phone(r));
        say(pick(r, ['. ', ' eller på e-post. ', ', helst etter kl. 16. ']));
      } else if (what < 0.66) {
        say(lead);
        item('epost', email(r));
        say(pick(r, ['. ', ' innen fristen. ', '.\n']));
      } else if (what < 0.8) {
        say(`${lead}\n`);
        item('adresse', address(r));
        say('.\n');
      } else {
        say(`Det gjelder ${distractor(r)} og ${distractor(r)}. `);
      }
    }
    out.push({ text: text.trimEnd(), expected, invalidIdentities });
  }
  return out;
}

export interface Score {
  kind: PersonalKind;
  expected: number;
  found: number;
  truePositives: number;
  precision: number;
  recall: number;
}

/** Precision and recall per kind (a hit is the same kind over the same span). */
export function score(corpus: readonly LabelledText[], detect: (text: string) => PersonalSpan[]): { perKind: Score[]; invalidFlagged: number; invalidTotal: number } {
  const kinds: PersonalKind[] = ['fodselsnummer', 'd_nummer', 'telefon', 'epost', 'adresse'];
  const tally = new Map(kinds.map((k) => [k, { expected: 0, found: 0, tp: 0 }]));
  let invalidFlagged = 0;
  let invalidTotal = 0;
  for (const item of corpus) {
    const found = detect(item.text);
    const key = (s: PersonalSpan) => `${s.kind}:${s.start}:${s.end}`;
    const wanted = new Set(item.expected.map(key));
    for (const e of item.expected) tally.get(e.kind)!.expected++;
    for (const f of found) {
      const t = tally.get(f.kind)!;
      t.found++;
      if (wanted.has(key(f))) t.tp++;
      else if ((f.kind === 'fodselsnummer' || f.kind === 'd_nummer') && /^\d{6} ?\d{5}$/.test(item.text.slice(f.start, f.end))) invalidFlagged++;
    }
    invalidTotal += item.invalidIdentities;
  }
  return {
    perKind: kinds.map((kind) => {
      const t = tally.get(kind)!;
      return { kind, expected: t.expected, found: t.found, truePositives: t.tp, precision: t.found ? t.tp / t.found : 1, recall: t.expected ? t.tp / t.expected : 1 };
    }),
    invalidFlagged,
    invalidTotal,
  };
}

/** A CSV row (CSV_HEADER in helpers/coding.ts) from a private person: one finding of each kind but the D-number. */
export const PRIVATE_ROW = [
  '',
  'Kari Nordmann',
  '03.06.2022',
  'Mitt fødselsnummer er 01010750160, og jeg er bekymret for responstiden.',
  'Ring meg på 912 34 567 eller skriv til kari.nordmann@online.no.',
  'Jeg bor i Storgata 5, 8006 Bodø.',
  'Via telefon.',
  'Nei.',
];
