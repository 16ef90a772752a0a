// The agreement statistics against published worked examples, with their
// exact values, and against the known output of two independent
// implementations (R's irr::kripp.alpha and Python's krippendorff package,
// whose documented examples use the same data); then properties that must
// hold for any data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agreementStats,
  agreementTable,
  cohenKappa,
  cohenKappaFromTable,
  krippendorffAlpha,
  percentAgreement,
  type Judgements,
} from '../../../../src-main/core/agreement/stats';

/** Units × coders from one row per coder (as the sources print them). */
function byUnit(...coders: (string | number | null)[][]): Judgements[] {
  return coders[0].map((_, u) => coders.map((row) => (row[u] === null ? null : String(row[u]))));
}

/** Two coders' units from an agreement table (rows: A's category, columns: B's). */
function unitsFromTable(table: number[][]): Judgements[] {
  const units: Judgements[] = [];
  table.forEach((row, i) => row.forEach((count, j) => {
    for (let n = 0; n < count; n++) units.push([`c${i}`, `c${j}`]);
  }));
  return units;
}

describe("Cohen's kappa", () => {
  it('reproduces Cohen (1960), table 2b: p_o = .70, p_c = .41, kappa = .29/.59 = .492', () => {
    // Cohen, J. (1960). A coefficient of agreement for nominal scales.
    // Educational and Psychological Measurement 20(1), 37–46: 200 units, three categories.
    const table = [
      [88, 14, 18],
      [10, 40, 10],
      [2, 6, 12],
    ];
    const kappa = cohenKappaFromTable(table);
    expect(kappa.reason).toBeNull();
    expect(kappa.value).toBeCloseTo(29 / 59, 14);
    expect(kappa.value!.toFixed(3)).toBe('0.492');
    // The same from the 200 units themselves.
    const units = unitsFromTable(table);
    expect(units).toHaveLength(200);
    expect(cohenKappa(units).value).toBeCloseTo(29 / 59, 14);
    expect(percentAgreement(units)).toEqual({ units: 200, agreeing: 140, value: 0.7 });
  });

  it('reproduces the textbook 2×2 example (50 grant proposals, two readers): p_o = .70, p_e = .50, kappa = .40', () => {
    // Yes/yes 20, yes/no 5, no/yes 10, no/no 15 (the example in most
    // introductions to kappa, e.g. the Wikipedia article "Cohen's kappa").
    const kappa = cohenKappaFromTable([
      [20, 5],
      [10, 15],
    ]);
    expect(kappa).toEqual({ value: 0.4, reason: null });
  });

  it('matches a second implementation: the dentists example (45/55 against 65/35) gives 0.41747573', () => {
    // Needed/needed 40, needed/not 5, not/needed 25, not/not 30; the value is
    // from the test suite of an R implementation of cohen.kappa.
    const kappa = cohenKappaFromTable([
      [40, 5],
      [25, 30],
    ]);
    expect(kappa.value).toBeCloseTo(0.41747573, 8);
    expect(kappa.value).toBeCloseTo(43 / 103, 14);
  });

  it('is null with a reason, never NaN, when it is 0/0 or not two coders', () => {
    expect(cohenKappa([])).toEqual({ value: null, reason: 'no-units' });
    expect(cohenKappa([[null, 'ja'], ['nei', null]])).toEqual({ value: null, reason: 'no-units' });
    // Both coders said "ja" every time: p_e = 1.
    expect(cohenKappa([['ja', 'ja'], ['ja', 'ja']])).toEqual({ value: null, reason: 'no-variation' });
    expect(cohenKappa([['ja', 'ja', 'nei']])).toEqual({ value: null, reason: 'not-two-coders' });
    // One coder constant, the other not: defined (0: no better than chance).
    expect(cohenKappa([['ja', 'ja'], ['ja', 'nei']])).toEqual({ value: 0, reason: null });
  });

  it('builds the agreement table over the units both coders judged', () => {
    expect(agreementTable([['ja', 'nei'], ['ja', 'ja'], [null, 'ja'], ['nei', 'nei']])).toEqual({
      categories: ['ja', 'nei'],
      counts: [
        [1, 1],
        [0, 1],
      ],
    });
  });
});

