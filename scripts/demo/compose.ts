// Builds one municipality's synthetic answers from the phrase banks: a
// profile (size, region, language form, whether its police office was
// closed, its stance) drawn once, then the five answers as blocks of text.
import type { Rng } from '../../src-shared/rng';
import {
  CHANNEL_LABEL,
  CHANNELS,
  FARER,
  NAERING,
  Q1_CLOSER,
  Q1_DASH_OPENER,
  Q1_INTRO_LIST,
  Q1_INTRO_PROSE,
  Q1_THEME,
  Q2_CAVEAT,
  Q2_OPENER,
  Q2_POSITIVE,
  Q2_REASON,
  Q3_DEVELOP,
  Q3_EXISTING,
  Q3_RESOURCES,
  Q4_CHANNEL,
  Q4_INTRO,
  Q5,
  Q5_JA_EXTRA,
  THEME_LABEL,
  THEMES,
  type Bank,
  type Channel,
  type Cond,
  type Lang,
  type Reason,
  type Stance,
  type Theme,
  type Verdict,
} from './phrases';

export interface Municipality {
  number: string;
  name: string;
  officialName: string;
  parallelNames: string[];
  countyName: string;
  policeDistrictName: string;
  population: number;
  adminCentre: string;
  languageForm: string;
}

export type Size = 'liten' | 'mellom' | 'stor';
export type Region = 'nord' | 'midt' | 'vest' | 'sør' | 'øst';

export interface Profile {
  m: Municipality;
  lang: Lang;
  size: Size;
  region: Region;
  coastal: boolean;
  /** The local police office was closed (in the story of this demo). */
  lost: boolean;
  /** Names its action plan in straight double quotes (a few do: CSV quoting). */
  quotes: boolean;
  verdict: Verdict;
  stance: Stance;
  themes: Theme[];
  vars: Record<string, string>;
}

/** A paragraph, or a line of a bulleted list. */
export interface Block {
  text: string;
  kind: 'p' | 'li';
}

export type Answers = Record<1 | 2 | 3 | 4 | 5, Block[]>;
export const ORDINALS = [1, 2, 3, 4, 5] as const;

const REGION_BY_COUNTY: Record<string, Region> = {
  Nordland: 'nord',
  'Troms og Finnmark': 'nord',
  Trøndelag: 'midt',
  'Møre og Romsdal': 'midt',
  Vestland: 'vest',
  Rogaland: 'vest',
  Agder: 'sør',
  'Vestfold og Telemark': 'sør',
  Viken: 'øst',
  Innlandet: 'øst',
  Oslo: 'øst',
};

export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = vars[key];
    if (v === undefined) throw new Error(`no value for ${whole} in «${template}»`);
    return v;
  });
}

function holds(cond: Cond, p: Profile): boolean {
  switch (cond) {
    case 'lost':
      return p.lost;
    case 'notlost':
      return !p.lost;
    case 'liten':
      return p.size === 'liten';
    case 'stor':
      return p.size === 'stor';
    case 'ikkeliten':
      return p.size !== 'liten';
    case 'ikkestor':
      return p.size !== 'stor';
    case 'kyst':
      return p.coastal;
    case 'innland':
      return !p.coastal;
    case 'sitat':
      return p.quotes;
  }
}

/** The sentences of a bank that fit the profile, filled in. */
function usable(bank: Bank, p: Profile): string[] {
  return bank[p.lang]
    .filter((s) => typeof s === 'string' || holds(s.when, p))
    .map((s) => fill(typeof s === 'string' ? s : s.t, p.vars));
}

function one(rng: Rng, bank: Bank, p: Profile): string {
  return rng.pick(usable(bank, p));
}

function some(rng: Rng, bank: Bank, p: Profile, k: number): string[] {
  return rng.sample(usable(bank, p), k);
}

function spaced(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('nb') + s.slice(1);
}

function weightedSample<T extends string>(rng: Rng, weights: Record<T, number>, k: number): T[] {
  const left = { ...weights };
  const out: T[] = [];
  for (let i = 0; i < k; i++) {
    const key = rng.weighted(left);
    out.push(key);
    left[key] = 0;
  }
  return out;
}

export interface District {
  /** Municipalities of the police district, largest first. */
  byPopulation: Municipality[];
}

