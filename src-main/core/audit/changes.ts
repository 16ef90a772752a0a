// Row-level changes recorded in the audit trail. Every edit in the coding
// workspace goes through a ChangeSet: it applies the insert, update or delete
// and records the whole row before and after, all under one group id per user
// action. Undo and redo replay those images (see undo.ts), so the trail is
// both the history and the undo stack.
import type { Transaction } from 'kysely';
import { ApiError } from '../../../src-shared/errors';
import type { CoreDeps } from '../deps';
import type { DB } from '../store/schema';

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

export type Row = Record<string, unknown> & { id: string };

export function isUndoableTable(name: string): name is UndoableTable {
  return (UNDOABLE_TABLES as readonly string[]).includes(name);
}

export class ChangeSet {
  readonly groupId: string;
  private count = 0;

  constructor(
    readonly trx: Transaction<DB>,
    private readonly deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>,
    /** The user-level action, e.g. "code.merge". */
    private readonly action: string,
    groupId?: string,
  ) {
    this.groupId = groupId ?? deps.newId();
  }

  /** Who/when columns for a new row. */
  authored() {
    const at = this.deps.now().toISOString();
    const by = this.deps.author();
    return { id: this.deps.newId(), created_at: at, created_by: by, updated_at: at, updated_by: by };
  }

  async get(table: UndoableTable, id: string): Promise<Row | null> {
    const row = await this.trx.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
    return (row as Row | undefined) ?? null;
  }

  async require(table: UndoableTable, id: string, what: string = table): Promise<Row> {
    const row = await this.get(table, id);
    if (!row) throw new ApiError('NOT_FOUND', `No ${what} with id ${id}`);
    return row;
  }

  async insert<T extends Row>(table: UndoableTable, row: T): Promise<T> {
    await this.trx.insertInto(table).values(row as never).execute();
    const stored = await this.require(table, row.id);
    await this.record(table, row.id, null, stored);
    return stored as T;
  }

  /** Updates columns of a row; records nothing when nothing changes. */
  async update(table: UndoableTable, id: string, patch: Record<string, unknown>): Promise<Row> {
    const before = await this.require(table, id);
    const changed = Object.entries(patch).some(([k, v]) => before[k] !== v);
    if (!changed) return before;
    await this.trx
      .updateTable(table)
      .set({ ...patch, updated_at: this.deps.now().toISOString(), updated_by: this.deps.author() } as never)
      .where('id', '=', id)
      .execute();
    const after = await this.require(table, id);
    await this.record(table, id, before, after);
    return after;
  }

  async delete(table: UndoableTable, id: string): Promise<Row> {
    const before = await this.require(table, id);
    await this.trx.deleteFrom(table).where('id', '=', id).execute();
    await this.record(table, id, before, null);
    return before;
  }

  /** Puts a row back exactly as in an image (undo/redo), whatever is there now. */
  async restore(table: UndoableTable, id: string, image: Row | null, action: string): Promise<void> {
    const current = await this.get(table, id);
    if (image === null) {
      if (current) await this.trx.deleteFrom(table).where('id', '=', id).execute();
    } else if (current) {
      // UPDATE, not REPLACE: a REPLACE would delete first and cascade to children.
      const { id: _id, ...columns } = image;
      await this.trx.updateTable(table).set(columns as never).where('id', '=', id).execute();
    } else {
      await this.trx.insertInto(table).values(image as never).execute();
    }
    await this.record(table, id, current, image, action);
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
