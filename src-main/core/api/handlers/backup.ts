// Backups: the snapshots of a project file (logic in src-main/core/backup),
// and the table of operations that take one first.
import path from 'node:path';
import type { BackupReason } from '../../../../src-shared/backup';
import type { MethodName } from '../../../../src-shared/contract';
import { ApiError } from '../../../../src-shared/errors';
import { backupFolder, findSnapshot, listSnapshots, newestGoodSnapshot, restoreSnapshot, restoreTarget, takeSnapshot, verifySnapshot } from '../../backup/snapshot';
import { openStore } from '../../store/open';
import type { Session } from '../session';
import type { DomainHandlers, Handlers } from './types';

/** Operations that change many rows at once: a snapshot is taken before each (outside its transaction). */
export const BACKUP_BEFORE: Partial<Record<MethodName, BackupReason>> = {
  'import.run': 'import',
  'refi.importProject': 'import',
  'team.mergeReturn': 'merge',
  'codebook.merge': 'codebookMerge',
  'codebook.delete': 'codebookDelete',
  'analysis.codeGroup': 'codeGroup',
  'analysis.codePassages': 'codeGroup',
};

/** Coding actions: at most one snapshot per configured interval (settings: backup.codingIntervalMinutes). */
export const BACKUP_WHILE_CODING: readonly MethodName[] = ['codings.create', 'codings.update', 'codings.delete'];

/** The handler table with the snapshots taken before the methods above run. */
export function withAutomaticBackups(session: Session, handlers: Handlers): Handlers {
  // Each wrapper passes its method's parsed input on unchanged; the table's per-method types cannot follow a loop.
  const wrapped = { ...handlers } as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  for (const [method, reason] of Object.entries(BACKUP_BEFORE) as [MethodName, BackupReason][]) {
    const inner = handlers[method] as (input: unknown) => Promise<unknown>;
    wrapped[method] = async (input) => {
      const store = session.current;
      if (store) await session.backups.before(store, reason);
      return inner(input);
    };
  }
  for (const method of BACKUP_WHILE_CODING) {
    const inner = handlers[method] as (input: unknown) => Promise<unknown>;
    wrapped[method] = async (input) => {
      const store = session.current;
      if (store) await session.backups.whileCoding(store);
      return inner(input);
    };
  }
  return wrapped as Handlers;
}

export function backupHandlers(session: Session): DomainHandlers<'backup'> {
  const { deps } = session;
  const settings = () => session.settings.get().backup;
  /** The project a call is about: the path given (relative: in the workspace), else the open one. */
  const projectOf = (projectPath: string | undefined): string => {
    if (projectPath) return path.resolve(deps.paths.workspaceDir, projectPath);
    return session.requireStore().path;
  };
  return {
    'backup.list': async ({ projectPath }) => {
      const project = projectOf(projectPath);
      return { folder: backupFolder(project, settings()), snapshots: listSnapshots(project, settings()), lastFailure: session.backups.lastFailure };
    },
    'backup.create': async () => {
      const store = session.requireStore();
      const snapshot = await takeSnapshot(store, 'manual', settings(), deps.now());
      session.backups.noteTaken(store.path, snapshot.takenAt);
      return snapshot;
    },
    'backup.verify': async ({ id, projectPath }) => verifySnapshot(findSnapshot(projectOf(projectPath), settings(), id)),
    'backup.newestGood': async ({ projectPath }) => newestGoodSnapshot(projectOf(projectPath), settings()),
    'backup.restore': async ({ id, projectPath, open: openIt }) => {
      const project = projectOf(projectPath);
      const snapshot = findSnapshot(project, settings(), id);
      if (!openIt) return { path: await restoreSnapshot(snapshot, restoreTarget(project, snapshot)), snapshot };
      // The project open now is kept as it is, in a snapshot of its own, before another takes its place.
      const open = session.current;
      if (open) await session.backups.before(open, 'restore');
      const restored = await restoreSnapshot(snapshot, restoreTarget(project, snapshot));
      let store;
      try {
        store = await openStore(restored);
      } catch (e) {
        throw e instanceof ApiError ? e : new ApiError('CORRUPT', `The restored project cannot be opened: ${restored}`);
      }
      await session.setStore(store);
      return { path: restored, snapshot };
    },
  };
}
