// Row look-ups shared by the merge and conflict resolution: a row by id or by
// natural key, the rows it refers to that are missing, the rows that refer
// to it, and whether the master moved an answer's text since a package's base.
import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Row } from '../audit/changes';
import { parseImage } from '../audit/images';
import type { DB } from '../store/schema';
import { DEPENDANTS, hasNaturalKey, referencesOf, type ReturnTable } from './entities';

type Trx = Transaction<DB>;

export async function rowById(trx: Trx, table: string, id: string): Promise<Row | null> {
  const row = await sql<Row>`SELECT * FROM ${sql.table(table)} WHERE id = ${id}`.execute(trx);
  return row.rows[0] ?? null;
}

/** The master's row for the entity: by natural key where the table has one, else by id. */
export async function findOurs(trx: Trx, table: ReturnTable, image: Row): Promise<Row | null> {
  if (!hasNaturalKey(table)) return rowById(trx, table, image.id);
  let q;
  switch (table) {
    case 'variable_value':
      q = sql<Row>`SELECT * FROM variable_value WHERE response_id = ${image.response_id} AND variable_id = ${image.variable_id}`;
      break;
    case 'memo':
      q = sql<Row>`SELECT * FROM memo WHERE target_type = ${image.target_type} AND coalesce(target_id, '') = ${image.target_id ?? ''}`;
      break;
    case 'finding_link':
      q = sql<Row>`SELECT * FROM finding_link WHERE finding_id = ${image.finding_id} AND answer_id = ${image.answer_id} AND coalesce(coding_id, '') = ${image.coding_id ?? ''}`;
      break;
    default:
      return rowById(trx, table, image.id);
  }
  return (await q.execute(trx)).rows[0] ?? null;
}

/** The first reference of `row` whose target the master lacks, or null. */
export async function missingReference(trx: Trx, table: ReturnTable, row: Row): Promise<ReturnType<typeof referencesOf>[number] | null> {
  for (const ref of referencesOf(table, row)) {
    if (!(await rowById(trx, ref.table, ref.id))) return ref;
  }
  return null;
}

/** Rows in the master that refer to the row `id` of `table` (which block deleting it). */
export async function dependantsOf(trx: Trx, table: ReturnTable, id: string): Promise<{ table: ReturnTable; id: string }[]> {
  const out: { table: ReturnTable; id: string }[] = [];
  for (const d of DEPENDANTS[table] ?? []) {
    const extra = Object.entries(d.where ?? {}).map(([c, v]) => sql`AND ${sql.ref(c)} = ${v}`);
    const rows = await sql<{ id: string }>`SELECT id FROM ${sql.table(d.table)} WHERE ${sql.ref(d.column)} = ${id} ${sql.join(extra, sql` `)}`.execute(trx);
    for (const r of rows.rows) out.push({ table: d.table, id: r.id });
  }
  return out;
}

/** The answer's row as the master last had it, if the master deleted it after `baseSeq` (a split correction). */
export async function answerRemovedSince(trx: Trx, answerId: string, baseSeq: number): Promise<Row | null> {
  const event = await trx
    .selectFrom('event')
    .select('before')
    .where('entity_type', '=', 'answer')
    .where('entity_id', '=', answerId)
    .where('seq', '>', baseSeq)
    .where('after', 'is', null)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  return parseImage(event?.before ?? null);
}

/** Whether the master changed any answer part of a response after `baseSeq` (split corrections, their undo). */
export async function answersChangedSince(trx: Trx, responseId: string, baseSeq: number): Promise<boolean> {
  const row = await sql<{ n: number }>`
    SELECT count(*) AS n FROM event
    WHERE entity_type = 'answer' AND seq > ${baseSeq}
      AND (json_extract(before, '$.response_id') = ${responseId} OR json_extract(after, '$.response_id') = ${responseId})`.execute(trx);
  return Number(row.rows[0]?.n ?? 0) > 0;
}

/** Whether putting code `codeId` under `parentId` would make the code tree a loop (the other side moved the parent under it). */
export async function makesCodeLoop(trx: Trx, codeId: string, parentId: string | null): Promise<boolean> {
  const seen = new Set<string>();
  for (let at = parentId; at !== null && !seen.has(at); ) {
    if (at === codeId) return true;
    seen.add(at);
    const row = await trx.selectFrom('code').select('parent_id').where('id', '=', at).executeTakeFirst();
    at = row?.parent_id ?? null;
  }
  return false;
}
