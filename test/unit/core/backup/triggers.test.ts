// Which methods take a snapshot first is declared beside each method in the
// contract (`snapshotBefore`), and dispatch takes it. Every bulk operation must
// declare one, and must say it changes 'backups' so an open backup list
// refreshes after it (test/integration/core/backup/backups.test.ts checks the
// snapshots themselves).
import { describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../../../src-shared/contract';

/** The operations that change many rows at once, and coding (at most one per interval), with the reason each snapshot records. */
const BULK = {
  'import.run': 'import',
  'refi.importProject': 'import',
  'team.mergeReturn': 'merge',
  'codebook.merge': 'codebookMerge',
  'codebook.delete': 'codebookDelete',
  'analysis.codeGroup': 'codeGroup',
  'analysis.codePassages': 'codeGroup',
  'codings.create': 'coding',
  'codings.update': 'coding',
  'codings.delete': 'coding',
};

describe('methods that take backups', () => {
  it('every bulk operation (and coding) declares its snapshot, and no other method does', () => {
    const declared = Object.fromEntries(methodNames.flatMap((m) => (contract[m].snapshotBefore ? [[m, contract[m].snapshotBefore]] : [])));
    expect(declared).toEqual(BULK);
  });

  it('a method that takes a snapshot says it changes the backups; only the backup methods change them otherwise', () => {
    const taking = methodNames.filter((m) => contract[m].snapshotBefore);
    expect(taking.filter((m) => !contract[m].changes.includes('backups'))).toEqual([]);
    const otherwise = methodNames.filter((m) => contract[m].changes.includes('backups') && !contract[m].snapshotBefore);
    expect(otherwise).toEqual(['backup.create', 'backup.restore']);
  });
});
