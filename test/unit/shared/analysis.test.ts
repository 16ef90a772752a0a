// Population bands: every edge lands on the right side, the bands cover all
// populations without gaps or overlaps, and the real register puts its
// municipalities where their populations say.
import { describe, expect, it } from 'vitest';
import { POPULATION_BANDS, populationBand } from '../../../src-shared/analysis';
import { shippedRegister } from '../../helpers/reference';

describe('populationBand', () => {
  it.each([
    [0, 'lt2000'],
    [1, 'lt2000'],
    [1999, 'lt2000'],
    [2000, '2000-4999'],
    [4999, '2000-4999'],
    [5000, '5000-19999'],
    [19_999, '5000-19999'],
    [20_000, '20000-49999'],
    [49_999, '20000-49999'],
    [50_000, 'gte50000'],
    [699_827, 'gte50000'],
  ])('%i inhabitants → %s', (population, key) => {
    expect(populationBand(population).key).toBe(key);
  });

  it('the bands are contiguous, in order, and labelled as caseworkers write them', () => {
    for (let i = 1; i < POPULATION_BANDS.length; i++) expect(POPULATION_BANDS[i].min).toBe(POPULATION_BANDS[i - 1].max! + 1);
    expect(POPULATION_BANDS[0].min).toBe(0);
    expect(POPULATION_BANDS.at(-1)!.max).toBeNull();
    expect(POPULATION_BANDS.map((b) => b.label.replace(/\u00a0/g, ' '))).toEqual(['< 2 000', '2 000–4 999', '5 000–19 999', '20 000–49 999', '≥ 50 000']);
  });

  it('places real municipalities next to the edges correctly', () => {
    const register = shippedRegister().municipalities;
    const band = (number: string) => {
      const m = register.find((x) => x.number === number)!;
      return [m.population, populationBand(m.population).key];
    };
    expect(band('3432')).toEqual([1986, 'lt2000']); // Lesja
    expect(band('5426')).toEqual([2012, '2000-4999']); // Kåfjord
    expect(band('3414')).toEqual([5016, '5000-19999']); // Nord-Odal
    expect(band('3023')).toEqual([19_939, '5000-19999']); // Nesodden
    expect(band('3048')).toEqual([20_044, '20000-49999']); // Øvre Eiker
    expect(band('3805')).toEqual([47_777, '20000-49999']); // Larvik
    expect(band('3002')).toEqual([50_290, 'gte50000']); // Moss
  });

  it('every municipality in the register falls in exactly one band', () => {
    for (const m of shippedRegister().municipalities) {
      expect(POPULATION_BANDS.filter((b) => m.population >= b.min && (b.max === null || m.population <= b.max))).toHaveLength(1);
    }
  });
});
