// Opening and creating project files. One project = one SQLite file (.innspill)
// in WAL mode with foreign keys on, checked for integrity on open and
// migrated to the latest schema; files from a newer Innspill are refused.
import { accessSync, chmodSync, closeSync, constants as fsConstants, copyFileSync, existsSync, mkdtempSync, rmSync, linkSync, openSync, readSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { ApiError } from '../../../src-shared/errors';
import { checkpointInBackground, type Checkpointer } from './checkpointer';
import { registerSearchFunctions } from './words';
import { registerNorwegianFunctions } from './collation';
import { latestSchemaVersion, migrationProvider, migrations } from './migrations';
import type { DB } from './schema';
import { messageOf, codeOf } from '../caught';
import { removeQuietly, requireFolder, writeFailure } from '../writeFailure';

/** PRAGMA application_id marking a file as an Innspill project ("INSP"). */
export const APPLICATION_ID = 0x494e5350;
export const PROJECT_EXTENSION = '.innspill';

/** A name or path as typed: relative ones land in the workspace folder; the extension is added if missing. */
export function projectFilePath(workspaceDir: string, p: string): string {
  const withExt = p.toLowerCase().endsWith(PROJECT_EXTENSION) ? p : p + PROJECT_EXTENSION;
  return path.resolve(workspaceDir, withExt);
}

export interface Store {
  path: string;
  /** Opened from a file this process may not write (read-only media, no permission): reading, searching and exporting work; dispatch refuses changes. */
  readOnly?: true;
  db: Kysely<DB>;
  sqlite: Database.Database;
  close(): Promise<void>;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether the file starts with the SQLite header (project and package files alike). */
export function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_MAGIC.length);
    const read = readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.equals(SQLITE_MAGIC);
  } finally {
    closeSync(fd);
  }
}

