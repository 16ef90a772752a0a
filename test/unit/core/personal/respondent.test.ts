// Private persons among respondents, read from the name: municipalities,
// county councils and organisations are not; a plain personal name is.
import { describe, expect, it } from 'vitest';
import { isPrivatePerson } from '../../../../src-main/core/personal/respondent';

const other = (name: string) => ({ name, municipalityNumber: null });

describe('isPrivatePerson', () => {
  it.each(['Ola Nordmann', 'Kari Nordmann-Hansen', 'Åse Ødegård', 'Per'])('%s is a private person', (name) => {
    expect(isPrivatePerson(other(name))).toBe(true);
  });

  it.each([
    'Norges Bondelag',
    'Politiets Fellesforbund',
    'Eldrerådet i Bodø',
    'Nordland fylkeskommune',
    'Statsforvalteren i Nordland',
    'Kystverket',
    'Advokatfirmaet Hansen AS',
    'Justis- og beredskapsdepartementet',
    'Norsk Folkehjelp',
    'Røde Kors',
    'KS',
    'Lag 2',
    'Ungdomsrådet',
  ])('%s is not', (name) => {
    expect(isPrivatePerson(other(name))).toBe(false);
  });

  it('a respondent matched to a municipality or a county council is never one', () => {
    expect(isPrivatePerson({ name: 'Ola Nordmann', municipalityNumber: '1804' })).toBe(false);
    expect(isPrivatePerson({ name: 'Ola Nordmann', municipalityNumber: null, countyCouncil: true })).toBe(false);
  });
});
