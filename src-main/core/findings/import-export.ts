// The findings register as a table (CSV for Norwegian Excel, or XLSX), one
// row per finding, so caseworkers can bring findings from other reports.
// Columns (documented in README):
//   rapport_id, rapport_tittel, utgiver, publisert, url, rapport_verifisert,
//   funn_id, funn, referanse, tema, funn_verifisert
// Import adds or updates reports by rapport_id and findings by funn_id (or,
// without one, by the same statement in the same report).
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import Papa from 'papaparse';
import { ApiError } from '../../../src-shared/errors';
import { REGISTER_COLUMNS } from '../../../src-shared/findings';
import { ChangeSet } from '../audit/changes';
import type { CoreDeps } from '../deps';
import { neutralise } from '../tables/excel-csv';
import { readCsvTable, readXlsxTable } from '../tables/read';
import type { DB } from '../store/schema';
import { listFindings, listReports, saveFindingIn, saveReportIn } from './service';

export { REGISTER_COLUMNS };

type RegisterRow = Record<(typeof REGISTER_COLUMNS)[number], string>;

const yesNo = (v: boolean) => (v ? 'ja' : 'nei');
const isYes = (v: string | undefined) => /^(ja|yes|true|1|x)$/i.test((v ?? '').trim());

async function registerRows(db: Kysely<DB>): Promise<RegisterRow[]> {
  const reports = await listReports(db);
  const findings = await listFindings(db);
  const rows: RegisterRow[] = [];
  for (const r of reports) {
    const own = findings.filter((f) => f.reportId === r.id);
    const base = { rapport_id: r.key, rapport_tittel: r.title, utgiver: r.publisher, publisert: r.published ?? '', url: r.url ?? '', rapport_verifisert: yesNo(r.verified) };
    if (own.length === 0) rows.push({ ...base, funn_id: '', funn: '', referanse: '', tema: '', funn_verifisert: '' });
    for (const f of own) rows.push({ ...base, funn_id: f.id, funn: f.statement, referanse: f.reference ?? '', tema: f.theme ?? '', funn_verifisert: yesNo(f.verified) });
  }
  for (const f of findings.filter((x) => !x.reportId)) {
    rows.push({ rapport_id: '', rapport_tittel: '', utgiver: '', publisert: '', url: '', rapport_verifisert: '', funn_id: f.id, funn: f.statement, referanse: f.reference ?? '', tema: f.theme ?? '', funn_verifisert: yesNo(f.verified) });
  }
  return rows;
}

export async function exportRegister(db: Kysely<DB>, format: 'csv' | 'xlsx'): Promise<{ fileName: string; mediaType: string; base64: string }> {
  const rows = await registerRows(db);
  if (format === 'csv') {
    const csv = Papa.unparse([[...REGISTER_COLUMNS], ...rows.map((r) => REGISTER_COLUMNS.map((c) => neutralise(r[c])))], { delimiter: ';', newline: '\r\n', quotes: true });
    return { fileName: 'funnregister.csv', mediaType: 'text/csv', base64: Buffer.from('\uFEFF' + csv, 'utf8').toString('base64') };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Funn', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = REGISTER_COLUMNS.map((key) => ({ header: key, key, width: key === 'funn' ? 80 : key === 'rapport_tittel' ? 50 : 18 }));
  for (const r of rows) sheet.addRow(REGISTER_COLUMNS.map((c) => r[c]));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REGISTER_COLUMNS.length } };
  sheet.getColumn('funn').alignment = { wrapText: true, vertical: 'top' };
  return {
    fileName: 'funnregister.xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64'),
  };
}

async function readRows(fileName: string, bytes: Buffer): Promise<Record<string, string>[]> {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'csv') return readCsvTable(bytes);
  if (ext === 'xlsx') return readXlsxTable(bytes);
  throw new ApiError('INVALID_INPUT', `Unsupported register file "${fileName}"; use .csv or .xlsx`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const clean = (v: string | undefined) => (v ?? '').replace(/^'/, '').trim();

export async function importRegister(db: Kysely<DB>, deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>, fileName: string, bytes: Buffer): Promise<{ reports: number; findings: number }> {
  const rows = await readRows(fileName, bytes);
  const missing = ['rapport_id', 'funn'].filter((c) => rows.length > 0 && !(c in rows[0]));
  if (rows.length === 0 || missing.length) {
    throw new ApiError('INVALID_INPUT', `The register file needs the columns ${REGISTER_COLUMNS.join(', ')}${missing.length ? ` (missing: ${missing.join(', ')})` : ''}`);
  }
  return db.transaction().execute(async (trx) => {
    const c = new ChangeSet(trx, deps, 'findings.import');
    let reports = 0;
    let findings = 0;
    const reportIds = new Map((await trx.selectFrom('finding_report').select(['id', 'report_key']).execute()).map((r) => [r.report_key, r.id]));
    const existingFindings = await trx.selectFrom('finding').select(['id', 'report_id', 'statement']).execute();
    for (const [i, row] of rows.entries()) {
      const key = clean(row.rapport_id);
      let reportId: string | null = null;
      if (key) {
        const title = clean(row.rapport_tittel);
        const known = reportIds.get(key);
        if (!known && !title) throw new ApiError('INVALID_INPUT', `Row ${i + 2}: the new report "${key}" needs a title (rapport_tittel)`);
        if (title || !known) {
          const saved = await saveReportIn(c, {
            id: known,
            key,
            title: title || key,
            publisher: clean(row.utgiver) || 'Ukjent utgiver',
            published: clean(row.publisert) || null,
            url: clean(row.url) || null,
            verified: isYes(row.rapport_verifisert),
          });
          if (!known) reports++;
          reportIds.set(key, saved.id);
        }
        reportId = reportIds.get(key)!;
      }
      const statement = clean(row.funn);
      if (!statement) continue;
      const idCell = clean(row.funn_id).toLowerCase();
      const same =
        (UUID.test(idCell) && existingFindings.find((f) => f.id === idCell)) ||
        existingFindings.find((f) => f.report_id === reportId && f.statement === statement);
      const saved = await saveFindingIn(c, {
        id: same ? same.id : undefined,
        reportId,
        statement,
        reference: clean(row.referanse) || null,
        theme: clean(row.tema) || null,
        verified: isYes(row.funn_verifisert),
      });
      if (!same) {
        findings++;
        existingFindings.push({ id: saved.id, report_id: reportId, statement });
      }
    }
    return { reports, findings };
  });
}
