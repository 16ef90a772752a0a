// Shared passages: a run of ≥ 20 words pasted into otherwise different texts
// is found in each, with small edits, grouped by passage, and only across
// owners; the result does not depend on anything but the input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPassages, tokenize, type PassageDoc } from '../../../../src-main/core/analysis/passages';
import { seededRandom } from '../../../../src-main/core/analysis/minhash';

const VOCAB = Array.from({ length: 3000 }, (_, i) => `ord${i.toString(36)}`);
function prose(seed: number, n: number): string {
  const next = seededRandom(seed);
  return Array.from({ length: n }, () => VOCAB[next() % VOCAB.length]).join(' ');
}
/** The words of the passage found in doc d (for asserting). */
function foundText(docs: PassageDoc[], result: ReturnType<typeof findPassages>, g: number, d: number): string {
  const s = result.groups[g].spans.find((x) => x.doc === d)!;
  const t = result.tokens[d];
  return docs[d].text.slice(t.starts[s.from], t.ends[s.to - 1]);
}

describe('shared passages', () => {
  const passage = 'Kommunestyret ber departementet sikre at politiet har tilstrekkelig bemanning i distriktene, og at responstiden ikke øker som følge av reformen, slik at innbyggerne fortsatt kan føle seg trygge.';

  it('finds a 30-word passage pasted into three different letters, grouped once, with where it is in each', () => {
    const docs: PassageDoc[] = [
      { text: `${prose(1, 80)} ${passage} ${prose(2, 60)}`, owner: 0 },
      { text: `${prose(3, 20)}\n${passage}\n${prose(4, 90)}`, owner: 1 },
      { text: `${prose(5, 150)} ${passage}`, owner: 2 },
      { text: prose(6, 200), owner: 3 },
    ];
    const r = findPassages(docs);
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0].owners).toBe(3);
    expect(r.groups[0].spans.map((s) => s.doc)).toEqual([0, 1, 2]);
    for (const d of [0, 1, 2]) expect(foundText(docs, r, 0, d)).toBe(passage.replace(/\.$/, ''));
  });

  it('is tolerant of small edits: a changed word, a dropped word and different punctuation', () => {
    const edited = passage.replace('tilstrekkelig', 'nok').replace(' fortsatt', '').replace(/,/g, ';').toUpperCase();
    const docs: PassageDoc[] = [
      { text: `${prose(7, 50)} ${passage} ${prose(8, 50)}`, owner: 0 },
      { text: `${prose(9, 50)} ${edited} ${prose(10, 50)}`, owner: 1 },
    ];
    const r = findPassages(docs);
    expect(r.groups).toHaveLength(1);
    expect(foundText(docs, r, 0, 1)).toBe(edited.replace(/\.$/, ''));
  });

  it('ignores runs shorter than 20 words and passages within one owner', () => {
    const short = 'politiet må være til stede i hele kommunen hele døgnet og hele året';
    expect(findPassages([{ text: `${prose(11, 40)} ${short} ${prose(12, 40)}`, owner: 0 }, { text: `${prose(13, 40)} ${short} ${prose(14, 40)}`, owner: 1 }]).groups).toEqual([]);
    expect(findPassages([{ text: `${prose(15, 40)} ${passage}`, owner: 0 }, { text: `${passage} ${prose(16, 40)}`, owner: 0 }]).groups).toEqual([]);
  });

  it('keeps two different passages shared by the same letters apart', () => {
    const other = prose(99, 40);
    const docs: PassageDoc[] = [
      { text: `${passage} ${prose(17, 60)} ${other}`, owner: 0 },
      { text: `${prose(18, 30)} ${passage} ${prose(19, 60)} ${other} ${prose(20, 10)}`, owner: 1 },
    ];
    const r = findPassages(docs);
    expect(r.groups).toHaveLength(2);
  });

  it('token offsets are those of the stored text, whatever the case', () => {
    const t = tokenize('ÆRLIG talt – Øst');
    expect([...t.starts]).toEqual([0, 6, 13]);
    expect([...t.ends]).toEqual([5, 10, 16]);
    expect(tokenize('ÆRLIG').hashes).toEqual(tokenize('ærlig').hashes);
  });

  it('finds every planted passage of 25–120 words with up to two edits, deterministically (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 25, max: 120 }), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 2 }), (seed, length, copies, edits) => {
        const shared = prose(seed, length).split(' ');
        const docs: PassageDoc[] = Array.from({ length: copies }, (_, c) => {
          const words = [...shared];
          for (let e = 0; e < (c === 0 ? 0 : edits); e++) words[Math.floor(((e + 1) * length) / (edits + 1))] = `endret${c}x${e}`;
          return { text: `${prose(seed + 10 + c, 30 + c * 7)} ${words.join(' ')} ${prose(seed + 100 + c, 40)}`, owner: c };
        });
        const r = findPassages(docs);
        const covering = r.groups.filter((g) => g.owners === copies);
        expect(covering.length).toBeGreaterThanOrEqual(1);
        expect(findPassages(docs)).toEqual(r);
      }),
      { numRuns: 60, seed: 17 },
    );
  });
});
