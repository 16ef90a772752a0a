// The snapshot a method declares in the contract (`snapshotBefore`), taken by
// dispatch before the handler runs and outside its transaction: before every
// bulk operation, and at most one per interval while coding. A failed
// snapshot is noted (backup.list shows it) and the operation goes ahead.
import type { SnapshotBefore } from '../../../src-shared/contract';
import type { Session } from './session';

export async function snapshotBefore(session: Session, reason: SnapshotBefore): Promise<void> {
  const store = session.current;
  if (!store) return;
  if (reason === 'coding') await session.backups.whileCoding(store);
  else await session.backups.before(store, reason);
}
