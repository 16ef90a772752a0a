// A code's REFI-QDA attributes that Innspill's codebook has no column for
// (table refi_code, migration 0008): isCodable="false" (a folder of codes in
// NVivo), and the colour Innspill gave a code its file gave none, so that an
// export writes no colour the other program never chose — unless a
// caseworker has since picked one (then the colour differs and is written).
import type { Kysely, Transaction } from 'kysely';
import type { CodeNode } from '../codebook/import-export';
import type { DB } from '../store/schema';

export interface CodeAttributes {
  isCodable: boolean;
  /** The colour to write, or null for none. */
  colour: (current: string) => string | null;
}

/** Records, for the codes an import created or updated, what the file said of them. `created`: the ids the import made. */
export async function recordCodeAttributes(trx: Transaction<DB>, ids: Map<CodeNode, string>, created: Set<string>): Promise<void> {
  for (const [node, id] of ids) {
    const isCodable = node.isCodable === false ? 0 : 1;
    let invented: string | null | undefined;
    if (created.has(id) && !node.colour) {
      invented = (await trx.selectFrom('code').select('colour').where('id', '=', id).executeTakeFirstOrThrow()).colour;
    }
    const existing = await trx.selectFrom('refi_code').select(['is_codable', 'invented_colour']).where('code_id', '=', id).executeTakeFirst();
    if (!existing && isCodable === 1 && !invented) continue;
    const row = { is_codable: isCodable, invented_colour: invented === undefined ? (existing?.invented_colour ?? null) : invented };
    if (existing) await trx.updateTable('refi_code').set(row).where('code_id', '=', id).execute();
    else await trx.insertInto('refi_code').values({ code_id: id, ...row }).execute();
  }
}

/** Each code's attributes for an export (codes without a row: codable, their colour). */
export async function loadCodeAttributes(db: Kysely<DB>): Promise<(codeId: string) => CodeAttributes> {
  const rows = new Map((await db.selectFrom('refi_code').selectAll().execute()).map((r) => [r.code_id, r]));
  return (codeId) => {
    const row = rows.get(codeId);
    return {
      isCodable: row?.is_codable !== 0,
      colour: (current) => (row?.invented_colour && row.invented_colour === current ? null : current),
    };
  };
}
