// A shared-text group's distinct texts: whole texts compared (an excerpt can
// hide a difference), most senders first, and each near-copy's word changes
// from the first text — which, unshortened, rebuild both texts exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shortenSame, textVariants, wordChanges } from '../../../../src-main/core/analysis/variants';

const joint = 'Kommunen har ikke tatt endelig stilling til spørsmålet om nytt tjenestested.';

describe('textVariants', () => {
  it('shows an identical joint statement once with all its senders, the near-copy with its changes', () => {
    const near = 'Kommunen har ikke tatt endelig stilling til spørsmålet om nytt tjenestested ennå.';
    const out = textVariants([
      { answerId: 'a', text: near },
      { answerId: 'b', text: joint },
      { answerId: 'c', text: `  ${joint.replace(/ /g, '\n')} ` },
    ]);
    expect(out.map((v) => v.answerIds)).toEqual([['b', 'c'], ['a']]);
    expect(out[0].changes).toBeNull();
    expect(out[1].wordsAdded).toBe(1);
    expect(out[1].wordsRemoved).toBe(0);
    expect(out[1].changes!.filter((c) => c.kind !== 'same').map((c) => [c.kind, c.text])).toEqual([['added', 'ennå']]);
  });

  it('tells apart texts that differ only after the first 240 characters (they share their excerpt)', () => {
    const long = `${'Politiet må være til stede i hele kommunen. '.repeat(8)}`;
    const out = textVariants([
      { answerId: 'a', text: `${long}Vi tilbyr lokaler.` },
      { answerId: 'b', text: `${long}Vi tilbyr ikke lokaler.` },
    ]);
    expect(out[0].excerpt).toBe(out[1].excerpt);
    expect(out).toHaveLength(2);
    expect(out[1].changes!.filter((c) => c.kind === 'added').map((c) => c.text.trim())).toEqual(['ikke']);
  });

  it('shortens long unchanged runs to the words around each change', () => {
    const words = Array.from({ length: 60 }, (_, i) => `ord${i}`);
    const base = words.join(' ');
    const changed = [...words.slice(0, 30), 'NYTT', ...words.slice(30)].join(' ');
    const [, v] = textVariants([
      { answerId: 'a', text: base },
      { answerId: 'b', text: base },
      { answerId: 'c', text: changed },
    ]);
    const shown = v.changes!.map((c) => c.text).join('');
    expect(shown).toContain('NYTT');
    expect(shown).toContain('…');
    expect(shown).not.toContain('ord0 ');
    expect(shown).toContain('ord29');
    expect(shown.split(/\s+/).filter((w) => w.startsWith('ord')).length).toBeLessThanOrEqual(2 * 8 + 2);
  });
});

describe('wordChanges', () => {
  it('rebuild the base from unchanged and removed words, and the text from unchanged and added words (whitespace aside: the diff compares words)', () => {
    const word = fc.constantFrom('politiet', 'kommunen,', 'lensmann.', 'og', 'i', 'tjenestested', 'Bodø', 'ønsker', 'ikke', '12');
    const text = fc.array(word, { minLength: 1, maxLength: 40 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(text, text, (base, other) => {
        const changes = wordChanges(base, other);
        const squeeze = (t: string) => t.replace(/\s+/g, '');
        expect(squeeze(changes.filter((c) => c.kind !== 'added').map((c) => c.text).join(''))).toBe(squeeze(base));
        expect(squeeze(changes.filter((c) => c.kind !== 'removed').map((c) => c.text).join(''))).toBe(squeeze(other));
        // Shortening keeps every change.
        expect(shortenSame(changes).filter((c) => c.kind !== 'same')).toEqual(changes.filter((c) => c.kind !== 'same'));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});
