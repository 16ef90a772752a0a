// JSON: an array of responses, an object holding such an array, or a single
// response. Nested answers ({"svar": {"1": "…"}} or ["…", "…"]) are flattened
// to columns named by their path ("svar 1") so the same mapping applies.
import { ImportError } from '../../input/errors';
import { decodeText } from '../../input/decode';
import type { CellValue, ParsedTable, TableRow } from './types';
import { messageOf } from '../../caught';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isRecord(v: Json): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isScalar(v: Json): v is null | boolean | number | string {
  return !isRecord(v) && !Array.isArray(v);
}

/** A non-empty list of objects: the responses, wherever the object holds them. */
function isRecordList(v: Json): v is { [key: string]: Json }[] {
  return Array.isArray(v) && v.length > 0 && v.every(isRecord);
}

function flatten(value: Json, prefix: string, out: Map<string, CellValue>): void {
  if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix} ${k}` : k, out);
  } else if (Array.isArray(value)) {
    if (value.every(isScalar)) {
      value.forEach((v, i) => out.set(`${prefix} ${i + 1}`, v));
    } else {
      value.forEach((v, i) => flatten(v, `${prefix} ${i + 1}`, out));
    }
  } else {
    out.set(prefix, value);
  }
}

function findRecords(root: Json): { [key: string]: Json }[] {
  if (Array.isArray(root)) {
    if (root.every(isRecord)) return root;
    throw new ImportError('BAD_JSON', 'The JSON array must hold one object per response');
  }
  if (isRecord(root)) {
    return Object.values(root).find(isRecordList) ?? [root];
  }
  throw new ImportError('BAD_JSON', 'The JSON must be an array of responses or an object');
}

export function readJson(bytes: Buffer): ParsedTable {
  const { text, encoding } = decodeText(bytes);
  let root: Json;
  try {
    // JSON.parse gives exactly the values Json describes.
    root = JSON.parse(text);
  } catch (e) {
    throw new ImportError('BAD_JSON', `Invalid JSON: ${messageOf(e)}`);
  }
  const records = findRecords(root);
  const flat = records.map((r) => {
    const map = new Map<string, CellValue>();
    flatten(r, '', map);
    return map;
  });
  // Columns in first-seen order across all records.
  const headers: string[] = [];
  for (const map of flat) for (const key of map.keys()) if (!headers.includes(key)) headers.push(key);
  const rows: TableRow[] = [
    { locator: 'felt', values: headers },
    ...flat.map((map, i) => ({ locator: `svar nr. ${i + 1}`, values: headers.map((h) => map.get(h) ?? null) })),
  ];
  return { kind: 'table', format: 'json', encoding, sheets: [{ name: null, rows }], warnings: [] };
}
