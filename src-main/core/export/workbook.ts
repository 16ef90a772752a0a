// The Excel workbook: the project's data for a caseworker's own analysis, in
// seven sheets —
//   Svar               one row per current response, one column per question
//   Variabler          one row per current response, one column per variable
//   Koding             one row per coding on a current response
//   Kodematrise        respondent × code, 1 when the respondent's current
//                      response has a coding of the code or one below it
//   Per politidistrikt the analysis screen's code matrix by police district
//   Funn               each finding with its municipalities per relation
//   Ikke svart         municipalities of the register without a response
// Counts come from the same services as the screens (codeMatrix, findingView,
// unanswered), so the numbers in Excel are the numbers in the app.
//
// Written with exceljs' streaming writer, sheet by sheet and row by row (the
// in-memory workbook needs ~1.5 GB for 100 000 rows), with text read from
// the project in chunks. Nothing a respondent wrote can become a formula:
// every text is written as a string cell (a leading "=" stays text), and the
// file is deterministic — the same data and options give the same bytes, the
// only clock reading being the workbook's created/modified date.
import { createWriteStream, type WriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { WorkbookOptions } from '../../../src-shared/export';
import { findingRelations } from '../../../src-shared/findings';
import { norwegianCompare } from '../../../src-shared/norwegian';
import { codeMatrix, subtrees } from '../analysis/matrix';
import { codeTree, municipalityKey } from '../analysis/units';
import { listVariables } from '../coding/service';
import { findingView, listFindings, listReports } from '../findings/service';
import { unanswered } from '../registry/service';
import { refreshPersonalData } from '../personal/scan';
import type { Turn } from '../eventLoop';
import type { Store } from '../store/open';
import type { DB } from '../store/schema';
import {
  checkDistricts,
  codePathText,
  hasUnassignedText,
  iterateAnswers,
  iterateCodings,
  loadCodingIndex,
  loadQuestions,
  loadRespondentRows,
  type RespondentRow,
} from './table-data';
import { kodingTable, plainText, RELATION_LABELS, RESPONDENT_COLUMNS, respondentCells, svarTable, type CellValue, type Column } from './tables';

/** Excel refuses cells longer than this; longer text is cut with a note. */
export const EXCEL_CELL_LIMIT = 32_767;
const CUT_NOTE = ' […] (forkortet: teksten er lengre enn Excel tillater i én celle)';

export const DATE_FORMAT = 'dd.mm.yyyy';

export interface WorkbookRun {
  /** Where to write (the temporary path of an atomic write). */
  path: string;
  /** The workbook's created/modified date (and the date of its zip entries). */
  now: Date;
  creator?: string;
  onProgress?: (done: number, total: number, message: string) => void;
  /** Awaited between chunks (eventLoop.ts): lets the core answer reads; throws CANCELLED once the export was stopped. */
  turn?: Turn;
}

/**
 * exceljs leaves each zip entry's date to archiver, which stamps the time of
 * writing; every entry is pinned to the workbook's date instead, so two
 * exports of the same data are byte for byte the same. (addThemes is the
 * first thing the constructor does, after the zip exists.)
 */
class DeterministicWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  // The archiver the constructor makes (exceljs's lib/stream/xlsx/workbook-writer.js); its typings leave it out.
  declare zip: { append(source: unknown, data: Record<string, unknown>): unknown };

  // The workbook's own properties, which the constructor reads from its options too; its typings leave them out.
  constructor(options: Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions> & Partial<Pick<ExcelJS.Workbook, 'created' | 'modified' | 'creator' | 'lastModifiedBy'>>) {
    super(options);
  }

  override addThemes(): Promise<void> {
    const append = this.zip.append.bind(this.zip);
    this.zip.append = (source, data) => append(source, { ...data, date: this.created });
    return super.addThemes();
  }
}

function excelDate(iso: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : iso;
}

/** One sheet being streamed: a bold, frozen, filtered header row and rows committed as they come. */
class SheetWriter {
  private readonly sheet: ExcelJS.Worksheet;
  /**
   * One style object per column, shared by all its cells: exceljs caches a
   * style by object identity, so a shared object is looked up once instead
   * of being serialised again for every cell (most of the writing time).
   */
  private readonly styles: Partial<ExcelJS.Style>[];
  rows = 0;
  truncated = 0;

