// Team work offline: assignments, work packages, return packages, merging
// and the lead's decisions on conflicts (logic in src-main/core/team).
import path from 'node:path';
import { assign, assignmentOverview, unassign } from '../../team/assignments';
import { listConflicts, resolveConflict } from '../../team/conflicts';
import { mergeReturn } from '../../team/merge';
import { exportWorkPackage, listWorkPackages, openWorkPackage } from '../../team/work-package';
import { exportReturn, returnPreview } from '../../team/return';
import { readProjectSummary } from '../../project/summary';
import type { Session } from '../session';
import type { DomainHandlers } from './types';

export function teamHandlers(session: Session): DomainHandlers<'team'> {
  const { deps } = session;
  const db = () => session.requireStore().db;
  const workspace = deps.paths.workspaceDir;

  return {
    'team.assignments': async () => assignmentOverview(db()),
    'team.assign': async (input) => assign(db(), deps, input),
    'team.unassign': async (input) => unassign(db(), deps, input),
    'team.packages': async () => listWorkPackages(db()),
    'team.exportPackage': async (input) => {
      const result = await exportWorkPackage(session.requireStore(), deps, workspace, input);
      session.exported.add(result.path);
      return result;
    },
    'team.openPackage': async ({ path: p, target, passphrase }) => {
      const store = await openWorkPackage(p, workspace, target, passphrase);
      await session.setStore(store);
      return readProjectSummary(store);
    },
    'team.returnPreview': async () => returnPreview(session.requireStore()),
    'team.exportReturn': async ({ target, passphrase }) => {
      const result = await exportReturn(session.requireStore(), deps, workspace, target, passphrase);
      session.exported.add(result.path);
      return result;
    },
    'team.mergeReturn': async ({ path: p, passphrase }) => mergeReturn(session.requireStore(), deps, path.resolve(workspace, p), passphrase),
    'team.conflicts': async (filter) => listConflicts(db(), filter),
    'team.resolveConflict': async ({ id, choose }) => resolveConflict(db(), deps, id, choose),
  };
}
