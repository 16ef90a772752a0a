// Matching respondents to the 356-municipality register of 2022: numbers
// first (also as typed in spreadsheets and as renumbered in 2024), then names
// as municipalities write them — any case, with "kommune" and "v/ rådmannen",
// with or without hyphens, in Sami and Kven — and never a guess between the
// two Herøys or the two Vålers unless the county is named.
import { describe, expect, it } from 'vitest';
import { MunicipalityMatcher, type MatchResult } from '../../../../src-main/core/import/match';
import { shippedRegister } from '../../../helpers/reference';

const matcher = new MunicipalityMatcher(shippedRegister().municipalities.map((m) => ({ ...m, number2024: m.number2024 ?? null })));

const matched = (number: string, how: 'number' | 'number2024' | 'name' = 'name'): MatchResult => ({ status: 'matched', number, how, warning: undefined });
const byName = (name: string) => matcher.match(name);
const numberOf = (name: string) => {
  const m = byName(name);
  return m.status === 'matched' ? m.number : m.status;
};

describe('the register the matcher works on', () => {
  it('has all 356 municipalities of 2022, Herøy and Våler twice each', () => {
    expect(matcher.entries).toHaveLength(356);
    expect(matcher.entries.filter((e) => e.name === 'Herøy').map((e) => e.number).sort()).toEqual(['1515', '1818']);
    expect(matcher.entries.filter((e) => e.name === 'Våler').map((e) => e.number).sort()).toEqual(['3018', '3419']);
  });
});

describe('municipality numbers come first', () => {
  it.each([
    ['301', '0301'],
    ['0301', '0301'],
    ['301.0', '0301'],
    [' 0301 ', '0301'],
    ['4601', '4601'],
  ])('number %j → %s', (typed, number) => {
    expect(matcher.match(null, typed)).toEqual(matched(number, 'number'));
  });

  it('takes numbers as spreadsheets hand them over (301 as a number)', () => {
    expect(matcher.match(null, 301)).toEqual(matched('0301', 'number'));
    expect(matcher.match('', 4601)).toEqual(matched('4601', 'number'));
  });

  it('normalizes numbers the same way on their own', () => {
    expect(MunicipalityMatcher.normalizeNumber('301')).toBe('0301');
    expect(MunicipalityMatcher.normalizeNumber('301.00')).toBe('0301');
    expect(MunicipalityMatcher.normalizeNumber(3101)).toBe('3101');
    expect(MunicipalityMatcher.normalizeNumber('30')).toBeNull();
    expect(MunicipalityMatcher.normalizeNumber('03011')).toBeNull();
    expect(MunicipalityMatcher.normalizeNumber('301.5')).toBeNull();
    expect(MunicipalityMatcher.normalizeNumber('abc')).toBeNull();
    expect(MunicipalityMatcher.normalizeNumber(null)).toBeNull();
  });

  it('understands the numbers of 2024 (3101 is Halden, 3001 in 2022)', () => {
    expect(matcher.match(null, '3101')).toEqual(matched('3001', 'number2024'));
    expect(matcher.match('Halden kommune', 3101)).toEqual(matched('3001', 'number2024'));
    // Vadsø: 5405 in 2022, 5607 from 2024.
    expect(matcher.match('Vadsø', '5607')).toEqual(matched('5405', 'number2024'));
  });

  it('prefers the 2022 number when a number means something in 2022', () => {
    expect(matcher.match(null, '3001')).toEqual(matched('3001', 'number'));
  });

  it('uses the number, with a warning, when the name names another municipality', () => {
    const m = matcher.match('Bergen kommune', '0301');
    expect(m).toMatchObject({ status: 'matched', number: '0301', how: 'number' });
    expect(m.status === 'matched' && m.warning).toMatch(/Bergen kommune.*0301.*Oslo/);
  });

  it('does not warn when the name agrees, is unknown, or is one of the ambiguous candidates', () => {
    expect(matcher.match('Oslo kommune', '0301')).toEqual(matched('0301', 'number'));
    expect(matcher.match('Oslo kommune, byrådsavdeling for helse', '0301')).toEqual(matched('0301', 'number'));
    expect(matcher.match('Herøy', '1818')).toEqual(matched('1818', 'number'));
  });

  it('falls back to the name when the number is unknown or not a number', () => {
    expect(matcher.match('Bodø', '9999')).toEqual(matched('1804'));
    expect(matcher.match('Bodø', 'ukjent')).toEqual(matched('1804'));
    expect(matcher.match(null, '9999')).toEqual({ status: 'unmatched' });
  });
});

