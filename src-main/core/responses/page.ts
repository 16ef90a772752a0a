// One page of the response list (responses.page): filtered and sorted in
// SQLite, so a list of 100,000 responses shows its first rows without
// reading them all. The order is total: the sort key (Norwegian order through
// nb_key, store/collation.ts), then newest import first, then id; a page ends
// where the next one starts (a keyset cursor, not an offset), so a row is on
// exactly one page even when rows change between the calls.
import { sql, type RawBuilder } from 'kysely';
import type { ResponsePage, ResponseSortKey } from '../../../src-shared/domain';
import { ApiError } from '../../../src-shared/errors';
import type { Store } from '../store/open';
import { refreshPersonalData } from '../personal/scan';
import { filteredResponses, summariesOf, type ResponseFilter } from './service';

export interface ResponseSort {
  key: ResponseSortKey;
  direction: 'ascending' | 'descending';
}

export interface PageInput extends ResponseFilter {
  sort?: ResponseSort;
  cursor?: string | null;
  limit?: number;
}

export const DEFAULT_PAGE_SIZE = 100;

const name = sql`nb_key(coalesce(m.name, p.name))`;
/**
 * The sort key of each order, one string compared as bytes: a missing county
 * or district sorts last (char 65535 is above every key character), ties on
 * it go by name (char 1 below every one). The list showed them so before.
 */
const SORT_KEYS: Record<ResponseSortKey, RawBuilder<string>> = {
  name: sql<string>`${name}`,
  county: sql<string>`coalesce(nb_key(m.county_name), char(65535)) || char(1) || ${name}`,
  district: sql<string>`coalesce(nb_key(d.name), char(65535)) || char(1) || ${name}`,
  received: sql<string>`coalesce(r.received_date, '') || char(1) || ${name}`,
};

type Cursor = [sortKey: string, createdAt: string, id: string];

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3 && value.every((v) => typeof v === 'string')) return [String(value[0]), String(value[1]), String(value[2])];
  } catch {
    // falls through to the error below
  }
  throw new ApiError('INVALID_INPUT', 'The list position (cursor) is not one this list gave out; load the list again.');
}

export async function pageResponses(store: Store, input: PageInput): Promise<ResponsePage> {
  const { sort = { key: 'name', direction: 'ascending' }, cursor, limit = DEFAULT_PAGE_SIZE, ...filter } = input;
  // The personal-data filter and the rows' flags read the findings: answers not yet scanned are scanned first.
  refreshPersonalData(store.sqlite);
  const key = SORT_KEYS[sort.key];
  const ascending = sort.direction === 'ascending';
  let q = filteredResponses(store, filter).select(key.as('sort_key'));
  if (cursor) {
    const [k, createdAt, id] = decodeCursor(cursor);
    const beyond = ascending ? sql`${key} > ${k}` : sql`${key} < ${k}`;
    q = q.where(sql<boolean>`(${beyond} OR (${key} = ${k} AND (r.created_at < ${createdAt} OR (r.created_at = ${createdAt} AND r.id > ${id}))))`);
  }
  const rows = await q
    .orderBy(sql`sort_key`, ascending ? 'asc' : 'desc')
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'asc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const counts = await filteredResponses(store, filter)
    .clearSelect()
    .select([
      sql<number>`count(*)`.as('total'),
      sql<number>`count(DISTINCT m.number)`.as('municipalities'),
      sql<number>`count(*) - count(m.number)`.as('others'),
    ])
    .executeTakeFirstOrThrow();
  return {
    rows: await summariesOf(store, page),
    total: Number(counts.total),
    municipalities: Number(counts.municipalities),
    others: Number(counts.others),
    nextCursor: rows.length > limit ? encodeCursor([last.sort_key, last.created_at, last.id]) : null,
  };
}