  constructor(
    workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    name: string,
    private readonly columns: Column[],
    freezeColumns = 0,
  ) {
    this.sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: freezeColumns }] });
    this.styles = columns.map((c) => ({
      alignment: { vertical: 'top', wrapText: c.kind === 'longText' },
      ...(c.kind === 'date' ? { numFmt: DATE_FORMAT } : {}),
    }));
    this.sheet.columns = columns.map((c, i) => ({ width: c.width, style: this.styles[i] }));
    const header = this.sheet.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { vertical: 'top', wrapText: true };
    header.commit();
  }

  /** A cell's value; undefined leaves the cell out. */
  private cell(column: Column, value: CellValue): ExcelJS.CellValue | undefined {
    if (value === null || value === '') return undefined;
    if (column.kind === 'number') return typeof value === 'number' ? value : String(value);
    if (column.kind === 'date' && typeof value === 'string') return excelDate(value);
    // The coded words in their sentence: the coded words in bold (too long for a cell: plain text, cut below).
    if (typeof value === 'object' && plainText(value).length <= EXCEL_CELL_LIMIT) {
      return { richText: value.parts.map((p) => (p.marked ? { text: p.text, font: { bold: true } } : { text: p.text })) };
    }
    // Always a plain string: exceljs writes it as a string cell whatever it starts with.
    const text = typeof value === 'object' ? plainText(value) : String(value);
    if (text.length <= EXCEL_CELL_LIMIT) return text;
    this.truncated++;
    return text.slice(0, EXCEL_CELL_LIMIT - CUT_NOTE.length) + CUT_NOTE;
  }

  add(values: CellValue[]): void {
    const row = this.sheet.addRow(values.map((v, i) => this.cell(this.columns[i], v)));
    row.eachCell((cell, n) => {
      cell.style = this.styles[n - 1];
    });
    row.commit();
    this.rows++;
  }

  finish(): void {
    this.sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: this.rows + 1, column: this.columns.length } };
    this.sheet.commit();
  }
}

/** A variable's stored value (JSON) as text: option labels, several joined with "; ". */
function variableText(value: string, labels: Map<string, string>): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return value;
  }
  const label = (v: unknown) => labels.get(String(v)) ?? String(v);
  return Array.isArray(parsed) ? parsed.map(label).join('; ') : label(parsed);
}

async function variableValues(db: Kysely<DB>, responseIds: string[]): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  if (responseIds.length === 0) return out;
  const rows = await db.selectFrom('variable_value').select(['response_id', 'variable_id', 'value']).where('response_id', 'in', responseIds).execute();
  for (const r of rows) {
    const values = out.get(r.response_id) ?? new Map<string, string>();
    values.set(r.variable_id, r.value);
    out.set(r.response_id, values);
  }
  return out;
}

const CHUNK = 500;

/**
 * A turn of the event loop between chunks. The project is read synchronously,
 * so without it the progress events would reach the window only at the end,
 * and a whole sheet's XML could pile up before the zip compresses any of it.
 */
