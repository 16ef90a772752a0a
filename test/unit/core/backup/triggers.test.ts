// The operations that take a snapshot first must say so in the contract
// (`changes` includes 'backups'), so an open backup list refreshes after them.
import { describe, expect, it } from 'vitest';
import { BACKUP_BEFORE, BACKUP_WHILE_CODING } from '../../../../src-main/core/api/handlers/backup';
import { contract, type MethodName } from '../../../../src-shared/contract';

describe('methods that take backups', () => {
  it('cover import, merge, codebook merge and delete, group coding and coding', () => {
    expect(Object.values(BACKUP_BEFORE).sort()).toEqual(['codeGroup', 'codeGroup', 'codebookDelete', 'codebookMerge', 'import', 'import', 'merge']);
    expect(BACKUP_WHILE_CODING).toEqual(['codings.create', 'codings.update', 'codings.delete']);
  });

  it('declare the backups they change', () => {
    const methods = [...Object.keys(BACKUP_BEFORE), ...BACKUP_WHILE_CODING] as MethodName[];
    expect(methods.filter((m) => !contract[m].changes.includes('backups'))).toEqual([]);
  });
});
