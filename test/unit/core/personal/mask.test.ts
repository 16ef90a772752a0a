// Masking keeps positions truthful: the text around each finding is kept,
// each finding becomes its label, and a passage of the original text maps to
// the same passage of the masked text (with the whole label where it touched a finding).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPersonalData } from '../../../../src-main/core/personal/detect';
import { maskedPassage, maskText } from '../../../../src-main/core/personal/mask';
import { labelledCorpus } from '../../../helpers/personal-corpus';

describe('maskText', () => {
  const text = 'Ring 912 34 567 eller skriv til kari@online.no i dag.';
  const masked = maskText(text, detectPersonalData(text));

  it('replaces each finding with its label', () => {
    expect(masked.text).toBe('Ring [telefonnummer fjernet] eller skriv til [e-postadresse fjernet] i dag.');
  });

  it('moves passages outside findings to the same words', () => {
    const start = text.indexOf('eller');
    const end = text.indexOf(' til') + 4;
    expect(maskedPassage(masked, start, end).text).toBe('eller skriv til');
    expect(maskedPassage(masked, text.indexOf('i dag'), text.length).text).toBe('i dag.');
  });

  it('quotes a passage that touches a finding with the whole label', () => {
    expect(maskedPassage(masked, 0, text.indexOf(' 34')).text).toBe('Ring [telefonnummer fjernet]');
    expect(maskedPassage(masked, text.indexOf('kari') + 2, text.length).text).toBe('[e-postadresse fjernet] i dag.');
  });

  it('keeps every passage of the labelled set truthful (property)', () => {
    const corpus = labelledCorpus(7, 200);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: corpus.length - 1 }), fc.nat(), fc.nat(), (i, a, b) => {
        const original = corpus[i].text;
        const spans = detectPersonalData(original);
        const m = maskText(original, spans);
        const [s, e] = [a % (original.length + 1), b % (original.length + 1)].sort((x, y) => x - y);
        const p = maskedPassage(m, s, e);
        expect(p.text).toBe(m.text.slice(p.start, p.end));
        // No finding's text survives in the masked text.
        for (const span of spans) expect(m.text).not.toContain(original.slice(span.start, span.end));
        // Outside the findings, the passage's text is the original's.
        if (!spans.some((sp) => sp.start < e && s < sp.end)) expect(p.text).toBe(original.slice(s, e));
      }),
      { numRuns: 1000 },
    );
  });
});
