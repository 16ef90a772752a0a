// Project files on disk: created through the project service, reopened with
// openStore, and every way opening can be refused. Real SQLite files in a
// temp folder; nothing is mocked.
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProject } from '../../../../src-main/core/project/create';
import { loadReferenceData } from '../../../../src-main/core/reference/load';
import { APPLICATION_ID, createStore, openStore, type Store } from '../../../../src-main/core/store/open';
import { latestSchemaVersion } from '../../../../src-main/core/store/migrations';
import { ApiError, type ErrorCode } from '../../../../src-shared/errors';
import { resourcesDir, tempDir, testDeps } from '../../../helpers/core';
import { STACK_LINE } from '../../../helpers/api';
import { fileBytes, filesIn } from '../../../helpers/files';
import { smashPages, writeForeignSqlite } from '../../../helpers/sqlite';

let dir: string;
let cleanup: () => void;
const open: Store[] = [];

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
  cleanup();
});

const ref = loadReferenceData(resourcesDir);

async function newProject(name = 'høring.innspill'): Promise<Store> {
  const store = await createProject(path.join(dir, name), { template: 'brev-kommunene-2022' }, testDeps(dir), ref);
  open.push(store);
  return store;
}

async function closeTracked(store: Store): Promise<void> {
  open.splice(open.indexOf(store), 1);
  await store.close();
}

/** A project file on disk, closed (WAL checkpointed, no -wal/-shm left). */
async function closedProject(name = 'høring.innspill'): Promise<string> {
  const store = await newProject(name);
  await closeTracked(store);
  return store.path;
}

async function openTracked(file: string): Promise<Store> {
  const store = await openStore(file);
  open.push(store);
  return store;
}

