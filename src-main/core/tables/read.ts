// Reading a user's table (CSV in any of our encodings and separators, or the
// first sheet of an XLSX) as rows keyed by lower-cased header, for the
// codebook and findings-register imports.
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { ApiError } from '../../../src-shared/errors';
import { decodeText } from '../input/decode';
import { loadWorkbook } from '../input/workbook';
import { messageOf } from '../caught';

export type TableRows = Record<string, string>[];

const headerKey = (h: string) => h.trim().toLocaleLowerCase('nb');

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return String(v.result ?? '');
  }
  return String(v);
}

export function readCsvTable(bytes: Buffer): TableRows {
  const parsed = Papa.parse<Record<string, string>>(decodeText(bytes).text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [';', ',', '\t'],
    transformHeader: headerKey,
  });
  return parsed.data;
}

export async function readXlsxTable(bytes: Buffer): Promise<TableRows> {
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await loadWorkbook(bytes);
  } catch (e) {
    throw new ApiError('INVALID_INPUT', `The Excel file is damaged or not an XLSX file (${messageOf(e)})`);
  }
  const header: string[] = [];
  const rows: TableRows = [];
  workbook.worksheets[0]?.eachRow((row, n) => {
    // exceljs gives a row's values as a sparse list from column 1 (index 0 is empty).
    const values = Array.isArray(row.values) ? row.values.slice(1).map(cellText) : [];
    if (n === 1) header.push(...values.map(headerKey));
    else rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? ''])));
  });
  return rows;
}
