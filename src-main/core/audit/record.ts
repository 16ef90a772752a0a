// Appends to the audit trail. Every change a user makes goes through here, in
// the same transaction as the change itself.
import type { Kysely, Transaction } from 'kysely';
import type { CoreDeps } from '../deps';
import type { DB } from '../store/schema';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  /** The ChangeSet group the entry belongs to (undone and redone with it). */
  groupId?: string | null;
}

export async function recordEvent(
  db: Kysely<DB> | Transaction<DB>,
  deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('event')
    .values({
      id: deps.newId(),
      at: deps.now().toISOString(),
      actor: deps.author(),
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      group_id: entry.groupId ?? null,
    })
    .execute();
}

/** The who/when columns for a new row. */
export function authoredColumns(deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>) {
  const at = deps.now().toISOString();
  const by = deps.author();
  return { id: deps.newId(), created_at: at, created_by: by, updated_at: at, updated_by: by };
}
