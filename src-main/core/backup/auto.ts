// The automatic backups: a snapshot before each operation that changes many
// rows at once, and at most one per configured interval while coding. An
// automatic backup that fails (a network drive away, a full disk) does not
// stop the work: it is logged and reported in the backup list, and the
// operation goes ahead as it would have without backups.
import type { BackupReason, BackupSettings } from '../../../src-shared/backup';
import type { Logger } from '../deps';
import { messageOf } from '../caught';
import type { Store } from '../store/open';
import { listSnapshots, removeOrphanedScratch, takeSnapshot } from './snapshot';

export interface BackupFailure {
  at: string;
  reason: BackupReason;
  message: string;
}

export class AutoBackup {
  /** Per project file: when its newest snapshot was taken (ms), once known. */
  private readonly newest = new Map<string, number>();
  lastFailure: BackupFailure | null = null;

  constructor(
    private readonly settings: () => BackupSettings,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {
    // A core starting is the next run after any killed one: its scratch copies go now.
    removeOrphanedScratch();
  }

  /** Records a snapshot taken (by hand or automatically), so the coding interval counts from it. */
  noteTaken(projectPath: string, takenAt: string): void {
    this.newest.set(projectPath, Math.max(this.newest.get(projectPath) ?? 0, Date.parse(takenAt)));
  }

  /** A snapshot before a bulk operation; never throws. */
  async before(store: Store, reason: BackupReason): Promise<void> {
    const at = this.now();
    try {
      const snapshot = await takeSnapshot(store, reason, this.settings(), at);
      this.noteTaken(store.path, snapshot.takenAt);
    } catch (e) {
      this.lastFailure = { at: at.toISOString(), reason, message: messageOf(e) };
      this.logger.warn('automatic backup failed; the operation goes ahead', { reason, error: messageOf(e) });
    }
  }

  /** While coding: a snapshot when none was taken within the interval. */
  async whileCoding(store: Store): Promise<void> {
    const now = this.now();
    if (!this.newest.has(store.path)) {
      const newest = listSnapshots(store.path, this.settings())[0];
      this.newest.set(store.path, newest ? Date.parse(newest.takenAt) : 0);
    }
    const interval = this.settings().codingIntervalMinutes * 60 * 1000;
    if (now.getTime() - this.newest.get(store.path)! < interval) return;
    await this.before(store, 'coding');
    // A failure is not retried on every key press: the next try comes after the interval.
    this.noteTaken(store.path, now.toISOString());
  }
}
