// Who sent a free-form letter, weighed from evidence: the letterhead, the
// opening lines («Høringssvar fra …», «Kommunestyret i X kommune har …»), the
// signature block, an e-mail's sender (its address's municipal domain,
// email-domains.ts), the e-mail's subject, and the file name last. A municipality
// only mentioned in the body («… feks Oslo kommune vil få …», «partiene i
// Saltdal kommune») counts for little, so a letter is never matched on it;
// below the confidence threshold the sender is *uavklart* with its candidates.
import path from 'node:path';
import { cleanRespondentName } from './respondent-name';
import type { MatchResult, MunicipalityMatcher } from './match';
import { foldKey } from '../input/text';
import { municipalityByEmail } from './email-domains';

export type EvidenceSource = 'letterhead' | 'opening' | 'signature' | 'email' | 'subject' | 'filename' | 'body';
export type SenderKind = 'kommune' | 'fylkeskommune' | 'annen';

export interface SenderEvidence {
  source: EvidenceSource;
  /** The line (or file name) the evidence was read from. */
  text: string;
  weight: number;
}

export interface SenderCandidate {
  name: string;
  kind: SenderKind;
  /** The register's verdict for a municipality; unmatched for others. */
  match: MatchResult;
  score: number;
  evidence: SenderEvidence[];
}

export interface SenderDetection {
  status: 'found' | 'uavklart';
  name: string;
  kind: SenderKind;
  match: MatchResult;
  /** 0–1. */
  confidence: number;
  /** A listing label taken off the name, e.g. "uten merknader". */
  label: string | null;
  /** Best first; only candidates with real evidence (not body mentions alone). */
  candidates: SenderCandidate[];
}

/** At or above this confidence the best candidate is the sender; below, the letter is *uavklart*. */
export const SENDER_THRESHOLD = 0.6;

const WEIGHT: Record<EvidenceSource, number> = { letterhead: 3, opening: 3, signature: 3, email: 2.5, subject: 2, filename: 2, body: 0.3 };
/** A candidate needs at least this much (more than body mentions) to be a sender at all. */
const REAL_EVIDENCE = 1;

const UNIT = String.raw`(?:[Ff]ylkeskommune|FYLKESKOMMUNE|[Kk]ommune|KOMMUNE|[Hh]erad|HERAD|suohkan|gielda|tjïelte|kommuuni)`;
const NAME_WORD = String.raw`\p{Lu}[\p{L}'’.]*(?:-\p{Lu}?[\p{L}'’.]+)*`;
/** Up to five capitalised words (with «og», «i» inside: «Møre og Romsdal») before the unit word. */
const MENTION = new RegExp(String.raw`(${NAME_WORD}(?:\s+(?:og\s+|i\s+|på\s+|-\s+)?${NAME_WORD}){0,4})\s+(${UNIT})(?![\p{L}])`, 'gu');
/** A council or officer «i X kommune»: the municipality speaking. */
const COUNCIL_BEFORE = /(?:kommunestyre[t]?|formannskap(?:et)?|bystyre[t]?|heradsstyre[t]?|kommunedirektør(?:en)?|rådmann(?:en)?|ordfører(?:en)?|administrasjonen|kommunens?\s+\S+|utval(?:g|get)?|eldreråd(?:et)?|ungdomsråd(?:et)?)\s+(?:i|på)\s+$/iu;
/** «i/på/til/om … X kommune» elsewhere: a place, not a sender. */
const PLACE_BEFORE = /(?:^|\s)(?:i|på|til|om|mot|enn|som|eks|f\.?\s?eks\.?|feks|blant\s+annet|bl\.\s?a\.|eksempel|nabokommunen|nabo|og|eller|med|av|ved|under|over|innen|utenfor|inn\s+i|ut\s+av)\s+$/iu;
const SENDER_BEFORE = /(?:^|\s)(?:fra|frå|for|v\/|på\s+vegne\s+av|vegne\s+av)\s+$/iu;
const OPENING_LINE = /^\s*(?:høringssvar|høyringssvar|høringsuttalelse|høyringsuttale|høyringsfråsegn|uttalelse|uttale|fråsegn|innspill|innspel|svar|merknader|høring)\b/iu;
const CLOSING = /^\s*(?:med\s+(?:vennlig\s+)?hilsen|vennlig\s+hilsen|med\s+helsing|helsing|mvh|beste\s+hilsen|hilsen)\b/iu;
const RECIPIENT = /^\s*(?:til|til:|mottaker|deres\s+ref|vår\s+ref|justis-|kommunal-\s+og|.*departementet\s*$)/iu;
const EMAIL_FROM = /^\s*(?:fra|frå|from|avsender)\s*:\s*(.+)$/iu;
const ORG_OPENING = /^\s*(?:høringssvar|høyringssvar|høringsuttalelse|høyringsuttale|uttalelse|fråsegn|innspill|innspel|svar|merknader)\b[^\n]*?\b(?:fra|frå)\s+(.+)$/iu;
const ORG_WORD = /(?:forening|forbund|forbundet|lag|laget|parti|partiet|arbeiderparti|senterparti|høyre|venstre|\bsv\b|\bfrp\b|\bkrf\b|\bmdg\b|rødt|organisasjon|råd(?:et)?|utvalg(?:et)?|nemnd|senter(?:et)?|stiftelse[n]?|kirke|menighet|universitet(?:et)?|høgskole[n]?|direktorat(?:et)?|tilsyn(?:et)?|etaten|\bks\b|\bnho\b|\blo\b|\bas\b|\basa\b|\bsa\b|næringsforening|bondelag|velforening|politidistrikt|regionråd(?:et)?|sameting(?:et)?|statsforvalter(?:en)?)/iu;

