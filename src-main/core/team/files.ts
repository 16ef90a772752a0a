// The package files. Both are single SQLite files, marked with their own
// application_id so that neither is mistaken for a project (or for each
// other), checked with PRAGMA quick_check before use:
//
// - A work package (.innspillpakke) is a project database cut down to what
//   one caseworker needs, plus the package_origin row. Opening it copies it to
//   a new .innspill file and re-marks it as a project: the working copy.
// - A return package (.innspillretur) is a small database of its own:
//   `return_meta` (key/value: which package and master it belongs to, its
//   format version, a SHA-256 over its changes) and `return_change` (one row
//   per changed entity: its base image and the colleague's final image).
//
// SQLite rather than a ZIP of JSON: the work package *is* a project file
// (nothing to convert; migrations upgrade an older one), the format is
// self-checking and readable with any SQLite tool, and no archive writer is
// needed at run time.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { ApiError } from '../../../src-shared/errors';
import { APPLICATION_ID, hasSqliteHeader } from '../store/open';
import { latestSchemaVersion, migrations } from '../store/migrations';
import type { PackageChange } from './return-changes';
import { isReturnTable } from './entities';
import { PACKAGE_FORMAT_VERSION } from './origin';
import { messageOf } from '../caught';
import { parseImage } from '../audit/images';
import { sha256 } from '../input/hash';

/** "INSK": an Innspill work package (Norwegian: arbeidspakke). */
export const WORK_PACKAGE_APPLICATION_ID = 0x494e534b;
/** "INSR": an Innspill return package. */
export const RETURN_PACKAGE_APPLICATION_ID = 0x494e5352;

type FileKind = 'project' | 'work' | 'return';

const KIND_NAMES: Record<FileKind, string> = {
  project: 'an Innspill project (open it as a project)',
  work: 'a work package (open it on the colleague’s laptop to make a working copy)',
  return: 'a return package (merge it into the master project)',
};

/**
 * Opens a package file read-only after checking it is a SQLite database of
 * the expected kind and undamaged. The caller closes the handle.
 */
