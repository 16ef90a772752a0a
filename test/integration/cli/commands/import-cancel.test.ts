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
    // Whether the second Ctrl-C lands before the file began (the machine's load decides) changes
    // how the last line counts, never that it says the one file went in: it never says «0 files».
    expect({ ...result, err: result.err.split('\n') }).toEqual({
      code: 130,
      out: '',
      err: [
        'stopping after the current file (Ctrl-C again to stop now)',
        'innspill import: Importen ble avbrutt. Ingenting ble lagret fra denne importen.',
        expect.stringMatching(/^(stopped: 1 file not imported|stopped before the first file: nothing imported from \/.*\.csv)$/),
        '',
      ],
    });
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
