// Row-level changes recorded in the audit trail. Every edit in the coding
// workspace goes through a ChangeSet: it applies the insert, update or delete
// and records the whole row before and after, all under one group id per user
// action. Undo and redo replay those images (see undo.ts), so the trail is
// both the history and the undo stack.
import type { Insertable, Selectable, Transaction, Updateable } from 'kysely';
import { ApiError } from '../../../src-shared/errors';
import type { CoreDeps } from '../deps';
import type { DB } from '../store/schema';
import { rowOf } from './images';

/** Tables whose rows caseworkers change in the workspace (and can undo). */
export const UNDOABLE_TABLES = [
  'code',
  'coding',
  'variable',
  'variable_value',
  'memo',
  'response',
  'answer',
  'finding_report',
  'finding',
  'finding_link',
  // Team work (src-main/core/team): who codes which respondent, and the lead's decisions on merge conflicts.
  'assignment',
  'merge_conflict',
  // Inter-coder agreement (src-main/core/agreement): the lead's resolution of a disagreement.
  'agreement_resolution',
] as const;
export type UndoableTable = (typeof UNDOABLE_TABLES)[number];

/**
 * A row image as a plain column map: what the audit trail and work packages
 * store for any table, used by the code that replays or compares images
 * column by column (undo, merge). Code that knows its table uses RowOf.
 */
export type Row = Record<string, unknown> & { id: string };

/** A stored row of one undoable table, typed by the schema. */
export type RowOf<T extends UndoableTable> = Selectable<DB[T]>;

export function isUndoableTable(name: string): name is UndoableTable {
  return UNDOABLE_TABLES.some((t) => t === name);
}

/**
 * The transaction seen with the undoable tables' rows as plain column maps.
 * Kysely cannot relate Insertable<DB[T]> to its own InsertObject<DB, T> for a
 * generic T, so the ChangeSet runs its statements on this view and its typed
 * signatures carry the types to callers.
 */
type LooseDb = { [K in UndoableTable]: Record<string, unknown> };

export class ChangeSet {
  readonly groupId: string;
  private count = 0;
  private readonly loose: Transaction<LooseDb>;

  constructor(
    readonly trx: Transaction<DB>,
    private readonly deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>,
    /** The user-level action, e.g. "code.merge". */
    private readonly action: string,
    groupId?: string,
  ) {
    this.groupId = groupId ?? deps.newId();
    // Same connection, looser row types (see LooseDb).
    // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- Kysely cannot type a statement on a generic table T (see LooseDb); the same transaction, seen loosely
    this.loose = trx as unknown as Transaction<LooseDb>;
  }

  /** Who/when columns for a new row. */
  authored() {
    const at = this.deps.now().toISOString();
    const by = this.deps.author();
    return { id: this.deps.newId(), created_at: at, created_by: by, updated_at: at, updated_by: by };
  }

  async get<T extends UndoableTable>(table: T, id: string): Promise<RowOf<T> | null> {
    return typed(table, await this.find(table, id));
  }

  async require<T extends UndoableTable>(table: T, id: string, what: string = table): Promise<RowOf<T>> {
    const row = await this.get(table, id);
    if (!row) throw new ApiError('NOT_FOUND', `No ${what} with id ${id}`);
    return row;
  }

  /** Inserts a row and returns it as stored (with the database's defaults), from the same statement. */
  async insert<T extends UndoableTable>(table: T, row: Insertable<DB[T]> & { id: string }): Promise<RowOf<T>> {
    const stored = await this.loose.insertInto(loose(table)).values(row).returningAll().executeTakeFirstOrThrow().then(withId);
    await this.record(table, row.id, null, stored);
    return typedRow(table, stored);
  }

  /** Updates columns of a row; records nothing when nothing changes. */
  async update<T extends UndoableTable>(table: T, id: string, patch: Updateable<DB[T]>): Promise<RowOf<T>> {
    const before = await this.find(table, id);
    if (!before) throw new ApiError('NOT_FOUND', `No ${table} with id ${id}`);
    const changed = Object.entries(patch).some(([k, v]) => before[k] !== v);
    if (!changed) return typedRow(table, before);
    const after = await this.loose
      .updateTable(loose(table))
      .set({ ...patch, updated_at: this.deps.now().toISOString(), updated_by: this.deps.author() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
      .then(withId);
    await this.record(table, id, before, after);
    return typedRow(table, after);
  }

  /** Deletes a row and returns it as it was. */
  async delete<T extends UndoableTable>(table: T, id: string, what: string = table): Promise<RowOf<T>> {
    const before = await this.loose.deleteFrom(loose(table)).where('id', '=', id).returningAll().executeTakeFirst().then(maybeWithId);
    if (!before) throw new ApiError('NOT_FOUND', `No ${what} with id ${id}`);
    await this.record(table, id, before, null);
    return typedRow(table, before);
  }

  /** Puts a row back exactly as in an image (undo/redo), whatever is there now. */
  async restore(table: UndoableTable, id: string, image: Row | null, action: string): Promise<void> {
    const current = (await this.find(table, id)) ?? null;
    if (image === null) {
      if (current) await this.loose.deleteFrom(table).where('id', '=', id).execute();
    } else if (current) {
      // UPDATE, not REPLACE: a REPLACE would delete first and cascade to children.
      const { id: _id, ...columns } = image;
      await this.loose.updateTable(table).set(columns).where('id', '=', id).execute();
    } else {
      await this.loose.insertInto(table).values(image).execute();
    }
    await this.record(table, id, current, image, action);
  }

  private find(table: UndoableTable, id: string): Promise<Row | undefined> {
    return this.loose.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst().then(maybeWithId);
  }

  /** A marker event that names what this group did to another (undo/redo of group X). */
  async mark(action: string, targetGroup: string): Promise<void> {
    await this.write({ action, entity_type: 'group', entity_id: targetGroup, before: null, after: null });
  }

  get changes(): number {
    return this.count;
  }

  private async record(table: string, id: string, before: Row | null, after: Row | null, action = this.action): Promise<void> {
    this.count++;
    await this.write({
      action,
      entity_type: table,
      entity_id: id,
      before: before === null ? null : JSON.stringify(before),
      after: after === null ? null : JSON.stringify(after),
    });
  }

  private async write(e: { action: string; entity_type: string; entity_id: string; before: string | null; after: string | null }) {
    await this.trx
      .insertInto('event')
      .values({ id: this.deps.newId(), at: this.deps.now().toISOString(), actor: this.deps.author(), group_id: this.groupId, ...e })
      .execute();
  }
}

/** A row the loose view read from `table`, as that table's typed row (null when there is none). */
function typed<T extends UndoableTable>(table: T, row: Row | undefined): RowOf<T> | null {
  return row === undefined ? null : typedRow(table, row);
}

/** The statement read the row from `table`, so it has that table's columns (see LooseDb). */
const typedRow = rowOf;

/** The table's name for the loose view: one union type instead of a generic, which Kysely resolves. */
const loose = (table: UndoableTable): UndoableTable => table;

/** A row read through the loose view, with its id checked (every undoable table has a text id). */
function withId(row: Record<string, unknown>): Row {
  const id = row.id;
  if (typeof id !== 'string') throw new Error('A row without a text id');
  return { ...row, id };
}

const maybeWithId = (row: Record<string, unknown> | undefined): Row | undefined => (row === undefined ? undefined : withId(row));
