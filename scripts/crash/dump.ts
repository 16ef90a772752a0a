// A project's logical dump for the crash harness: the rows that carry the caseworker's work (responses,
// answers, codings, values, memos, the audit trail, team merges), each table as a sorted list of
// normalised rows, so two runs of the same operation compare equal although their new ids and clock
// readings differ. Ids that existed before the operation stay as they are (codings keep pointing at
// their answers); ids made during it become "<new>", timestamps "<t>", file contents a hash.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

/** The tables compared, in this order; a table missing from the schema is left out. */
export const DUMP_TABLES = [
  'import_batch',
  'source_file',
  'respondent',
  'response',
  'answer',
  'code',
  'coding',
  'variable_value',
  'memo',
  'finding_link',
  'assignment',
  'work_package',
  'package_merge',
  'merged_change',
  'merge_conflict',
  'event',
] as const;

export type Dump = Record<string, string[]>;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?/g;
// "Import 07.12.2026 12:40" (the batch label the import writes from the clock).
const NB_TIME = /\d{2}\.\d{2}\.\d{4}(?:,? (?:kl\. )?\d{2}[.:]\d{2}(?::\d{2})?)/g;
/** Columns that only count the insertion order. */
const ORDER_ONLY = new Set(['seq']);

/** Every id-shaped value in the project: the ids the operation did not make. */
export function knownIds(file: string): Set<string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const ids = new Set<string>();
    for (const table of tablesIn(db)) {
      for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().iterate() as Iterable<unknown[]>) {
        for (const v of row) if (typeof v === 'string') for (const m of v.matchAll(UUID)) ids.add(m[0].toLowerCase());
      }
    }
    return ids;
  } finally {
    db.close();
  }
}

function tablesIn(db: Database.Database): string[] {
  const present = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  return DUMP_TABLES.filter((t) => present.has(t));
}

function normalise(value: unknown, known: Set<string>): unknown {
  if (Buffer.isBuffer(value)) return `<bytes ${createHash('sha256').update(value).digest('hex').slice(0, 16)}>`;
  if (typeof value !== 'string') return value;
  return value
    .replace(UUID, (id) => (known.has(id.toLowerCase()) ? id.toLowerCase() : '<new>'))
    .replace(ISO_TIME, '<t>')
    .replace(NB_TIME, '<t>');
}

/** The logical dump of an open database (read inside one read transaction, so it is one consistent state). */
export function dumpOf(db: Database.Database, known: Set<string>): Dump {
  const dump: Dump = {};
  db.transaction(() => {
    for (const table of tablesIn(db)) {
      const stmt = db.prepare(`SELECT * FROM "${table}"`);
      const columns = stmt.columns().map((c) => c.name);
      const rows: string[] = [];
      for (const raw of stmt.raw().iterate() as Iterable<unknown[]>) {
        const row: Record<string, unknown> = {};
        raw.forEach((v, i) => {
          if (!ORDER_ONLY.has(columns[i])) row[columns[i]] = normalise(v, known);
        });
        rows.push(JSON.stringify(row));
      }
      dump[table] = rows.sort();
    }
  })();
  return dump;
}

/** The logical dump of a project file (opened read-write so a WAL left by a killed process is recovered). */
export function dumpFile(file: string, known: Set<string>): Dump {
  const db = new Database(file, { fileMustExist: true });
  try {
    return dumpOf(db, known);
  } finally {
    db.close();
  }
}

export function hashDump(dump: Dump): string {
  const h = createHash('sha256');
  for (const [table, rows] of Object.entries(dump)) {
    h.update(`${table}\n`);
    for (const r of rows) h.update(r + '\n');
  }
  return h.digest('hex');
}

/** Whether multiset `a` ⊆ multiset `b` (both sorted). */
function sortedSubset(a: string[], b: string[]): boolean {
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j] < x) j++;
    if (j >= b.length || b[j] !== x) return false;
    j++;
  }
  return true;
}

/** Whether every table's rows in `a` are also in `b` (tables listed in `except` aside). */
export function dumpSubset(a: Dump, b: Dump, except: readonly string[] = []): boolean {
  return Object.keys(a).every((t) => except.includes(t) || sortedSubset(a[t], b[t] ?? []));
}

/** The first difference between two dumps, in words (for the failure report). */
export function firstDifference(a: Dump, b: Dump): string | null {
  for (const table of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[table] ?? [];
    const y = b[table] ?? [];
    if (x.length !== y.length) return `${table}: ${x.length} rows vs ${y.length}`;
    const i = x.findIndex((r, k) => r !== y[k]);
    if (i >= 0) return `${table}: ${x[i].slice(0, 300)} vs ${y[i].slice(0, 300)}`;
  }
  return null;
}

/** PRAGMA integrity_check of a project file: "ok" or what it found. */
export function integrity(file: string): string {
  const db = new Database(file, { fileMustExist: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}
