// Which snapshots rotation removes: the newest `keepLast` always stay, then
// the newest of each calendar day (UTC) for the last `keepDays` days; of
// those, the oldest go first until the total fits the size cap. The newest
// snapshot is never removed, even if it alone is over the cap.
import type { BackupSettings } from '../../../src-shared/backup';

export interface RotatableSnapshot {
  id: string;
  takenAt: string;
  compressedBytes: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The ids to delete, given every snapshot of one project. */
export function snapshotsToDelete(snapshots: readonly RotatableSnapshot[], settings: Pick<BackupSettings, 'keepLast' | 'keepDays' | 'maxTotalMB'>, now: Date): string[] {
  const newestFirst = [...snapshots].sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.id.localeCompare(a.id));
  const keep = new Set<string>(newestFirst.slice(0, settings.keepLast).map((s) => s.id));
  const since = now.getTime() - settings.keepDays * DAY_MS;
  const daysSeen = new Set<string>();
  for (const s of newestFirst) {
    const t = Date.parse(s.takenAt);
    if (t < since) continue;
    const day = s.takenAt.slice(0, 10);
    if (daysSeen.has(day)) continue;
    daysSeen.add(day);
    keep.add(s.id);
  }
  const cap = settings.maxTotalMB * 1024 * 1024;
  let total = 0;
  let first = true;
  for (const s of newestFirst) {
    if (!keep.has(s.id)) continue;
    total += s.compressedBytes;
    if (total > cap && !first) keep.delete(s.id);
    first = false;
  }
  return newestFirst.filter((s) => !keep.has(s.id)).map((s) => s.id);
}
