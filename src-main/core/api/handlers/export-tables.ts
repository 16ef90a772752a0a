// export.workbook and export.csv: the project's tables as an Excel workbook
// or as CSV files, written through writeExport and reported as progress task
// "export".
import { writeCsvTable } from '../../export/csv';
import { writeWorkbook } from '../../export/workbook';
import { refreshPersonalData } from '../../personal/scan';
import type { Session } from '../session';
import { writeExport } from './export';
import type { DomainHandlers } from './types';

type Tables = Pick<DomainHandlers<'export'>, 'export.workbook' | 'export.csv'>;

export function exportTableHandlers(session: Session): Tables {
  const { deps } = session;
  return {
    'export.workbook': async ({ options, target, taskId }) =>
      writeExport(session, 'arbeidsbok', 'xlsx', target, taskId, (temp, { now, turn, progress }) =>
        writeWorkbook(session.requireStore(), options, { path: temp, now, creator: deps.author(), onProgress: progress, turn }),
      ),
    'export.csv': async ({ table, target, maskPersonal, taskId }) =>
      writeExport(session, table, 'csv', target, taskId, (temp, { turn, progress }) => {
        const store = session.requireStore();
        if (maskPersonal) refreshPersonalData(store.sqlite);
        return writeCsvTable(store.db, table, { path: temp, maskPersonal, onProgress: progress, turn });
      }),
  };
}
