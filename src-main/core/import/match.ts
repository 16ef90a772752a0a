// Matches a respondent to the municipality register: by number first, then
// by name, tolerant of case, "kommune" and "kommune v/…" suffixes, Sami and
// Kven parallel names and hyphenation. Names that fit several municipalities
// (Herøy, Våler) are ambiguous unless the text names the county.
import { cleanRespondentName } from './respondent-name';
import { foldKey } from '../input/text';

export interface RegisterEntry {
  number: string;
  name: string;
  officialName: string;
  parallelNames: string[];
  countyName: string;
  number2024: string | null;
}

export type MatchResult =
  | { status: 'matched'; number: string; how: 'number' | 'number2024' | 'name'; warning?: string }
  | { status: 'ambiguous'; candidates: string[] }
  | { status: 'unmatched' };

/** Words around a municipality's name that do not identify it. */
const SUFFIXES = [
  'kommune',
  'kommunestyre',
  'kommunestyret',
  'formannskap',
  'formannskapet',
  'rådmannen',
  'kommunedirektøren',
  'kommunedirektør',
  'ordføreren',
  'ordfører',
  'suohkan', // Northern Sami
  'gielda',
  'gielddas',
  'tjïelte', // Southern Sami
  'kommuuni', // Kven
  'kommunen',
  // Nynorsk: "Kvam herad".
  'herad',
  'heradsstyre',
  'heradsstyret',
];

/** "Herøy kommune v/ rådmannen" → "herøy"; "Kommune: Bodø" → "bodø"; "Alta kommune (uten merknader)" → "alta". */
export function nameKey(raw: string): string {
  // "v/rådmannen" is as common as "v/ rådmannen", and "v. formannskapet" as both.
  let key = foldKey(cleanRespondentName(raw).name.replace(/(?:\s|^)(?:v\/|v\.\s|c\/o|(?:ved|att\.?)\s).*$/i, ''));
  key = key.replace(/^(kommune|fra|frå)\s+/, '');
  for (;;) {
    const next = SUFFIXES.reduce((k, s) => (k.endsWith(' ' + s) ? k.slice(0, -s.length - 1) : k), key);
    if (next === key) break;
    key = next;
  }
  return key;
}

export class MunicipalityMatcher {
  private readonly byNumber = new Map<string, RegisterEntry>();
  private readonly by2024 = new Map<string, RegisterEntry>();
  private readonly byName = new Map<string, RegisterEntry[]>();

  constructor(readonly entries: RegisterEntry[]) {
    for (const e of entries) {
      this.byNumber.set(e.number, e);
      if (e.number2024) this.by2024.set(e.number2024, e);
      const keys = new Set([e.name, e.officialName.replace(/\s*\(.*\)$/, ''), ...e.parallelNames].map(nameKey));
      // "Snåase - Snåsa" is also written as one name.
      keys.add(nameKey(e.officialName.replace(/\s*\(.*\)$/, '')));
      for (const key of keys) {
        const list = this.byName.get(key) ?? [];
        list.push(e);
        this.byName.set(key, list);
      }
    }
  }

  entry(number: string): RegisterEntry | undefined {
    return this.byNumber.get(number);
  }

  /** A number as typed: "301", "0301", "301.0", " 0301 ". */
  static normalizeNumber(raw: string | number | null | undefined): string | null {
    if (raw === null || raw === undefined) return null;
    const m = /^\s*(\d{3,4})(?:\.0+)?\s*$/.exec(String(raw));
    return m ? m[1].padStart(4, '0') : null;
  }

  match(name: string | null | undefined, number?: string | number | null): MatchResult {
    const normalized = MunicipalityMatcher.normalizeNumber(number);
    if (normalized) {
      const byNumber = this.byNumber.get(normalized);
      const via2024 = byNumber ? undefined : this.by2024.get(normalized);
      const found = byNumber ?? via2024;
      if (found) {
        const named = name ? this.matchName(name) : null;
        const agrees = !named || named.status === 'unmatched' || (named.status === 'matched' ? named.number === found.number : named.candidates.includes(found.number));
        return {
          status: 'matched',
          number: found.number,
          how: byNumber ? 'number' : 'number2024',
          warning: agrees ? undefined : `Navnet «${name}» passer ikke med kommunenummer ${normalized} (${found.name}); kommunenummeret er brukt`,
        };
      }
    }
    return name ? this.matchName(name) : { status: 'unmatched' };
  }

  private matchName(raw: string): MatchResult {
    const key = nameKey(raw);
    if (!key) return { status: 'unmatched' };
    let candidates = this.byName.get(key);
    if (!candidates) {
      // "Herøy (Nordland)", "Våler i Hedmark": split off a county hint.
      const hint = /^(.*?)\s+(?:i\s+)?(.+)$/.exec(key);
      const base = hint ? this.byName.get(hint[1]) : undefined;
      if (base && base.length > 1) candidates = base;
    }
    if (!candidates || candidates.length === 0) return { status: 'unmatched' };
    if (candidates.length === 1) return { status: 'matched', number: candidates[0].number, how: 'name' };
    const folded = foldKey(raw);
    const narrowed = candidates.filter((c) => {
      const qualifier = /\((.*)\)/.exec(c.officialName)?.[1];
      return (qualifier && folded.includes(foldKey(qualifier))) || folded.includes(foldKey(c.countyName));
    });
    if (narrowed.length === 1) return { status: 'matched', number: narrowed[0].number, how: 'name' };
    return { status: 'ambiguous', candidates: candidates.map((c) => c.number).sort() };
  }
}
