// The JSON report columns are read through their schemas: a stored report
// comes back as written, a damaged one is a clear error naming the column.
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../../src-shared/imports';
import { parseEmailReport, parseImportReport, parseOcrReading } from '../../../../src-main/core/store/reports';

const report: ImportReport = {
  batchId: 'b1',
  stopped: true,
  files: [
    {
      path: 'svar.csv',
      status: 'imported',
      responses: 2,
      mappings: [{ sheet: null, mapping: { headerRowIndex: 0, columns: [{ index: 0, header: 'Spørsmål 1', field: 'question:1', confidence: 1, reason: 'preset' }] } }],
      email: { format: 'eml', fromName: null, fromAddress: 'post@bodo.kommune.no', date: null, subject: 'Høring', messageId: null, letter: null, attachments: [{ name: 'brev.pdf', mediaType: 'application/pdf', bytes: 10, role: 'kept' }], innerMessages: 0 },
      warnings: [{ code: 'EMPTY_ROW', message: 'Tom rad', locator: 'rad 3' }],
    },
    { path: 'x.bin', status: 'skipped', responses: 0, warnings: [], reason: { code: 'UNSUPPORTED', message: 'ikke lest' } },
  ],
};

describe('JSON report columns', () => {
  it('reads a stored import report back exactly as written', () => {
    expect(parseImportReport(JSON.stringify(report))).toEqual(report);
  });

  it('reads the e-mail facts and the OCR reading', () => {
    expect(parseEmailReport(JSON.stringify(report.files[0].email))).toEqual(report.files[0].email);
    const ocr = { pages: 1, confidence: 88, lowWords: 1, review: [{ page: 1, word: 'Bodø', confidence: 40 }], text: 'Bodø' };
    expect(parseOcrReading(JSON.stringify(ocr))).toEqual(ocr);
  });

  it('refuses a damaged report, naming the column and the field', () => {
    expect(() => parseImportReport(JSON.stringify({ batchId: 'b1', files: [{ path: 'a.csv', status: 'lost', responses: 0, warnings: [] }] }))).toThrow(
      /import report \(import_batch\.report\) is damaged at files\.0\.status/,
    );
    expect(() => parseOcrReading('[]')).toThrow(/OCR reading/);
  });
});