describe('names as municipalities write them', () => {
  it('ignores case', () => {
    expect(numberOf('oslo')).toBe('0301');
    expect(numberOf('OSLO')).toBe('0301');
    expect(numberOf('bærum')).toBe('3024');
    expect(numberOf('BÆRUM')).toBe('3024');
  });

  it.each([
    ['Bodø kommune', '1804'],
    ['BODØ KOMMUNE', '1804'],
    ['Bodø kommune v/ rådmannen', '1804'],
    ['Bodø kommune v/rådmannen', '1804'],
    ['Bodø kommune ved kommunedirektøren', '1804'],
    ['Bodø kommunestyre', '1804'],
    ['Kommune: Bodø', '1804'],
    ['Tromsø kommune', '5401'],
  ])('drops "kommune" and who it is addressed to: %j', (name, number) => {
    expect(numberOf(name)).toBe(number);
  });

  it.each([
    ['Aurskog-Høland', '3026'],
    ['Aurskog Høland', '3026'],
    ['AURSKOG-HØLAND', '3026'],
    ['aurskog-høland kommune', '3026'],
    ['Nord-Odal', '3414'],
    ['Nord Odal', '3414'],
    ['Nord–Odal', '3414'],
  ])('treats hyphens, dashes and spaces alike: %j', (name, number) => {
    expect(numberOf(name)).toBe(number);
  });

  it.each([
    ['Guovdageaidnu', '5430'],
    ['Guovdageaidnu suohkan', '5430'],
    ['Guovdageaidnu - Kautokeino', '5430'],
    ['Kautokeino kommune', '5430'],
    ['Kárásjohka', '5437'],
    ['Kárásjohka gielda', '5437'],
    ['Unjárga', '5442'],
    ['Snåase', '5041'],
    ['Snåase tjïelte', '5041'],
    ['Snåase - Snåsa', '5041'],
    ['Snåsa kommune', '5041'],
    ['Porsanki', '5436'],
    ['Vesisaari', '5405'],
  ])('knows Sami and Kven names: %j', (name, number) => {
    expect(numberOf(name)).toBe(number);
  });
});

describe('names that fit two municipalities', () => {
  it.each(['Herøy', 'Herøy kommune', 'HERØY KOMMUNE V/ RÅDMANNEN'])('%j is ambiguous between both Herøys', (name) => {
    expect(byName(name)).toEqual({ status: 'ambiguous', candidates: ['1515', '1818'] });
  });

  it.each(['Våler', 'Våler kommune'])('%j is ambiguous between both Vålers', (name) => {
    expect(byName(name)).toEqual({ status: 'ambiguous', candidates: ['3018', '3419'] });
  });

  it.each([
    ['Herøy kommune (Nordland)', '1818'],
    ['Herøy i Nordland', '1818'],
    ['Herøy (Møre og Romsdal)', '1515'],
    ['Herøy kommune i Møre og Romsdal', '1515'],
    ['Våler i Hedmark', '3419'],
    ['Våler kommune (Hedmark)', '3419'],
    ['Våler i Innlandet', '3419'],
    ['Våler (Østfold)', '3018'],
    ['Våler kommune, Viken', '3018'],
  ])('the county or old county settles it: %j → %s', (name, number) => {
    expect(numberOf(name)).toBe(number);
  });

  it('stays ambiguous when the hint names neither county', () => {
    expect(byName('Herøy i Vestland')).toEqual({ status: 'ambiguous', candidates: ['1515', '1818'] });
  });
});

describe('organisations that are not municipalities', () => {
  it.each([
    'KS Agder',
    'KS',
    'Statsforvalteren i Oslo og Viken',
    'Statsforvalteren i Nordland',
    'Bergen Næringsråd',
    'Oslo politidistrikt',
    'Agder fylkeskommune',
    'Politiets Fellesforbund',
    'Bergen og omegn brannvesen',
    '',
    '   ',
  ])('%j stays unmatched', (name) => {
    expect(byName(name)).toEqual({ status: 'unmatched' });
  });

  it('does not take a municipality named inside a longer name', () => {
    expect(numberOf('Bergen Næringsråd')).toBe('unmatched');
    expect(numberOf('Næringsforeningen i Tromsø')).toBe('unmatched');
  });
});
