// export.workbook and export.csv: the project's tables as an Excel workbook
// or as CSV files, written atomically into the export folder (or where the
// user chose), reported as progress task "export", and remembered so that
// export.open may open them.
import path from 'node:path';
import type { ExportResult } from '../../../../src-shared/export';
import { writeCsvTable } from '../../export/csv';
import { defaultFileName, resolveTarget, writeAtomically, type ExportKind } from '../../export/files';
import { writeWorkbook } from '../../export/workbook';
import { readProjectSummary } from '../../project/summary';
import type { Session } from '../session';
import type { DomainHandlers } from './index';

type Tables = Pick<DomainHandlers<'export'>, 'export.workbook' | 'export.csv'>;

export function exportTableHandlers(session: Session): Tables {
  const { deps } = session;
  const progress = (done: number, total: number, message: string) => session.emit('progress', { task: 'export', done, total, message });

  /** Resolves the target, writes through `write(tempPath)` and reports what was written. */
  async function exportFile(
    what: string,
    kind: ExportKind,
    target: string | undefined,
    write: (tempPath: string, now: Date) => Promise<Record<string, number>>,
  ): Promise<ExportResult> {
    const store = session.requireStore();
    const project = await readProjectSummary(store);
    const now = deps.now();
    const finalPath = resolveTarget(deps.paths.workspaceDir, target, defaultFileName(project.title, what, now.toISOString().slice(0, 10), kind), kind);
    const started = performance.now();
    let counts: Record<string, number> = {};
    const sizeBytes = await writeAtomically(finalPath, async (temp) => {
      counts = await write(temp, now);
    });
    session.exported.add(finalPath);
    return { path: finalPath, fileName: path.basename(finalPath), sizeBytes, counts, durationMs: Math.round(performance.now() - started) };
  }

  return {
    'export.workbook': async ({ options, target }) =>
      exportFile('arbeidsbok', 'xlsx', target, (temp, now) => writeWorkbook(session.requireStore(), options, { path: temp, now, creator: deps.author(), onProgress: progress })),
    'export.csv': async ({ table, target }) =>
      exportFile(table, 'csv', target, (temp) => writeCsvTable(session.requireStore().db, table, { path: temp, onProgress: progress })),
  };
}
