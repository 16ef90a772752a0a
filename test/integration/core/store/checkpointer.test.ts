// The write-ahead log is copied into the project file by the checkpoint
// worker (store/checkpointer.ts), never inside the core's own commit: after a
// large commit the project file is unchanged until the worker has run, then
// it holds the data; closing the project leaves no log behind. Real SQLite
// files in a temp folder.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProject } from '../../../../src-main/core/project/create';
import { loadReferenceData } from '../../../../src-main/core/reference/load';
import { checkpointFully } from '../../../../src-main/core/store/checkpointer';
import type { Store } from '../../../../src-main/core/store/open';
import { resourcesDir, tempDir, testDeps } from '../../../helpers/core';

let dir: string;
let cleanup: () => void;
let store: Store | null = null;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(async () => {
  await store?.close();
  store = null;
  cleanup();
});

const ref = loadReferenceData(resourcesDir);

const waitFor = async (check: () => boolean, what: string, ms = 30_000) => {
  const until = performance.now() + ms;
  while (!check()) {
    if (performance.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('checkpoints in a worker thread', () => {
  it('leaves the project file alone at commit; the worker copies the log in; closing removes the log', async () => {
    const file = path.join(dir, 'stor.innspill');
    store = await createProject(file, { template: 'brev-kommunene-2022' }, testDeps(dir), ref);
    const { sqlite } = store;
    // The connection the core writes through never checkpoints by itself.
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    // What creating the project wrote goes into the file first (here, on purpose).
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = statSync(file).size;
    sqlite.exec('CREATE TABLE scratch (text TEXT)');
    const insert = sqlite.prepare('INSERT INTO scratch (text) VALUES (?)');
    sqlite.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run(`${i} `.padEnd(1000, 'x'));
    })();
    // Right after a 5 MB commit (5 times SQLite's automatic checkpoint threshold) the file has not grown: the commit did not checkpoint.
    expect(statSync(file).size).toBe(before);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(5_000_000);
    // The worker copies the log into the file.
    await waitFor(() => statSync(file).size > before + 5_000_000, 'the worker to checkpoint');

    await store.close();
    store = null;
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare('SELECT count(*) FROM scratch').pluck().get()).toBe(5000);
    reopened.close();
  });

  it('empties the log when asked, even while the worker is checkpointing (erasure relies on it)', async () => {
    const file = path.join(dir, 'tom.innspill');
    store = await createProject(file, { template: 'brev-kommunene-2022' }, testDeps(dir), ref);
    const { sqlite } = store;
    sqlite.exec('CREATE TABLE scratch (text TEXT)');
    const insert = sqlite.prepare('INSERT INTO scratch (text) VALUES (?)');
    // Many rounds of writes, each followed at once by a full checkpoint, race the worker's own
    // checkpoints every 250 ms; a single TRUNCATE that met the worker mid-checkpoint left the log behind.
    for (let round = 0; round < 40; round++) {
      sqlite.transaction(() => {
        for (let i = 0; i < 200; i++) insert.run(`${round}-${i} `.padEnd(2000, 'x'));
      })();
      checkpointFully(sqlite);
      expect(statSync(`${file}-wal`).size).toBe(0);
      await new Promise((r) => setTimeout(r, round % 7));
    }
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare('SELECT count(*) FROM scratch').pluck().get()).toBe(8000);
    reopened.close();
  });
});

describe('checkpointFully', () => {
  /** A connection whose checkpoint answers busy the given number of times, then succeeds. */
  function busyConnection(busyTimes: number): { connection: Database.Database; calls: () => number } {
    let calls = 0;
    const statement = { get: () => ({ busy: calls++ < busyTimes ? 1 : 0, log: 0, checkpointed: 0 }) };
    const fake = { name: 'fake.innspill', prepare: () => statement };
    return { connection: fake as unknown as Database.Database, calls: () => calls }; // test double: only prepare() and name are used
  }

  it('tries again while another checkpoint holds the lock', () => {
    const { connection, calls } = busyConnection(3);
    checkpointFully(connection);
    expect(calls()).toBe(4);
  });

  it('gives up with an error naming the file when the log stays busy', () => {
    const { connection } = busyConnection(Number.POSITIVE_INFINITY);
    expect(() => checkpointFully(connection, 50)).toThrow(/fake\.innspill.*busy/);
  });
});
