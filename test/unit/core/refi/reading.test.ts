// How a REFI-QDA file's positions are read (src-main/core/refi/reading.ts):
// offsets under each reading, word-boundary fit, the producer's reading, and
// detection that picks the reading a file was written in and refuses a file
// no reading fits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseReading, onWordBoundary, readingOfOrigin, toUtf16Offsets, type Reading } from '../../../../src-main/core/refi/reading';

/** Positions of a UTF-16 offset under a reading (the inverse of toUtf16Offsets, written the slow, obvious way). */
function positionOf(text: string, offset: number, r: Reading): number {
  let before = text.slice(0, offset);
  if (r.crlf === 1) before = before.replace(/\r\n/g, '\n');
  return r.unit === 'utf16' ? before.length : Array.from(before).length;
}

describe('toUtf16Offsets', () => {
  const text = 'a👮b\r\nc';
  it('counts an emoji as one code point or two code units, CR LF as two or one', () => {
    expect(toUtf16Offsets(text, [0, 1, 2, 3, 4, 5], { unit: 'codepoint', crlf: 2 })).toEqual([0, 1, 3, 4, 5, 6]);
    expect(toUtf16Offsets(text, [0, 1, 3, 4, 6], { unit: 'utf16', crlf: 2 })).toEqual([0, 1, 3, 4, 6]);
    expect(toUtf16Offsets(text, [3, 4, 5], { unit: 'codepoint', crlf: 1 })).toEqual([4, 6, 7]);
  });
  it('gives -1 inside an emoji, past the end, or for a negative position', () => {
    expect(toUtf16Offsets(text, [2, 99, -1], { unit: 'utf16', crlf: 2 })).toEqual([-1, -1, -1]);
  });
  it('is the inverse of counting, for any text and reading (property)', () => {
    const chars = fc.constantFrom('a', 'ø', ' ', '👮', '\r\n', '\n', 'é', '.');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), fc.constantFrom<Reading>({ unit: 'codepoint', crlf: 2 }, { unit: 'utf16', crlf: 2 }, { unit: 'codepoint', crlf: 1 }, { unit: 'utf16', crlf: 1 }), (parts, r) => {
        const t = parts.join('');
        // Character boundaries of this reading: between the parts.
        const offsets = parts.reduce<number[]>((acc, p) => [...acc, acc[acc.length - 1] + p.length], [0]);
        const positions = offsets.map((o) => positionOf(t, o, r));
        expect(toUtf16Offsets(t, positions, r)).toEqual(offsets);
      }),
    );
  });
});

it('onWordBoundary: not inside a word, also after an emoji', () => {
  const t = 'Hei 👮du.';
  expect([0, 3, 4, 6, 7, 8, 9].map((i) => onWordBoundary(t, i))).toEqual([true, true, true, true, false, true, true]);
});

it('knows NVivo and Innspill by their origin, and no other', () => {
  expect(readingOfOrigin('NVivo for Windows 12.6')?.reading).toEqual({ unit: 'utf16', crlf: 2 });
  expect(readingOfOrigin('Innspill 0.1.0')?.reading).toEqual({ unit: 'codepoint', crlf: 2 });
  expect(readingOfOrigin('ATLAS.ti 24')).toBeNull();
  expect(readingOfOrigin(null)).toBeNull();
});

describe('chooseReading', () => {
  // Words with emoji between them, CR LF line ends: every reading places a late selection differently.
  const words = ['Politiet', 'må', 'være', 'synlig', '👮', 'om', 'natten', '🚓', 'og', 'dagen', '\r\n', 'Takk', '😀', 'for', 'svaret'];
  const text = words.join(' ');
  const wordSpans = words.flatMap((w) => (/\p{L}/u.test(w) ? [{ start: text.indexOf(w), end: text.indexOf(w) + w.length }] : []));

  const written = (r: Reading) => [{ text, positions: wordSpans.map((s) => ({ start: positionOf(text, s.start, r), end: positionOf(text, s.end, r) })) }];

  it('detects the reading a file was written in, whichever it is', () => {
    for (const r of [{ unit: 'codepoint', crlf: 2 }, { unit: 'utf16', crlf: 2 }, { unit: 'codepoint', crlf: 1 }, { unit: 'utf16', crlf: 1 }] as Reading[]) {
      expect(chooseReading('Some program', written(r))).toMatchObject({ ...r, basis: 'detected' });
    }
  });

  it("takes a known producer's reading", () => {
    expect(chooseReading('NVivo for Windows 12.6', written({ unit: 'utf16', crlf: 2 }))).toMatchObject({ unit: 'utf16', crlf: 2, basis: 'origin' });
  });

  it('refuses a known producer whose positions do not fit its reading', () => {
    const shifted = [{ text, positions: wordSpans.map((s) => ({ start: s.start + 2, end: s.end + 2 })) }];
    expect(chooseReading('NVivo for Windows 12.6', shifted)).toMatchObject({ basis: 'refused' });
  });

  it('refuses positions that fit no reading (every selection cuts words)', () => {
    const cut = [{ text, positions: wordSpans.map((s) => ({ start: s.start + 1, end: s.end - 1 })) }];
    const chosen = chooseReading(null, cut);
    expect(chosen.basis).toBe('refused');
    expect(chosen.explanation).toMatch(/nothing was coded/);
  });

  it('with no emoji and no CR LF, every reading agrees', () => {
    const plain = 'Rus blant unge er den største utfordringen.';
    expect(chooseReading(null, [{ text: plain, positions: [{ start: 0, end: 3 }] }])).toMatchObject({ unit: 'codepoint', basis: 'unambiguous' });
  });

  it("the user's choice wins", () => {
    expect(chooseReading('NVivo for Windows 12.6', written({ unit: 'utf16', crlf: 2 }), 'codepoint')).toMatchObject({ unit: 'codepoint', basis: 'given' });
  });
});
