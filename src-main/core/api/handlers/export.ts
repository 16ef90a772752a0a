// Export handlers shared by every kind: the dialog's defaults, opening a file
// that this session wrote, and how every export is written (writeExport). The
// memo, workbook and CSV writers have their own handler modules.
//
// An export is a task (core/tasks.ts): its writer awaits `turn` between
// chunks, so the core keeps answering reads and sending progress, and a
// cancel stops it there; the half-written temporary file is then removed and
// a file the user had under the same name stays as it was.
import path from 'node:path';
import type { ProjectSummary } from '../../../../src-shared/domain';
import { ApiError } from '../../../../src-shared/errors';
import { MEMO_SECTION_IDS, type ExportDefaults, type ExportResult } from '../../../../src-shared/export';
import { turnTaker, type Turn } from '../../eventLoop';
import { readProjectSummary } from '../../project/summary';
import { cancellable, throwIfCancelled } from '../../tasks';
import { defaultFileName, exportDir, resolveTarget, writeAtomically, type ExportKind } from '../../export/files';
import type { Session } from '../session';
import type { DomainHandlers } from './types';

/** What the user is told when they stopped an export: nothing was written. */
export const EXPORT_CANCELLED_MESSAGE = 'Eksporten ble avbrutt. Ingen fil ble skrevet.';

/** What an export's writer gets besides the temporary path. */
export interface ExportRun {
  project: ProjectSummary;
  now: Date;
  /** Awaited between chunks: lets the core turn; throws CANCELLED once the user stopped the export. */
  turn: Turn;
  /** Progress as task "export" (with the caller's taskId). */
  progress: (done: number, total: number, message: string) => void;
}

/**
 * Writes one export: to `target`, or under the default name
 * "<title> - <what> <date>.<kind>" in the export folder, through
 * `write(tempPath)` renamed into place, remembered so that export.open may
 * open it. `write` returns the counts of what went in. `taskId`: the
 * caller's name for the call, which task.cancel may use.
 */
export async function writeExport(
  session: Session,
  what: string,
  kind: ExportKind,
  target: string | undefined,
  taskId: string | undefined,
  write: (tempPath: string, run: ExportRun) => Promise<Record<string, number>>,
): Promise<ExportResult> {
  return session.tasks.run('export', taskId, async (signals) => {
    const { deps } = session;
    const started = performance.now();
    const turn = cancellable(turnTaker(), signals.now, EXPORT_CANCELLED_MESSAGE);
    // A cancel that came before the export started stops it before it names a file.
    throwIfCancelled(signals.now, EXPORT_CANCELLED_MESSAGE);
    const project = await readProjectSummary(session.requireStore());
    const now = deps.now();
    const progress = (done: number, total: number, message: string) => session.emit('progress', { task: 'export', taskId, done, total, message });
    const finalPath = resolveTarget(deps.paths.workspaceDir, target, defaultFileName(project.title, what, now.toISOString().slice(0, 10), kind), kind);
    let counts: Record<string, number> = {};
    const sizeBytes = await writeAtomically(finalPath, async (temp) => {
      counts = await write(temp, { project, now, turn, progress });
      // The last chance to stop before the file takes its name.
      throwIfCancelled(signals.now, EXPORT_CANCELLED_MESSAGE);
    });
    session.exported.add(finalPath);
    return { path: finalPath, fileName: path.basename(finalPath), sizeBytes, counts, durationMs: Math.round(performance.now() - started) };
  });
}

type Shared = Pick<DomainHandlers<'export'>, 'export.defaults' | 'export.open'>;

export function exportHandlers(session: Session): Shared {
  const { deps } = session;
  return {
    'export.defaults': async (): Promise<ExportDefaults> => {
      const project = await readProjectSummary(session.requireStore());
      const date = deps.now().toISOString().slice(0, 10);
      const name = (what: string, kind: 'docx' | 'xlsx' | 'csv' | 'qdpx') => defaultFileName(project.title, what, date, kind);
      return {
        metadata: {
          to: '',
          from: session.settings.get().userName,
          date,
          caseNumber: project.caseNumber ?? '',
          subject: project.title,
        },
        sections: MEMO_SECTION_IDS.filter((s) => s !== 'appendix'),
        exportDir: exportDir(deps.paths.workspaceDir),
        fileNames: { docx: name('notat', 'docx'), xlsx: name('arbeidsbok', 'xlsx'), csvSvar: name('svar', 'csv'), csvKoding: name('koding', 'csv'), qdpx: name('prosjekt', 'qdpx'), qdpxNvivo: name('prosjekt-nvivo', 'qdpx') },
      };
    },
    'export.open': async ({ path: p, reveal }) => {
      // Only files this session exported: the UI must not be able to start arbitrary programs.
      const full = path.resolve(p);
      if (!session.exported.has(full)) throw new ApiError('FORBIDDEN', `Not a file exported in this session: ${p}`);
      const opened = reveal ? await deps.desktop.showInFolder(full) : await deps.desktop.openPath(full);
      return { opened };
    },
  };
}