export function openPackageFile(file: string, expected: FileKind): Database.Database {
  const full = path.resolve(file);
  if (!existsSync(full)) throw new ApiError('NOT_FOUND', `File not found: ${full}`);
  if (!statSync(full).isFile() || !hasSqliteHeader(full)) {
    throw new ApiError('NOT_A_PACKAGE', `Not an Innspill package (not a SQLite database): ${full}`);
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(full, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new ApiError('NOT_A_PACKAGE', `Cannot open ${full}: ${messageOf(e)}`);
  }
  try {
    const appId = sqlite.pragma('application_id', { simple: true });
    const kind: FileKind | null =
      appId === APPLICATION_ID ? 'project' : appId === WORK_PACKAGE_APPLICATION_ID ? 'work' : appId === RETURN_PACKAGE_APPLICATION_ID ? 'return' : null;
    if (kind === null) throw new ApiError('NOT_A_PACKAGE', `Not an Innspill package (a SQLite database of another application): ${full}`);
    if (kind !== expected) throw new ApiError('NOT_A_PACKAGE', `This file is ${KIND_NAMES[kind]}, not ${KIND_NAMES[expected].replace(/ \(.*\)$/, '')}: ${full}`);
    let check: unknown;
    try {
      check = sqlite.pragma('quick_check', { simple: true });
    } catch (e) {
      check = messageOf(e);
    }
    if (check !== 'ok') throw new ApiError('CORRUPT', `The package file is damaged (integrity check: ${String(check)}): ${full}`);
    return sqlite;
  } catch (e) {
    sqlite.close();
    if (e instanceof ApiError) throw e;
    throw new ApiError('CORRUPT', `The package file cannot be read: ${messageOf(e)}`);
  }
}

/** Refuses a package whose schema or format is newer than this Innspill knows. */
export function checkVersions(schemaNames: string[], formatVersion: number, file: string): void {
  const known = new Set(migrations.map(([name]) => name));
  const unknown = schemaNames.filter((n) => !known.has(n));
  if (unknown.length > 0 || formatVersion > PACKAGE_FORMAT_VERSION) {
    throw new ApiError(
      'NEWER_VERSION',
      `The package was made by a newer version of Innspill (${unknown.length ? `schema ${unknown[unknown.length - 1]}` : `format ${formatVersion}`}; this version knows up to ${latestSchemaVersion}, format ${PACKAGE_FORMAT_VERSION}). Update Innspill to use it: ${file}`,
    );
  }
}

export interface ReturnMeta {
  formatVersion: number;
  returnId: string;
  packageId: string;
  masterProjectId: string;
  masterTitle: string;
  assignee: string;
  baseSeq: number;
  /** The working copy's audit trail position the return goes up to. */
  upToSeq: number;
  schemaVersion: string;
  appVersion: string;
  exportedAt: string;
  exportedBy: string;
}

const RETURN_SCHEMA = [
  `CREATE TABLE return_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)`,
  `CREATE TABLE return_change (
    seq INTEGER PRIMARY KEY,
    entity_type TEXT NOT NULL,
    entity_key TEXT NOT NULL,
    natural_key TEXT,
    base TEXT,
    theirs TEXT,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    UNIQUE (entity_type, entity_key))`,
];

// A return package comes from outside: its rows are checked, not trusted.
const ChangeRow = z.object({
  entity_type: z.string(),
  entity_key: z.string(),
  natural_key: z.string().nullable(),
  base: z.string().nullable(),
  theirs: z.string().nullable(),
  actor: z.string(),
  at: z.string(),
  action: z.string(),
});
type ChangeRow = z.infer<typeof ChangeRow>;
const MetaRow = z.object({ key: z.string(), value: z.string() });

function toRow(c: PackageChange): ChangeRow {
  return {
    entity_type: c.entityType,
    entity_key: c.key,
    natural_key: c.naturalKey,
    base: c.base === null ? null : JSON.stringify(c.base),
    theirs: c.theirs === null ? null : JSON.stringify(c.theirs),
    actor: c.actor,
    at: c.at,
    action: c.action,
  };
}

/** SHA-256 over the changes in order: a return whose rows were altered or cut short is refused. */
function checksum(rows: ChangeRow[]): string {
  const hash = sha256();
  for (const r of rows) hash.update(JSON.stringify([r.entity_type, r.entity_key, r.natural_key, r.base, r.theirs, r.actor, r.at, r.action])).update('\n');
  return hash.hex();
}

/** Writes a return package to `file` (a fresh temporary path; the caller moves it into place). */
export function writeReturnFile(file: string, meta: ReturnMeta, changes: PackageChange[]): void {
  const sqlite = new Database(file);
  try {
    sqlite.pragma(`application_id = ${RETURN_PACKAGE_APPLICATION_ID}`);
    for (const statement of RETURN_SCHEMA) sqlite.exec(statement);
    const rows = changes.map(toRow);
    const putMeta = sqlite.prepare('INSERT INTO return_meta (key, value) VALUES (?, ?)');
    const putChange = sqlite.prepare(
      'INSERT INTO return_change (seq, entity_type, entity_key, natural_key, base, theirs, actor, at, action) VALUES (@seq, @entity_type, @entity_key, @natural_key, @base, @theirs, @actor, @at, @action)',
    );
    sqlite.transaction(() => {
      putMeta.run('kind', 'return');
      for (const [key, value] of Object.entries(meta)) putMeta.run(key, String(value));
      putMeta.run('checksum', checksum(rows));
      for (const [i, r] of rows.entries()) putChange.run({ seq: i + 1, ...r });
    })();
  } finally {
    sqlite.close();
  }
}

/** Reads and checks a return package: kind, damage, format version, checksum. */
export function readReturnFile(file: string): { meta: ReturnMeta; changes: PackageChange[] } {
  const sqlite = openPackageFile(file, 'return');
  try {
    let values: Map<string, string>;
    let rows: ChangeRow[];
    try {
      values = new Map(z.array(MetaRow).parse(sqlite.prepare('SELECT key, value FROM return_meta').all()).map((r) => [r.key, r.value]));
      rows = z
        .array(ChangeRow)
        .parse(sqlite.prepare('SELECT entity_type, entity_key, natural_key, base, theirs, actor, at, action FROM return_change ORDER BY seq').all());
    } catch (e) {
      const why = e instanceof z.ZodError ? z.prettifyError(e) : messageOf(e);
      throw new ApiError('NOT_A_PACKAGE', `Not a return package (${why}): ${file}`);
    }
    const formatVersion = Number(values.get('formatVersion'));
    if (values.get('kind') !== 'return' || !Number.isInteger(formatVersion)) throw new ApiError('NOT_A_PACKAGE', `Not a return package (no package header): ${file}`);
    checkVersions([values.get('schemaVersion') ?? ''], formatVersion, file);
    if (values.get('checksum') !== checksum(rows)) throw new ApiError('CORRUPT', `The return package is damaged (its changes do not match its checksum): ${file}`);
    const required = ['returnId', 'packageId', 'masterProjectId', 'masterTitle', 'assignee', 'baseSeq', 'upToSeq', 'appVersion', 'exportedAt', 'exportedBy'];
    const missing = required.find((k) => !values.has(k));
    if (missing) throw new ApiError('NOT_A_PACKAGE', `Not a return package (no ${missing}): ${file}`);
    const meta: ReturnMeta = {
      formatVersion,
      returnId: values.get('returnId')!,
      packageId: values.get('packageId')!,
      masterProjectId: values.get('masterProjectId')!,
      masterTitle: values.get('masterTitle')!,
      assignee: values.get('assignee')!,
      baseSeq: Number(values.get('baseSeq')),
      upToSeq: Number(values.get('upToSeq')),
      schemaVersion: values.get('schemaVersion')!,
      appVersion: values.get('appVersion')!,
      exportedAt: values.get('exportedAt')!,
      exportedBy: values.get('exportedBy')!,
    };
    const changes = rows.map((r): PackageChange => {
      if (!isReturnTable(r.entity_type)) throw new ApiError('NOT_A_PACKAGE', `The return package has changes of an unknown kind (${r.entity_type}): ${file}`);
      return {
        entityType: r.entity_type,
        key: r.entity_key,
        naturalKey: r.natural_key,
        base: parseImage(r.base),
        theirs: parseImage(r.theirs),
        actor: r.actor,
        at: r.at,
        action: r.action,
      };
    });
    return { meta, changes };
  } finally {
    sqlite.close();
  }
}
