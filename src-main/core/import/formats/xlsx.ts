// XLSX (exceljs): every sheet; cell values as shown, dates as dates, and
// formulas kept as their text, never evaluated.
import type ExcelJS from 'exceljs';
import { ImportError, type ImportWarning } from '../../input/errors';
import { loadWorkbook } from '../../input/workbook';
import type { CellValue, ParsedTable, TableRow } from './types';
import { messageOf } from '../../caught';

function cellValue(value: ExcelJS.CellValue, warn: () => void): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value) {
      warn();
      return `=${value.formula}`;
    }
    if ('sharedFormula' in value) {
      warn();
      return `=${value.sharedFormula}`;
    }
    if ('hyperlink' in value) return String(value.text ?? value.hyperlink);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

export async function readXlsx(bytes: Buffer): Promise<ParsedTable> {
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await loadWorkbook(bytes);
  } catch (e) {
    throw new ImportError('BAD_XLSX', `The Excel file is damaged or not an XLSX file (${messageOf(e)})`);
  }
  const warnings: ImportWarning[] = [];
  const sheets = workbook.worksheets.map((sheet) => {
    const rows: TableRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const locator = `ark «${sheet.name}», rad ${rowNumber}`;
      const values: CellValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        values[col - 1] = cellValue(cell.value, () =>
          warnings.push({ code: 'FORMULA_AS_TEXT', message: 'A formula cell was stored as its text, not evaluated', locator: `${locator}, kolonne ${col}` }),
        );
      });
      for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
      rows.push({ locator, values });
    });
    return { name: sheet.name, rows };
  });
  return { kind: 'table', format: 'xlsx', sheets, warnings };
}
