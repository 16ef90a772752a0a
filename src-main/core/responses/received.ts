// Correcting the date a response was received. The date decides which of a
// respondent's responses is current (the newest), so the correction may move
// that mark too; both go through one ChangeSet, so the audit trail records
// them and one undo takes the whole correction back.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { inTransaction } from '../audit/transaction';
import type { CoreDeps } from '../deps';
import { NEWEST_FIRST } from '../import/service';
import type { DB } from '../store/schema';

/** Sets (or, with null, clears) the received date, an ISO date the contract has already checked. */
export async function setReceivedDate(db: Kysely<DB>, deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>, responseId: string, date: string | null): Promise<void> {
  await inTransaction(db, deps, 'response.received', async (c) => {
    const response = await c.require('response', responseId, 'response');
    await c.update('response', responseId, { received_date: date });
    const respondentId = response.respondent_id;
    const newest = await sql<{ id: string }>`SELECT id FROM response WHERE respondent_id = ${respondentId} ORDER BY ${NEWEST_FIRST} LIMIT 1`.execute(c.trx);
    const currentId = newest.rows[0]?.id;
    const versions = await c.trx.selectFrom('response').select(['id', 'is_current']).where('respondent_id', '=', respondentId).execute();
    for (const v of versions) {
      const isCurrent = v.id === currentId ? 1 : 0;
      if (v.is_current !== isCurrent) await c.update('response', v.id, { is_current: isCurrent });
    }
  });
}
