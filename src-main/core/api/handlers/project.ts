// Projects: the templates, the project files in the workspace folder, and
// creating, opening and closing the one open project.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createProject } from '../../project/create';
import { readProjectSummary } from '../../project/summary';
import { summarizeTemplates } from '../../reference/templates';
import { openStore, PROJECT_EXTENSION, projectFilePath } from '../../store/open';
import type { Session } from '../session';
import type { DomainHandlers } from './types';

export function projectHandlers(session: Session): DomainHandlers<'project'> {
  const { deps, ref } = session;
  /** Relative paths and bare names resolve inside the workspace folder. */
  const resolveProjectPath = (p: string) => path.resolve(deps.paths.workspaceDir, p);
  return {
    'project.templates': async () => summarizeTemplates(ref),
    'project.list': async () => {
      const dir = deps.paths.workspaceDir;
      if (!existsSync(dir)) return [];
      return readdirSync(dir)
        .filter((name) => name.toLowerCase().endsWith(PROJECT_EXTENSION))
        .map((name) => {
          const full = path.join(dir, name);
          const st = statSync(full);
          return { path: full, name, sizeBytes: st.size, modifiedAt: st.mtime.toISOString() };
        })
        .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
    },
    'project.create': async ({ path: p, template, title }) => {
      const store = await createProject(projectFilePath(deps.paths.workspaceDir, p), { template, title }, deps, ref);
      await session.setStore(store);
      return readProjectSummary(store);
    },
    'project.open': async ({ path: p }) => {
      const store = await openStore(resolveProjectPath(p));
      await session.setStore(store);
      return readProjectSummary(store);
    },
    'project.close': async () => {
      await session.setStore(null);
      return null;
    },
    'project.current': async () => (session.current ? readProjectSummary(session.current) : null),
  };
}
