// The codebook: hierarchical codes with a coding rule, colour, optional
// question scope and shortcut key. Every edit is a ChangeSet, so it is in the
// audit trail and can be undone.
import type { Kysely } from 'kysely';
import type { Code } from '../../../src-shared/coding';
import { ApiError } from '../../../src-shared/errors';
import { ChangeSet, type RowOf } from '../audit/changes';
import { inTransaction } from '../audit/transaction';
import type { CoreDeps } from '../deps';
import type { DB } from '../store/schema';

type Deps = Pick<CoreDeps, 'now' | 'newId' | 'author'>;

export const DEFAULT_COLOURS = ['#1E6FA8', '#C0392B', '#117A65', '#6C3483', '#D68910', '#2E8B57', '#7A4FB5', '#B03A2E', '#2874A6', '#7F8C8D'];

export async function listCodes(db: Kysely<DB>): Promise<Code[]> {
  const rows = await db
    .selectFrom('code as c')
    .select((eb) => [
      'c.id',
      'c.parent_id',
      'c.name',
      'c.description',
      'c.colour',
      'c.question_id',
      'c.shortcut',
      'c.sort_order',
      eb
        .selectFrom('coding as k')
        .innerJoin('answer as a', 'a.id', 'k.answer_id')
        .innerJoin('response as r', 'r.id', 'a.response_id')
        .whereRef('k.code_id', '=', 'c.id')
        .where('r.is_current', '=', 1)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('coding_count'),
    ])
    .orderBy('c.sort_order')
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    description: r.description,
    colour: r.colour,
    questionId: r.question_id,
    shortcut: r.shortcut,
    sortOrder: r.sort_order,
    codingCount: Number(r.coding_count ?? 0),
  }));
}

/** Ids of a code and all its descendants. */
async function subtree(c: ChangeSet, id: string): Promise<string[]> {
  const all = await c.trx.selectFrom('code').select(['id', 'parent_id']).execute();
  const out = [id];
  for (let i = 0; i < out.length; i++) for (const row of all) if (row.parent_id === out[i]) out.push(row.id);
  return out;
}

async function checkShortcut(c: ChangeSet, shortcut: string | null | undefined, self?: string): Promise<void> {
  if (!shortcut) return;
  const taken = await c.trx.selectFrom('code').select(['id', 'name']).where('shortcut', '=', shortcut).executeTakeFirst();
  if (taken && taken.id !== self) throw new ApiError('INVALID_INPUT', `The shortcut "${shortcut}" is already used by the code "${taken.name}"`);
}

async function checkQuestion(c: ChangeSet, questionId: string | null | undefined): Promise<void> {
  if (!questionId) return;
  const q = await c.trx.selectFrom('question').select('id').where('id', '=', questionId).executeTakeFirst();
  if (!q) throw new ApiError('NOT_FOUND', `No question with id ${questionId}`);
}

async function nextSortOrder(c: ChangeSet, parentId: string | null): Promise<number> {
  const row = await c.trx
    .selectFrom('code')
    .select((eb) => eb.fn.max('sort_order').as('m'))
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .executeTakeFirst();
  return Number(row?.m ?? -1) + 1;
}

export interface CodeInput {
  /** Keep an id from elsewhere (a REFI-QDA guid), so a round trip lands on the same code. */
  id?: string;
  name: string;
  parentId?: string | null;
  description?: string;
  colour?: string;
  questionId?: string | null;
  shortcut?: string | null;
}

export async function createCodeIn(c: ChangeSet, input: CodeInput): Promise<RowOf<'code'>> {
  const parentId = input.parentId ?? null;
  if (parentId) await c.require('code', parentId, 'parent code');
  await checkShortcut(c, input.shortcut);
  await checkQuestion(c, input.questionId);
  const siblings = await c.trx.selectFrom('code').select('id').where('parent_id', parentId === null ? 'is' : '=', parentId).execute();
  return c.insert('code', {
    ...c.authored(),
    ...(input.id ? { id: input.id } : {}),
    parent_id: parentId,
    name: input.name,
    description: input.description ?? '',
    colour: input.colour ?? DEFAULT_COLOURS[siblings.length % DEFAULT_COLOURS.length],
    question_id: input.questionId ?? null,
    shortcut: input.shortcut ?? null,
    sort_order: await nextSortOrder(c, parentId),
  });
}

export async function createCode(db: Kysely<DB>, deps: Deps, input: CodeInput): Promise<string> {
  return inTransaction(db, deps, 'code.create', async (c) => (await createCodeIn(c, input)).id);
}

export async function updateCode(
  db: Kysely<DB>,
  deps: Deps,
  id: string,
  patch: Partial<Pick<CodeInput, 'name' | 'description' | 'colour' | 'questionId' | 'shortcut'>>,
): Promise<void> {
  await inTransaction(db, deps, 'code.update', async (c) => {
    if (patch.shortcut !== undefined) await checkShortcut(c, patch.shortcut, id);
    if (patch.questionId !== undefined) await checkQuestion(c, patch.questionId);
    const columns: Record<string, unknown> = {};
    if (patch.name !== undefined) columns.name = patch.name;
    if (patch.description !== undefined) columns.description = patch.description;
    if (patch.colour !== undefined) columns.colour = patch.colour;
    if (patch.questionId !== undefined) columns.question_id = patch.questionId;
    if (patch.shortcut !== undefined) columns.shortcut = patch.shortcut;
    await c.update('code', id, columns);
  });
}

