// The import's progress arithmetic: the share done with files weighed by
// size, the estimate of time left from the pace so far, and when events go
// out (a file's start and end always, steps within a file at most every 100 ms).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMIT_EVERY_MS, estimateSeconds, ImportProgressTracker, overallFraction } from '../../../../src-main/core/import/progress';
import type { FileReport, ImportProgress } from '../../../../src-shared/imports';

const report = (path: string, status: FileReport['status'] = 'imported', responses = 1): FileReport => ({ path, status, responses, warnings: [] });

function tracked(sizes: number[]) {
  let now = 0;
  const events: ImportProgress[] = [];
  const tracker = new ImportProgressTracker(sizes, () => now, (p) => events.push(p));
  return { tracker, events, advance: (ms: number) => (now += ms) };
}

describe('estimateSeconds', () => {
  it('gives no estimate in the first second or before 1 % is done', () => {
    expect(estimateSeconds(999, 0.5)).toBeNull();
    expect(estimateSeconds(10_000, 0.009)).toBeNull();
  });
  it('extrapolates the pace: a quarter in 10 s leaves 30 s', () => {
    expect(estimateSeconds(10_000, 0.25)).toBe(30);
  });
  it('rounds up, and says 0 when done', () => {
    expect(estimateSeconds(1_000, 0.3)).toBe(3); // 2.33 s → 3
    expect(estimateSeconds(500, 1)).toBe(0);
  });
  it('never goes negative and shrinks as more is done at the same pace', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 10_000_000 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (ms, f) => {
        const left = estimateSeconds(ms, f)!;
        expect(left).toBeGreaterThanOrEqual(0);
        // Same pace (ms / f per whole), further along: no more left.
        const later = estimateSeconds((ms / f) * Math.min(0.999, f + 0.005), Math.min(0.999, f + 0.005))!;
        expect(later).toBeLessThanOrEqual(left);
      }),
    );
  });
});

describe('overallFraction', () => {
  it('weighs the current file by its share', () => {
    expect(overallFraction(100, 300, 0.5, 400)).toBe(0.625);
  });
  it('stays within 0–1 whatever it is given', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.double({ min: -2, max: 3, noNaN: true }), fc.nat(), (d, c, s, t) => {
        const f = overallFraction(d, c, s, t);
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('ImportProgressTracker', () => {
  it('counts files, names the current one, weighs by size and ends at 1', () => {
    const { tracker, events, advance } = tracked([300, 100]);
    tracker.startFile(0, 'a.csv');
    expect(events.at(-1)).toMatchObject({ files: { done: 0, total: 2 }, current: 'a.csv', step: null, fraction: 0, etaSeconds: null });
    advance(2000);
    tracker.stepTo('rows', 50, 100);
    expect(events.at(-1)).toMatchObject({ current: 'a.csv', step: { unit: 'rows', done: 50, total: 100 }, fraction: 0.375 });
    // 37.5 % in 2 s: 3.33 s left, rounded up.
    expect(events.at(-1)!.etaSeconds).toBe(4);
    tracker.finishFile(report('a.csv', 'imported', 100));
    expect(events.at(-1)).toMatchObject({
      files: { done: 1, total: 2 },
      current: null,
      fraction: 0.75,
      finished: { path: 'a.csv', status: 'imported', responses: 100, warnings: 0, firstWarnings: [] },
    });
    tracker.startFile(1, 'README.md');
    tracker.finishFile({ ...report('README.md', 'skipped', 0), reason: { code: 'UNSUPPORTED', message: 'Innspill leser ikke .md-filer' } });
    expect(events.at(-1)).toMatchObject({ files: { done: 2, total: 2 }, fraction: 1, etaSeconds: 0, finished: { status: 'skipped', message: 'Innspill leser ikke .md-filer' } });
  });

  it('sends steps within a file at most every 100 ms, but every start and end', () => {
    const { tracker, events, advance } = tracked([10]);
    tracker.startFile(0, 'a.csv');
    for (let i = 0; i < 100; i++) {
      advance(10);
      tracker.stepTo('rows', i, 100);
    }
    // 1 s of steps every 10 ms: about ten events, not a hundred.
    const steps = events.filter((e) => e.step);
    expect(steps.length).toBeGreaterThanOrEqual(9);
    expect(steps.length).toBeLessThanOrEqual(1000 / EMIT_EVERY_MS + 1);
    tracker.finishFile(report('a.csv'));
    expect(events.at(-1)!.finished?.path).toBe('a.csv');
  });

  it('moves even when every file is empty or unread (each weighs at least 1)', () => {
    const { tracker, events } = tracked([0, 0, 0, 0]);
    tracker.startFile(0, 'a');
    tracker.finishFile(report('a', 'rejected', 0));
    expect(events.at(-1)!.fraction).toBe(0.25);
  });

  it('the share never goes back as an import runs', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ size: fc.nat(10_000), rows: fc.integer({ min: 1, max: 50 }) }), { minLength: 1, maxLength: 10 }), (files) => {
        const { tracker, events, advance } = tracked(files.map((f) => f.size));
        files.forEach((f, i) => {
          tracker.startFile(i, `f${i}`);
          for (let r = 0; r <= f.rows; r++) {
            advance(150);
            tracker.stepTo('rows', r, f.rows);
          }
          tracker.finishFile(report(`f${i}`));
        });
        const fractions = events.map((e) => e.fraction);
        fractions.forEach((f, i) => i > 0 && expect(f).toBeGreaterThanOrEqual(fractions[i - 1] - 1e-12));
        expect(fractions.at(-1)).toBeCloseTo(1, 12);
      }),
      { numRuns: 50 },
    );
  });
});
