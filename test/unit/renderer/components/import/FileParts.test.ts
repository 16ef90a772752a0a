// How an import file is named in the wizard and its report: staged files by
// their relative path, absolute paths by name, files inside a ZIP from the
// archive on; and the report's totals.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { FileReport } from '../../../../../src-shared/imports';
import { shownPath } from '../../../../../src-renderer/src/components/import/FileParts';
import { reportTotals } from '../../../../../src-renderer/src/components/import/ImportReportView';

describe('shownPath', () => {
  it('keeps a relative path, and shortens an absolute one to its name', () => {
    expect(shownPath('mappe/svar.csv')).toBe('mappe/svar.csv');
    expect(shownPath('/opt/innspill/demo/svar-bodø.docx')).toBe('svar-bodø.docx');
    expect(shownPath('C:\\Brukere\\Kari\\svar.xlsx')).toBe('svar.xlsx');
  });
  it('shows a file inside a ZIP from the archive on', () => {
    expect(shownPath('/tmp/stage/innspill.ZIP/2022/Bodø.pdf')).toBe('innspill.ZIP/2022/Bodø.pdf');
    expect(shownPath('D:/høring/svar.zip')).toBe('svar.zip');
  });
});

describe('reportTotals', () => {
  const file = (status: FileReport['status'], responses: number): FileReport => ({ path: 'x', status, responses, warnings: [] });
  it('counts files by outcome and responses only of imported files', () => {
    expect(reportTotals({ batchId: 'b', files: [file('imported', 3), file('imported', 2), file('unchanged', 4), file('rejected', 0)] })).toEqual({
      imported: 2,
      unchanged: 1,
      rejected: 1,
      responses: 5,
    });
  });
});
