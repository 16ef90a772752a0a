// The Svar and Koding tables as CSV files for Norwegian Excel (UTF-8 with
// BOM, ";", CRLF, every field quoted, formulas neutralised — see
// tables/excel-csv.ts), with the same columns as the workbook's sheets. Every
// current response and every question; dates as dd.mm.åååå. Streamed to the
// file a chunk at a time, like the workbook.
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Kysely } from 'kysely';
import type { CsvTable } from '../../../src-shared/export';
import { formatNorwegianDate } from '../../../src-shared/norwegian';
import { CSV_BOM, CSV_NEWLINE, excelCsvLines } from '../tables/excel-csv';
import type { Turn } from '../eventLoop';
import type { DB } from '../store/schema';
import { hasUnassignedText, iterateAnswers, iterateCodings, loadCodingIndex, loadQuestions, loadRespondentRows } from './table-data';
import { kodingTable, plainText, svarTable, type CellValue, type Column } from './tables';

export interface CsvRun {
  /** Where to write (the temporary path of an atomic write). */
  path: string;
  /** «Skjul personopplysninger»: each finding replaced by its label (the handler brings the cache up to date first). */
  maskPersonal?: boolean;
  onProgress?: (done: number, total: number, message: string) => void;
  /** Awaited between chunks (eventLoop.ts): lets the core answer reads; throws CANCELLED once the export was stopped. */
  turn?: Turn;
}

function text(column: Column, value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'object') return plainText(value);
  if (column.kind === 'date') return formatNorwegianDate(String(value));
  return String(value);
}

function write(out: WriteStream, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(chunk, (e) => (e ? reject(e) : resolve()));
  });
}

/** Writes the table to `run.path`; returns the counts of what went in. */
export async function writeCsvTable(db: Kysely<DB>, table: CsvTable, run: CsvRun): Promise<Record<string, number>> {
  const rows = await loadRespondentRows(db);
  const out = createWriteStream(run.path, { flags: 'wx' });
  const closed = new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('error', reject);
  });
  // Handled here, awaited below: a stream that fails to open (a read-only folder) must not reject unobserved and end the process.
  closed.catch(() => undefined);
  const lines = async (columns: Column[], cells: CellValue[][]) => {
    if (cells.length > 0) await write(out, CSV_NEWLINE + excelCsvLines(cells.map((r) => r.map((v, i) => text(columns[i], v)))));
  };
  try {
    let counts: Record<string, number>;
    if (table === 'svar') {
      const questions = await loadQuestions(db);
      const withUnassigned = await hasUnassignedText(db, rows);
      const svar = svarTable(questions, withUnassigned);
      await write(out, CSV_BOM + excelCsvLines([svar.columns.map((c) => c.header)]));
      let done = 0;
      for await (const chunk of iterateAnswers(db, rows, questions, { unassigned: withUnassigned, maskPersonal: run.maskPersonal })) {
        await lines(svar.columns, chunk.map(svar.cells));
        done += chunk.length;
        run.onProgress?.(done, rows.length, 'Svar');
        await run.turn?.();
      }
      counts = { responses: rows.length };
    } else {
      const index = await loadCodingIndex(db, rows, null);
      const koding = kodingTable();
      await write(out, CSV_BOM + excelCsvLines([koding.columns.map((c) => c.header)]));
      let done = 0;
      for await (const chunk of iterateCodings(db, index, undefined, run.maskPersonal)) {
        await lines(koding.columns, chunk.map(koding.cells));
        done += chunk.length;
        run.onProgress?.(done, index.length, 'Koding');
        await run.turn?.();
      }
      counts = { codings: index.length };
    }
    // A final line end, as spreadsheet programs write it.
    await write(out, CSV_NEWLINE);
    out.end();
    await closed;
    return counts;
  } catch (e) {
    out.destroy();
    await closed.catch(() => undefined);
    throw e;
  }
}
