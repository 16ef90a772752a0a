// How to read the selection positions of one REFI-QDA file. The standard
// counts Unicode code points, but NVivo counts UTF-16 code units (an emoji is
// two), and a producer may count CR LF as one character or two. Reading a
// file in the wrong unit puts every coding after an emoji on the wrong words,
// so the unit is taken from the producer (the `origin` attribute) where we
// know it, else tested against the file's own source texts (how many
// selections begin and end on word boundaries under each reading), and a file
// no reading clearly fits is refused rather than guessed.
import type { RefiPositionReading } from '../../../src-shared/refi';

export type PositionUnit = RefiPositionReading['unit'];

/** One way to count: the unit, and whether CR LF counts as two characters (as written) or one. */
export interface Reading {
  unit: PositionUnit;
  crlf: 1 | 2;
}

/** A source's text as the file holds it (without a BOM: no producer we know counts it) and its selections' positions. */
export interface PositionedSource {
  text: string;
  positions: { start: number; end: number }[];
}

/** What Innspill adds to the origin of a file it wrote with NVivo's positions. */
export const UTF16_ORIGIN_MARK = '(positions: UTF-16 code units, for NVivo)';

/** Producers whose unit we know (the origin names the program). */
const KNOWN: { pattern: RegExp; reading: Reading; name: string }[] = [
  { pattern: /^innspill\b.*\(positions: UTF-16 code units/i, reading: { unit: 'utf16', crlf: 2 }, name: 'Innspill (for NVivo)' },
  // NVivo 12 for Windows counts UTF-16 code units (a .NET string index) with CR LF as two.
  { pattern: /\bnvivo\b/i, reading: { unit: 'utf16', crlf: 2 }, name: 'NVivo' },
  // We write code points, as the standard says, and no CR.
  { pattern: /^innspill\b/i, reading: { unit: 'codepoint', crlf: 2 }, name: 'Innspill' },
];

/** The reading a producer is known to use, or null. */
export function readingOfOrigin(origin: string | null): { reading: Reading; name: string } | null {
  if (!origin) return null;
  const known = KNOWN.find((k) => k.pattern.test(origin));
  return known ? { reading: known.reading, name: known.name } : null;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The UTF-16 offsets in `text` of positions counted in `reading`, or -1 for a
 * position outside the text or inside a character (between the halves of an
 * emoji, or between CR and LF when CR LF counts as one).
 */
export function toUtf16Offsets(text: string, positions: number[], reading: Reading): number[] {
  const wanted = [...new Set(positions.filter((p) => Number.isInteger(p) && p >= 0))].sort((a, b) => a - b);
  const found = new Map<number, number>();
  let counted = 0;
  let k = 0;
  for (let i = 0; k < wanted.length; ) {
    while (k < wanted.length && wanted[k] === counted) found.set(wanted[k++], i);
    if (i >= text.length) break;
    const c = text.charCodeAt(i);
    if (reading.unit === 'codepoint' && isHigh(c) && isLow(text.charCodeAt(i + 1))) {
      i += 2;
      counted++;
    } else if (reading.crlf === 1 && c === 13 && text.charCodeAt(i + 1) === 10) {
      i += 2;
      counted++;
    } else {
      i++;
      counted++;
    }
  }
  return positions.map((p) => {
    const at = found.get(p);
    if (at === undefined) return -1;
    // UTF-16 positions can point between the halves of a pair: not a character boundary.
    if (at > 0 && at < text.length && isLow(text.charCodeAt(at)) && isHigh(text.charCodeAt(at - 1))) return -1;
    return at;
  });
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** A selection edge that does not cut a word: at either end of the text, or with a non-letter on one side. */
export function onWordBoundary(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return true;
  const before = String.fromCodePoint(text.codePointAt(isLow(text.charCodeAt(at - 1)) && at > 1 ? at - 2 : at - 1)!);
  const after = String.fromCodePoint(text.codePointAt(at)!);
  return !WORD.test(before) || !WORD.test(after);
}

/** How many selections lie in the text and begin and end on word boundaries under a reading. */
export function fitOf(sources: PositionedSource[], reading: Reading): { selections: number; fitting: number } {
  let selections = 0;
  let fitting = 0;
  for (const s of sources) {
    const offsets = toUtf16Offsets(s.text, s.positions.flatMap((p) => [p.start, p.end]), reading);
    s.positions.forEach((_, i) => {
      selections++;
      const [a, b] = [offsets[2 * i], offsets[2 * i + 1]];
      if (a >= 0 && b > a && onWordBoundary(s.text, a) && onWordBoundary(s.text, b)) fitting++;
    });
  }
  return { selections, fitting };
}

const CANDIDATES: Reading[] = [
  { unit: 'codepoint', crlf: 2 },
  { unit: 'utf16', crlf: 2 },
  { unit: 'codepoint', crlf: 1 },
  { unit: 'utf16', crlf: 1 },
];

/** A clearly better reading: it fits most of the selections the readings place differently, and clearly more of them than the other. */
const MIN_FIT = 0.8;
const MIN_LEAD = 0.2;
/** Whatever the reading, most selections of a sound file begin and end on word boundaries; below this, no reading fits. */
const MIN_OVERALL = 0.5;

const same = (a: Reading, b: Reading) => a.unit === b.unit && a.crlf === b.crlf;

/** The selections two readings place differently (only these tell the readings apart). */
function disputed(sources: PositionedSource[], a: Reading, b: Reading): PositionedSource[] {
  return sources.map((s) => {
    const all = s.positions.flatMap((p) => [p.start, p.end]);
    const x = toUtf16Offsets(s.text, all, a);
    const y = toUtf16Offsets(s.text, all, b);
    return { text: s.text, positions: s.positions.filter((_, i) => x[2 * i] !== y[2 * i] || x[2 * i + 1] !== y[2 * i + 1]) };
  });
}

export function describeReading(r: Reading): string {
  return `${r.unit === 'utf16' ? 'UTF-16 code units' : 'Unicode code points'}, CR LF as ${r.crlf === 2 ? 'two characters' : 'one'}`;
}

const share = (f: { selections: number; fitting: number }) => (f.selections ? f.fitting / f.selections : 1);

/** Whether `r` fits the selections it and `rival` place differently clearly better than `rival` does. */
function clearlyBetter(sources: PositionedSource[], r: Reading, rival: Reading): boolean {
  const contested = disputed(sources, r, rival);
  const ours = share(fitOf(contested, r));
  return ours >= MIN_FIT && ours - share(fitOf(contested, rival)) >= MIN_LEAD;
}

/**
 * The reading of a file's positions: the producer's where we know it, else
 * the one its source texts clearly fit, else `refused` with the reason
 * (nothing from the file is coded then). `given` is the user's own choice,
 * which wins. Only selections that readings place differently (after an
 * emoji or a CR LF) tell them apart; where there are none, every reading
 * gives the same words and the positions stand as written.
 */
export function chooseReading(origin: string | null, sources: PositionedSource[], given?: PositionUnit): RefiPositionReading {
  const fits = CANDIDATES.map((r) => ({ reading: r, ...fitOf(sources, r) }));
  const fitList = fits.map((f) => ({ unit: f.reading.unit, crlf: f.reading.crlf, selections: f.selections, fitting: f.fitting }));
  const summary = fits.map((f) => `${describeReading(f.reading)}: ${f.fitting} of ${f.selections}`).join('; ');
  const refuse = (why: string): RefiPositionReading => ({
    ...CANDIDATES[0],
    basis: 'refused',
    origin,
    explanation: `${why} (selections that begin and end on word boundaries under ${summary}); nothing was coded. Choose the reading at import if you know how the program counts`,
    fits: fitList,
  });
  const rivalsOf = (r: Reading) => CANDIDATES.filter((c) => !same(c, r) && disputed(sources, r, c).some((s) => s.positions.length));

  if (given) {
    const reading = { unit: given, crlf: 2 as const };
    return { ...reading, basis: 'given', origin, explanation: `read as ${describeReading(reading)}, as chosen at import`, fits: fitList };
  }
  const known = readingOfOrigin(origin);
  if (known) {
    const rivals = rivalsOf(known.reading);
    const overall = share(fits.find((f) => same(f.reading, known.reading))!);
    const better = rivals.find((r) => clearlyBetter(sources, r, known.reading));
    if (better || (rivals.length && overall < MIN_OVERALL)) {
      return refuse(`written by ${known.name}, which counts ${describeReading(known.reading)}, but the positions do not fit its text that way`);
    }
    return { ...known.reading, basis: 'origin', origin, explanation: `written by ${known.name}, which counts ${describeReading(known.reading)}`, fits: fitList };
  }
  // The best overall (the standard's reading first among equals); it must clearly beat every reading that places selections otherwise.
  const best = [...fits].sort((a, b) => share(b) - share(a) || CANDIDATES.indexOf(a.reading) - CANDIDATES.indexOf(b.reading))[0].reading;
  const rivals = rivalsOf(best);
  if (!rivals.length) {
    return { ...best, basis: 'unambiguous', origin, explanation: 'every reading places the selections alike (no emoji or CR LF before them)', fits: fitList };
  }
  const rival = rivals.find((r) => !clearlyBetter(sources, best, r));
  if (rival) return refuse(`the positions fit neither ${describeReading(best)} nor ${describeReading(rival)} clearly better`);
  return { ...best, basis: 'detected', origin, explanation: `the producer is not known; the selections fit ${describeReading(best)} clearly best`, fits: fitList };
}
