// What a working copy changed since its base: the audit events written in the
// copy after it was made (every workspace edit is a ChangeSet with full row
// images), reduced per entity to the image it had at the base and the one it
// has now. An entity changed and changed back is kept (see reduceEvents) but
// counts as no change (isNoOp).
import type { Kysely } from 'kysely';
import type { Row } from '../audit/changes';
import { parseImage } from '../audit/images';
import type { DB } from '../store/schema';
import { entityKeyOf, hasNaturalKey, isReturnTable, RETURN_TABLES, sameContent, type ReturnTable } from './entities';

export interface PackageChange {
  entityType: ReturnTable;
  /** The entity's identity across copies: its natural key, or its id. */
  key: string;
  naturalKey: string | null;
  /** The row at the base (null: it did not exist). */
  base: Row | null;
  /** The row as the colleague left it (null: deleted). */
  theirs: Row | null;
  /** Who made the last change to it, when, and as what action. */
  actor: string;
  at: string;
  action: string;
}

interface Entry {
  change: PackageChange;
  order: number;
}

/** Reduces an ordered list of row events to one change per entity. */
export function reduceEvents(events: { entity_type: string; before: string | null; after: string | null; actor: string; at: string; action: string }[]): PackageChange[] {
  const entries = new Map<string, Entry>();
  let order = 0;
  for (const e of events) {
    if (!isReturnTable(e.entity_type)) continue;
    const table = e.entity_type;
    const before = parseImage(e.before);
    const after = parseImage(e.after);
    const touch = (key: string, base: Row | null) => {
      const id = `${table}\u0000${key}`;
      let entry = entries.get(id);
      if (!entry) {
        entry = { order: order++, change: { entityType: table, key, naturalKey: hasNaturalKey(table) ? key : null, base, theirs: base, actor: e.actor, at: e.at, action: e.action } };
        entries.set(id, entry);
      }
      Object.assign(entry.change, { actor: e.actor, at: e.at, action: e.action });
      return entry.change;
    };
    // A natural-key row whose key changes (a finding link moved from a coding
    // to its answer) leaves one key and arrives at another.
    const beforeKey = before ? entityKeyOf(table, before) : null;
    const afterKey = after ? entityKeyOf(table, after) : null;
    if (before && after && beforeKey === afterKey) {
      touch(beforeKey!, before).theirs = after;
    } else {
      if (before) touch(beforeKey!, before).theirs = null;
      if (after) touch(afterKey!, null).theirs = after;
    }
  }
  // Entities changed and changed back stay in: a later return must be able to
  // undo in the master what an earlier return of the same package brought.
  return [...entries.values()]
    .sort((a, b) => RETURN_TABLES.indexOf(a.change.entityType) - RETURN_TABLES.indexOf(b.change.entityType) || a.order - b.order)
    .map((e) => e.change);
}

/** An entity changed and changed back: nothing to bring, unless an earlier return brought something. */
export function isNoOp(change: PackageChange): boolean {
  return sameContent(change.entityType, change.base, change.theirs);
}

/** The working copy's changes after its own audit trail position `localSeq`. */
export async function changesSince(db: Kysely<DB>, localSeq: number): Promise<PackageChange[]> {
  const events = await db
    .selectFrom('event')
    .select(['entity_type', 'before', 'after', 'actor', 'at', 'action'])
    .where('seq', '>', localSeq)
    .where('entity_type', 'in', [...RETURN_TABLES])
    .orderBy('seq')
    .execute();
  return reduceEvents(events);
}
