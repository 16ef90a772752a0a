// The one-line progress bar `innspill import` redraws on a terminal (never
// when its output is piped): a bar for the whole import, files done of all,
// the share, the time left, and the file it is on with its rows or pages.
import type { ImportProgress } from '../../src-shared/imports';

const BAR_WIDTH = 20;

/** "about 40 s left", "about 3 min left", "about 1 h 5 min left"; empty while there is no estimate. */
export function formatEta(seconds: number | null): string {
  if (seconds === null) return '';
  if (seconds < 60) return `about ${Math.max(1, Math.ceil(seconds / 5) * 5)} s left`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  return `about ${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}

export function progressBar(fraction: number, width = BAR_WIDTH): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

/** The whole line, cut to `columns` so it never wraps (a wrapped line cannot be redrawn in place). */
export function progressLine(p: ImportProgress, columns = 80): string {
  const parts = [
    `${progressBar(p.fraction)} ${Math.floor(p.fraction * 100)} %`,
    `${p.files.done}/${p.files.total} files`,
    formatEta(p.etaSeconds),
  ].filter(Boolean);
  if (p.current) {
    const step = p.step && p.step.total > 0 ? ` (${p.step.done}/${p.step.total} ${p.step.unit})` : '';
    parts.push(`${p.current}${step}`);
  }
  const line = parts.join(' · ');
  return line.length > columns - 1 ? line.slice(0, Math.max(0, columns - 2)) + '…' : line;
}
