// Export handlers shared by every kind: the dialog's defaults and opening a
// file that this session wrote. The memo, workbook and CSV writers have their
// own handler modules.
import path from 'node:path';
import { ApiError } from '../../../../src-shared/errors';
import { MEMO_SECTION_IDS, type ExportDefaults } from '../../../../src-shared/export';
import { readProjectSummary } from '../../project/summary';
import { defaultFileName, exportDir } from '../../export/files';
import type { Session } from '../session';
import type { DomainHandlers } from './index';

type Shared = Pick<DomainHandlers<'export'>, 'export.defaults' | 'export.open'>;

export function exportHandlers(session: Session): Shared {
  const { deps } = session;
  return {
    'export.defaults': async (): Promise<ExportDefaults> => {
      const project = await readProjectSummary(session.requireStore());
      const date = deps.now().toISOString().slice(0, 10);
      const name = (what: string, kind: 'docx' | 'xlsx' | 'csv') => defaultFileName(project.title, what, date, kind);
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
        fileNames: { docx: name('notat', 'docx'), xlsx: name('arbeidsbok', 'xlsx'), csvSvar: name('svar', 'csv'), csvKoding: name('koding', 'csv') },
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