interface Zones {
  lines: string[];
  /** Index of each non-empty line among the non-empty lines; -1 for empty ones. */
  rank: number[];
  count: number;
  /** First line index of the signature block (after the closing, or the last 12 non-empty lines). */
  signatureFrom: number;
  /** Lines of an e-mail header at the top (Fra:/Til:/Sendt:/Emne:). */
  headerEnd: number;
}

function zones(text: string): Zones {
  const lines = text.split('\n');
  const rank: number[] = [];
  let count = 0;
  for (const line of lines) rank.push(line.trim() ? count++ : -1);
  let closing = -1;
  lines.forEach((l, i) => {
    if (CLOSING.test(l) && rank[i] >= count / 3) closing = i;
  });
  const lastTwelve = lines.findIndex((_, i) => rank[i] >= count - 12);
  const signatureFrom = closing >= 0 ? closing : Math.max(lastTwelve, 0);
  let headerEnd = 0;
  for (let i = 0; i < Math.min(lines.length, 12); i++) {
    if (/^\s*(?:fra|frå|from|til|to|sendt|sent|dato|date|emne|subject|kopi|cc)\s*:/iu.test(lines[i])) headerEnd = i + 1;
    else if (lines[i].trim() && headerEnd === 0) break;
  }
  return { lines, rank, count, signatureFrom, headerEnd };
}

interface Mention {
  name: string;
  kind: SenderKind;
  match: MatchResult;
  source: EvidenceSource;
  weight: number;
  line: string;
}

/** The register's reading of «X kommune», trying the longest run of preceding words first; k = words before the name. */
function resolveMunicipal(words: string[], unit: string, matcher: MunicipalityMatcher): { name: string; match: MatchResult; k: number } | null {
  for (let k = 0; k < words.length; k++) {
    const name = `${words.slice(k).join(' ')} ${unit}`;
    const match = matcher.match(name);
    if (match.status !== 'unmatched') return { name, match, k };
  }
  return null;
}

function resolveCounty(words: string[], unit: string, counties: Set<string>): { name: string; k: number } | null {
  for (let k = 0; k < words.length; k++) {
    const base = words.slice(k).join(' ');
    if (counties.has(foldKey(base))) return { name: `${base} ${unit.toLocaleLowerCase('nb')}`, k };
  }
  return null;
}