describe("Krippendorff's alpha (nominal)", () => {
  // Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability,
  // section C: four observers, twelve units, missing values ("." below).
  // R irr::kripp.alpha documents the same data as its example ("the C data
  // from Krippendorff", nominal 0.743) and the Python krippendorff package
  // tests it (ordinal 0.815, ratio 0.797).
  const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
  const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
  const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
  const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];

  it('reproduces the worked example: n = 40 pairable values, D_o = 8/40, D_e = 1216/(40·39), alpha = 113/152 = .743', () => {
    const alpha = krippendorffAlpha(byUnit(A, B, C, D));
    expect(alpha.reason).toBeNull();
    expect(alpha.value).toBeCloseTo(113 / 152, 14);
    expect(alpha.value!.toFixed(3)).toBe('0.743');
  });

  it('ignores the unit only one observer coded (unit 12) and is the same in any observer order', () => {
    const withoutLone = byUnit(A, B, C, D).slice(0, 11);
    expect(krippendorffAlpha(withoutLone).value).toBe(krippendorffAlpha(byUnit(A, B, C, D)).value);
    expect(krippendorffAlpha(byUnit(D, C, B, A)).value).toBe(krippendorffAlpha(byUnit(A, B, C, D)).value);
  });

  it("matches the Python krippendorff package's documented example (three coders, fifteen units): 0.691358", () => {
    // The reliability-data example of the Wikipedia article "Krippendorff's
    // alpha", as tested by that package (nominal, rounded to six places).
    const data = byUnit(
      [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
      [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
      [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
    );
    const alpha = krippendorffAlpha(data);
    expect(alpha.value!.toFixed(6)).toBe('0.691358');
    expect(alpha.value).toBeCloseTo(56 / 81, 14);
  });

  it('takes any labels: the package\'s string example gives 0.722222', () => {
    const data = byUnit(['pos', 'neg', 'neu', null], ['pos', 'neg', 'neu', 'pos'], ['pos', 'neg', 'pos', 'pos']);
    expect(krippendorffAlpha(data).value!.toFixed(6)).toBe('0.722222');
  });

  it('equals Scott-like chance correction for two coders: 1 − (n−1)·D/E on the textbook 2×2 table', () => {
    // 100 values (50 units × 2): n_yes = 55, n_no = 45, 15 disagreeing units (30 off-diagonal coincidences).
    const alpha = krippendorffAlpha(unitsFromTable([
      [20, 5],
      [10, 15],
    ]));
    expect(alpha.value).toBeCloseTo(1 - (99 * 30) / (2 * 55 * 45), 14);
  });

  it('is null with a reason, never NaN, when it is 0/0', () => {
    expect(krippendorffAlpha([])).toEqual({ value: null, reason: 'no-units' });
    expect(krippendorffAlpha([['ja', null], [null, 'nei']])).toEqual({ value: null, reason: 'no-units' });
    expect(krippendorffAlpha([['ja', 'ja'], ['ja', 'ja', 'ja']])).toEqual({ value: null, reason: 'no-variation' });
  });
});

describe('agreementStats', () => {
  it('counts pairable units and agreement, and gives kappa only for two coders', () => {
    const two = agreementStats([['1', '1'], ['1', '0'], ['0', '0'], [null, '1']], 2);
    expect(two).toMatchObject({ units: 3, agreeing: 2, disagreeing: 1 });
    expect(two.percentAgreement).toBeCloseTo(2 / 3, 14);
    expect(two.kappa.value).toBeCloseTo(0.4, 14);
    const three = agreementStats([['1', '1', '1'], ['1', '0', null]], 3);
    expect(three).toMatchObject({ units: 2, agreeing: 1, disagreeing: 1, percentAgreement: 0.5 });
    expect(three.kappa).toEqual({ value: null, reason: 'not-two-coders' });
  });

  it('has no percentage without units', () => {
    expect(agreementStats([], 2)).toMatchObject({ units: 0, percentAgreement: null, kappa: { value: null, reason: 'no-units' } });
  });
});

describe('properties', () => {
  const category = fc.constantFrom('ja', 'nei', 'delvis', 'uklart');
  const judgement = fc.option(category, { nil: null, freq: 4 });
  /** A units × coders table, 2–5 coders. */
  const table = fc.integer({ min: 2, max: 5 }).chain((coders) => fc.array(fc.array(judgement, { minLength: coders, maxLength: coders }), { maxLength: 40 }));
  const twoCoders = fc.array(fc.tuple(category, category), { maxLength: 60 });

  it('identical coders agree fully: percentage 1, and kappa and alpha 1 wherever they are defined', () => {
    fc.assert(
      fc.property(fc.array(category, { minLength: 1, maxLength: 40 }), fc.integer({ min: 2, max: 5 }), (values, coders) => {
        const units = values.map((v) => new Array<string>(coders).fill(v));
        const stats = agreementStats(units, coders);
        expect(stats.percentAgreement).toBe(1);
        expect(stats.disagreeing).toBe(0);
        if (stats.alpha.value !== null) expect(stats.alpha.value).toBe(1);
        else expect(stats.alpha.reason).toBe('no-variation');
        if (coders === 2) {
          if (stats.kappa.value !== null) expect(stats.kappa.value).toBe(1);
          else expect(stats.kappa.reason).toBe('no-variation');
        }
      }),
    );
  });

  it('does not depend on the order of the coders', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 0, max: 1000 }), (units, seed) => {
        if (units.length === 0) return;
        const coders = units[0].length;
        // A rotation and a reversal of the coder columns.
        const shift = seed % coders;
        const rotated = units.map((u) => u.map((_, i) => u[(i + shift) % coders]));
        const reversed = units.map((u) => [...u].reverse());
        for (const other of [rotated, reversed]) {
          expect(agreementStats(other, coders)).toEqual(agreementStats(units, coders));
        }
      }),
    );
  });

  it('keeps kappa within [−1, 1] and alpha at most 1, and never returns NaN', () => {
    fc.assert(
      fc.property(twoCoders, (pairs) => {
        const kappa = cohenKappa(pairs);
        if (kappa.value === null) expect(kappa.reason).not.toBeNull();
        else {
          expect(kappa.value).toBeGreaterThanOrEqual(-1 - 1e-12);
          expect(kappa.value).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
    );
    fc.assert(
      fc.property(table, (units) => {
        const stats = agreementStats(units, units[0]?.length ?? 2);
        for (const c of [stats.kappa, stats.alpha]) {
          if (c.value === null) expect(c.reason).not.toBeNull();
          else {
            expect(Number.isFinite(c.value)).toBe(true);
            expect(c.value).toBeLessThanOrEqual(1 + 1e-12);
          }
        }
        if (stats.percentAgreement !== null) expect(stats.percentAgreement).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('gives the same kappa from the units as from their agreement table', () => {
    fc.assert(
      fc.property(twoCoders, (pairs) => {
        expect(cohenKappa(pairs)).toEqual(cohenKappaFromTable(agreementTable(pairs).counts));
      }),
    );
  });
});