function wrap(sqlite: Database.Database, file: string, checkpointer?: Checkpointer): Store {
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    path: file,
    db,
    sqlite,
    // The checkpoint worker's connection closes first; then Kysely's destroy
    // closes the better-sqlite3 handle, the last one, which checkpoints the WAL and removes it.
    close: async () => {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
}

async function migrate(store: Store): Promise<void> {
  const migrator = new Migrator({ db: store.db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new ApiError('CORRUPT', `Could not upgrade the project file (migration ${failed}): ${messageOf(error)}`);
  }
}

/** Names of migrations recorded in the file, or [] for a fresh file. */
export function appliedMigrations(sqlite: Database.Database): string[] {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'")
    .get();
  if (!table) return [];
  return sqlite.prepare<[], string>('SELECT name FROM kysely_migration ORDER BY name').pluck().all();
}

/**
 * Moves a finished file into place, never over an existing one: a hard link
 * where the file system has them, else an exclusive copy (FAT/exFAT sticks,
 * some network shares).
 */
function placeWithoutOverwrite(temp: string, full: string): void {
  try {
    linkSync(temp, full); // fails with EEXIST instead of overwriting
  } catch (e) {
    const code = codeOf(e);
    if (code === 'EEXIST') throw new ApiError('FILE_EXISTS', `A file already exists at ${full}; choose another name.`);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw e;
    try {
      copyFileSync(temp, full, fsConstants.COPYFILE_EXCL);
    } catch (copyError) {
      if (codeOf(copyError) === 'EEXIST') {
        throw new ApiError('FILE_EXISTS', `A file already exists at ${full}; choose another name.`);
      }
      throw copyError;
    }
  }
}

/** Whether this process may write the file and its folder (SQLite keeps its journal beside the file). */
function canWrite(full: string): boolean {
  try {
    accessSync(full, fsConstants.W_OK);
    accessSync(path.dirname(full), fsConstants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens a project this process may not write (a CD, a read-only share, a file without write
 * permission). SQLite cannot even read a WAL-mode file there (it must create the -shm file beside
 * it), so the file (and its -wal, if any) is copied to a private temp folder and opened (and
 * upgraded) there: the original is never touched. Dispatch refuses every method that declares a
 * change (api/dispatch.ts); what reads may write lazily (the search catalogue) goes to the copy.
 */
async function openReadOnly(full: string): Promise<Store> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'innspill-readonly-'));
  const copy = path.join(folder, path.basename(full));
  let store: Store;
  try {
    // The copies get write permission (copyFileSync keeps the original's read-only mode), so they open normally.
    copyFileSync(full, copy);
    chmodSync(copy, 0o600);
    if (existsSync(`${full}-wal`)) {
      copyFileSync(`${full}-wal`, `${copy}-wal`);
      chmodSync(`${copy}-wal`, 0o600);
    }
    if (!canWrite(copy)) throw new ApiError('READ_ONLY', `Kan ikke lage en lesekopi i ${folder} / Cannot make a reading copy in ${folder}`);
    store = await openStore(copy);
  } catch (e) {
    rmSync(folder, { recursive: true, force: true });
    throw e instanceof ApiError ? new ApiError(e.code, e.message.split(copy).join(full)) : e;
  }
  return {
    ...store,
    path: full,
    readOnly: true,
    async close() {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Opens an existing project file, upgrading its schema if it is older; a file it may not write opens read-only. */
export async function openStore(file: string): Promise<Store> {
  const full = path.resolve(file);
  if (!existsSync(full)) throw new ApiError('NOT_FOUND', `File not found: ${full}`);
  if (!statSync(full).isFile() || !hasSqliteHeader(full)) {
    throw new ApiError('NOT_A_PROJECT', `Not an Innspill project (not a SQLite database): ${full}`);
  }
  if (!canWrite(full)) return openReadOnly(full);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(full, { fileMustExist: true });
  } catch (e) {
    throw new ApiError('NOT_A_PROJECT', `Cannot open ${full}: ${messageOf(e)}`);
  }
  try {
    const appId = sqlite.pragma('application_id', { simple: true });
    if (appId !== APPLICATION_ID) {
      throw new ApiError('NOT_A_PROJECT', `Not an Innspill project (a SQLite database of another application): ${full}`);
    }
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new ApiError('CORRUPT', `The project file is damaged (integrity check: ${String(check)}): ${full}`);
    }
    const known = new Set(migrations.map(([name]) => name));
    const unknown = appliedMigrations(sqlite).filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new ApiError(
        'NEWER_VERSION',
        `The project file was written by a newer version of Innspill (schema ${unknown[unknown.length - 1]}; this version knows up to ${latestSchemaVersion}). Update Innspill to open it.`,
      );
    }
    try {
      applyPragmas(sqlite);
    } catch (e) {
      if (codeOf(e).startsWith('SQLITE_READONLY') || codeOf(e) === 'SQLITE_CANTOPEN') {
        throw new ApiError('READ_ONLY', `The project file or its folder is read-only; Innspill needs to write to it: ${full}`);
      }
      throw e;
    }
  } catch (e) {
    sqlite.close();
    if (e instanceof ApiError) throw e;
    throw new ApiError('CORRUPT', `The project file cannot be read: ${messageOf(e)}`);
  }
  // nb_words/nb_stems, which fill the search index (search/indexer.ts); nb_key/nb_lower, which sort and search the response list.
  registerSearchFunctions(sqlite);
  registerNorwegianFunctions(sqlite);
  // Checkpoints run in a worker thread, never in the core's own calls (checkpointer.ts).
  const store = wrap(sqlite, full, checkpointInBackground(sqlite, full));
  try {
    await migrate(store);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

/**
 * Builds a new file under a temporary name beside `file` and moves it into
 * place only when complete; an existing file is never overwritten and the
 * temporary file never outlives the call.
 */
export async function buildNewFile(file: string, build: (temp: string) => Promise<void>): Promise<string> {
  const full = path.resolve(file);
  if (existsSync(full)) throw new ApiError('FILE_EXISTS', `A file already exists at ${full}; choose another name.`);
  requireFolder(full);
  const temp = `${full}.${process.pid}.${Date.now()}.tmp`;
  try {
    await build(temp);
    placeWithoutOverwrite(temp, full);
  } catch (e) {
    throw writeFailure(e, full);
  } finally {
    removeQuietly(temp);
  }
  return full;
}

/** Creates a new project file and fills it with `seed` in one transaction (built aside, see buildNewFile). */
export async function createStore(file: string, seed: (store: Store) => Promise<void>): Promise<Store> {
  const full = await buildNewFile(file, async (temp) => {
    const sqlite = new Database(temp);
    sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    // Build in rollback-journal mode so the temp file is self-contained on close.
    sqlite.pragma('foreign_keys = ON');
    registerSearchFunctions(sqlite);
    registerNorwegianFunctions(sqlite);
    const store = wrap(sqlite, temp);
    try {
      await migrate(store);
      await seed(store);
    } finally {
      await store.close();
    }
  });
  return openStore(full);
}
