// Raw SQLite helpers: a database migrated up to a named migration, another
// application's database, and damage to a file's pages.
import { closeSync, openSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrationProvider, migrations } from '../../src-main/core/store/migrations';
import type { DB } from '../../src-main/core/store/schema';

export interface MigratedDb {
  sqlite: Database.Database;
  db: Kysely<DB>;
  close(): Promise<void>;
}

/**
 * An in-memory database with foreign keys on (as every project connection
 * has), migrated with the app's own migrations up to and including `name`.
 */
export async function migratedDatabase(name: string = migrations[migrations.length - 1][0]): Promise<MigratedDb> {
  if (!migrations.some(([n]) => n === name)) throw new Error(`no migration named ${name}`);
  const sqlite = new Database(':memory:');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateTo(name);
  if (error) throw error;
  const applied = results?.map((r) => r.migrationName) ?? [];
  if (applied[applied.length - 1] !== name) throw new Error(`expected to end at ${name}, applied ${applied.join(', ')}`);
  return { sqlite, db, close: () => db.destroy() };
}

/** Names of the user tables (no SQLite or kysely bookkeeping). */
export function tableNames(sqlite: Database.Database): string[] {
  return (
    sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
}

export function columnNames(sqlite: Database.Database, table: string): string[] {
  return (sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name).sort();
}

export function foreignKeys(sqlite: Database.Database, table: string): { from: string; table: string; to: string; on_delete: string }[] {
  return sqlite.pragma(`foreign_key_list(${table})`) as { from: string; table: string; to: string; on_delete: string }[];
}

/** Overwrites whole pages (1-based, default page size 4096) with garbage. */
export function smashPages(file: string, firstPage: number, count: number, pageSize = 4096): void {
  const junk = Buffer.alloc(pageSize * count);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) & 0xff;
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, junk, 0, junk.length, (firstPage - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

/** A plain SQLite database, as another application would leave it. */
export function writeForeignSqlite(file: string, applicationId = 0): void {
  const sqlite = new Database(file);
  if (applicationId) sqlite.pragma(`application_id = ${applicationId}`);
  sqlite.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hei')");
  sqlite.close();
}
