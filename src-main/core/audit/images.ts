// Row images read back from JSON (the audit trail's before/after, a work
// package's base/theirs, a merge conflict's sides) as typed rows: parsed here
// once, at the boundary, so the code that uses them reads typed columns.
import type { Row, RowOf, UndoableTable } from './changes';

/** A JSON row image as a column map (for code that compares or replays any table's rows); null stays null. */
export function parseImage(json: string | null): Row | null {
  return json === null ? null : toRow(JSON.parse(json), json);
}

/** A JSON list of row images (the answer parts of a split correction); null stays null. */
export function parseImages(json: string | null): Row[] | null {
  if (json === null) return null;
  const list: unknown = JSON.parse(json);
  if (!Array.isArray(list)) throw new Error(`Not a list of row images: ${json.slice(0, 80)}`);
  return list.map((row) => toRow(row, json));
}

/** A JSON row image of `table` as that table's row; null stays null. */
export function imageOf<T extends UndoableTable>(table: T, json: string | null): RowOf<T> | null {
  const row = parseImage(json);
  return row === null ? null : rowOf(table, row);
}

function toRow(value: unknown, json: string): Row {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('id' in value) || typeof value.id !== 'string') {
    throw new Error(`Not a row image: ${json.slice(0, 80)}`);
  }
  return { ...value, id: value.id };
}

/**
 * A row image known to be of `table` as that table's typed row. The images are
 * whole rows of their table (ChangeSet writes them from the row as stored), so
 * their columns are the table's; this is the one place that says so.
 */
export function rowOf<T extends UndoableTable>(_table: T, row: Row): RowOf<T> {
  // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- a column map cannot be checked against a generic table's row type; checking each column at run time would refuse images written before a migration added a column
  return row as unknown as RowOf<T>;
}

/** A JSON list of row images of `table` (the answer parts of a split correction); null stays null. */
export function imagesOf<T extends UndoableTable>(table: T, json: string | null): RowOf<T>[] | null {
  return parseImages(json)?.map((row) => rowOf(table, row)) ?? null;
}