/** Runs `action`, which must fail with an ApiError of `code`; returns it. */
async function refused(action: Promise<unknown>, code: ErrorCode): Promise<ApiError> {
  const error = await action.then(
    () => {
      throw new Error(`expected ${code}, but it succeeded`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).code, (error as ApiError).message).toBe(code);
  expect((error as ApiError).message).not.toMatch(STACK_LINE);
  return error as ApiError;
}

const noTempFiles = (names: string[]) => names.filter((n) => n.endsWith('.tmp') || n.endsWith('-journal'));

describe('creating a project file', () => {
  it('writes a .innspill SQLite file marked with the Innspill application id', async () => {
    const store = await newProject();
    expect(store.path).toBe(path.join(dir, 'høring.innspill'));
    const head = fileBytes(store.path);
    expect(head.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    // application_id lives at byte offset 68 of the header, big-endian
    expect(head.readUInt32BE(68)).toBe(APPLICATION_ID);
    expect(store.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
  });

  it('is open in WAL mode with foreign keys on', async () => {
    const store = await newProject();
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('is migrated to the latest schema', async () => {
    const store = await newProject();
    const names = store.sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[];
    expect(names.at(-1)?.name).toBe(latestSchemaVersion);
  });

  it('leaves no temporary files behind', async () => {
    const store = await newProject();
    expect(noTempFiles(filesIn(dir))).toEqual([]);
    await closeTracked(store);
    expect(filesIn(dir)).toEqual(['høring.innspill']);
  });

  it('refuses to overwrite an existing file and leaves it byte-identical', async () => {
    const file = path.join(dir, 'høring.innspill');
    writeFileSync(file, 'ikke overskriv meg');
    const before = fileBytes(file);
    const error = await refused(newProject(), 'FILE_EXISTS');
    expect(error.message).toContain(file);
    expect(fileBytes(file).equals(before)).toBe(true);
    expect(filesIn(dir)).toEqual(['høring.innspill']);
  });

  it('refuses to overwrite an existing project too', async () => {
    const file = await closedProject();
    const before = fileBytes(file);
    await refused(newProject(), 'FILE_EXISTS');
    expect(fileBytes(file).equals(before)).toBe(true);
    expect(filesIn(dir)).toEqual(['høring.innspill']);
  });

  it('does not overwrite a file that appears while the project is being built', async () => {
    const file = path.join(dir, 'kappløp.innspill');
    const create = createStore(file, async () => {
      writeFileSync(file, 'kom først');
    });
    await refused(create, 'FILE_EXISTS');
    expect(fileBytes(file).toString()).toBe('kom først');
    expect(filesIn(dir)).toEqual(['kappløp.innspill']);
  });

  it('removes the half-built file when filling it fails', async () => {
    const file = path.join(dir, 'feil.innspill');
    await expect(
      createStore(file, async ({ db }) => {
        await db.insertInto('police_district').values({ code: 'p01', name: 'Oslo' }).execute();
        throw new Error('seed failed');
      }),
    ).rejects.toThrow('seed failed');
    expect(filesIn(dir)).toEqual([]);
  });

  it('reports a missing folder as NOT_FOUND', async () => {
    await refused(newProject(path.join('finnes-ikke', 'høring.innspill')), 'NOT_FOUND');
    expect(filesIn(dir)).toEqual([]);
  });
});

describe('opening a project file', () => {
  it('reopens a created project in WAL mode with foreign keys on', async () => {
    const file = await closedProject();
    const store = await openTracked(file);
    expect(store.path).toBe(file);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const { n } = (await store.db.selectFrom('municipality').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
    expect(Number(n)).toBe(356);
  });

  it('reports a missing file as NOT_FOUND', async () => {
    const error = await refused(openStore(path.join(dir, 'borte.innspill')), 'NOT_FOUND');
    expect(error.message).toContain('borte.innspill');
    expect(filesIn(dir)).toEqual([]);
  });

  it('refuses a file that is not a SQLite database', async () => {
    const file = path.join(dir, 'notat.innspill');
    writeFileSync(file, 'Dette er et brev, ikke en database.\n'.repeat(200));
    const before = fileBytes(file);
    const error = await refused(openStore(file), 'NOT_A_PROJECT');
    expect(error.message).toMatch(/not an Innspill project/i);
    expect(fileBytes(file).equals(before)).toBe(true);
  });

  it('refuses an empty file', async () => {
    const file = path.join(dir, 'tom.innspill');
    writeFileSync(file, '');
    await refused(openStore(file), 'NOT_A_PROJECT');
    expect(fileBytes(file).length).toBe(0);
  });

  it('refuses a folder', async () => {
    const folder = path.join(dir, 'mappe.innspill');
    mkdirSync(folder);
    await refused(openStore(folder), 'NOT_A_PROJECT');
  });

  it.each([
    ['no application id', 0],
    ['another application id (GeoPackage)', 0x47504b47],
  ])('refuses the SQLite database of another application (%s) and leaves it untouched', async (_label, appId) => {
    const file = path.join(dir, 'annen.sqlite');
    writeForeignSqlite(file, appId);
    const before = fileBytes(file);
    const error = await refused(openStore(file), 'NOT_A_PROJECT');
    expect(error.message).toMatch(/another application/);
    expect(fileBytes(file).equals(before)).toBe(true);
    expect(filesIn(dir)).toEqual(['annen.sqlite']);
  });

  it('refuses a file written by a newer Innspill and leaves it unchanged', async () => {
    const file = await closedProject();
    const sqlite = new Database(file);
    sqlite.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_future', '2030-01-01T00:00:00.000Z')").run();
    sqlite.close();
    const before = fileBytes(file);

    const error = await refused(openStore(file), 'NEWER_VERSION');
    expect(error.message).toContain('newer version of Innspill');
    expect(error.message).toContain('9999_future');
    expect(error.message).toContain(latestSchemaVersion);
    expect(error.message).toMatch(/Update Innspill/);

    expect(fileBytes(file).equals(before)).toBe(true);
    expect(filesIn(dir)).toEqual(['høring.innspill']);
  });

  it('reports a damaged file clearly instead of crashing', async () => {
    const file = await closedProject();
    smashPages(file, 3, 4);
    const before = fileBytes(file);
    const error = await openStore(file).then(
      () => {
        throw new Error('a damaged file was opened');
      },
      (e: unknown) => e as ApiError,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(['CORRUPT', 'NOT_A_PROJECT']).toContain(error.code);
    expect(error.message).toMatch(/project file is damaged|project file cannot be read|not an Innspill project/i);
    expect(error.message).not.toMatch(STACK_LINE);
    expect(fileBytes(file).equals(before)).toBe(true);
    expect(filesIn(dir)).toEqual(['høring.innspill']);
  });

  it('keeps working after refusing a damaged file', async () => {
    const damaged = await closedProject('skadet.innspill');
    smashPages(damaged, 3, 4);
    await expect(openStore(damaged)).rejects.toBeInstanceOf(ApiError);
    const store = await newProject('frisk.innspill');
    expect(store.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
  });
});
