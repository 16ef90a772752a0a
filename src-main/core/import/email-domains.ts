// Which municipality an e-mail address belongs to, by its domain
// (postmottak@bodo.kommune.no → Bodø). The table is derived from the register
// the project holds, not typed in: each name (the 2020 mergers' new names
// included — Kinn, Midt-Telemark, Indre Fosen), its official and parallel
// (Sami, Kven) forms, spelled the ways Norwegian domains spell letters (ø → o
// or oe, æ → ae or a, å → a or aa; spaces as hyphens or nothing), under kommune.no,
// herad.no and suohkan.no. A label two municipalities share (heroy) is
// ambiguous, and «valer-of» falls back to «valer». Irregular domains (io.kommune.no,
// mgk.no) and the domains of municipalities merged away are not derivable and
// give no match: the sender is then weighed on the other evidence.
import { foldKey } from '../input/text';
import type { MatchResult, MunicipalityMatcher, RegisterEntry } from './match';

const MUNICIPAL_SUFFIXES = ['kommune.no', 'herad.no', 'suohkan.no'];

/** The spellings a municipality's name takes as a domain label. */
export function domainLabels(name: string): string[] {
  const base = foldKey(name.replace(/\s*\(.*\)$/, '')).replace(/\s+/g, ' ');
  const spellings = new Set<string>();
  const forms: [string, string, string][] = [
    ['ae', 'o', 'a'],
    ['a', 'o', 'a'],
    ['ae', 'o', 'aa'],
    ['a', 'o', 'aa'],
    ['ae', 'oe', 'aa'],
  ];
  for (const [ae, oe, aa] of forms) {
    const ascii = base
      .replace(/æ/g, ae)
      .replace(/ø/g, oe)
      .replace(/å/g, aa)
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[^a-z0-9 -]/g, '');
    spellings.add(ascii.replace(/ /g, '-'));
    spellings.add(ascii.replace(/[ -]/g, ''));
  }
  return [...spellings].filter(Boolean);
}

/** Domain label → register entries; built once per matcher. */
const tables = new WeakMap<MunicipalityMatcher, Map<string, RegisterEntry[]>>();

function tableOf(matcher: MunicipalityMatcher): Map<string, RegisterEntry[]> {
  let table = tables.get(matcher);
  if (table) return table;
  table = new Map();
  for (const e of matcher.entries) {
    const names = new Set([e.name, e.officialName, ...e.parallelNames, ...e.officialName.split(/\s+-\s+/)]);
    const labels = new Set([...names].flatMap(domainLabels));
    for (const label of labels) {
      const list = table.get(label) ?? [];
      if (!list.includes(e)) list.push(e);
      table.set(label, list);
    }
  }
  tables.set(matcher, table);
  return table;
}

export interface DomainMatch {
  /** The domain as written in the address (bodo.kommune.no). */
  domain: string;
  match: MatchResult;
}

/** The municipality an address's domain names, or null when the domain is no municipality's. */
export function municipalityByEmail(address: string, matcher: MunicipalityMatcher): DomainMatch | null {
  const domain = /@([a-z0-9.-]+)\s*>?\s*$/i.exec(address.trim())?.[1]?.toLowerCase();
  if (!domain) return null;
  const suffix = MUNICIPAL_SUFFIXES.find((s) => domain.endsWith('.' + s));
  if (!suffix) return null;
  // postmottak@bodo.kommune.no and post@sub.bodo.kommune.no: the label just before the suffix.
  const label = domain.slice(0, -suffix.length - 1).split('.').pop()!;
  const table = tableOf(matcher);
  const found = table.get(label) ?? table.get(label.replace(/-[a-z]{1,2}$/, ''));
  if (!found || found.length === 0) return null;
  if (found.length === 1) return { domain, match: { status: 'matched', number: found[0].number, how: 'name' } };
  return { domain, match: { status: 'ambiguous', candidates: found.map((e) => e.number).sort() } };
}
