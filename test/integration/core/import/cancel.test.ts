// Cancelling an import (options.signal, as task.cancel does) in a real
// project file: the file being written rolls back; files before it stay and
// the error says which; a cancel before anything is written leaves the
// database exactly as it was.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../src-main/core';
import { importPaths } from '../../../../src-main/core/import/service';
import type { Store } from '../../../../src-main/core/store/open';
import { ApiError } from '../../../../src-shared/errors';
import { testApi } from '../../../helpers/api';
import { tempDir, testCore } from '../../../helpers/core';
import { dumpDatabase, toCsv, writeFiles } from '../../../helpers/import-fixtures';

let dir: string;
let cleanup: () => void;
let core: Core;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  core = testCore(dir);
  await testApi(core).project.create({ path: 'avbryt.innspill', template: 'brev-kommunene-2022' });
});
afterEach(async () => {
  await core.dispose();
  cleanup();
});

const store = (): Store => core.session.requireStore();
const two = () =>
  writeFiles(path.join(dir, 'innboks'), {
    '1-bodo.csv': toCsv([['Kommune', 'Q1'], ['Bodø', 'Svar fra Bodø.']]),
    '2-tromso.csv': toCsv([['Kommune', 'Q1'], ['Tromsø', 'Svar fra Tromsø.']]),
  });

/** Runs an import that is cancelled just before the named file would commit. */
async function cancelAt(file: string): Promise<ApiError> {
  const controller = new AbortController();
  const error = await importPaths(store(), two(), core.session.deps, {
    signal: controller.signal,
    beforeCommit: (f) => {
      if (f.endsWith(file)) controller.abort();
    },
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('a cancelled import', () => {
  it('leaves the database exactly as before when cancelled in the first file', async () => {
    const before = dumpDatabase(store().path);
    const error = await cancelAt('1-bodo.csv');
    expect(error.code).toBe('CANCELLED');
    expect(error.message).toBe('Importen ble avbrutt. Ingenting ble lagret fra denne importen.');
    expect(dumpDatabase(store().path)).toEqual(before);
    expect(store().sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('keeps the files saved before the cancel, says which, and records them in the batch report', async () => {
    const error = await cancelAt('2-tromso.csv');
    expect(error.code).toBe('CANCELLED');
    expect(error.message).toMatch(/^Importen ble avbrutt\. 1 fil var allerede lagret \(«.*1-bodo\.csv»\) og ligger i saken; resten ble ikke importert\.$/);
    const names = store().sqlite.prepare('SELECT name FROM respondent ORDER BY name').pluck().all();
    expect(names).toEqual(['Bodø']);
    const batches = await testApi(core).import.batches();
    expect(batches).toHaveLength(1);
    expect(batches[0].report.files.map((f) => [path.basename(f.path), f.status])).toEqual([['1-bodo.csv', 'imported']]);
  });

  it('imports normally with a signal nobody aborts', async () => {
    const report = await importPaths(store(), two(), core.session.deps, { signal: new AbortController().signal });
    expect(report.files.map((f) => f.status)).toEqual(['imported', 'imported']);
  });
});
