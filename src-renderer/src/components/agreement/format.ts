// How agreement figures are shown: coefficients with two decimals and a
// Norwegian decimal comma ("0,74", "−0,08"), shares as percentages with one
// decimal, and "–" for an undefined coefficient (its reason as a tooltip).
import type { Coefficient } from '../../../../src-shared/agreement';
import { formatPercent } from '../../lib/format';

const coefficient = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatCoefficient(c: Coefficient): string {
  return c.value === null ? '–' : coefficient.format(c.value);
}

export function formatShare(share: number | null): string {
  return share === null ? '–' : formatPercent(share, 1);
}

/**
 * Text split into runs, marked where any of the spans covers it; `removed`
 * where every span covering it is no longer in the project.
 */
export function markSpans(text: string, spans: { start: number; end: number; exists?: boolean }[]): { text: string; marked: boolean; removed: boolean }[] {
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: { text: string; marked: boolean; removed: boolean }[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    if (from === to) continue;
    const covering = spans.filter((s) => s.start <= from && s.end >= to);
    const marked = covering.length > 0;
    const removed = marked && covering.every((s) => s.exists === false);
    const last = runs[runs.length - 1];
    if (last && last.marked === marked && last.removed === removed) last.text += text.slice(from, to);
    else runs.push({ text: text.slice(from, to), marked, removed });
  }
  return runs;
}
