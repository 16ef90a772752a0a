// Reading a user's table (CSV in any of our encodings and separators, or the
// first sheet of an XLSX) as rows keyed by lower-cased header, for the
// codebook and findings-register imports.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { ApiError } from '../../../src-shared/errors';
import { decodeText } from '../input/decode';
import { messageOf } from '../caught';

export type TableRows = Record<string, string>[];

const headerKey = (h: string) => h.trim().toLocaleLowerCase('nb');

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('result' in v) return String((v as { result: unknown }).result ?? '');
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
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new ApiError('INVALID_INPUT', `The Excel file is damaged or not an XLSX file (${messageOf(e)})`);
  }
  const header: string[] = [];
  const rows: TableRows = [];
  workbook.worksheets[0]?.eachRow((row, n) => {
    const values = (row.values as unknown[]).slice(1).map(cellText);
    if (n === 1) header.push(...values.map(headerKey));
    else rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? ''])));
  });
  return rows;
}
