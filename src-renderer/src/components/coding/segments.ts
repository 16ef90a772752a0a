// Pure layout of codings over one answer part's text: the runs of text between
// coding boundaries (each with the codings covering it, for layered
// highlights), and the lanes of the margin bars (overlapping codings side by
// side, like NVivo's coding stripes).
import type { Coding } from '../../../../src-shared/coding';

export interface Span {
  id: string;
  start: number;
  end: number;
}

export interface Segment<S extends Span = Span> {
  start: number;
  end: number;
  /** Spans covering this run, longest first (so the shortest is drawn on top). */
  spans: S[];
}

/** Splits [0, length) at every span's start and end. */
export function segmentText<S extends Span>(length: number, spans: readonly S[]): Segment<S>[] {
  const cuts = new Set<number>([0, length]);
  for (const c of spans) {
    if (c.start > 0 && c.start < length) cuts.add(c.start);
    if (c.end > 0 && c.end < length) cuts.add(c.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment<S>[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    const covering = spans
      .filter((c) => c.start <= start && c.end >= end)
      .sort((a, b) => b.end - b.start - (a.end - a.start) || a.id.localeCompare(b.id));
    out.push({ start, end, spans: covering });
  }
  return out;
}

/** Codings in reading order: by start, longer first on ties. */
export function byPosition(a: Coding, b: Coding): number {
  return a.start - b.start || b.end - a.end || a.id.localeCompare(b.id);
}

/**
 * Assigns each coding a lane so that overlapping codings never share one
 * (greedy interval colouring: the fewest lanes for intervals).
 */
export function assignLanes(codings: readonly Coding[]): { lanes: Map<string, number>; count: number } {
  const laneEnds: number[] = [];
  const lanes = new Map<string, number>();
  for (const c of [...codings].sort(byPosition)) {
    let lane = laneEnds.findIndex((end) => end <= c.start);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(c.end);
    } else {
      laneEnds[lane] = c.end;
    }
    lanes.set(c.id, lane);
  }
  return { lanes, count: laneEnds.length };
}

/**
 * Pushes labels down so none overlaps the one above it. `wanted` are the
 * preferred tops (px) in any order; returns the placed tops in the same order.
 */
export function stackLabels(wanted: readonly number[], height: number): number[] {
  const order = wanted.map((top, i) => ({ top, i })).sort((a, b) => a.top - b.top || a.i - b.i);
  const placed = new Array<number>(wanted.length);
  let floor = -Infinity;
  for (const { top, i } of order) {
    const y = Math.max(top, floor);
    placed[i] = y;
    floor = y + height;
  }
  return placed;
}

/** "#1E6FA8" → "rgb(30 111 168 / 0.25)". */
export function tint(hex: string, alpha: number): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return `rgb(128 128 128 / ${alpha})`;
  return `rgb(${parseInt(m[1], 16)} ${parseInt(m[2], 16)} ${parseInt(m[3], 16)} / ${alpha})`;
}
