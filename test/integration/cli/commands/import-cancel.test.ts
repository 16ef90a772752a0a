// Ctrl-C during `innspill import`: pressed twice, the import is cancelled at
// once and rolls back, stderr says nothing was imported, exit code 130; the
// file then imports in full. SIGINT is delivered as the process would see it (its
// listeners called while the import lets the event loop turn).
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeResponsesCsv } from '../../../../bench/lib';
import { runCli } from '../../../helpers/cli';
import { tempDir } from '../../../helpers/core';

let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir, cleanup } = tempDir('innspill-import-cancel-cli-'));
});
afterEach(() => cleanup());

describe('innspill import, interrupted', () => {
  it('rolls back on Ctrl-C pressed twice, says so, exits 130; the next import succeeds', async () => {
    expect((await runCli(dir, ['init', 'stor.innspill'])).code).toBe(0);
    const csv = writeResponsesCsv(dir, 5_000, 200);
    const importing = runCli(dir, ['import', 'stor.innspill', csv]);
    let finished = false;
    void importing.then(() => (finished = true));
    // Ctrl-C until the import notices (before it runs, nobody listens yet).
    while (!finished) {
      await new Promise((r) => setTimeout(r, 50));
      if (process.listenerCount('SIGINT') > 0) process.emit('SIGINT');
    }
    const result = await importing;
    // The first Ctrl-C asks to stop after the file; the next stops at once and rolls it back.
    // The machine's load decides where the Ctrl-Cs land, which changes how the end is worded,
    // never what it says: the one file did not go in, and it is named or counted, never «0 files».
    // - the second lands while the file is being imported, or before it began (stopped at once);
    // - the first lands before the file began: the batch ends there, nothing committed, the file listed.
    expect(result.code).toBe(130);
    expect(result.out).toBe('');
    const [first, ...rest] = result.err.split('\n');
    expect(first).toBe('stopping after the current file (Ctrl-C again to stop now)');
    const stoppedAtOnce = [
      'innspill import: Importen ble avbrutt. Ingenting ble lagret fra denne importen.',
      expect.stringMatching(/^(stopped: 1 file not imported|stopped before the first file: nothing imported from \/.*\.csv)$/),
      '',
    ];
    const stoppedBeforeTheFile = ['committed: 0 files (0 responses)', 'stopped: 1 file not imported', `          - ${csv}`, ''];
    expect([stoppedAtOnce, stoppedBeforeTheFile]).toContainEqual(rest);
    expect(process.listenerCount('SIGINT')).toBe(0);

    const db = new Database(path.join(dir, 'stor.innspill'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT (SELECT count(*) FROM response) + (SELECT count(*) FROM import_batch) AS n').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
    const again = await runCli(dir, ['import', 'stor.innspill', csv]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/imported .*: 5000 responses/);
  }, 120_000);
});
