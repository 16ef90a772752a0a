// Global undo and redo through the audit trail. Each user action is a group
// of row events with full before/after images. Undo restores the "before"
// images of the caseworker's latest action that is not yet undone; redo
// restores the "after" images of the latest undone one, as long as nothing
// new was done since. Both are themselves recorded (marker event
// "undo"/"redo" naming the group), so the trail stays append-only and
// complete. Each caseworker undoes only their own actions.
import { sql, type Kysely } from 'kysely';
import { ApiError } from '../../../src-shared/errors';
import type { CoreDeps } from '../deps';
import type { DB } from '../store/schema';
import { ChangeSet, isUndoableTable } from './changes';
import { parseImage } from './images';
import { codeOf } from '../caught';

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

/** How far back the stack reaches, in groups. */
const HISTORY_GROUPS = 5000;
/** The trail is read from its end in pages of this many events. */
const PAGE = 256;

/**
 * Visits the actor's groups newest first until `visit` returns true, reading
 * the trail backwards a page at a time, so the usual answer (the action just
 * done) costs a page, not the whole history. A group's events are contiguous:
 * each group is written in one transaction.
 */
const noGroup = (): GroupInfo | null => null;

async function walkGroups(db: Kysely<DB>, actor: string, visit: (g: GroupInfo) => boolean): Promise<void> {
  // Through the (actor, group_id) index: someone who has done nothing costs nothing.
  const any = await db.selectFrom('event').select('seq').where('actor', '=', actor).where('group_id', 'is not', null).limit(1).executeTakeFirst();
  if (!any) return;
  const visited = new Set<string>();
  // The group being read, if any. (Declared through a function: with a plain null initializer
  // TypeScript narrows it to null and, in this loop, to never.)
  let current = noGroup();
  let before = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const rows = await db
      .selectFrom('event')
      .select(['group_id', 'action', 'at', 'entity_type', 'entity_id', 'seq'])
      // "+actor" keeps SQLite off the actor index here, which would sort all
      // of the actor's events before returning the first; this walks seq down.
      .where(sql<string>`+actor`, '=', actor)
      .where('group_id', 'is not', null)
      .where('seq', '<', before)
      .orderBy('seq', 'desc')
      .limit(PAGE)
      .execute();
    for (const r of rows) {
      if (current?.group !== r.group_id) {
        if (current && (visit(current) || visited.size >= HISTORY_GROUPS)) return;
        if (visited.has(r.group_id!)) {
          current = null;
          continue;
        }
        visited.add(r.group_id!);
        current = { group: r.group_id!, action: r.action, at: r.at, target: null };
      }
      if (current && r.entity_type === 'group') current.target = r.entity_id;
    }
    if (rows.length < PAGE) break;
    before = rows[rows.length - 1].seq;
  }
  if (current) visit(current);
}

function isMarker(g: GroupInfo): boolean {
  return g.action === 'undo' || g.action === 'redo';
}

export async function undoState(db: Kysely<DB>, actor: string): Promise<UndoState> {
  // Net undos per group (undo markers minus redo markers). Markers are newer
  // than the group they name, so a group's count is complete when it is reached.
  const undone = new Map<string, number>();
  let undo: GroupInfo | null = null;
  let redoTarget: string | null = null;
  let redo: GroupInfo | null = null;
  let leading = true; // still in the run of undo/redo markers at the top of the stack
  await walkGroups(db, actor, (g) => {
    if (isMarker(g)) {
      if (g.target) undone.set(g.target, (undone.get(g.target) ?? 0) + (g.action === 'undo' ? 1 : -1));
      if (leading && redoTarget === null && g.action === 'undo' && g.target && (undone.get(g.target) ?? 0) > 0) redoTarget = g.target;
    } else {
      leading = false; // something new was done since: redo only what the leading markers undid
      if (g.group === redoTarget) redo = g;
      if (!undo && (undone.get(g.group) ?? 0) <= 0) undo = g;
    }
    return undo !== null && (redoTarget === null || redo !== null);
  });
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
      .where('actor', '=', actor) // with group_id: the (actor, group_id) index, not a scan of the trail
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
      const conflict = () =>
        new ApiError(
          'CONFLICT',
          `Cannot ${direction} "${target.action}": the ${e.entity_type} is used by a change made since. Make the change by hand instead.`,
        );
      try {
        await changes.restore(e.entity_type, e.entity_id, parseImage(image), direction);
      } catch (error) {
        // A row that something newer depends on (a colleague's coding with this
        // code, a value or memo for the same target) is a conflict, not a crash.
        if (codeOf(error).startsWith('SQLITE_CONSTRAINT')) throw conflict();
        throw error;
      }
      // Memos point at their target without a foreign key: do not strand one.
      if (image === null && (e.entity_type === 'code' || e.entity_type === 'response' || e.entity_type === 'answer')) {
        const memo = await trx.selectFrom('memo').select('id').where('target_type', '=', e.entity_type).where('target_id', '=', e.entity_id).executeTakeFirst();
        if (memo) throw conflict();
      }
    }
    await changes.mark(direction, target.group);
  });
  return undoState(db, actor);
}

export const undo = (db: Kysely<DB>, deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>) => replay(db, deps, 'undo');
export const redo = (db: Kysely<DB>, deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>) => replay(db, deps, 'redo');
