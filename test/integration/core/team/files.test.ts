// The package files: what a work package holds and leaves out, the working
// copy made from it, and refusals that leave the master exactly as it was
// (a return for another project, a file that is not a return package, a
// damaged file, a package from a newer Innspill).
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../src-main/core/store/open';
import { RETURN_PACKAGE_APPLICATION_ID, WORK_PACKAGE_APPLICATION_ID } from '../../../../src-main/core/team/files';
import { createCore } from '../../../../src-main/core';
import { uuidV7 } from '../../../../src-main/core/deps';
import { expectApiError, testApi } from '../../../helpers/api';
import { count, spanOf, type CodingProject } from '../../../helpers/coding';
import { tempDir, testDeps } from '../../../helpers/core';
import { checkpointedBytes, dumpDatabase } from '../../../helpers/import-fixtures';
import { smashPages, writeForeignSqlite } from '../../../helpers/sqlite';
import { handOut, masterAndLaptopEachTest, merge, takeBack, type Laptop } from '../../../helpers/team';

let master: CodingProject;
let kari: Laptop;

masterAndLaptopEachTest('Kari', (m, k) => {
  master = m;
  kari = k;
});

/** A copy of a package file at `to`, changed by SQL statements (to forge or damage it); returns `to`. */
function editedCopy(from: string, to: string, ...statements: string[]): string {
  copyFileSync(from, to);
  const db = new Database(to);
  for (const sql of statements) db.prepare(sql).run();
  db.close();
  return to;
}

async function assignBodo() {
  const overview = await master.api.team.assignments();
  const bodo = overview.respondents.find((r) => r.municipalityNumber === '1804')!;
  await master.api.team.assign({ assignee: 'Kari', respondentIds: [bodo.respondentId] });
}

describe('work package', () => {
  it('holds what is needed to code the assigned responses and leaves the other respondents out', async () => {
    await assignBodo();
    const code = await master.api.codebook.create({ name: 'Rus' });
    const q1 = master.response('1804').q(1);
    await master.api.codings.create({ answerId: q1.id, codeId: code.id, ...spanOf(q1.text, 'Rus blant unge') });
    await master.api.codings.create({ answerId: master.response('0301').q(1).id, codeId: code.id });
    await master.api.memos.set({ targetType: 'response', targetId: master.response('0301').id, text: 'Oslo' });
    await master.api.memos.set({ targetType: 'project', targetId: null, text: 'Prosjektnotat' });
    const seq = (master.store().sqlite.prepare('SELECT max(seq) FROM event').pluck().get() as number);

    const exported = await master.api.team.exportPackage({ assignee: 'Kari' });
    expect(exported).toMatchObject({ assignee: 'Kari', respondents: 1, responses: 1, baseSeq: seq });
    expect(path.dirname(exported.path)).toBe(path.join(master.dir, 'Eksport'));
    expect(exported.fileName.endsWith('.innspillpakke')).toBe(true);
    // A package is not a project: it cannot be opened as one by mistake.
    await expect(openStore(exported.path)).rejects.toMatchObject({ code: 'NOT_A_PROJECT' });
    const pkg = new Database(exported.path, { readonly: true });
    try {
      expect(pkg.pragma('application_id', { simple: true })).toBe(WORK_PACKAGE_APPLICATION_ID);
      const n = (table: string) => pkg.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
      expect(n('municipality')).toBe(356);
      expect(n('respondent')).toBe(1);
      expect(n('response')).toBe(1);
      expect(n('answer')).toBe(5);
      expect(n('source_file')).toBe(1);
      expect(n('code')).toBe(1);
      expect(n('coding')).toBe(1);
      expect(n('variable')).toBe(5);
      expect(n('finding')).toBe(count(master.store(), 'finding'));
      expect(pkg.prepare('SELECT target_type FROM memo ORDER BY target_type').pluck().all()).toEqual(['project']);
      expect(n('event')).toBe(0);
      expect(pkg.prepare('SELECT assignee, base_seq, format_version FROM package_origin').get()).toEqual({ assignee: 'Kari', base_seq: seq, format_version: 1 });
    } finally {
      pkg.close();
    }
    const packages = await master.api.team.packages();
    expect(packages).toMatchObject([{ id: exported.packageId, assignee: 'Kari', baseSeq: seq, respondents: 1, merges: 0 }]);
  });

  it('opens as a working copy with its own file, never over an existing one, and refuses other files', async () => {
    await assignBodo();
    const { packagePath } = await handOut(master, kari);
    const copy = (await kari.api.project.current())!;
    expect(copy.path).toBe(path.join(kari.dir, 'arbeidskopi.innspill'));
    expect(copy.workingCopy!.masterTitle).toBe((await master.api.project.current())!.title);
    // Undo works in the working copy from the first change on.
    const code = await kari.api.codebook.create({ name: 'Ny' });
    await kari.api.history.undo();
    expect((await kari.api.codebook.list()).find((c) => c.id === code.id)).toBeUndefined();
    await expectApiError(kari.api.team.openPackage({ path: packagePath, target: 'arbeidskopi.innspill' }), 'FILE_EXISTS');
    // Default name: "<title> - <assignee>.innspill" in the workspace.
    const other = await kari.api.team.openPackage({ path: packagePath });
    expect(path.basename(other.path)).toMatch(/ - Kari\.innspill$/);
    // A project, a return package, another SQLite file and a text file are not work packages.
    await expectApiError(kari.api.team.openPackage({ path: master.file }), 'NOT_A_PACKAGE');
    const ret = await kari.api.team.exportReturn({ target: path.join(kari.dir, 'r.innspillretur') });
    await expectApiError(kari.api.team.openPackage({ path: ret.path }), 'NOT_A_PACKAGE');
    writeForeignSqlite(path.join(kari.dir, 'x.innspillpakke'));
    await expectApiError(kari.api.team.openPackage({ path: path.join(kari.dir, 'x.innspillpakke') }), 'NOT_A_PACKAGE');
    writeFileSync(path.join(kari.dir, 'y.innspillpakke'), 'ikke en pakke');
    await expectApiError(kari.api.team.openPackage({ path: path.join(kari.dir, 'y.innspillpakke') }), 'NOT_A_PACKAGE');
    await expectApiError(kari.api.team.openPackage({ path: path.join(kari.dir, 'finnes-ikke.innspillpakke') }), 'NOT_FOUND');
  });

  it('refuses a package from a newer Innspill', async () => {
    await assignBodo();
    const exported = await master.api.team.exportPackage({ assignee: 'Kari' });
    const newer = editedCopy(exported.path, path.join(kari.dir, 'newer.innspillpakke'), 'UPDATE package_origin SET format_version = 99');
    await expectApiError(kari.api.team.openPackage({ path: newer }), 'NEWER_VERSION');
    editedCopy(exported.path, newer, "INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_future', 'x')");
    await expectApiError(kari.api.team.openPackage({ path: newer }), 'NEWER_VERSION');
    expect(existsSync(path.join(kari.dir, 'newer.innspill'))).toBe(false);
  });
});

