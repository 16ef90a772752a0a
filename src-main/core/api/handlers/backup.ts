// Backups: the snapshots of a project file (logic in src-main/core/backup).
// The automatic ones before bulk operations are declared per method in the
// contract (`snapshotBefore`) and taken by dispatch (api/snapshots.ts).
import path from 'node:path';
import { ApiError } from '../../../../src-shared/errors';
import { backupFolder, findSnapshot, listSnapshots, newestGoodSnapshot, restoreSnapshot, restoreTarget, takeSnapshot, verifySnapshot } from '../../backup/snapshot';
import { openStore } from '../../store/open';
import type { Session } from '../session';
import type { DomainHandlers } from './types';

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
