// export.memo: the Word briefing memo, written atomically into the export
// folder (or the path the user chose), with progress events per section.
import path from 'node:path';
import type { ExportResult } from '../../../../src-shared/export';
import { buildMemo } from '../../export/memo';
import { defaultFileName, resolveTarget, writeFileAtomically } from '../../export/files';
import { readProjectSummary } from '../../project/summary';
import type { Session } from '../session';
import type { DomainHandlers } from './index';

export function exportMemoHandlers(session: Session): Pick<DomainHandlers<'export'>, 'export.memo'> {
  const { deps } = session;
  return {
    'export.memo': async ({ options, target }): Promise<ExportResult> => {
      const store = session.requireStore();
      const started = performance.now();
      const project = await readProjectSummary(store);
      const fallback = defaultFileName(project.title, 'notat', deps.now().toISOString().slice(0, 10), 'docx');
      const full = resolveTarget(deps.paths.workspaceDir, target, fallback, 'docx');
      const memo = await buildMemo({
        db: store.db,
        project,
        ref: session.ref,
        resourcesDir: deps.paths.resourcesDir,
        options,
        onProgress: (done, total, message) => session.emit('progress', { task: 'export', done, total, message }),
      });
      const sizeBytes = await writeFileAtomically(full, memo.bytes);
      session.exported.add(full);
      return { path: full, fileName: path.basename(full), sizeBytes, counts: memo.counts, durationMs: Math.round(performance.now() - started) };
    },
  };
}
