// Codings laid over an answer's text: runs between boundaries with the
// covering codings (shortest on top), reading order, margin lanes that never
// share overlapping codings, labels pushed apart, and colour tints.
// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Coding } from '../../../../../src-shared/coding';
import { assignLanes, byPosition, segmentText, stackLabels, tint } from '../../../../../src-renderer/src/components/coding/segments';

const coding = (id: string, start: number, end: number): Coding => ({
  id,
  answerId: 'a1',
  codeId: 'k',
  start,
  end,
  quote: '',
  useInMemo: false,
  createdBy: 'Kari',
  createdAt: '2024-01-01T00:00:00Z',
});

const spans = fc.array(
  fc.tuple(fc.nat(40), fc.nat(40)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
  { maxLength: 8 },
);

describe('segmentText', () => {
  it('cuts at every boundary and lists the covering spans longest first', () => {
    const segs = segmentText(10, [
      { id: 'long', start: 0, end: 8 },
      { id: 'short', start: 2, end: 4 },
    ]);
    expect(segs.map((s) => [s.start, s.end, s.spans.map((x) => x.id)])).toEqual([
      [0, 2, ['long']],
      [2, 4, ['long', 'short']],
      [4, 8, ['long']],
      [8, 10, []],
    ]);
  });

  it('tiles [0, length) exactly, and a span covers a run only inside it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), spans, (length, raw) => {
        const list = raw.map(([start, end], i) => ({ id: `s${i}`, start, end }));
        const segs = segmentText(length, list);
        expect(segs[0].start).toBe(0);
        expect(segs[segs.length - 1].end).toBe(length);
        for (let i = 0; i < segs.length; i++) {
          expect(segs[i].end).toBeGreaterThan(segs[i].start);
          if (i > 0) expect(segs[i].start).toBe(segs[i - 1].end);
          const expected = list.filter((s) => s.start <= segs[i].start && s.end >= segs[i].end).map((s) => s.id).sort();
          expect(segs[i].spans.map((s) => s.id).sort()).toEqual(expected);
        }
      }),
    );
  });
});

describe('byPosition and assignLanes', () => {
  it('orders by start, the longer first on a tie', () => {
    expect([coding('b', 5, 6), coding('a', 0, 3), coding('c', 0, 9)].sort(byPosition).map((c) => c.id)).toEqual(['c', 'a', 'b']);
  });

  it('puts overlapping codings in different lanes and reuses a lane once it is free', () => {
    const { lanes, count } = assignLanes([coding('a', 0, 5), coding('b', 3, 8), coding('c', 5, 9)]);
    expect(count).toBe(2);
    expect(lanes.get('a')).not.toBe(lanes.get('b'));
    expect(lanes.get('c')).toBe(lanes.get('a'));
  });

  it('never shares a lane between overlapping codings and uses no more lanes than the deepest overlap', () => {
    fc.assert(
      fc.property(spans, (raw) => {
        const list = raw.filter(([s, e]) => e > s).map(([s, e], i) => coding(`c${i}`, s, e));
        const { lanes, count } = assignLanes(list);
        for (const a of list) for (const b of list) {
          if (a.id !== b.id && a.start < b.end && b.start < a.end) expect(lanes.get(a.id)).not.toBe(lanes.get(b.id));
        }
        let depth = 0;
        for (let x = 0; x < 41; x++) depth = Math.max(depth, list.filter((c) => c.start <= x && c.end > x).length);
        expect(count).toBe(depth);
      }),
    );
  });
});

describe('stackLabels', () => {
  it('keeps wanted tops that fit and pushes the others down, in the order given', () => {
    expect(stackLabels([0, 100], 20)).toEqual([0, 100]);
    expect(stackLabels([10, 0, 5], 20)).toEqual([40, 0, 20]);
  });

  it('never overlaps and never moves a label up', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 10 }), fc.integer({ min: 1, max: 40 }), (wanted, h) => {
        const placed = stackLabels(wanted, h);
        placed.forEach((y, i) => expect(y).toBeGreaterThanOrEqual(wanted[i]));
        const sorted = [...placed].sort((a, b) => a - b);
        for (let i = 1; i < sorted.length; i++) expect(sorted[i] - sorted[i - 1]).toBeGreaterThanOrEqual(h);
      }),
    );
  });
});

describe('tint', () => {
  it('turns a hex colour (with or without #, any case) into rgb with alpha', () => {
    expect(tint('#1E6FA8', 0.25)).toBe('rgb(30 111 168 / 0.25)');
    expect(tint('ff0000', 1)).toBe('rgb(255 0 0 / 1)');
  });
  it('falls back to grey for anything else', () => {
    expect(tint('red', 0.5)).toBe('rgb(128 128 128 / 0.5)');
    expect(tint('#abc', 0.5)).toBe('rgb(128 128 128 / 0.5)');
  });
});
