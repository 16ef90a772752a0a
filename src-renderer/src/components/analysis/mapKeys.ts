// Keyboard movement on the map: the map is one tab stop, and inside it the
// arrow keys go to the nearest municipality in that direction (by the centres
// of their shapes on screen), Home and End to the first and last by name, and a
// letter to the next municipality whose name starts with it.
import { norwegianCompare } from '../../../../src-shared/norwegian';

export interface MapPoint {
  id: string;
  name: string;
  x: number;
  y: number;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/**
 * The municipality nearest to `fromId` in a direction: among the points ahead
 * (within 45° of the direction if there are any, else anywhere ahead), the one
 * with the smallest distance along the direction plus twice the distance
 * across it. Null at the edge of the map.
 */
export function nearestInDirection(points: readonly MapPoint[], fromId: string, direction: Direction): string | null {
  const from = points.find((p) => p.id === fromId);
  if (!from) return null;
  const scored = points
    .filter((p) => p.id !== fromId)
    .map((p) => {
      const dx = p.x - from.x;
      const dy = p.y - from.y;
      const along = direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
      const across = Math.abs(direction === 'left' || direction === 'right' ? dy : dx);
      return { id: p.id, along, across };
    })
    .filter((s) => s.along > 0);
  const cone = scored.filter((s) => s.across <= s.along);
  const pool = cone.length > 0 ? cone : scored;
  let best: { id: string; score: number } | null = null;
  for (const s of pool) {
    const score = s.along + 2 * s.across;
    if (!best || score < best.score) best = { id: s.id, score };
  }
  return best?.id ?? null;
}

/** The points sorted by name the Norwegian way (æ, ø, å after z). */
export function byName(points: readonly MapPoint[]): MapPoint[] {
  return [...points].sort((a, b) => norwegianCompare(a.name, b.name) || a.id.localeCompare(b.id));
}

/**
 * Where a key press on the map moves focus: an id, or null when the key is
 * not the map's (Tab, Enter and the rest keep their usual meaning).
 */
export function mapKeyTarget(points: readonly MapPoint[], currentId: string, key: string): string | null {
  const direction = ARROWS[key];
  if (direction) return nearestInDirection(points, currentId, direction) ?? currentId;
  const sorted = byName(points);
  if (key === 'Home') return sorted[0]?.id ?? null;
  if (key === 'End') return sorted[sorted.length - 1]?.id ?? null;
  if (key.length === 1 && /\p{L}/u.test(key)) {
    const letter = key.toLocaleLowerCase('nb');
    const at = sorted.findIndex((p) => p.id === currentId);
    for (let step = 1; step <= sorted.length; step++) {
      const p = sorted[(at + step) % sorted.length];
      if (p.name.toLocaleLowerCase('nb').startsWith(letter)) return p.id;
    }
    return currentId;
  }
  return null;
}
