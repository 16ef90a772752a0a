// Keyboard movement on the map: arrows go to the nearest municipality in that
// direction (never backwards, never off the map), Home/End and letters by name
// in Norwegian order, other keys are left alone.
// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byName, mapKeyTarget, nearestInDirection, type MapPoint } from '../../../../../src-renderer/src/components/analysis/mapKeys';

// A small «map»: Oslo in the middle, neighbours around it (y grows downwards, as on screen).
const points: MapPoint[] = [
  { id: '0301', name: 'Oslo', x: 100, y: 100 },
  { id: '3201', name: 'Bærum', x: 80, y: 102 },
  { id: '3203', name: 'Asker', x: 60, y: 110 },
  { id: '3207', name: 'Nordre Follo', x: 110, y: 130 },
  { id: '3205', name: 'Lillestrøm', x: 130, y: 95 },
  { id: '3403', name: 'Hamar', x: 120, y: 20 },
  { id: '5401', name: 'Tromsø', x: 180, y: -200 },
  { id: '4601', name: 'Ålesund', x: 20, y: 40 },
];

describe('nearestInDirection', () => {
  it('goes to the nearest neighbour on each side', () => {
    expect(nearestInDirection(points, '0301', 'left')).toBe('3201');
    expect(nearestInDirection(points, '0301', 'right')).toBe('3205');
    expect(nearestInDirection(points, '0301', 'down')).toBe('3207');
    expect(nearestInDirection(points, '0301', 'up')).toBe('3403');
  });

  it('returns null at the edge of the map, and for an unknown start', () => {
    expect(nearestInDirection(points, '5401', 'up')).toBeNull();
    expect(nearestInDirection(points, 'nope', 'up')).toBeNull();
  });

  it('always moves forward in the direction asked', () => {
    const point = fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) });
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 30 }), fc.constantFrom('left', 'right', 'up', 'down' as const), (xs, dir) => {
        const pts = xs.map((p, i) => ({ id: String(i), name: `K${i}`, ...p }));
        const to = nearestInDirection(pts, '0', dir);
        if (to === null) return;
        const [a, b] = [pts[0], pts[Number(to)]];
        const along = dir === 'right' ? b.x - a.x : dir === 'left' ? a.x - b.x : dir === 'down' ? b.y - a.y : a.y - b.y;
        expect(along).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('mapKeyTarget', () => {
  it('Home and End go to the first and last by name, Norwegian order (Å last)', () => {
    expect(byName(points).map((p) => p.name)).toEqual(['Asker', 'Bærum', 'Hamar', 'Lillestrøm', 'Nordre Follo', 'Oslo', 'Tromsø', 'Ålesund']);
    expect(mapKeyTarget(points, '0301', 'Home')).toBe('3203');
    expect(mapKeyTarget(points, '0301', 'End')).toBe('4601');
  });

  it('a letter goes to the next municipality starting with it, wrapping around', () => {
    expect(mapKeyTarget(points, '0301', 'h')).toBe('3403');
    expect(mapKeyTarget(points, '0301', 'Å')).toBe('4601');
    expect(mapKeyTarget(points, '3403', 'a')).toBe('3203');
    expect(mapKeyTarget(points, '0301', 'z')).toBe('0301');
  });

  it('an arrow at the edge stays put; Tab, Enter and others are not the map\'s', () => {
    expect(mapKeyTarget(points, '5401', 'ArrowUp')).toBe('5401');
    expect(mapKeyTarget(points, '0301', 'ArrowLeft')).toBe('3201');
    expect(mapKeyTarget(points, '0301', 'Tab')).toBeNull();
    expect(mapKeyTarget(points, '0301', 'Enter')).toBeNull();
    expect(mapKeyTarget(points, '0301', '1')).toBeNull();
  });
});
