// Global undo and redo through the audit trail. Each user action is a group
// of row events with full before/after images. Undo restores the "before"
// images of the caseworker's latest action that is not yet undone; redo
// restores the "after" images of the latest undone one, as long as nothing
// new was done since. Both are themselves recorded (marker event
// "undo"/"redo" naming the group), so the trail stays append-only and
// complete. Each caseworker undoes only their own actions.
import type { Kysely } from 'kysely';
import { ApiError } from '../../../src-shared/errors';
import type { CoreDeps } from '../deps';
import type { DB } from '../store/schema';
import { ChangeSet, isUndoableTable, type Row } from './changes';

export interface UndoState {
  /** What Ctrl+Z would undo (the action name), or null. */
  undo: { group: string; action: string; at: string } | null;
  redo: { group: string; action: string; at: string } | null;
}

interface GroupInfo {
  group: string;
  action: string;
  at: string;
  /** For undo/redo groups: the group they acted on. */
  target: string | null;
}

/** How far back the stack reaches. */
const HISTORY_GROUPS = 5000;

async function recentGroups(db: Kysely<DB>, actor: string): Promise<GroupInfo[]> {
  const rows = await db
    .selectFrom('event')
    .select(['group_id', 'action', 'at', 'entity_type', 'entity_id', 'seq'])
    .where('actor', '=', actor)
    .where('group_id', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(HISTORY_GROUPS * 4)
    .execute();
  const groups = new Map<string, GroupInfo>();
  for (const r of rows) {
    const g = groups.get(r.group_id!) ?? { group: r.group_id!, action: r.action, at: r.at, target: null };
    if (r.entity_type === 'group') g.target = r.entity_id;
    groups.set(r.group_id!, g);
  }
  return [...groups.values()]; // newest first (insertion order follows seq desc)
}

function isMarker(g: GroupInfo): boolean {
  return g.action === 'undo' || g.action === 'redo';
}

export async function undoState(db: Kysely<DB>, actor: string): Promise<UndoState> {
  const groups = await recentGroups(db, actor);
  // Net undos per group: undo markers minus redo markers.
  const undone = new Map<string, number>();
  for (const g of groups) {
    if (g.target && isMarker(g)) undone.set(g.target, (undone.get(g.target) ?? 0) + (g.action === 'undo' ? 1 : -1));
  }
  const byId = new Map(groups.map((g) => [g.group, g]));
  const undo = groups.find((g) => !isMarker(g) && (undone.get(g.group) ?? 0) <= 0) ?? null;
  let redo: GroupInfo | null = null;
  for (const g of groups) {
    if (!isMarker(g)) break; // something new was done since: nothing to redo
    if (g.action === 'undo' && g.target && (undone.get(g.target) ?? 0) > 0) {
      redo = byId.get(g.target) ?? null;
      break;
    }
  }
  const view = (g: GroupInfo | null) => (g ? { group: g.group, action: g.action, at: g.at } : null);
  return { undo: view(undo), redo: view(redo) };
}

async function replay(db: Kysely<DB>, deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>, direction: 'undo' | 'redo'): Promise<UndoState> {
  const actor = deps.author();
  const state = await undoState(db, actor);
  const target = direction === 'undo' ? state.undo : state.redo;
  if (!target) throw new ApiError('NOT_FOUND', direction === 'undo' ? 'Nothing to undo' : 'Nothing to redo');
  await db.transaction().execute(async (trx) => {
    const events = await trx
      .selectFrom('event')
      .select(['entity_type', 'entity_id', 'before', 'after'])
      .where('group_id', '=', target.group)
      .where('entity_type', '!=', 'group')
      .orderBy('seq', direction === 'undo' ? 'desc' : 'asc')
      .execute();
    const changes = new ChangeSet(trx, deps, direction);
    for (const e of events) {
      if (!isUndoableTable(e.entity_type) || !e.entity_id) continue;
      const expected = direction === 'undo' ? e.after : e.before;
      const image = direction === 'undo' ? e.before : e.after;
      const current = await changes.get(e.entity_type, e.entity_id);
      // Refuse to overwrite what someone changed since (e.g. merged in from a colleague).
      if (JSON.stringify(current) !== (expected ?? 'null')) {
        throw new ApiError(
          'CONFLICT',
          `Cannot ${direction} "${target.action}": the ${e.entity_type} has been changed since. Make the change by hand instead.`,
        );
      }
      await changes.restore(e.entity_type, e.entity_id, image === null ? null : (JSON.parse(image) as Row), direction);
    }
    await changes.mark(direction, target.group);
  });
  return undoState(db, actor);
}

export const undo = (db: Kysely<DB>, deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>) => replay(db, deps, 'undo');
export const redo = (db: Kysely<DB>, deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>) => replay(db, deps, 'redo');