/** Where a mention sits decides what it is worth. */
function mentionSource(z: Zones, i: number, before: string, whole: boolean): { source: EvidenceSource; weight: number } {
  const line = z.lines[i];
  const r = z.rank[i];
  const inSignature = i >= z.signatureFrom;
  if (i < z.headerEnd && EMAIL_FROM.test(line)) return { source: 'email', weight: WEIGHT.email };
  if (COUNCIL_BEFORE.test(before)) {
    if (r < 15) return { source: 'opening', weight: WEIGHT.opening };
    if (inSignature) return { source: 'signature', weight: WEIGHT.signature };
    return { source: 'body', weight: 1 };
  }
  if (PLACE_BEFORE.test(before)) return { source: 'body', weight: WEIGHT.body };
  if (r < 8 && whole && !RECIPIENT.test(line)) return { source: 'letterhead', weight: WEIGHT.letterhead };
  if (r < 15 && OPENING_LINE.test(line) && (SENDER_BEFORE.test(before) || !/\s(?:til|om)\s/iu.test(before))) return { source: 'opening', weight: WEIGHT.opening };
  if (inSignature && (whole || SENDER_BEFORE.test(before))) return { source: 'signature', weight: WEIGHT.signature };
  if (r < 15 && SENDER_BEFORE.test(before)) return { source: 'opening', weight: 2 };
  return { source: 'body', weight: WEIGHT.body };
}