export function makeProfile(rng: Rng, m: Municipality, district: District): Profile {
  const size: Size = m.population < 3000 ? 'liten' : m.population < 20000 ? 'mellom' : 'stor';
  const region = REGION_BY_COUNTY[m.countyName];
  if (!region) throw new Error(`no region for county ${m.countyName}`);
  // About one in ten nynorsk municipalities writes this answer in bokmål anyway.
  const lang: Lang = m.languageForm === 'nynorsk' && rng.chance(0.9) ? 'nn' : 'nb';
  const coastal = m.countyName !== 'Innlandet' && rng.chance({ nord: 0.85, vest: 0.75, midt: 0.6, sør: 0.5, øst: 0.2 }[region]);
  const lost = rng.chance({ liten: 0.6, mellom: 0.4, stor: 0.05 }[size]);
  const quotes = rng.chance(0.06);

  const verdictWeights: Record<Size, Record<Verdict, number>> = {
    stor: { ja: 0.45, delvis: 0.4, nei: 0.15 },
    mellom: { ja: 0.2, delvis: 0.45, nei: 0.35 },
    liten: { ja: 0.1, delvis: 0.35, nei: 0.55 },
  };
  const vw = { ...verdictWeights[size] };
  if (lost) vw.nei += 0.25;
  if (region === 'nord') vw.nei += 0.1;
  const verdict = rng.weighted(vw);

  const stance: Stance = lost
    ? rng.weighted({ ja: 0.7, uklart: 0.2, nei: 0.1 })
    : size === 'stor'
      ? rng.weighted({ nei: 0.6, uklart: 0.25, ja: 0.15 })
      : rng.weighted({ ja: 0.35, uklart: 0.35, nei: 0.3 });

  const tw: Record<Theme, number> = { ungdom: 3, vold: 2.5, digital: 2, ekstremvaer: 1.5, avstand: 1, sivile: 1.5, radikalisering: 0.5, arbeidsliv: 1 };
  if (size === 'stor') Object.assign(tw, { ungdom: 5, digital: 3.5, radikalisering: 2, arbeidsliv: 2, avstand: 0.2, sivile: 0.8 });
  if (size === 'liten') Object.assign(tw, { avstand: 4, sivile: 3.5, ekstremvaer: 2.5, radikalisering: 0.2 });
  if (region === 'nord') Object.assign(tw, { avstand: tw.avstand + 2, ekstremvaer: tw.ekstremvaer + 1, sivile: tw.sivile + 1 });
  if (region === 'vest') Object.assign(tw, { ekstremvaer: tw.ekstremvaer + 2, arbeidsliv: tw.arbeidsliv + 0.5 });
  const k = size === 'liten' ? rng.int(2, 3) : size === 'stor' ? rng.int(3, 4) : rng.int(2, 4);
  const themes = weightedSample(rng, tw, k);

  const others = district.byPopulation.filter((x) => x.number !== m.number);
  const passby = (others[0] ?? m).name;
  const round = m.population < 1000 ? 50 : 100;
  const vars: Record<string, string> = {
    navn: m.name,
    senter: m.adminCentre,
    fylke: m.countyName,
    distrikt: `${m.policeDistrictName} politidistrikt`,
    passby,
    innb: spaced(Math.round(m.population / round) * round),
    min: String(size === 'liten' || region === 'nord' ? 5 * rng.int(9, 24) : size === 'mellom' ? 5 * rng.int(5, 12) : 5 * rng.int(3, 6)),
    km: String(size === 'liten' ? 10 * rng.int(4, 18) : size === 'mellom' ? 5 * rng.int(4, 14) : 5 * rng.int(2, 5)),
    aar: String(rng.int(2017, 2020)),
    n: String(rng.int(2, 6)),
    avtaleaar: String(rng.int(2019, 2022)),
    pst: String(rng.pick([10, 20, 20, 25, 30, 50])),
    budsjettaar: '2023',
    klar: lang === 'nb' ? rng.pick(['2023', 'første halvår 2023', 'høsten 2022']) : rng.pick(['2023', 'første halvår 2023', 'hausten 2022']),
    naering: NAERING[size === 'stor' ? 'by' : coastal ? 'kyst' : 'innland'][lang],
    farer: FARER[region][lang],
  };
  return { m, lang, size, region, coastal, lost, quotes, verdict, stance, themes, vars };
}

function paragraphs(rng: Rng, sentences: string[], maxPer: number): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < sentences.length) {
    const n = Math.min(sentences.length - i, rng.int(1, maxPer));
    out.push({ kind: 'p', text: sentences.slice(i, i + n).join(' ') });
    i += n;
  }
  return out;
}

function answerQ1(rng: Rng, p: Profile): Block[] {
  const sentences = p.themes.map((t) => one(rng, Q1_THEME[t], p));
  const labels = p.themes.map((t) => THEME_LABEL[t][p.lang]);
  const closer = rng.chance(0.4) ? [one(rng, Q1_CLOSER, p)] : [];
  const style = rng.weighted({ prose: 0.6, list: 0.28, dash: 0.12 });
  if (style === 'dash') {
    const opener = fill(Q1_DASH_OPENER[p.lang], { a: lowerFirst(labels[0]), b: lowerFirst(labels[1]) });
    return [{ kind: 'li', text: opener }, ...sentences.map((s): Block => ({ kind: 'li', text: `- ${s}` })), ...closer.map((text): Block => ({ kind: 'p', text }))];
  }
  if (style === 'list') {
    const intro: Block = { kind: 'p', text: one(rng, Q1_INTRO_LIST, p) };
    if (rng.chance(0.5)) {
      return [intro, ...labels.map((l, i): Block => ({ kind: 'li', text: `- ${l}: ${sentences[i]}` })), ...closer.map((text): Block => ({ kind: 'p', text }))];
    }
    return [intro, ...labels.map((l): Block => ({ kind: 'li', text: `- ${l}` })), ...paragraphs(rng, [...sentences, ...closer], 2)];
  }
  const intro = rng.chance(0.5) ? [one(rng, Q1_INTRO_PROSE, p)] : [];
  return paragraphs(rng, [...intro, ...sentences, ...closer], 3);
}

