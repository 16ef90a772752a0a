// Character positions between Innspill and REFI-QDA. Our coded spans are
// UTF-16 code unit offsets into one answer (what JavaScript strings index);
// REFI-QDA counts characters as Unicode code points in the whole source text,
// so "👮" is one position there and two here, and "ø" is one in both. Sources
// from other programs may also use CR LF line ends and decomposed letters
// (o + combining stroke) where our stored text is NFC with \n: the normaliser
// below maps positions across that too.

/** Code points in a string (a lone surrogate counts as one, as it does in REFI-QDA readers that decode leniently). */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** The code point position of a UTF-16 offset. */
export function utf16ToCodePoint(text: string, offset: number): number {
  return codePointLength(text.slice(0, offset));
}

/**
 * The UTF-16 offsets of code point positions, for many positions of one text
 * at once (one pass). A position past the end gives -1.
 */
export function codePointsToUtf16(text: string, positions: number[]): number[] {
  const wanted = [...new Set(positions)].sort((a, b) => a - b);
  const found = new Map<number, number>();
  let cp = 0;
  let k = 0;
  for (let i = 0; i <= text.length && k < wanted.length; ) {
    while (k < wanted.length && wanted[k] === cp) found.set(wanted[k++], i);
    if (i === text.length) break;
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff ? 2 : 1;
    cp++;
  }
  return positions.map((p) => found.get(p) ?? -1);
}

/** A source text as we store text (no BOM, \n line ends, NFC), with a map from offsets in the original. */
export interface NormalizedText {
  text: string;
  /** The offset in `text` of a UTF-16 offset in the original. */
  map(offset: number): number;
}

export function normalizeWithMap(original: string): NormalizedText {
  const bom = original.startsWith('\uFEFF') ? 1 : 0;
  const raw = original.slice(bom);
  // CR LF → LF removes the CR; a lone CR becomes LF (same length).
  const removedBefore: number[] = [];
  let lf = '';
  if (raw.includes('\r')) {
    let removed = 0;
    const parts: string[] = [];
    for (let i = 0; i < raw.length; i++) {
      removedBefore.push(removed);
      const c = raw[i];
      if (c === '\r' && raw[i + 1] === '\n') removed++;
      else parts.push(c === '\r' ? '\n' : c);
    }
    removedBefore.push(removed);
    lf = parts.join('');
  } else {
    lf = raw;
  }
  const afterLf = (o: number) => {
    const at = Math.max(0, Math.min(raw.length, o - bom));
    return removedBefore.length ? at - removedBefore[at] : at;
  };
  const nfc = lf.normalize('NFC');
  if (nfc === lf) return { text: lf, map: afterLf };
  // Decomposed letters: NFC of the text before the offset is as long as the
  // NFC text up to it (true at every character boundary, which is where
  // selections begin and end). Rare, so the simple way.
  return { text: nfc, map: (o) => lf.slice(0, afterLf(o)).normalize('NFC').length };
}