describe('refused merges leave the master exactly as it was', () => {
  let file: string;
  beforeEach(async () => {
    await assignBodo();
    await handOut(master, kari);
    const q1 = kari.response('1804').q(1);
    const code = await kari.api.codebook.create({ name: 'Rus' });
    await kari.api.codings.create({ answerId: q1.id, codeId: code.id });
    file = await takeBack(master, kari);
  });

  async function refused(call: Promise<unknown>, code: Parameters<typeof expectApiError>[1]) {
    const bytes = checkpointedBytes(master.store());
    const dump = dumpDatabase(master.file);
    const message = await expectApiError(call, code);
    expect(dumpDatabase(master.file)).toEqual(dump);
    expect(checkpointedBytes(master.store()).equals(bytes)).toBe(true);
    return message;
  }

  it('a return for another project', async () => {
    // Another case made from the same template, with ids of its own.
    const { dir, cleanup } = tempDir('innspill-other-');
    const core = createCore({ ...testDeps(dir), newId: uuidV7, shell: 'host', rememberRecent: false });
    try {
      const api = testApi(core);
      await api.project.create({ path: 'annen.innspill' });
      const store = core.session.requireStore();
      const bytes = checkpointedBytes(store);
      expect(await expectApiError(api.team.mergeReturn({ path: file }), 'WRONG_PROJECT')).toMatch(/another project/);
      expect(checkpointedBytes(store).equals(bytes)).toBe(true);
    } finally {
      await core.dispose();
      cleanup();
    }
  });

  it('a return for a work package this master did not make', async () => {
    const copy = editedCopy(file, path.join(master.dir, 'forged.innspillretur'), "UPDATE return_meta SET value = 'not-ours' WHERE key = 'packageId'");
    await refused(master.api.team.mergeReturn({ path: copy }), 'WRONG_PROJECT');
  });

  it('files that are not return packages', async () => {
    await refused(master.api.team.mergeReturn({ path: master.file }), 'NOT_A_PACKAGE');
    const packages = await master.api.team.exportPackage({ assignee: 'Kari' });
    await refused(master.api.team.mergeReturn({ path: packages.path }), 'NOT_A_PACKAGE');
    const text = path.join(master.dir, 'tekst.innspillretur');
    writeFileSync(text, 'Dette er ikke en returpakke.\n');
    await refused(master.api.team.mergeReturn({ path: text }), 'NOT_A_PACKAGE');
    const foreign = path.join(master.dir, 'foreign.innspillretur');
    writeForeignSqlite(foreign, RETURN_PACKAGE_APPLICATION_ID);
    await refused(master.api.team.mergeReturn({ path: foreign }), 'NOT_A_PACKAGE');
  });

  it('a damaged return package: altered rows, smashed pages, cut short', async () => {
    const altered = editedCopy(file, path.join(master.dir, 'altered.innspillretur'), "UPDATE return_change SET actor = 'Mallory'");
    expect(await refused(master.api.team.mergeReturn({ path: altered }), 'CORRUPT')).toMatch(/checksum/);

    const smashed = path.join(master.dir, 'smashed.innspillretur');
    copyFileSync(file, smashed);
    smashPages(smashed, 2, 1);
    await refused(master.api.team.mergeReturn({ path: smashed }), 'CORRUPT');

    const cut = path.join(master.dir, 'cut.innspillretur');
    const bytes = readFileSync(file);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const err = await refused(master.api.team.mergeReturn({ path: cut }), 'CORRUPT');
    expect(err).toMatch(/damaged|cannot be read/);
  });

  it('a return from a newer Innspill', async () => {
    const newer = editedCopy(file, path.join(master.dir, 'newer.innspillretur'), "UPDATE return_meta SET value = '2' WHERE key = 'formatVersion'");
    await refused(master.api.team.mergeReturn({ path: newer }), 'NEWER_VERSION');
  });

  it('a merge into a working copy', async () => {
    await expectApiError(kari.api.team.mergeReturn({ path: file }), 'INVALID_INPUT');
    await expectApiError(kari.api.team.exportPackage({ assignee: 'Kari' }), 'INVALID_INPUT');
  });

  it('and the good file still merges afterwards', async () => {
    expect(await merge(master, file)).toMatchObject({ conflicts: 0, applied: { code: 1, coding: 1 } });
  });
});
