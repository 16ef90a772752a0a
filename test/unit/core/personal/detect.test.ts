// The personal-data detector: identity numbers by their check digits and
// date (property tests over many generated numbers), phone numbers, e-mail
// and postal addresses in prose, and the labelled set's figures (the same
// set bench/personal-data.ts prints precision and recall for).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPersonalData, hasValidCheckDigits, identityKind } from '../../../../src-main/core/personal/detect';
import { identityNumber, impossibleDateNumber, labelledCorpus, rng, score, withBadCheckDigit } from '../../../helpers/personal-corpus';

const found = (text: string) => detectPersonalData(text).map((s) => [s.kind, text.slice(s.start, s.end)]);
const seeds = fc.integer({ min: 1, max: 2 ** 31 - 1 });

describe('identity numbers', () => {
  it('knows check digits of published examples', () => {
    // Skatteetaten's and common test examples.
    expect(hasValidCheckDigits('01010750160')).toBe(true);
    expect(identityKind('01010750160')).toBe('fodselsnummer');
    expect(hasValidCheckDigits('01010750161')).toBe(false);
    expect(identityKind('41010750138')).toBeNull(); // bad check digits on a D-number day
  });

  it('finds every valid fødselsnummer and D-number, written together or with a space', () => {
    fc.assert(
      fc.property(seeds, fc.boolean(), fc.boolean(), (seed, dNumber, spaced) => {
        const kind = dNumber ? 'd_nummer' : 'fodselsnummer';
        const n = identityNumber(rng(seed), kind);
        const written = spaced ? `${n.slice(0, 6)} ${n.slice(6)}` : n;
        const text = `Mitt nummer er ${written}, og jeg bor i kommunen.`;
        expect(found(text)).toEqual([[kind, written]]);
      }),
      { numRuns: 2000 },
    );
  });

  it('flags no number with a bad check digit', () => {
    fc.assert(
      fc.property(seeds, fc.boolean(), (seed, dNumber) => {
        const r = rng(seed);
        const bad = withBadCheckDigit(identityNumber(r, dNumber ? 'd_nummer' : 'fodselsnummer'), r);
        expect(hasValidCheckDigits(bad)).toBe(false);
        expect(found(`Nummeret ${bad} er oppgitt.`)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('flags no number whose date cannot exist, even with valid check digits', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const n = impossibleDateNumber(rng(seed));
        expect(hasValidCheckDigits(n)).toBe(true);
        expect(found(`Referanse ${n}.`)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('checks the day against the month and the year the individual number gives', () => {
    // 29 February 2000 (individual number 500–999: born 2000–2039) exists; 29 February 1900 (000–499) does not.
    const make = (first9: string) => {
      const d = [...first9].map(Number);
      const k1 = 11 - ([3, 7, 6, 1, 8, 9, 4, 5, 2].reduce((s, w, i) => s + w * d[i], 0) % 11);
      const c1 = k1 === 11 ? 0 : k1;
      const k2 = 11 - ([5, 4, 3, 2, 7, 6, 5, 4, 3, 2].reduce((s, w, i) => s + w * [...d, c1][i], 0) % 11);
      return k1 === 10 || k2 === 10 ? null : `${first9}${c1}${k2 === 11 ? 0 : k2}`;
    };
    const leap = ['290200', '290200'].map((p, i) => [...Array(500)].map((_, j) => make(`${p}${String(i === 0 ? 500 + j : j).padStart(3, '0')}`)).find((x) => x !== null)!);
    expect(identityKind(leap[0])).toBe('fodselsnummer');
    expect(identityKind(leap[1])).toBeNull();
  });

  it('never takes 11 digits out of a longer number', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const n = identityNumber(rng(seed), 'fodselsnummer');
        expect(found(`Løpenummer 7${n} og ${n}4.`)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('phone numbers, e-mail and postal addresses', () => {
  it('finds Norwegian phone numbers in the usual formats', () => {
    expect(found('Ring meg på 912 34 567 eller +47 22 33 44 55.')).toEqual([
      ['telefon', '912 34 567'],
      ['telefon', '+47 22 33 44 55'],
    ]);
    expect(found('Mobil 41234567, sentralbord 0047 55 55 55 55, tlf. 22334455.')).toEqual([
      ['telefon', '41234567'],
      ['telefon', '0047 55 55 55 55'],
      ['telefon', '22334455'],
    ]);
  });

  it('takes no amount, date, account, organisation or case number for a phone number', () => {
    const text = 'Tiltaket koster kr 45000000, eller 91000000 kroner. Kontonummer 1503.12.34567, org.nr. 974 760 673, sak 24/1234, 12.03.2024, 4 512 innbyggere.';
    expect(found(text)).toEqual([]);
  });

  it('finds e-mail addresses with Norwegian letters, without the full stop after them', () => {
    expect(found('Svar til åse.sæther@bergen.kommune.no. Eller post@politiet.no')).toEqual([
      ['epost', 'åse.sæther@bergen.kommune.no'],
      ['epost', 'post@politiet.no'],
    ]);
  });

  it('finds postal addresses with a postcode, on one line or two', () => {
    expect(found('Jeg bor i Kong Oscars gate 12 B, 5017 Bergen, og har bodd her lenge.')).toEqual([['adresse', 'Kong Oscars gate 12 B, 5017 Bergen']]);
    expect(found('Avsender:\nStorgata 5\n0155 OSLO')).toEqual([['adresse', 'Storgata 5\n0155 OSLO']]);
    expect(found('Postboks 8005 Dep, 0030 Oslo')).toEqual([['adresse', 'Postboks 8005 Dep, 0030 Oslo']]);
    expect(found('Bor på Mo: Fjellveien 3, 8610 Mo i Rana.')).toEqual([['adresse', 'Fjellveien 3, 8610 Mo i Rana']]);
  });

  it('does not find names of persons (the README says so)', () => {
    expect(found('Kari Nordmann mener at lensmannskontoret må bestå.')).toEqual([]);
  });
});

describe('the labelled set', () => {
  it('has 100 % recall on valid identity numbers and flags none with a bad check digit or date', () => {
    const result = score(labelledCorpus(19, 1500), detectPersonalData);
    const ids = result.perKind.filter((s) => s.kind === 'fodselsnummer' || s.kind === 'd_nummer');
    for (const s of ids) {
      expect(s.expected).toBeGreaterThan(100);
      expect(s.recall).toBe(1);
      expect(s.precision).toBe(1);
    }
    expect(result.invalidTotal).toBeGreaterThan(100);
    expect(result.invalidFlagged).toBe(0);
    for (const s of result.perKind) expect(s.precision).toBeGreaterThan(0.95);
  });
});
