// Reading exported workbooks back in tests: the sheets as plain rows and
// every cell (the raw parts of the zip: zip-entries.ts).
import ExcelJS from 'exceljs';

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

export interface SheetTable {
  header: string[];
  /** Data rows (below the header), cells 0-based; empty cells are null. */
  rows: ExcelJS.CellValue[][];
}

export function sheetTable(sheet: ExcelJS.Worksheet): SheetTable {
  const width = sheet.getRow(1).cellCount;
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? null));
  }
  return { header: Array.from({ length: width }, (_, i) => String(sheet.getRow(1).getCell(i + 1).value)), rows };
}

/** A column's values by header. */
export function column(table: SheetTable, header: string): ExcelJS.CellValue[] {
  const i = table.header.indexOf(header);
  if (i < 0) throw new Error(`no column "${header}" in ${table.header.join(' | ')}`);
  return table.rows.map((r) => r[i]);
}

/** The row whose column `header` equals `value`, as an object keyed by header. */
export function rowWhere(table: SheetTable, header: string, value: unknown): Record<string, ExcelJS.CellValue> {
  const i = table.header.indexOf(header);
  const found = table.rows.filter((r) => r[i] === value);
  if (found.length !== 1) throw new Error(`${found.length} rows with ${header} = ${String(value)}`);
  return Object.fromEntries(table.header.map((h, j) => [h, found[0][j]]));
}

export function everyCell(workbook: ExcelJS.Workbook): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => void cells.push(cell))));
  return cells;
}
