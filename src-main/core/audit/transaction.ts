// One user action in one transaction: every change it makes goes through a
// ChangeSet under one group id, so the audit trail records it and undo takes
// it back whole. The codebook, coding and findings services all edit this way.
import type { Kysely } from 'kysely';
import type { CoreDeps } from '../deps';
import type { DB } from '../store/schema';
import { ChangeSet } from './changes';

export function inTransaction<T>(
  db: Kysely<DB>,
  deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>,
  /** The user-level action, e.g. "code.merge". */
  action: string,
  work: (c: ChangeSet) => Promise<T>,
): Promise<T> {
  return db.transaction().execute((trx) => work(new ChangeSet(trx, deps, action)));
}
