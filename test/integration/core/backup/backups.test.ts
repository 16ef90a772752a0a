// Automatic backups through the API on real project files: a snapshot before
// each bulk operation (holding the state before it), at most one per
// configured interval while coding, rotation, verify, restore to a new file
// beside the original (which stays byte for byte as it was), a damaged
// project offered its newest good snapshot, and a backup that cannot be
// written not stopping the work.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../src-main/core';
import { takeSnapshot } from '../../../../src-main/core/backup/snapshot';
import { sequentialIds } from '../../../../src-main/core/deps';
import type { ApiClient } from '../../../../src-shared/client';
import { apiError, testApi } from '../../../helpers/api';
import { runCli } from '../../../helpers/cli';
import { codingProject, CSV_HEADER, ROWS, type CodingProject } from '../../../helpers/coding';
import { tempDir, testDeps } from '../../../helpers/core';
import { toCsv } from '../../../helpers/import-fixtures';
import { handOut, laptop, masterProject, takeBack } from '../../../helpers/team';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function project(): Promise<CodingProject> {
  const p = await codingProject();
  cleanups.push(() => p.cleanup());
  return p;
}

/** A core whose clock the test sets, on a project with the standard rows imported at 08:00. */
async function clockedProject(): Promise<{ api: ApiClient; core: Core; dir: string; setClock(iso: string): void }> {
  const { dir, cleanup } = tempDir('innspill-backup-clock-');
  let now = new Date('2026-03-02T08:00:00.000Z');
  const core = createCore({ ...testDeps(dir), newId: sequentialIds(), now: () => now, shell: 'host', rememberRecent: false });
  cleanups.push(cleanup, () => core.dispose());
  const api = testApi(core);
  await api.project.create({ path: 'klokke.innspill', template: 'brev-kommunene-2022' });
  writeFileSync(path.join(dir, 'svar.csv'), toCsv([CSV_HEADER, ...ROWS], { delimiter: ';' }));
  await api.import.run({ paths: [path.join(dir, 'svar.csv')] });
  return { api, core, dir, setClock: (iso) => (now = new Date(iso)) };
}

