// innspill package …: the team work round trip on the command line, as a
// lead and a colleague would run it (in-process, plus one run of the real
// bin script for the exit-code contract).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../../src-main/core';
import { uuidV7 } from '../../../../src-main/core/deps';
import { testApi } from '../../../helpers/api';
import { runBin, runCli } from '../../../helpers/cli';
import { CSV_HEADER, ROWS } from '../../../helpers/coding';
import { tempDir, testDeps } from '../../../helpers/core';
import { toCsv } from '../../../helpers/import-fixtures';

let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir, cleanup } = tempDir('innspill-team-cli-'));
  process.env.INNSPILL_CONFIG_DIR = path.join(dir, 'config');
});
afterEach(() => {
  delete process.env.INNSPILL_CONFIG_DIR;
  cleanup();
});

async function cli(...args: string[]) {
  const result = await runCli(dir, args);
  return { ...result, json: () => JSON.parse(result.out) };
}

/** Works on a project file through the API, as the desktop app would, under a name. */
async function withApi<T>(file: string, author: string, work: (api: ReturnType<typeof testApi>) => Promise<T>): Promise<T> {
  const core = createCore({ ...testDeps(dir), newId: uuidV7, now: () => new Date(), author: () => author, shell: 'host', rememberRecent: false });
  try {
    const api = testApi(core);
    await api.project.open({ path: path.join(dir, file) });
    return await work(api);
  } finally {
    await core.dispose();
  }
}

describe('innspill package', () => {
  it('assign, export, open, return, merge with a conflict, resolve, merge again', async () => {
    expect((await cli('init', 'master.innspill')).code).toBe(0);
    writeFileSync(path.join(dir, 'svar.csv'), toCsv([CSV_HEADER, ...ROWS], { delimiter: ';' }));
    expect((await cli('import', 'master.innspill', 'svar.csv')).code).toBe(0);

    const assigned = await cli('package', 'assign', 'master.innspill', '--to', 'Kari', '--counties', '18,34', '--json', '--author', 'Leder');
    expect(assigned.code).toBe(0);
    expect(assigned.json()).toEqual({ respondents: 2, assigned: 2, unchanged: 0, moved: 0 });
    expect((await cli('package', 'assign', 'master.innspill', '--to', 'Ola', '--municipalities', '301', '--districts', '11')).out).toMatch(/^Ola: 2 respondents assigned/);
    const overview = await cli('package', 'assignments', 'master.innspill', '--json');
    expect(overview.json()).toMatchObject({ assignees: [{ assignee: 'Kari', respondents: 2 }, { assignee: 'Ola', respondents: 2 }], unassigned: { respondents: 0 }, doubleCoded: 0 });

    const exported = await cli('package', 'export', 'master.innspill', '--assignee', 'Kari', '--out', 'kari.innspillpakke', '--json', '--author', 'Leder');
    expect(exported.code).toBe(0);
    expect(exported.json()).toMatchObject({ path: path.join(dir, 'kari.innspillpakke'), respondents: 2, responses: 2 });
    const opened = await cli('package', 'open', 'kari.innspillpakke', '--out', 'kari.innspill');
    expect(opened.code).toBe(0);
    expect(opened.out).toMatch(/working copy of ".*" for Kari: 2 respondents, 2 responses/);

    // Kari codes in her copy; the lead sets the same variable differently in the master.
    const [bodo, variableId] = await withApi('kari.innspill', 'Kari', async (api) => {
      const responses = await api.responses.list({});
      const b = responses.find((r) => r.municipality?.number === '1804')!;
      const v = (await api.variables.list()).find((x) => x.key === 'q2_satisfied')!;
      await api.variables.set({ responseId: b.id, variableId: v.id, value: 'nei' });
      await api.memos.set({ targetType: 'response', targetId: b.id, text: 'Kari var her' });
      return [b.id, v.id];
    });
    await withApi('master.innspill', 'Leder', (api) => api.variables.set({ responseId: bodo, variableId, value: 'ja' }));

    const returned = await cli('package', 'return', 'kari.innspill', '--out', 'kari.innspillretur', '--json');
    expect(returned.code).toBe(0);
    expect(returned.json()).toMatchObject({ changes: 2, byEntity: { variable_value: 1, memo: 1 }, actors: ['Kari'] });

    // Merged, with one conflict left to decide: exit 1 and one line on stderr.
    const merged = await cli('package', 'merge', 'master.innspill', 'kari.innspillretur', '--json', '--author', 'Leder');
    expect(merged.code).toBe(1);
    expect(merged.json()).toMatchObject({ alreadyMerged: false, applied: { memo: 1 }, conflicts: 1, actors: ['Kari'] });
    expect(merged.err.trim().split('\n')).toHaveLength(1);
    const conflicts = await cli('package', 'conflicts', 'master.innspill');
    expect(conflicts.out).toMatch(/both_changed\s+variable_value\s+Bodø \(1804\), Q2/);
    expect(conflicts.out).toMatch(/ours\s+\(Leder\): Ja/);
    expect(conflicts.out).toMatch(/theirs \(Kari\): Nei/);
    const id = (await cli('package', 'conflicts', 'master.innspill', '--json')).json()[0].id as string;
    const resolved = await cli('package', 'resolve', 'master.innspill', id, '--keep', 'theirs', '--author', 'Leder');
    expect(resolved.code).toBe(0);
    expect(resolved.out).toMatch(/\[theirs, Leder\]/);
    expect((await cli('package', 'conflicts', 'master.innspill')).out).toBe('no conflicts\n');
    const value = await withApi('master.innspill', 'Leder', async (api) => (await api.workspace.response({ id: bodo })).values.find((v) => v.variableId === variableId));
    expect(value).toMatchObject({ value: 'nei', updatedBy: 'Kari' });

    const again = await cli('package', 'merge', 'master.innspill', 'kari.innspillretur');
    expect(again).toMatchObject({ code: 0, out: 'already merged: nothing changed\n' });
  });

  it('refuses wrong use with one line and exit 2, and a wrong file with exit 1', async () => {
    expect((await cli('init', 'master.innspill')).code).toBe(0);
    const noName = await cli('package', 'assign', 'master.innspill', '--counties', '18');
    expect(noName.code).toBe(2);
    expect(noName.err).toMatch(/needs --to/);
    expect((await cli('package', 'assign', 'master.innspill', '--to', 'Kari')).code).toBe(2);
    expect((await cli('package', 'frobnicate', 'master.innspill')).code).toBe(2);
    expect((await cli('package', 'resolve', 'master.innspill', 'x', '--keep', 'mine')).code).toBe(2);
    const notReturn = await cli('package', 'merge', 'master.innspill', 'master.innspill');
    expect(notReturn.code).toBe(1);
    expect(notReturn.err.trim().split('\n')).toHaveLength(1);
    expect(notReturn.err).toMatch(/^innspill package: This file is an Innspill project/);
  });

  it('runs as the real command (exit code and one line on stderr)', () => {
    const result = runBin(dir, ['package', 'open', 'nothing.innspillpakke', '--out', 'x.innspill']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^innspill package: File not found: .*nothing\.innspillpakke\n$/);
  });
});
