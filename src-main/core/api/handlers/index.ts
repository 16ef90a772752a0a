// The one handler table that implements the contract. Every transport (IPC,
// HTTP host, tests) calls these through `dispatch`, never directly.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { MethodName, MethodResult, ParsedInput } from '../../../../src-shared/contract';
import { version } from '../../version';
import { createProject } from '../../project/create';
import { readProjectSummary } from '../../project/summary';
import { summarizeTemplates } from '../../reference/templates';
import { listCounties, listMunicipalities, listPoliceDistricts, unanswered } from '../../registry/service';
import { importHandlers } from './import';
import { responseHandlers } from './responses';
import { codingHandlers } from './coding';
import { findingHandlers } from './findings';
import { analysisHandlers } from './analysis';
import { searchHandlers } from './search';
import { exportHandlers } from './export';
import { teamHandlers } from './team';
import { agreementHandlers } from './agreement';
import { exportMemoHandlers } from './export-memo';
import { exportTableHandlers } from './export-tables';
import { refiHandlers } from './refi';
import { projectStats } from '../../stats/service';
import { latestSchemaVersion } from '../../store/migrations';
import { openStore, PROJECT_EXTENSION, projectFilePath } from '../../store/open';
import type { Session } from '../session';

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodResult<M>>;
};

/** The handlers of one domain ("import" → import.preview, import.run, …). */
export type DomainHandlers<D extends string> = {
  [M in MethodName as M extends `${D}.${string}` ? M : never]: Handlers[M];
};

export interface ShellInfo {
  shell: 'electron' | 'host';
}

export function createHandlers(session: Session, shell: ShellInfo): Handlers {
  const { deps, ref } = session;
  /** Relative paths and bare names resolve inside the workspace folder. */
  const resolveProjectPath = (p: string) => path.resolve(deps.paths.workspaceDir, p);

  return {
    ...importHandlers(session),
    ...responseHandlers(session),
    ...codingHandlers(session),
    ...findingHandlers(session),
    ...analysisHandlers(session),
    ...searchHandlers(session),
    ...exportHandlers(session),
    ...teamHandlers(session),
    ...agreementHandlers(session),
    ...exportMemoHandlers(session),
    ...exportTableHandlers(session),
    ...refiHandlers(session),
    'app.info': async () => ({
      name: 'Innspill',
      version,
      shell: shell.shell,
      workspaceDir: deps.paths.workspaceDir,
      schemaVersion: latestSchemaVersion,
      attributions: ref.attributions,
    }),

    'settings.get': async () => session.settings.get(),
    'settings.update': async (input) => session.settings.update(input),

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

    'registry.municipalities': async (filter) => listMunicipalities(session.requireStore(), filter),
    'registry.policeDistricts': async () => listPoliceDistricts(session.requireStore()),
    'registry.counties': async () => listCounties(session.requireStore()),
    'registry.unanswered': async () => unanswered(session.requireStore()),

    'stats.get': async () => projectStats(session.requireStore()),
  };
}
