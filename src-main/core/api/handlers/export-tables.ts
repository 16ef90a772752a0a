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
  const progress = (done: number, total: number, message: string) => session.emit('progress', { task: 'export', done, total, message });
  return {
    'export.workbook': async ({ options, target }) =>
      writeExport(session, 'arbeidsbok', 'xlsx', target, (temp, _project, now) =>
        writeWorkbook(session.requireStore(), options, { path: temp, now, creator: deps.author(), onProgress: progress }),
      ),
    'export.csv': async ({ table, target, maskPersonal }) =>
      writeExport(session, table, 'csv', target, (temp) => {
        const store = session.requireStore();
        if (maskPersonal) refreshPersonalData(store.sqlite);
        return writeCsvTable(store.db, table, { path: temp, maskPersonal, onProgress: progress });
      }),
  };
}
