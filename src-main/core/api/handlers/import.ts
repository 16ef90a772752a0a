// Import: staging uploaded bytes, preview, run, batches, presets, the demo,
// and task.cancel, which stops a running import or export (core/tasks.ts).
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { createProject } from '../../project/create';
import { projectFilePath } from '../../store/open';
import { readProjectSummary } from '../../project/summary';
import { listPresets, savePreset } from '../../import/presets';
import { importPaths, listBatches, previewPaths } from '../../import/service';
import { stageFiles, stagingRoot } from '../../import/staging';
import type { MappingPreset } from '../../../../src-shared/imports';
import type { Session } from '../session';
import type { DomainHandlers } from './types';

export const DEMO_LABEL = 'Eksempeldata (syntetisk) – ikke ekte høringssvar';

export function importHandlers(session: Session): DomainHandlers<'import' | 'task'> {
  const { deps } = session;
  const displayRoot = stagingRoot(deps.paths.configDir);
  /** The shipped Norwegian OCR data: scans and images are read with it, never with anything downloaded. */
  const ocrDataDir = path.join(deps.paths.resourcesDir, 'tessdata');

  async function run(paths: string[], taskId: string | undefined, options: { preset?: MappingPreset; label?: string; displayRoot?: string }) {
    const store = session.requireStore();
    try {
      return await session.tasks.run('import', taskId, (signals) =>
        importPaths(store, paths, deps, {
          displayRoot,
          ocrDataDir,
          ...options,
          stop: signals.stop,
          signal: signals.now,
          onProgress: (p) => session.emit('progress', { task: 'import', taskId, done: p.files.done, total: p.files.total, message: p.current ?? '', import: p }),
        }),
      );
    } catch (e) {
      // Dispatch announces a successful import's changes; after a cancel or a failure, files before it may have been saved.
      session.emit('data.changed', { entities: ['batches', 'respondents', 'responses', 'history'] });
      throw e;
    }
  }

  return {
    'task.cancel': async (request) => session.tasks.cancel(request),
    'import.stage': async ({ files }) => ({
      paths: stageFiles(deps.paths.configDir, deps.newId(), files, deps.now()).paths,
    }),
    'import.preview': async ({ paths, preset }) => previewPaths(session.requireStore(), paths, { preset, displayRoot, ocrDataDir }),
    'import.run': async ({ paths, preset, label, taskId }) => run(paths, taskId, { preset, label }),
    'import.batches': async () => listBatches(session.requireStore()),
    'import.presets': async () => listPresets(session.requireStore()),
    'import.savePreset': async ({ name, preset }) => savePreset(session.requireStore(), deps, name, preset),
    'import.demo': async ({ path: p, taskId }) => {
      const store = await createProject(projectFilePath(deps.paths.workspaceDir, p), { template: 'brev-kommunene-2022', title: `Eksempelprosjekt – ${session.ref.letter2022.title}` }, deps, session.ref);
      await session.setStore(store);
      const demoDir = path.join(deps.paths.resourcesDir, 'demo');
      const files = readdirSync(demoDir)
        .filter((f) => !f.toLowerCase().endsWith('.md'))
        .sort()
        .map((f) => path.join(demoDir, f));
      // Shown as "eksempel-brev.zip/…", not by where the app is installed.
      const report = await run(files, taskId, { label: DEMO_LABEL, displayRoot: deps.paths.resourcesDir });
      return { project: await readProjectSummary(store), report };
    },
  };
}
