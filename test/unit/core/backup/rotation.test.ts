// Rotation of snapshots (core/backup/rotation.ts): the newest N always, the
// newest of each of the last days, the size cap from the oldest, and never
// the newest snapshot.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotsToDelete, type RotatableSnapshot } from '../../../../src-main/core/backup/rotation';

const NOW = new Date('2026-03-31T12:00:00.000Z');
const snap = (takenAt: string, compressedBytes = 1000): RotatableSnapshot => ({ id: takenAt, takenAt, compressedBytes });
const MB = 1024 * 1024;

describe('snapshotsToDelete', () => {
  it('keeps the newest N and the newest of each day within the window', () => {
    const all = [
      snap('2026-03-31T11:00:00.000Z'),
      snap('2026-03-31T10:00:00.000Z'),
      snap('2026-03-31T09:00:00.000Z'),
      snap('2026-03-30T18:00:00.000Z'),
      snap('2026-03-30T08:00:00.000Z'),
      snap('2026-03-20T08:00:00.000Z'),
      snap('2026-02-01T08:00:00.000Z'), // older than the window
    ];
    const doomed = snapshotsToDelete(all, { keepLast: 2, keepDays: 30, maxTotalMB: 100 }, NOW);
    expect(doomed.sort()).toEqual(['2026-02-01T08:00:00.000Z', '2026-03-30T08:00:00.000Z', '2026-03-31T09:00:00.000Z']);
  });

  it('drops the oldest kept ones to fit the size cap, but never the newest', () => {
    const all = [snap('2026-03-31T11:00:00.000Z', 0.6 * MB), snap('2026-03-30T11:00:00.000Z', 0.3 * MB), snap('2026-03-29T11:00:00.000Z', 0.3 * MB)];
    expect(snapshotsToDelete(all, { keepLast: 20, keepDays: 30, maxTotalMB: 1 }, NOW)).toEqual(['2026-03-29T11:00:00.000Z']);
    expect(snapshotsToDelete([snap('2026-03-31T11:00:00.000Z', 5 * MB)], { keepLast: 20, keepDays: 30, maxTotalMB: 1 }, NOW)).toEqual([]);
  });

  it('for any snapshots: the newest stays, the kept fit the cap (or are only the newest), keepLast newest stay when they fit', () => {
    const snapshots = fc.uniqueArray(
      fc.record({ t: fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: NOW.getTime() }), size: fc.integer({ min: 1, max: 3 * MB }) }),
      { minLength: 1, maxLength: 60, selector: (s) => s.t },
    );
    const settings = fc.record({ keepLast: fc.integer({ min: 1, max: 25 }), keepDays: fc.integer({ min: 0, max: 40 }), maxTotalMB: fc.integer({ min: 1, max: 50 }) });
    fc.assert(
      fc.property(snapshots, settings, (raw, s) => {
        const all = raw.map((r) => snap(new Date(r.t).toISOString(), r.size));
        const doomed = new Set(snapshotsToDelete(all, s, NOW));
        const newestFirst = [...all].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
        const kept = newestFirst.filter((x) => !doomed.has(x.id));
        expect(kept[0]).toBe(newestFirst[0]);
        const total = kept.reduce((n, x) => n + x.compressedBytes, 0);
        expect(total <= s.maxTotalMB * MB || kept.length === 1).toBe(true);
        const lastN = newestFirst.slice(0, s.keepLast);
        if (lastN.reduce((n, x) => n + x.compressedBytes, 0) <= s.maxTotalMB * MB) expect(lastN.every((x) => !doomed.has(x.id))).toBe(true);
      }),
    );
  });
});