describe('automatic backups', () => {
  it('takes a snapshot before each bulk operation, holding the state before it, outside its transaction', async () => {
    const p = await project();
    const afterImport = await p.api.backup.list({});
    expect(afterImport.folder).toBe(path.join(p.dir, 'Innspill-sikkerhetskopier', 'koding'));
    // The import's snapshot was taken before its rows arrived.
    expect(afterImport.snapshots.map((s) => [s.reason, s.counts])).toEqual([['import', { responses: 0, codings: 0 }]]);

    const a = await p.api.codebook.create({ name: 'A' });
    const b = await p.api.codebook.create({ name: 'B' });
    const answer = p.response('1804').q(1);
    await p.api.codings.create({ answerId: answer.id, codeId: a.id });
    await p.api.codings.create({ answerId: p.response('0301').q(1).id, codeId: b.id });
    await p.api.codebook.merge({ sourceId: a.id, targetId: b.id });
    await p.api.codebook.delete({ id: b.id });
    await p.api.analysis.codeGroup({ groupAnswerIds: [p.response('0301').q(3).id, p.response('5401').q(3).id], codeId: (await p.api.codebook.create({ name: 'C' })).id });

    const list = await p.api.backup.list({});
    const byReason = Object.fromEntries(list.snapshots.map((s) => [s.reason, s.counts]));
    // The delete's snapshot still holds the two codings the delete removed.
    expect(byReason).toMatchObject({ codebookMerge: { responses: 4, codings: 2 }, codebookDelete: { responses: 4, codings: 2 }, codeGroup: { responses: 4, codings: 0 } });
    expect(list.snapshots.every((s) => s.projectPath === p.file && /^[0-9a-f]{64}$/.test(s.sha256) && existsSync(s.file))).toBe(true);
    // Newest first, each with its manifest beside it.
    expect([...list.snapshots].sort((x, y) => y.takenAt.localeCompare(x.takenAt))).toEqual(list.snapshots);
    expect(readdirSync(list.folder).filter((f) => f.endsWith('.json'))).toHaveLength(list.snapshots.length);
    expect(list.lastFailure).toBeNull();
  });

  it('takes a snapshot before merging a return package', async () => {
    const master = await masterProject();
    const kari = laptop('Kari');
    cleanups.push(() => master.cleanup(), () => kari.dispose());
    const overview = await master.api.team.assignments();
    await master.api.team.assign({ assignee: 'Kari', respondentIds: overview.respondents.map((r) => r.respondentId) });
    await handOut(master, kari);
    const file = await takeBack(master, kari);
    await master.api.team.mergeReturn({ path: file });
    expect((await master.api.backup.list({})).snapshots.map((s) => s.reason)).toContain('merge');
  });

  it('is refused inside a transaction', async () => {
    const p = await project();
    const store = p.store();
    store.sqlite.exec('BEGIN');
    try {
      await expect(takeSnapshot(store, 'manual', p.core.session.settings.get().backup, new Date())).rejects.toThrow(/inside a transaction/);
    } finally {
      store.sqlite.exec('ROLLBACK');
    }
  });

  it('while coding: at most one snapshot per configured interval', async () => {
    const c = await clockedProject();
    const [code] = [await c.api.codebook.create({ name: 'Kode' })];
    const responses = await c.api.responses.list({});
    const answers = (await Promise.all(responses.map((r) => c.api.responses.get({ id: r.id })))).flatMap((d) => d.answers.map((a) => a.id));
    const coding = async (iso: string, i: number) => {
      c.setClock(iso);
      await c.api.codings.create({ answerId: answers[i], codeId: code.id });
    };
    const codingSnapshots = async () => (await c.api.backup.list({})).snapshots.filter((s) => s.reason === 'coding').map((s) => s.takenAt);

    await coding('2026-03-02T08:10:00.000Z', 0); // 10 minutes after the import's snapshot
    await coding('2026-03-02T08:59:00.000Z', 1);
    expect(await codingSnapshots()).toEqual([]);
    await coding('2026-03-02T09:01:00.000Z', 2);
    await coding('2026-03-02T09:30:00.000Z', 3);
    await coding('2026-03-02T10:00:00.000Z', 4);
    expect(await codingSnapshots()).toEqual(['2026-03-02T09:01:00.000Z']);
    // The coding at 09:01 was not yet in its snapshot: the snapshot is taken first.
    expect((await c.api.backup.list({})).snapshots[0].counts.codings).toBe(2);
    await coding('2026-03-02T10:02:00.000Z', 5);
    expect(await codingSnapshots()).toEqual(['2026-03-02T10:02:00.000Z', '2026-03-02T09:01:00.000Z']);

    await c.api.settings.update({ backup: { codingIntervalMinutes: 5 } });
    await coding('2026-03-02T10:05:00.000Z', 6);
    await coding('2026-03-02T10:08:00.000Z', 7);
    expect((await codingSnapshots())[0]).toBe('2026-03-02T10:08:00.000Z');
    expect(await codingSnapshots()).toHaveLength(3);
  });

  it('rotates: keeps the newest N, one a day, within the size cap', async () => {
    const c = await clockedProject();
    await c.api.settings.update({ backup: { keepLast: 2, keepDays: 5 } });
    for (const iso of ['2026-03-02T09:00:00.000Z', '2026-03-03T09:00:00.000Z', '2026-03-03T10:00:00.000Z', '2026-03-04T08:00:00.000Z', '2026-03-04T09:00:00.000Z', '2026-03-04T10:00:00.000Z']) {
      c.setClock(iso);
      await c.api.backup.create();
    }
    const kept = (await c.api.backup.list({})).snapshots.map((s) => s.takenAt);
    // Two newest, then the newest of 3 and 2 March; the import's (08:00 on the 2nd) and the older ones of each day are gone.
    expect(kept).toEqual(['2026-03-04T10:00:00.000Z', '2026-03-04T09:00:00.000Z', '2026-03-03T10:00:00.000Z', '2026-03-02T09:00:00.000Z']);
    const folder = (await c.api.backup.list({})).folder;
    expect(readdirSync(folder).sort()).toHaveLength(8); // a snapshot and a manifest each, nothing left over

    await c.api.settings.update({ backup: { maxTotalMB: 1 } });
    const size = (await c.api.backup.list({})).snapshots[0].compressedBytes;
    c.setClock('2026-03-04T11:00:00.000Z');
    await c.api.backup.create();
    const capped = (await c.api.backup.list({})).snapshots;
    expect(capped.reduce((n, s) => n + s.compressedBytes, 0)).toBeLessThanOrEqual(1024 * 1024);
    expect(capped[0].takenAt).toBe('2026-03-04T11:00:00.000Z');
    expect(capped.length).toBeGreaterThanOrEqual(Math.min(4, Math.floor((1024 * 1024) / (size * 1.2))));
  });

  it('verifies a snapshot and finds a damaged or truncated one', async () => {
    const p = await project();
    const good = await p.api.backup.create();
    expect(await p.api.backup.verify({ id: good.id })).toEqual({ id: good.id, ok: true, checksumOk: true, integrity: 'ok' });

    const bytes = readFileSync(good.file);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 2)] ^= 0xff;
    writeFileSync(good.file, flipped);
    expect((await p.api.backup.verify({ id: good.id })).ok).toBe(false);
    writeFileSync(good.file, bytes.subarray(0, bytes.length - 100));
    expect((await p.api.backup.verify({ id: good.id })).ok).toBe(false);
    // The damaged one is not offered.
    const older = (await p.api.backup.list({})).snapshots.find((s) => s.id !== good.id)!;
    expect((await p.api.backup.newestGood({ projectPath: p.file }))?.id).toBe(older.id);
    await expect(p.api.backup.restore({ id: good.id })).rejects.toThrow(/damaged/);
  });

  it('restores as a new file beside the original, never over it', async () => {
    const p = await project();
    const code = await p.api.codebook.create({ name: 'Etter' });
    const snapshot = await p.api.backup.create();
    await p.api.codings.create({ answerId: p.response('1804').q(1).id, codeId: code.id });
    await p.api.project.close();
    const original = sha(p.file);

    // The project need not be open (it may be the one that will not open).
    const restored = await p.api.backup.restore({ id: snapshot.id, projectPath: p.file });
    expect(path.dirname(restored.path)).toBe(path.dirname(p.file));
    expect(path.basename(restored.path)).toMatch(/^koding \(gjenopprettet \d{4}-\d\d-\d\d \d\d\.\d\d\)\.innspill$/);
    expect(sha(p.file)).toBe(original);
    // The restored project is the open one, as it was when the snapshot was taken.
    const summary = await p.api.project.current();
    expect(summary?.path).toBe(restored.path);
    expect((await p.api.stats.get()).responses.current).toBe(4);
    expect((await p.api.codebook.list()).find((c) => c.name === 'Etter')?.codingCount).toBe(0);

    // Again: another new file (the first restore's snapshot of the open project is taken too).
    const again = await p.api.backup.restore({ id: snapshot.id, projectPath: p.file });
    // The project open before it (the first restored one) was kept in a snapshot of its own first.
    expect((await p.api.backup.list({ projectPath: restored.path })).snapshots.map((s) => s.reason)).toEqual(['restore']);
    expect(again.path).not.toBe(restored.path);
    expect(again.path).toMatch(/ 2\.innspill$/);
    expect(sha(p.file)).toBe(original);

    // open: false (the app's dialog says where the file went and offers to open it): written, not opened.
    const open = (await p.api.project.current())?.path;
    const third = await p.api.backup.restore({ id: snapshot.id, projectPath: p.file, open: false });
    expect(third.path).toMatch(/ 3\.innspill$/);
    expect(existsSync(third.path)).toBe(true);
    expect((await p.api.project.current())?.path).toBe(open);
    await p.api.project.open({ path: third.path });
    expect((await p.api.stats.get()).responses.current).toBe(4);
  });

  it('offers the newest good snapshot when a project will not open (API and CLI)', async () => {
    const p = await project();
    const snapshot = await p.api.backup.create();
    await p.api.project.close();
    const bytes = readFileSync(p.file);
    writeFileSync(p.file, Buffer.concat([Buffer.from('not a database at all, sorry...'), bytes.subarray(32)]));

    const error = await apiError(p.api.project.open({ path: p.file }));
    expect(error.code).toBe('NOT_A_PROJECT');
    expect((await p.api.backup.newestGood({ projectPath: p.file }))?.id).toBe(snapshot.id);

    process.env.INNSPILL_CONFIG_DIR = path.join(p.dir, 'cli-config');
    try {
      const stats = await runCli(p.dir, ['stats', 'koding.innspill']);
      expect(stats.code).toBe(1);
      expect(stats.err).toContain(`innspill backup restore "${p.file}" ${snapshot.id}`);
      const restored = await runCli(p.dir, ['backup', 'restore', 'koding.innspill', '--json']);
      expect(restored.code).toBe(0);
      const { path: newFile } = JSON.parse(restored.out) as { path: string };
      expect((await runCli(p.dir, ['stats', path.basename(newFile), '--json'])).code).toBe(0);
      const listed = await runCli(p.dir, ['backup', 'list', 'koding.innspill']);
      expect(listed.out).toContain(`${snapshot.id}  `);
      expect(listed.out).toMatch(/by hand {2}4 responses, 0 codings/);
      expect((await runCli(p.dir, ['backup', 'verify', 'koding.innspill', snapshot.id])).out).toBe(`${snapshot.id}  ok\n`);
    } finally {
      delete process.env.INNSPILL_CONFIG_DIR;
    }
  });

  it('a damaged page inside the file: CORRUPT, and the snapshot is offered', async () => {
    const p = await project();
    await p.api.project.close();
    const bytes = readFileSync(p.file);
    const damaged = Buffer.from(bytes);
    damaged.fill(0xa5, 4096 * 3, 4096 * 3 + 2000);
    writeFileSync(p.file, damaged);
    const error = await apiError(p.api.project.open({ path: p.file }));
    expect(error.code).toBe('CORRUPT');
    expect((await p.api.backup.newestGood({ projectPath: p.file }))?.reason).toBe('import');
  });

  it('a backup folder that cannot be written does not stop the work, and says so', async () => {
    const p = await project();
    const blocker = path.join(p.dir, 'ikke-en-mappe');
    writeFileSync(blocker, 'a file where the folder should be');
    await p.api.settings.update({ backup: { folder: blocker } });
    const a = await p.api.codebook.create({ name: 'A' });
    const b = await p.api.codebook.create({ name: 'B' });
    expect(await p.api.codebook.merge({ sourceId: a.id, targetId: b.id })).toEqual({ moved: 0, duplicates: 0 });
    const list = await p.api.backup.list({});
    expect(list.snapshots).toEqual([]);
    expect(list.lastFailure).toMatchObject({ reason: 'codebookMerge' });
    expect((await apiError(p.api.backup.create())).code).toBe('NOT_FOUND');
  });
});
