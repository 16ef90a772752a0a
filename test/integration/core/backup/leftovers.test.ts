// What a process killed in the middle of a snapshot leaves (found by the crash harness, npm run
// crashtest): its scratch copy in the system's temp folder and a half-written snapshot (.part) in the
// backup folder. The next process removes both — those of writers that are gone — and leaves alone
// what a running process (this one) is still writing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BACKUP_SETTINGS } from '../../../../src-shared/backup';
import { backupFolder, removeOrphanedScratch, rotate } from '../../../../src-main/core/backup/snapshot';
import { tempDir } from '../../../helpers/core';

/** The id of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('innspill-leftovers-')));
afterEach(() => cleanup());

describe('leftovers of a killed snapshot', () => {
  it('removes the scratch copies of processes that are gone, and only those', () => {
    const dead = deadPid();
    const files = {
      gone: `innspill-backup-${dead}-0a1b2c.sqlite`,
      goneJournal: `innspill-backup-${dead}-0a1b2c.sqlite-journal`,
      mine: `innspill-backup-${process.pid}-3d4e5f.sqlite`,
      other: 'innspill-backup-notes.txt',
    };
    for (const f of Object.values(files)) writeFileSync(path.join(dir, f), 'x');
    expect(removeOrphanedScratch(dir).sort()).toEqual([files.gone, files.goneJournal]);
    expect(existsSync(path.join(dir, files.mine))).toBe(true);
    expect(existsSync(path.join(dir, files.other))).toBe(true);
  });

  it('rotation removes a half-written snapshot whose writer is gone, keeps one still being written, and an unnamed one for an hour', () => {
    const project = path.join(dir, 'Høring.innspill');
    const folder = backupFolder(project, DEFAULT_BACKUP_SETTINGS);
    mkdirSync(folder, { recursive: true });
    const dead = deadPid();
    const gone = `20261207T120000000Z-import-abc123.innspill-backup.gz.${dead}.part`;
    const writing = `20261207T120001000Z-import-def456.innspill-backup.gz.${process.pid}.part`;
    const unnamedNew = '20261207T120002000Z-import-aaaaaa.innspill-backup.gz.part';
    const unnamedOld = '20261207T100000000Z-import-bbbbbb.innspill-backup.gz.part';
    for (const f of [gone, writing, unnamedNew, unnamedOld]) writeFileSync(path.join(folder, f), 'x');
    const now = new Date();
    const twoHoursAgo = new Date(now.getTime() - 2 * 3600_000);
    utimesSync(path.join(folder, unnamedOld), twoHoursAgo, twoHoursAgo);
    rotate(project, DEFAULT_BACKUP_SETTINGS, now);
    expect([gone, writing, unnamedNew, unnamedOld].map((f) => existsSync(path.join(folder, f)))).toEqual([false, true, true, false]);
  });
});
