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
import type { DomainHandlers } from '.';

/** What a merge or a decision can change, for the UI to reload. */
const MERGED = ['codebook', 'codings', 'variables', 'memos', 'responses', 'findings', 'stats', 'team', 'history'];

export function teamHandlers(session: Session): DomainHandlers<'team'> {
  const { deps } = session;
  const db = () => session.requireStore().db;
  const changed = (...entities: string[]) => session.emit('data.changed', { entities });
  const workspace = deps.paths.workspaceDir;

  return {
    'team.assignments': async () => assignmentOverview(db()),
    'team.assign': async (input) => {
      const result = await assign(db(), deps, input);
      changed('team', 'responses', 'history');
      return result;
    },
    'team.unassign': async (input) => {
      const result = await unassign(db(), deps, input);
      changed('team', 'responses', 'history');
      return result;
    },
    'team.packages': async () => listWorkPackages(db()),
    'team.exportPackage': async (input) => {
      const result = await exportWorkPackage(session.requireStore(), deps, workspace, input);
      session.exported.add(result.path);
      changed('team', 'history');
      return result;
    },
    'team.openPackage': async ({ path: p, target }) => {
      const store = await openWorkPackage(p, workspace, target);
      await session.setStore(store);
      return readProjectSummary(store);
    },
    'team.returnPreview': async () => returnPreview(session.requireStore()),
    'team.exportReturn': async ({ target }) => {
      const result = await exportReturn(session.requireStore(), deps, workspace, target);
      session.exported.add(result.path);
      return result;
    },
    'team.mergeReturn': async ({ path: p }) => {
      const report = await mergeReturn(session.requireStore(), deps, path.resolve(workspace, p));
      if (!report.alreadyMerged) changed(...MERGED);
      return report;
    },
    'team.conflicts': async (filter) => listConflicts(db(), filter),
    'team.resolveConflict': async ({ id, choose }) => {
      const result = await resolveConflict(db(), deps, id, choose);
      changed(...MERGED);
      return result;
    },
  };
}