const drain = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Writes the workbook to `run.path`; returns the counts of what went in. */
export async function writeWorkbook(store: Store, options: WorkbookOptions, run: WorkbookRun): Promise<Record<string, number>> {
  const { db } = store;
  const turn = async () => {
    await run.turn?.();
  };
  if (options.maskPersonal) refreshPersonalData(store.sqlite);
  await turn();
  await checkDistricts(db, options.policeDistrictCodes);
  const questionFilter = options.questionIds ?? null;
  const questions = await loadQuestions(db, questionFilter);
  const districtFilter = options.policeDistrictCodes ? new Set(options.policeDistrictCodes) : null;

  // The small indexes first: who answered, which codings, the codebook, findings, non-respondents.
  const rows = await loadRespondentRows(db, { policeDistrictCodes: options.policeDistrictCodes });
  const withUnassigned = !questionFilter && (await hasUnassignedText(db, rows));
  await turn();
  const codings = await loadCodingIndex(db, rows, questionFilter ? questions : null);
  await turn();
  const codes = await codeTree(db);
  const variables = await listVariables(db);
  await turn();
  const matrix = await codeMatrix(db, { groupBy: 'policeDistrict', ...(questionFilter ? { questionIds: questionFilter } : {}) });
  const districts = matrix.groups.filter((g) => !districtFilter || districtFilter.has(g.key));
  await turn();
  const findings = await listFindings(db);
  const missing = (await unanswered(store)).municipalities
    .filter((m) => !districtFilter || districtFilter.has(m.policeDistrictCode))
    .sort((a, b) => a.policeDistrictCode.localeCompare(b.policeDistrictCode) || norwegianCompare(a.name, b.name) || a.number.localeCompare(b.number));

  // Kodematrise rows: each respondent once (a municipality with two current responses is one row).
  const units: { row: RespondentRow; key: string }[] = [];
  const unitOf = new Map<string, string>();
  const seen = new Set<string>();
  for (const r of rows) {
    const key = r.municipality ? municipalityKey(r.municipality.number) : `r:${r.respondentId}`;
    if (!seen.has(key)) units.push({ row: r, key });
    seen.add(key);
    unitOf.set(r.responseId, key);
  }

  const otherRows = districtFilter ? 0 : 2; // "Hele landet" and "Andre innsendere"
  const total = rows.length * 2 + codings.length + units.length + districts.length + otherRows + findings.length + missing.length;
  let done = 0;
  const progress = (n: number, message: string) => {
    done += n;
    run.onProgress?.(done, total, message);
  };

  const out: WriteStream = createWriteStream(run.path, { flags: 'wx' });
  const closed = new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('error', reject);
  });
  // Handled here, awaited below: a stream that fails to open (a read-only folder) must not reject unobserved and end the process.
  closed.catch(() => undefined);
  const workbook = new DeterministicWorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
    created: run.now,
    modified: run.now,
    creator: run.creator ?? 'Innspill',
    lastModifiedBy: run.creator ?? 'Innspill',
  });
  let truncated = 0;
  /** Between chunks: the zip compresses what is written, and the core turns (a cancel stops the export here). */
  const next = async () => {
    await drain();
    await turn();
  };
  const finish = (sheet: SheetWriter) => {
    sheet.finish();
    truncated += sheet.truncated;
  };

  try {
    // Svar
    const svar = svarTable(questions, withUnassigned);
    const svarSheet = new SheetWriter(workbook, 'Svar', svar.columns, 2);
    for await (const chunk of iterateAnswers(db, rows, questions, { unassigned: withUnassigned, chunkSize: CHUNK, maskPersonal: options.maskPersonal })) {
      for (const r of chunk) svarSheet.add(svar.cells(r));
      progress(chunk.length, 'Svar');
      await next();
    }
    finish(svarSheet);

    // Variabler
    const variableSheet = new SheetWriter(
      workbook,
      'Variabler',
      [...RESPONDENT_COLUMNS, ...variables.map((v): Column => ({ header: v.label, kind: v.kind === 'text' ? 'longText' : 'text', width: v.kind === 'text' ? 50 : 24 }))],
      2,
    );
    const labels = new Map(variables.map((v) => [v.id, new Map(v.options.map((o) => [o.value, o.label]))]));
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const values = await variableValues(
        db,
        chunk.map((r) => r.responseId),
      );
      for (const r of chunk) {
        const own = values.get(r.responseId);
        variableSheet.add([...respondentCells(r), ...variables.map((v) => (own?.has(v.id) ? variableText(own.get(v.id)!, labels.get(v.id)!) : null))]);
      }
      progress(chunk.length, 'Variabler');
      await next();
    }
    finish(variableSheet);

    // Koding
    const koding = kodingTable();
    const kodingSheet = new SheetWriter(workbook, 'Koding', koding.columns);
    for await (const chunk of iterateCodings(db, codings, undefined, options.maskPersonal)) {
      for (const k of chunk) kodingSheet.add(koding.cells(k));
      progress(chunk.length, 'Koding');
      await next();
    }
    finish(kodingSheet);

    // Kodematrise: a code counts with the codes below it, as on the analysis screen.
    const below = subtrees(codes);
    const codedUnits = new Map<string, Set<string>>(codes.map((c) => [c.id, new Set<string>()]));
    for (const k of codings) codedUnits.get(k.codeId)?.add(unitOf.get(k.respondent.responseId)!);
    const withBelow = new Map(
      codes.map((c) => {
        const all = new Set<string>();
        for (const id of below.get(c.id)!) for (const u of codedUnits.get(id)!) all.add(u);
        return [c.id, all];
      }),
    );
    const matrixSheet = new SheetWriter(
      workbook,
      'Kodematrise',
      [RESPONDENT_COLUMNS[0], RESPONDENT_COLUMNS[1], RESPONDENT_COLUMNS[3], ...codes.map((c): Column => ({ header: codePathText(c.path), kind: 'number', width: 14 }))],
      2,
    );
    for (const [i, u] of units.entries()) {
      const [number, name, , district] = respondentCells(u.row);
      matrixSheet.add([number, name, district, ...codes.map((c) => (withBelow.get(c.id)!.has(u.key) ? 1 : 0))]);
      if (i % CHUNK === CHUNK - 1) await next();
    }
    progress(units.length, 'Kodematrise');
    finish(matrixSheet);

    // Per politidistrikt: straight from the analysis screen's matrix.
    const districtSheet = new SheetWriter(
      workbook,
      'Per politidistrikt',
      [
        { header: 'Politidistrikt', kind: 'text', width: 26 },
        { header: 'Kommuner i registeret', kind: 'number', width: 12 },
        { header: 'Har svart', kind: 'number', width: 12 },
        { header: 'Har ikke svart', kind: 'number', width: 12 },
        { header: 'Med koding', kind: 'number', width: 12 },
        ...matrix.rows.map((r): Column => ({ header: codePathText(r.path), kind: 'number', width: 14 })),
      ],
      1,
    );
    for (const g of districts) {
      districtSheet.add([g.name, g.municipalities, g.responded, g.nonRespondents, g.coded, ...matrix.rows.map((r) => r.withDescendants.byGroup[g.key] ?? 0)]);
    }
    if (!districtFilter) {
      const t = matrix.totals;
      districtSheet.add(['Hele landet', t.municipalities, t.responded, t.nonRespondents, t.coded, ...matrix.rows.map((r) => r.withDescendants.total)]);
      const o = matrix.others;
      districtSheet.add([o.name, null, o.respondents, null, o.coded, ...matrix.rows.map((r) => r.withDescendants.others)]);
    }
    progress(districts.length + otherRows, 'Per politidistrikt');
    finish(districtSheet);

    // Funn: municipalities per relation as the finding's view counts them (superseded responses never count).
    const reports = new Map((await listReports(db)).map((r) => [r.id, r]));
    const findingSheet = new SheetWriter(workbook, 'Funn', [
      { header: 'Rapport', kind: 'text', width: 22 },
      { header: 'Rapporttittel', kind: 'longText', width: 40 },
      { header: 'Funn', kind: 'longText', width: 70 },
      { header: 'Referanse', kind: 'text', width: 16 },
      { header: 'Tema', kind: 'text', width: 20 },
      ...findingRelations.map((r): Column => ({ header: RELATION_LABELS[r], kind: 'number', width: 11 })),
    ]);
    for (const f of findings) {
      const view = await findingView(db, f.id);
      const counts = districtFilter
        ? Object.fromEntries(findingRelations.map((rel) => [rel, view.byPoliceDistrict.filter((d) => districtFilter.has(d.code)).reduce((n, d) => n + d.counts[rel], 0)]))
        : view.byRelation;
      const report = f.reportId ? reports.get(f.reportId) : undefined;
      findingSheet.add([report?.key ?? null, report?.title ?? null, f.statement, f.reference, f.theme, ...findingRelations.map((rel) => counts[rel])]);
      await turn();
    }
    progress(findings.length, 'Funn');
    finish(findingSheet);

    // Ikke svart
    const missingSheet = new SheetWriter(workbook, 'Ikke svart', [
      { header: 'Kommunenummer', kind: 'text', width: 15 },
      { header: 'Kommune', kind: 'text', width: 28 },
      { header: 'Fylke', kind: 'text', width: 20 },
      { header: 'Politidistrikt', kind: 'text', width: 22 },
      { header: 'Innbyggere', kind: 'number', width: 12 },
    ]);
    for (const m of missing) missingSheet.add([m.number, m.name, m.countyName, m.policeDistrictName, m.population]);
    progress(missing.length, 'Ikke svart');
    finish(missingSheet);

    await turn();
    await workbook.commit();
    await closed;
  } catch (e) {
    // Let go of the file so the atomic write can remove it (Windows will not delete an open file).
    out.destroy();
    await closed.catch(() => undefined);
    throw e;
  }

  return {
    responses: rows.length,
    variables: variables.length,
    codings: codings.length,
    codes: codes.length,
    respondents: units.length,
    districts: districts.length,
    findings: findings.length,
    unanswered: missing.length,
    truncatedCells: truncated,
  };
}