function mentions(text: string, matcher: MunicipalityMatcher, counties: Set<string>): Mention[] {
  const z = zones(text);
  const found: Mention[] = [];
  z.lines.forEach((line, i) => {
    if (!line.trim()) return;
    for (const m of line.matchAll(MENTION)) {
      const unit = m[2];
      const words = m[1].split(/\s+/);
      const county = /^fylkeskommune$/iu.test(unit);
      const resolved: { name: string; k: number; match?: MatchResult } | null = county ? resolveCounty(words, unit, counties) : resolveMunicipal(words, unit, matcher);
      if (!resolved) continue;
      // Words before the name («Kommunestyret i») belong to the context, not the name.
      const before = line.slice(0, m.index) + words.slice(0, resolved.k).map((w) => w + ' ').join('');
      const after = line.slice(m.index + m[0].length);
      // The whole line is the name (a letterhead or a signature line), give or take punctuation, "v/ …" and a label.
      const whole = /^[\s«»"'–-]*$/u.test(before) && /^\s*(?:[,.:;)»"]|v\/.*|v\..*|\(.*\)\s*)?\s*$/iu.test(after);
      const { source, weight } = mentionSource(z, i, before, whole);
      if (resolved.match) found.push({ name: resolved.name, kind: 'kommune', match: resolved.match, source, weight, line: line.trim() });
      else found.push({ name: resolved.name, kind: 'fylkeskommune', match: { status: 'unmatched' }, source, weight, line: line.trim() });
    }
    // An e-mail's sender: its display name is read above; its address may name the municipality.
    const from = i < z.headerEnd ? EMAIL_FROM.exec(line) : null;
    if (from) {
      const address = /<([^>]+@[^>]+)>/.exec(from[1])?.[1] ?? /\S+@\S+/.exec(from[1])?.[0] ?? '';
      const byDomain = address ? municipalityByEmail(address, matcher) : null;
      if (byDomain) {
        const entry = byDomain.match.status === 'matched' ? matcher.entry(byDomain.match.number) : undefined;
        const name = entry ? `${entry.name} kommune` : `${byDomain.domain} (flere kommuner)`;
        found.push({ name, kind: 'kommune', match: byDomain.match, source: 'email', weight: WEIGHT.email, line: line.trim() });
      } else if (!found.some((f) => f.line === line.trim())) {
        const display = from[1].replace(/<[^>]*>/g, '').replace(/["']/g, '').trim();
        if (display && !display.includes('@')) found.push({ name: display, kind: 'annen', match: { status: 'unmatched' }, source: 'email', weight: 2, line: line.trim() });
      }
    }
    // «Høringssvar fra Saltdal Arbeiderparti, …»: an organisation that is no municipality.
    const opening = z.rank[i] < 15 ? ORG_OPENING.exec(line) : null;
    if (opening && !found.some((f) => f.line === line.trim() && f.weight >= REAL_EVIDENCE)) {
      const name = opening[1].replace(/[:.]\s*$/u, '').trim();
      if (name && name.split(/\s+/).length <= 12) found.push({ name, kind: 'annen', match: { status: 'unmatched' }, source: 'opening', weight: WEIGHT.opening, line: line.trim() });
    }
    // A letterhead naming an organisation (a short first line with an organisation's word in it).
    if (z.rank[i] < 3 && !found.some((f) => f.line === line.trim()) && !RECIPIENT.test(line) && !/\d/.test(line)) {
      const words = line.trim().split(/\s+/);
      if (words.length <= 7 && ORG_WORD.test(line)) found.push({ name: line.trim(), kind: 'annen', match: { status: 'unmatched' }, source: 'letterhead', weight: 2.5, line: line.trim() });
    }
  });
  return found;
}

/** A date in a file name (2024-04-15, 15.04.2024, 20240415): its year is not a municipality number. */
const FILE_DATE = /(?<!\d)(?:(?:19|20)\d{2}[-_.]\d{1,2}[-_.]\d{1,2}|\d{1,2}[-_.]\d{1,2}[-_.]\d{4}|(?:19|20)\d{6})(?!\d)/g;

/**
 * What a file name says: a four-digit municipality number (never a date's
 * year) and the name left when numbers and dates are taken out, without
 * separator residue («4624-bjørnafjorden» → 4624, «bjørnafjorden»).
 */
export function fileNameParts(fileName: string): { number: string | null; name: string } {
  const base = path.basename(fileName, path.extname(fileName)).replace(FILE_DATE, ' ');
  const number = /(?:^|\D)(\d{4})(?:\D|$)/.exec(base)?.[1] ?? null;
  const name = base
    .replace(/(?:^|[\s_-])\d{4}(?=$|[\s_-])/g, ' ')
    .replace(/[_]+/g, ' ')
    // A hyphen inside a name stays (Nord-Odal); one beside a space or an edge is a separator.
    .replace(/(?<!\p{L})-+|-+(?!\p{L})/gu, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { number, name };
}

function fileCandidate(fileName: string, matcher: MunicipalityMatcher): Mention | null {
  const { number, name: fromName } = fileNameParts(fileName);
  if (/fylkeskommune/iu.test(fromName)) return { name: fromName, kind: 'fylkeskommune', match: { status: 'unmatched' }, source: 'filename', weight: WEIGHT.filename, line: path.basename(fileName) };
  const match = matcher.match(fromName, number);
  if (match.status === 'unmatched') return null;
  const entry = match.status === 'matched' ? matcher.entry(match.number) : undefined;
  return { name: entry ? `${entry.name} kommune` : fromName, kind: 'kommune', match, source: 'filename', weight: WEIGHT.filename, line: path.basename(fileName) };
}

function candidateKey(m: Mention): string {
  if (m.match.status === 'matched') return `m:${m.match.number}`;
  if (m.match.status === 'ambiguous') return `a:${m.match.candidates.join(',')}`;
  return `${m.kind}:${foldKey(cleanRespondentName(m.name).name)}`;
}

/** Sums the evidence per candidate: each source counts once (its strongest), body mentions at most three times. */
function tally(all: Mention[]): SenderCandidate[] {
  const byKey = new Map<string, { first: Mention; evidence: SenderEvidence[] }>();
  for (const m of all) {
    const key = candidateKey(m);
    const entry = byKey.get(key) ?? { first: m, evidence: [] };
    entry.evidence.push({ source: m.source, text: m.line, weight: m.weight });
    byKey.set(key, entry);
  }
  const candidates = [...byKey.values()].map(({ first, evidence }) => {
    const best = new Map<EvidenceSource, number>();
    let bodyCount = 0;
    for (const e of evidence) {
      if (e.source === 'body' && e.weight === WEIGHT.body) bodyCount++;
      else best.set(e.source, Math.max(best.get(e.source) ?? 0, e.weight));
    }
    const score = [...best.values()].reduce((a, b) => a + b, 0) + Math.min(bodyCount, 3) * WEIGHT.body;
    return { name: cleanRespondentName(first.name).name, kind: first.kind, match: first.match, score: Math.round(score * 100) / 100, evidence };
  });
  // Deterministic: highest score, then the earliest evidence's order of appearance.
  return candidates.sort((a, b) => b.score - a.score);
}

export interface SenderInput {
  fileName: string;
  text: string;
  /** The sender of an e-mail, where the file was one (display name and address). */
  emailFrom?: string | null;
  /** The e-mail's subject: weaker evidence than the letter and the sender's domain. */
  emailSubject?: string | null;
}

/** «Høringssvar fra Bodø kommune» in an e-mail's subject: a municipality named there. */
function subjectMentions(subject: string, matcher: MunicipalityMatcher, counties: Set<string>): Mention[] {
  const found: Mention[] = [];
  for (const m of subject.matchAll(MENTION)) {
    const words = m[1].split(/\s+/);
    if (/^fylkeskommune$/iu.test(m[2])) {
      const county = resolveCounty(words, m[2], counties);
      if (county) found.push({ name: county.name, kind: 'fylkeskommune', match: { status: 'unmatched' }, source: 'subject', weight: WEIGHT.subject, line: subject.trim() });
      continue;
    }
    const resolved = resolveMunicipal(words, m[2], matcher);
    // «Svar til Bodø kommune», «om Bodø kommune»: a recipient or a topic, not the sender.
    const before = subject.slice(0, m.index) + (resolved ? words.slice(0, resolved.k).map((w) => w + ' ').join('') : '');
    if (PLACE_BEFORE.test(before)) continue;
    // «Høringssvar fra Saltdal kommune» says who sent it, as an opening line would.
    const weight = SENDER_BEFORE.test(before) ? WEIGHT.opening : WEIGHT.subject;
    if (resolved) found.push({ name: resolved.name, kind: 'kommune', match: resolved.match, source: 'subject', weight, line: subject.trim() });
  }
  return found;
}

export function detectSender(input: SenderInput, matcher: MunicipalityMatcher): SenderDetection {
  const counties = new Set(matcher.entries.map((e) => foldKey(e.countyName)));
  const text = input.emailFrom ? `Fra: ${input.emailFrom}\n${input.text}` : input.text;
  const all = mentions(text, matcher, counties);
  if (input.emailSubject) all.push(...subjectMentions(input.emailSubject, matcher, counties));
  const byFile = fileCandidate(input.fileName, matcher);
  if (byFile) all.push(byFile);
  const ranked = tally(all);
  const real = ranked.filter((c) => c.score >= REAL_EVIDENCE);
  const fallback = cleanRespondentName(fileNameParts(input.fileName).name || path.basename(input.fileName, path.extname(input.fileName)));
  const best = real[0];
  if (!best) {
    // No letterhead, opening, signature or file name names anyone: another sender, named by its file.
    return { status: 'found', name: fallback.name, kind: 'annen', match: { status: 'unmatched' }, confidence: 0, label: fallback.label, candidates: ranked };
  }
  const second = real[1]?.score ?? 0;
  const confidence = Math.round(Math.min(1, best.score / 3) * (best.score / (best.score + second)) * 100) / 100;
  // The letter's own words first: a file name is the weakest witness of how the sender names itself.
  const inLetter = best.evidence.filter((e) => e.source !== 'filename');
  const label = inLetter.map((e) => cleanRespondentName(e.text).label).find((l) => l !== null) ?? (inLetter.length > 0 ? null : fallback.label);
  if (confidence >= SENDER_THRESHOLD) {
    return { status: 'found', name: best.name, kind: best.kind, match: best.match, confidence, label, candidates: real };
  }
  // Uavklart: never assigned; the municipalities among the candidates go to the caseworker to choose from.
  const numbers = [...new Set(real.flatMap((c) => (c.match.status === 'matched' ? [c.match.number] : c.match.status === 'ambiguous' ? c.match.candidates : [])))].sort();
  const match: MatchResult = numbers.length > 0 ? { status: 'ambiguous', candidates: numbers } : { status: 'unmatched' };
  return { status: 'uavklart', name: fallback.name, kind: 'annen', match, confidence, label: fallback.label, candidates: real };
}