/** Moves a code under a new parent (null: top level) at a position among its siblings. */
export async function moveCode(db: Kysely<DB>, deps: Deps, id: string, parentId: string | null, index: number): Promise<void> {
  await inTransaction(db, deps, 'code.move', async (c) => {
    await c.require('code', id, 'code');
    if (parentId) {
      await c.require('code', parentId, 'parent code');
      if ((await subtree(c, id)).includes(parentId)) throw new ApiError('INVALID_INPUT', 'A code cannot be moved under itself or its own subcodes');
    }
    const siblings = (
      await c.trx
        .selectFrom('code')
        .select('id')
        .where('parent_id', parentId === null ? 'is' : '=', parentId)
        .where('id', '!=', id)
        .orderBy('sort_order')
        .orderBy('name')
        .execute()
    ).map((s) => s.id);
    siblings.splice(Math.max(0, Math.min(index, siblings.length)), 0, id);
    for (const [order, sibling] of siblings.entries()) {
      await c.update('code', sibling, sibling === id ? { parent_id: parentId, sort_order: order } : { sort_order: order });
    }
  });
}

/**
 * Merges `sourceId` into `targetId`: its codings move to the target (a coding
 * the target already has on the same span is dropped as a duplicate), its
 * subcodes and its memo move to the target, and the source is deleted.
 * Nothing is lost.
 */
export async function mergeCodes(db: Kysely<DB>, deps: Deps, sourceId: string, targetId: string): Promise<{ moved: number; duplicates: number }> {
  if (sourceId === targetId) throw new ApiError('INVALID_INPUT', 'A code cannot be merged into itself');
  return inTransaction(db, deps, 'code.merge', async (c) => {
    await c.require('code', sourceId, 'code');
    await c.require('code', targetId, 'code');
    if ((await subtree(c, sourceId)).includes(targetId)) {
      throw new ApiError('INVALID_INPUT', 'A code cannot be merged into one of its own subcodes');
    }
    const existing = new Set(
      (await c.trx.selectFrom('coding').select(['answer_id', 'start_offset', 'end_offset']).where('code_id', '=', targetId).execute()).map(
        (k) => `${k.answer_id}:${k.start_offset}:${k.end_offset}`,
      ),
    );
    const codings = await c.trx.selectFrom('coding').select(['id', 'answer_id', 'start_offset', 'end_offset']).where('code_id', '=', sourceId).execute();
    let moved = 0;
    let duplicates = 0;
    for (const k of codings) {
      if (existing.has(`${k.answer_id}:${k.start_offset}:${k.end_offset}`)) {
        await relinkFindings(c, k.id, null);
        await c.delete('coding', k.id);
        duplicates++;
      } else {
        await c.update('coding', k.id, { code_id: targetId });
        moved++;
      }
    }
    const children = await c.trx.selectFrom('code').select('id').where('parent_id', '=', sourceId).orderBy('sort_order').execute();
    let order = await nextSortOrder(c, targetId);
    for (const child of children) await c.update('code', child.id, { parent_id: targetId, sort_order: order++ });
    await mergeMemo(c, sourceId, targetId);
    await c.delete('code', sourceId);
    return { moved, duplicates };
  });
}

/** The source code's memo goes to the target (appended to the target's own, if it has one). */
async function mergeMemo(c: ChangeSet, sourceId: string, targetId: string): Promise<void> {
  const memoOf = (id: string) =>
    c.trx.selectFrom('memo').select(['id', 'text']).where('target_type', '=', 'code').where('target_id', '=', id).executeTakeFirst();
  const source = await memoOf(sourceId);
  if (!source) return;
  const target = await memoOf(targetId);
  if (target) {
    await c.update('memo', target.id, { text: `${target.text}\n\n${source.text}` });
    await c.delete('memo', source.id);
  } else {
    await c.update('memo', source.id, { target_id: targetId });
  }
}

/** Finding links point at codings; when a coding goes, its links keep the answer. */
export async function relinkFindings(c: ChangeSet, codingId: string, to: string | null): Promise<void> {
  const links = await c.trx.selectFrom('finding_link').select('id').where('coding_id', '=', codingId).execute();
  for (const link of links) await c.update('finding_link', link.id, { coding_id: to });
}

/** What deleting a code would remove: the code, its subcodes and all their codings. */
export async function deletePreview(db: Kysely<DB>, id: string): Promise<{ codes: number; codings: number }> {
  return db.transaction().execute(async (trx) => {
    const c = new ChangeSet(trx, { now: () => new Date(), newId: () => '', author: () => '' }, 'preview');
    await c.require('code', id, 'code');
    const ids = await subtree(c, id);
    const codings = await trx
      .selectFrom('coding')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('code_id', 'in', ids)
      .executeTakeFirstOrThrow();
    return { codes: ids.length, codings: Number(codings.n) };
  });
}

export async function deleteCode(db: Kysely<DB>, deps: Deps, id: string): Promise<{ codes: number; codings: number }> {
  return inTransaction(db, deps, 'code.delete', async (c) => {
    await c.require('code', id, 'code');
    const ids = await subtree(c, id);
    const codings = await c.trx.selectFrom('coding').select('id').where('code_id', 'in', ids).execute();
    for (const k of codings) {
      await relinkFindings(c, k.id, null);
      await c.delete('coding', k.id);
    }
    const memos = await c.trx.selectFrom('memo').select('id').where('target_type', '=', 'code').where('target_id', 'in', ids).execute();
    for (const memo of memos) await c.delete('memo', memo.id);
    // Children first, so no row ever points at a deleted parent.
    for (const codeId of [...ids].reverse()) await c.delete('code', codeId);
    return { codes: ids.length, codings: codings.length };
  });
}
