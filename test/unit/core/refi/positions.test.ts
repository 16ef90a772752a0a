// REFI-QDA positions are Unicode code points; ours are UTF-16 code units.
// Converting both ways, and mapping offsets in another program's text (BOM,
// CR LF or lone CR line ends, decomposed letters) onto the text as we store it.
import { describe, expect, it } from 'vitest';
import { codePointLength, codePointsToUtf16, normalizeWithMap, utf16ToCodePoint } from '../../../../src-main/core/refi/positions';

describe('code points and UTF-16', () => {
  const text = 'Bodø 👮 og 𝔸 – så';
  it('counts an astral character once and Norwegian letters once', () => {
    expect(text.length).toBe(18);
    expect(codePointLength(text)).toBe(16);
    expect(text.indexOf('og')).toBe(8);
    expect(utf16ToCodePoint(text, text.indexOf('og'))).toBe(7);
    expect(utf16ToCodePoint(text, text.indexOf('så'))).toBe(14);
  });

  it('maps code point positions back to UTF-16 offsets, every boundary, in one pass', () => {
    const all = Array.from({ length: codePointLength(text) + 1 }, (_, i) => i);
    const offsets = codePointsToUtf16(text, all);
    all.forEach((cp, i) => expect(utf16ToCodePoint(text, offsets[i])).toBe(cp));
    expect(text.slice(offsets[5], offsets[6])).toBe('👮');
    expect(codePointsToUtf16(text, [99, 3, 3])).toEqual([-1, 3, 3]);
  });
});

describe('normalizeWithMap', () => {
  it('is the identity for text already stored our way', () => {
    const n = normalizeWithMap('Allerede\nnormalisert');
    expect(n.text).toBe('Allerede\nnormalisert');
    expect(n.map(9)).toBe(9);
  });

  it('drops a BOM and CR of CR LF, turns a lone CR into LF, and maps offsets across', () => {
    const raw = '\uFEFFa\r\nb\rc\r\nd';
    const n = normalizeWithMap(raw);
    expect(n.text).toBe('a\nb\nc\nd');
    const at = (ch: string) => n.map(raw.indexOf(ch));
    expect(['a', 'b', 'c', 'd'].map((ch) => n.text[at(ch)])).toEqual(['a', 'b', 'c', 'd']);
    expect(n.map(raw.length)).toBe(n.text.length);
  });

  it('composes decomposed letters (NFD å) and maps offsets after them', () => {
    const raw = 'også\r\nsærlig'.normalize('NFD');
    expect(raw.length).toBe(13);
    const n = normalizeWithMap(raw);
    expect(n.text).toBe('også\nsærlig');
    expect(n.map(raw.indexOf('s', 4))).toBe(5);
    expect(n.map(raw.length)).toBe(11);
  });
});