function answerQ2(rng: Rng, p: Profile): Block[] {
  const opener = one(rng, Q2_OPENER[p.verdict], p);
  const reasonWeights: Record<Reason, number> = {
    nedlagt: p.lost ? 3 : 0,
    patruljer: 2,
    responstid: p.size === 'liten' || p.region === 'nord' ? 3 : 1.5,
    pass: p.size === 'liten' ? 2 : p.size === 'stor' ? 0 : 1,
    synlig: 2,
    bemanning: 1.5,
  };
  let rest: string[];
  if (p.verdict === 'ja') {
    rest = some(rng, Q2_POSITIVE, p, rng.int(1, 2));
    if (rng.chance(0.4)) rest.push(one(rng, Q2_CAVEAT, p));
  } else {
    const reasons = weightedSample(rng, reasonWeights, p.verdict === 'nei' ? rng.int(2, 3) : rng.int(1, 2));
    rest = reasons.map((r) => one(rng, Q2_REASON[r], p));
    if (p.verdict === 'delvis' && rng.chance(0.5)) rest.push(one(rng, Q2_POSITIVE, p));
  }
  return rng.chance(0.5) ? [{ kind: 'p', text: opener }, ...paragraphs(rng, rest, 3)] : paragraphs(rng, [opener, ...rest], 4);
}

function answerQ3(rng: Rng, p: Profile): Block[] {
  const existing = some(rng, Q3_EXISTING, p, rng.int(1, 2));
  const develop = some(rng, Q3_DEVELOP, p, rng.int(1, 2));
  const resources = some(rng, Q3_RESOURCES, p, rng.chance(0.3) ? 2 : 1);
  return rng.chance(0.5)
    ? [{ kind: 'p', text: existing.join(' ') }, { kind: 'p', text: [...develop, ...resources].join(' ') }]
    : [{ kind: 'p', text: existing.join(' ') }, { kind: 'p', text: develop.join(' ') }, { kind: 'p', text: resources.join(' ') }];
}

function answerQ4(rng: Rng, p: Profile, options: string[]): Block[] {
  const physicalFirst = p.size === 'liten' || p.lost;
  if (rng.chance(0.4)) {
    // One line per access channel, labelled as in the letter or shortly.
    const labelStyle = rng.pick(['option', 'short'] as const);
    const skip = rng.chance(0.3) ? rng.pick(CHANNELS) : null;
    const lines = CHANNELS.filter((c) => c !== skip).map((c): Block => {
      const label = labelStyle === 'option' ? options[CHANNELS.indexOf(c)] : `${CHANNEL_LABEL[c][p.lang]}:`;
      return { kind: 'li', text: `${label} ${one(rng, Q4_CHANNEL[c], p)}` };
    });
    return rng.chance(0.3) ? [{ kind: 'p', text: one(rng, Q4_INTRO, p) }, ...lines] : lines;
  }
  const order: Channel[] = physicalFirst
    ? ['tjenestested', 'annetSted', 'oppmote', 'telefon', 'internett']
    : p.size === 'stor'
      ? ['internett', 'telefon', 'oppmote', 'annetSted', 'tjenestested']
      : rng.shuffle(CHANNELS);
  const chosen = order.slice(0, rng.int(2, 3));
  return paragraphs(rng, [one(rng, Q4_INTRO, p), ...chosen.map((c) => one(rng, Q4_CHANNEL[c], p))], 3);
}

function answerQ5(rng: Rng, p: Profile): Block[] {
  const main = one(rng, Q5[p.stance], p);
  const extra = p.stance === 'ja' && rng.chance(0.5) ? ` ${one(rng, Q5_JA_EXTRA, p)}` : '';
  return [{ kind: 'p', text: main + extra }];
}

export function composeAnswers(rng: Rng, p: Profile, options: string[]): Answers {
  return { 1: answerQ1(rng, p), 2: answerQ2(rng, p), 3: answerQ3(rng, p), 4: answerQ4(rng, p, options), 5: answerQ5(rng, p) };
}

/** Regenerates one answer (for a resubmission with changed answers). */
export function recompose(rng: Rng, p: Profile, q: 3 | 5): Block[] {
  return q === 3 ? answerQ3(rng, p) : answerQ5(rng, p);
}

/** Cell text: list lines joined by one line break, paragraphs by one or two. */
export function cellText(blocks: Block[], paragraphBreak: '\n' | '\n\n'): string {
  return blocks
    .map((b, i) => (i === 0 ? '' : b.kind === 'li' && blocks[i - 1].kind === 'li' ? '\n' : paragraphBreak) + b.text)
    .join('');
}

export { THEMES };
