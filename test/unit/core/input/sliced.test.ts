// Hashing and decoding in slices (input/hash.ts, input/decode.ts): the same
// result as in one piece, whatever character a slice boundary cuts through,
// and the caller's turn awaited between slices, so an import of a 10 MB file
// lets the core answer other calls meanwhile.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../helpers/paths';
import { runAtOnce, runTurning, SLICE_BYTES } from '../../../../src-main/core/eventLoop';
import { decodeText, decodeTextTurning } from '../../../../src-main/core/input/decode';
import { sha256, sha256OfBytes, sha256OfFile, sha256Sliced } from '../../../../src-main/core/input/hash';

/** A turn that counts how often it was awaited. */
function countingTurn() {
  const turn = () => {
    turn.count++;
    return Promise.resolve();
  };
  turn.count = 0;
  return turn;
}

/** `size` bytes of ASCII filler, then `tail` placed so it straddles the first slice boundary. */
function straddling(tail: Buffer, before = 1): Buffer {
  const head = Buffer.alloc(SLICE_BYTES - before, 'a');
  return Buffer.concat([head, tail, Buffer.from('\nslutt')]);
}

describe('sha256Sliced', () => {
  it('hashes as createHash does, yielding once per slice', async () => {
    const bytes = Buffer.alloc(2 * SLICE_BYTES + 17, 'æøå;');
    const turn = countingTurn();
    expect(await runTurning(sha256Sliced(bytes), turn)).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(turn.count).toBe(3);
    expect(runAtOnce(sha256Sliced(Buffer.alloc(0)))).toBe(createHash('sha256').digest('hex'));
  });
});

describe('decodeTextTurning', () => {
  it('turns between the slices of a large file', async () => {
    const turn = countingTurn();
    const bytes = Buffer.from('Kommune;Svar\n' + 'Bodø;Ja, med forbehold\n'.repeat(200_000));
    const decoded = await decodeTextTurning(bytes, turn);
    expect(decoded).toEqual(decodeText(bytes));
    expect(decoded.encoding).toBe('UTF-8');
    expect(turn.count).toBeGreaterThanOrEqual(Math.floor(bytes.length / SLICE_BYTES));
  });

  it('keeps a character cut by a slice boundary whole, in every encoding it reads', async () => {
    const cases: { bytes: (text: string) => Buffer; encoding: string }[] = [
      { bytes: (t) => Buffer.from(t, 'utf8'), encoding: 'UTF-8' },
      { bytes: (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]), encoding: 'UTF-8 (BOM)' },
      { bytes: (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t, 'utf-16le')]), encoding: 'UTF-16LE' },
      { bytes: (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(t, 'utf-16be')]), encoding: 'UTF-16BE' },
      { bytes: (t) => iconv.encode(t, 'windows-1252'), encoding: 'WINDOWS-1252' },
    ];
    for (const { bytes, encoding } of cases) {
      // A boundary inside "ø" (2 bytes in UTF-8) and inside a code unit.
      for (const before of [1, 2, 3]) {
        const text = 'a'.repeat(SLICE_BYTES - before) + 'øæå€ – «Tromsø»\nslutt';
        const decoded = await decodeTextTurning(bytes(text), countingTurn());
        expect(decoded.encoding).toBe(encoding);
        expect(decoded.text).toBe(text);
      }
    }
  });

  it('falls back to Windows-1252 when invalid UTF-8 comes only after the first slice', async () => {
    const bytes = straddling(Buffer.from([0xe6, 0xf8, 0xe5])); // "æøå" in Windows-1252
    const decoded = await decodeTextTurning(bytes, countingTurn());
    expect(decoded.encoding).toBe('WINDOWS-1252');
    expect(decoded.text.endsWith('aæøå\nslutt')).toBe(true);
  });

  it('decodes any text the same in slices as at once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 8 }), async (tail, before) => {
        const bytes = straddling(Buffer.from(tail, 'utf8'), before);
        const sliced = await decodeTextTurning(bytes, countingTurn());
        expect(sliced).toEqual(decodeText(bytes));
        expect(sliced.text).toBe(bytes.toString('utf8'));
      }),
      { numRuns: 10 },
    );
  });
});

describe('runTurning', () => {
  it('throws a failed turn (a cancel) into the work, so its finally blocks run, and on to the caller', async () => {
    const steps: string[] = [];
    function* work() {
      try {
        steps.push('first');
        yield;
        steps.push('second');
        return 'done';
      } finally {
        steps.push('cleaned up');
      }
    }
    const cancelled = new Error('cancelled');
    await expect(runTurning(work(), () => Promise.reject(cancelled))).rejects.toBe(cancelled);
    expect(steps).toEqual(['first', 'cleaned up']);
  });
});

describe('the one SHA-256 (input/hash.ts)', () => {
  it('gives the same digest for bytes at once, for the file on disk, and fed piece by piece', async () => {
    const bytes = Buffer.concat([Buffer.alloc(SLICE_BYTES + 17, 'æ'), Buffer.from('slutt')]);
    const expected = createHash('sha256').update(bytes).digest('hex');
    expect(sha256OfBytes(bytes)).toBe(expected);
    const { dir, cleanup } = tempDir();
    try {
      const file = path.join(dir, 'svar.csv');
      writeFileSync(file, bytes);
      expect(await sha256OfFile(file)).toBe(expected);
    } finally {
      cleanup();
    }
    expect(sha256().update(bytes.subarray(0, 3)).update(bytes.subarray(3)).hex()).toBe(expected);
    expect(sha256().update('a').update('b').hex()).toBe(createHash('sha256').update('ab').digest('hex'));
  });
});
