// The Excel workbook (export.workbook) on a small project built through the
// API (test/helpers/export-fixture.ts), read back with exceljs: the sheets,
// their headers and rows against the database and against the analysis,
// findings and register screens, that nothing is a formula, the sheet
// furniture (frozen header, filter, date format), the options, determinism,
// and the errors.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCEL_CELL_LIMIT, writeWorkbook } from '../../../../src-main/core/export/workbook';
import type { ExportResult } from '../../../../src-shared/export';
import { apiError, expectApiError, testApi } from '../../../helpers/api';
import { tempDir, testCore } from '../../../helpers/core';
import { CURRENT_CODINGS, EXPORT_ORDER, exportFolder, exportProject, HYPERLINK, KAFJORD_Q4, LONG_TEXT, RESPONDED, type ExportProject } from '../../../helpers/export-fixture';
import { DISTRICT_COUNTS, MUNICIPALITY_COUNT } from '../../../helpers/reference';
import { column, everyCell, readWorkbook, rowWhere, sheetTable, type SheetTable } from '../../../helpers/workbook';
import { unzipParts, unzipPartsOf, zipDates } from '../../../helpers/zip-entries';

const SHEETS = ['Svar', 'Variabler', 'Koding', 'Kodematrise', 'Per politidistrikt', 'Funn', 'Ikke svart'];
const RESPONDENT = ['Kommunenummer', 'Kommune / innsender', 'Fylke', 'Politidistrikt'];
const QUESTION_HEADERS = ['Spørsmål 1: Utfordringer', 'Spørsmål 2: Tilfredshet', 'Spørsmål 3: Samarbeid og ressurser', 'Spørsmål 4: Tilgjengelighet', 'Spørsmål 5: Nytt tjenestested'];
const CODE_HEADERS = ['Utfordringer', 'Utfordringer > Rus', 'Utfordringer > Vold', 'Avstand'];
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

let p: ExportProject;
let result: ExportResult;
let workbook: ExcelJS.Workbook;
const progress: { task: string; done: number; total: number; message?: string }[] = [];
const table = (name: string): SheetTable => sheetTable(workbook.getWorksheet(name)!);
const sql = (query: string) => (p.core.session.requireStore().sqlite.prepare(query).get() as { n: number }).n;

beforeAll(async () => {
  p = await exportProject();
  p.api.on('progress', (e) => void progress.push(e));
  result = await p.api.export.workbook({ options: {} });
  workbook = await readWorkbook(result.path);
}, 60_000);
afterAll(() => p.cleanup());

describe('export.workbook', () => {
  it('writes the workbook into the export folder under the default name and reports what went in', async () => {
    expect(path.dirname(result.path)).toBe(exportFolder(p));
    expect(result.fileName).toMatch(/^Brev til kommunene.* - arbeidsbok \d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(result.sizeBytes).toBe(statSync(result.path).size);
    expect(result.counts).toEqual({
      responses: RESPONDED + 1,
      variables: 5,
      codings: CURRENT_CODINGS,
      codes: 4,
      respondents: RESPONDED + 1,
      districts: 12,
      findings: (await p.api.findings.list({})).length,
      unanswered: MUNICIPALITY_COUNT - RESPONDED,
      truncatedCells: 1,
    });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    // Only this session's exports may be opened, and this one may.
    expect(p.core.session.exported.has(result.path)).toBe(true);
    expect(await p.api.export.open({ path: result.path })).toEqual({ opened: true });
    // Progress as task "export", ending at its total.
    const last = progress.filter((e) => e.task === 'export').at(-1)!;
    expect(last.done).toBe(last.total);
    expect(progress.map((e) => e.message)).toEqual(expect.arrayContaining(SHEETS));
    // A second export under the default name never overwrites the first.
    const again = await p.api.export.workbook({ options: {} });
    expect(again.fileName).toBe(result.fileName.replace(/\.xlsx$/, ' (2).xlsx'));
  });

  it('has exactly the seven sheets, each with a bold, frozen, filtered header row', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(SHEETS);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).getCell(1).font?.bold, sheet.name).toBe(true);
      const last = sheet.getRow(1).cellCount;
      const lastColumn = sheet.getColumn(last).letter;
      expect(sheet.autoFilter, sheet.name).toBe(`A1:${lastColumn}${sheet.rowCount}`);
    }
    expect(workbook.getWorksheet('Svar')!.views[0]).toMatchObject({ xSplit: 2 });
  });

  it('Svar: one row per current response, by police district and name, one column per question', () => {
    const svar = table('Svar');
    expect(svar.header).toEqual([...RESPONDENT, 'Innbyggere', 'Mottatt', 'Status', ...QUESTION_HEADERS, 'Ufordelt tekst']);
    expect(svar.rows).toHaveLength(sql('SELECT count(*) AS n FROM response WHERE is_current = 1'));
    expect(column(svar, 'Kommune / innsender')).toEqual(EXPORT_ORDER);

    const oslo = rowWhere(svar, 'Kommunenummer', '0301');
    expect(oslo).toMatchObject({ 'Kommune / innsender': 'Oslo', Fylke: 'Oslo', Politidistrikt: 'Oslo', Innbyggere: 699_827, Mottatt: utc(2022, 5, 30), Status: 'Ikke startet' });
    // Two parts of one answer in one cell; text moved out of question 3 in its own column.
    expect(oslo['Spørsmål 1: Utfordringer']).toBe('Rus blant unge er den største utfordringen. Vold i nære relasjoner øker.\n\nVi ønsker faste kontordager.');
    expect(oslo['Spørsmål 3: Samarbeid og ressurser']).toBe('Politikontakt i hver bydel.');
    expect(oslo['Ufordelt tekst']).toBe('Ekstra merknad om økonomi.');

    // Lesja's current response, not the superseded one.
    expect(rowWhere(svar, 'Kommunenummer', '3432')).toMatchObject({ Mottatt: utc(2022, 6, 15), 'Spørsmål 1: Utfordringer': 'Vold i nære relasjoner er vår største bekymring.', 'Ufordelt tekst': null });
    expect(rowWhere(svar, 'Kommunenummer', '5426')).toMatchObject({ 'Kommune / innsender': 'Kåfjord', Fylke: 'Troms og Finnmark', Politidistrikt: 'Troms', 'Spørsmål 4: Tilgjengelighet': KAFJORD_Q4 });
    expect(rowWhere(svar, 'Kommune / innsender', 'Politiets Fellesforbund')).toMatchObject({ Kommunenummer: null, Fylke: null, Politidistrikt: null, Innbyggere: null, 'Spørsmål 1: Utfordringer': 'Rus i hele landet.' });
    expect(rowWhere(svar, 'Kommunenummer', '1804')['Spørsmål 2: Tilfredshet']).toBe(HYPERLINK);

    // Longer than Excel allows in a cell: cut, and said so.
    const long = String(rowWhere(svar, 'Kommunenummer', '3048')['Spørsmål 3: Samarbeid og ressurser']);
    expect(LONG_TEXT.length).toBeGreaterThan(EXCEL_CELL_LIMIT);
    expect(long).toHaveLength(EXCEL_CELL_LIMIT);
    expect(long.startsWith('Politiråd. langt svar')).toBe(true);
    expect(long).toMatch(/\(forkortet: .*\)$/);
  });

  it('writes numbers as numbers and dates as real dates shown dd.mm.åååå', () => {
    const sheet = workbook.getWorksheet('Svar')!;
    const population = sheet.getRow(2).getCell(5);
    expect(population.type).toBe(ExcelJS.ValueType.Number);
    const received = sheet.getRow(2).getCell(6);
    expect(received.type).toBe(ExcelJS.ValueType.Date);
    expect(received.numFmt).toBe('dd.mm.yyyy');
    const coded = workbook.getWorksheet('Koding')!.getRow(2).getCell(9);
    expect(coded.type).toBe(ExcelJS.ValueType.Date);
    expect(coded.numFmt).toBe('dd.mm.yyyy');
    // The municipality number keeps its leading zero: text.
    expect(sheet.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
    // Long text wraps.
    expect(sheet.getRow(2).getCell(8).alignment?.wrapText).toBe(true);
  });

  it('no cell is a formula: a response that starts with "=" is a plain string', async () => {
    const cells = everyCell(workbook);
    expect(cells.length).toBeGreaterThan(1000);
    // No formula, and no rich-text or hyperlink object either: every value is a string, a number or a date —
    // except the Koding sheet's quotes, where the coded words are bold in their sentence (rich text of plain runs).
    const richQuote = (c: ExcelJS.Cell) => c.worksheet.name === 'Koding' && c.address.replace(/\d+/, '') === 'F' && c.type === ExcelJS.ValueType.RichText;
    const notPlain = (c: ExcelJS.Cell) =>
      !richQuote(c) && (c.type === ExcelJS.ValueType.Formula || c.type === ExcelJS.ValueType.SharedString || (typeof c.value === 'object' && !(c.value instanceof Date)));
    expect(cells.filter(notPlain).map((c) => `${c.worksheet.name}!${c.address}`)).toEqual([]);
    const hyperlinks = cells.filter((c) => c.value === HYPERLINK);
    expect(hyperlinks.map((c) => `${c.worksheet.name}!${c.address}`)).toEqual(['Svar!I6', 'Koding!F8', 'Koding!G8']);
    for (const c of hyperlinks) expect(c.type).toBe(ExcelJS.ValueType.String);
    // And in the file itself: no formula element anywhere.
    for (const [name, xml] of await unzipPartsOf(result.path)) {
      if (name.startsWith('xl/worksheets/')) expect(xml.toString('utf8'), name).not.toMatch(/<f[ >]/);
    }
  });

  it('Variabler: one column per variable, option labels, several choices joined with "; "', () => {
    const variables = table('Variabler');
    expect(variables.header).toEqual([
      ...RESPONDENT,
      'Tilfreds med bemanning, tjenestestedstruktur og tjenestetilbud',
      'Ønskede kanaler til politiet',
      'Ønsker nytt tjenestested',
      'Tilbyr lokaler',
      'Hva kommunen tilbyr (lokaler, samlokalisering)',
    ]);
    expect(column(variables, 'Kommune / innsender')).toEqual(EXPORT_ORDER);
    expect(Object.values(rowWhere(variables, 'Kommunenummer', '1804')).slice(4)).toEqual(['Delvis', 'Via telefon; Via internett', null, null, 'Lokaler i rådhuset']);
    expect(rowWhere(variables, 'Kommunenummer', '0301')['Tilfreds med bemanning, tjenestestedstruktur og tjenestetilbud']).toBe('Nei');
    // Lesja's "nei" was set on the superseded response.
    expect(Object.values(rowWhere(variables, 'Kommunenummer', '3432')).slice(4)).toEqual([null, null, null, null, null]);
    expect(rowWhere(variables, 'Kommune / innsender', 'Politiets Fellesforbund')['Ønsker nytt tjenestested']).toBe('Ja');
  });

  it('Koding: one row per coding on a current response, with code path, quote, coder and date', () => {
    const koding = table('Koding');
    expect(koding.header).toEqual(['Kommunenummer', 'Kommune / innsender', 'Politidistrikt', 'Spørsmål', 'Kode', 'Sitat', 'Kodet tekst', 'Koder', 'Dato', 'Til notat']);
    const inDb = sql('SELECT count(*) AS n FROM coding k JOIN answer a ON a.id = k.answer_id JOIN response r ON r.id = a.response_id WHERE r.is_current = 1');
    expect(inDb).toBe(CURRENT_CODINGS);
    expect(koding.rows).toHaveLength(inDb);
    expect(sql('SELECT count(*) AS n FROM coding')).toBe(CURRENT_CODINGS + 1);
    expect(koding.rows.map((r) => [r[1], r[3], r[4], r[6]])).toEqual([
      ['Oslo', 1, 'Utfordringer > Rus', 'Rus blant unge'],
      ['Oslo', 1, 'Utfordringer > Vold', 'Vold i nære relasjoner'],
      ['Lesja', 1, 'Utfordringer > Vold', 'Vold i nære relasjoner er vår største bekymring.'],
      ['Nord-Odal', 1, 'Utfordringer', 'Mange utfordringer for kommunen.'],
      ['Bodø', 1, 'Utfordringer > Rus', 'Rus blant unge'],
      ['Bodø', 1, 'Avstand', 'lange avstander'],
      ['Bodø', 2, 'Utfordringer', HYPERLINK],
      ['Kåfjord', 2, 'Avstand', 'Avstanden til politiet er for lang.'],
      ['Politiets Fellesforbund', 1, 'Utfordringer > Rus', 'Rus'],
    ]);
    // A coding shorter than its sentence is quoted with the sentence, the coded words in bold; whole sentences stay plain text.
    const bodo = koding.rows.find((r) => r[1] === 'Bodø' && r[6] === 'lange avstander')![5] as ExcelJS.CellRichTextValue;
    expect(bodo.richText.map((r) => r.text).join('')).toMatch(/^\S.*lange avstander.*[.!?]$/);
    expect(bodo.richText.filter((r) => r.font?.bold).map((r) => r.text)).toEqual(['lange avstander']);
    expect(koding.rows.find((r) => r[1] === 'Kåfjord')![5]).toBe('Avstanden til politiet er for lang.');
    expect(new Set(column(koding, 'Koder'))).toEqual(new Set(['Test Saksbehandler']));
    // The test clock starts 01.01.2026 08:00 UTC.
    expect(new Set(column(koding, 'Dato').map((d) => (d as Date).toISOString()))).toEqual(new Set([utc(2026, 1, 1).toISOString()]));
    expect(column(koding, 'Til notat')).toEqual([null, null, null, null, null, null, null, 'ja', null]);
    expect(column(koding, 'Kommunenummer').at(-1)).toBeNull();
    expect(column(koding, 'Politidistrikt').slice(0, 3)).toEqual(['Oslo', 'Oslo', 'Innlandet']);
  });

  it('Kodematrise: 1 where the respondent has a coding of the code or one below it', () => {
    const matrix = table('Kodematrise');
    expect(matrix.header).toEqual(['Kommunenummer', 'Kommune / innsender', 'Politidistrikt', ...CODE_HEADERS]);
    expect(matrix.rows.map((r) => [r[1], ...r.slice(3)])).toEqual([
      ['Oslo', 1, 1, 1, 0],
      ['Lesja', 1, 0, 1, 0], // the superseded response's Rus does not count
      ['Nord-Odal', 1, 0, 0, 0],
      ['Øvre Eiker', 0, 0, 0, 0],
      ['Bodø', 1, 1, 0, 1],
      ['Kåfjord', 0, 0, 0, 1],
      ['Politiets Fellesforbund', 1, 1, 0, 0],
    ]);
    // Summed per police district it is the next sheet.
    const districts = table('Per politidistrikt');
    for (const header of CODE_HEADERS) {
      for (const name of ['Oslo', 'Innlandet', 'Nordland', 'Troms']) {
        const sum = matrix.rows.filter((r) => r[2] === name).reduce((n, r) => n + Number(r[matrix.header.indexOf(header)]), 0);
        expect(rowWhere(districts, 'Politidistrikt', name)[header], `${name} ${header}`).toBe(sum);
      }
    }
  });

  it('Per politidistrikt: the analysis screen’s matrix, cell for cell', async () => {
    const districts = table('Per politidistrikt');
    expect(districts.header).toEqual(['Politidistrikt', 'Kommuner i registeret', 'Har svart', 'Har ikke svart', 'Med koding', ...CODE_HEADERS]);
    const matrix = await p.api.analysis.matrix({ groupBy: 'policeDistrict' });
    expect(districts.rows).toHaveLength(matrix.groups.length + 2);
    for (const g of matrix.groups) {
      const row = rowWhere(districts, 'Politidistrikt', g.name);
      expect(Object.values(row).slice(1, 5), g.name).toEqual([g.municipalities, g.responded, g.nonRespondents, g.coded]);
      for (const r of matrix.rows) expect(row[r.path.join(' > ')], `${g.name} ${r.name}`).toBe(r.withDescendants.byGroup[g.key]);
      expect(row['Kommuner i registeret']).toBe(DISTRICT_COUNTS[g.name]);
    }
    expect(Object.values(rowWhere(districts, 'Politidistrikt', 'Innlandet')).slice(1)).toEqual([47, 2, 45, 2, 2, 0, 1, 0]);
    expect(Object.values(rowWhere(districts, 'Politidistrikt', 'Hele landet')).slice(1)).toEqual([MUNICIPALITY_COUNT, RESPONDED, MUNICIPALITY_COUNT - RESPONDED, 5, 4, 2, 2, 2]);
    expect(Object.values(rowWhere(districts, 'Politidistrikt', 'Andre innsendere')).slice(1)).toEqual([null, 1, null, 1, 1, 1, 0, 0]);
  });

  it('Funn: every finding with its municipalities per relation, as the finding’s view counts them', async () => {
    const funn = table('Funn');
    expect(funn.header).toEqual(['Rapport', 'Rapporttittel', 'Funn', 'Referanse', 'Tema', 'Støtter', 'Motsier', 'Nyanserer', 'Nytt forhold']);
    const findings = await p.api.findings.list({});
    expect(funn.rows).toHaveLength(findings.length);
    for (const f of findings) {
      const view = await p.api.findings.view({ id: f.id });
      const row = rowWhere(funn, 'Funn', f.statement);
      expect([row['Støtter'], row['Motsier'], row['Nyanserer'], row['Nytt forhold']], f.statement).toEqual([view.byRelation.stotter, view.byRelation.motsier, view.byRelation.nyanserer, view.byRelation.nytt_forhold]);
    }
    // Oslo and Bodø support it, Kåfjord contradicts, the union nuances; Lesja's superseded link is not counted.
    expect(rowWhere(funn, 'Funn', 'Innbyggerne savner politiet lokalt.')).toEqual({
      Rapport: 'Testrapport 2024:1',
      Rapporttittel: 'En tenkt evaluering',
      Funn: 'Innbyggerne savner politiet lokalt.',
      Referanse: 'kap. 3',
      Tema: 'tilstedeværelse',
      Støtter: 2,
      Motsier: 1,
      Nyanserer: 1,
      'Nytt forhold': 0,
    });
  });

  it('Ikke svart: the register’s municipalities without a current response', async () => {
    const missing = table('Ikke svart');
    expect(missing.header).toEqual(['Kommunenummer', 'Kommune', 'Fylke', 'Politidistrikt', 'Innbyggere']);
    expect(missing.rows).toHaveLength(MUNICIPALITY_COUNT - RESPONDED);
    const register = await p.api.registry.unanswered();
    expect(new Set(column(missing, 'Kommunenummer'))).toEqual(new Set(register.municipalities.map((m) => m.number)));
    for (const number of ['0301', '1804', '3432', '5426', '3048', '3414']) expect(column(missing, 'Kommunenummer')).not.toContain(number);
    expect(rowWhere(missing, 'Kommunenummer', '3024')).toEqual({ Kommunenummer: '3024', Kommune: 'Bærum', Fylke: 'Viken', Politidistrikt: 'Oslo', Innbyggere: 128_982 });
    // By police district in the register's order, then by name the Norwegian way (æ, ø, å last).
    expect(column(missing, 'Politidistrikt').slice(0, 3)).toEqual(['Oslo', 'Oslo', 'Øst']);
    const inDistrict = (name: string) => column(missing, 'Kommune').filter((_, i) => missing.rows[i][3] === name);
    expect(inDistrict('Trøndelag').slice(-2)).toEqual(['Ørland', 'Åfjord']);
    expect(inDistrict('Innlandet').slice(-5)).toEqual(['Østre Toten', 'Øyer', 'Øystre Slidre', 'Åmot', 'Åsnes']);
  });

  it('is deterministic: the same data gives the same sheets, and with the same clock the same bytes', async () => {
    const a = await p.api.export.workbook({ options: {}, target: 'a.xlsx' });
    const b = await p.api.export.workbook({ options: {}, target: 'b.xlsx' });
    const [ea, eb] = [await unzipPartsOf(a.path), await unzipPartsOf(b.path)];
    expect([...ea.keys()]).toEqual([...eb.keys()]);
    expect([...ea.keys()].filter((n) => n.startsWith('xl/worksheets/'))).toHaveLength(7);
    for (const [name, data] of ea) {
      if (name === 'docProps/core.xml') continue; // created/modified: the clock
      expect(data.equals(eb.get(name)!), name).toBe(true);
    }
    const now = new Date('2026-03-01T10:00:00Z');
    const store = p.core.session.requireStore();
    const files = ['c.xlsx', 'd.xlsx'].map((n) => path.join(p.dir, n));
    for (const f of files) await writeWorkbook(store, {}, { path: f, now });
    const [c, d] = files.map((f) => readFileSync(f));
    expect(c.equals(d)).toBe(true);
    expect((await unzipParts(c)).get('docProps/core.xml')!.toString()).toContain('2026-03-01T10:00:00Z');
    // Every zip entry carries the workbook's date, not the time it was written.
    const dates = await zipDates(c);
    expect(dates.size).toBeGreaterThan(10);
    for (const [name, date] of dates) expect(date.getTime(), name).toBe(now.getTime());
  });

  it('limits answer columns and codings to questions, and rows to police districts', async () => {
    const filtered = await p.api.export.workbook({ options: { questionIds: [p.questions[0]], policeDistrictCodes: ['p03', 'p10'] }, target: 'filtrert.xlsx' });
    const wb = await readWorkbook(filtered.path);
    const svar = sheetTable(wb.getWorksheet('Svar')!);
    expect(svar.header).toEqual([...RESPONDENT, 'Innbyggere', 'Mottatt', 'Status', QUESTION_HEADERS[0]]);
    expect(column(svar, 'Kommune / innsender')).toEqual(['Lesja', 'Nord-Odal', 'Bodø']);
    expect(column(sheetTable(wb.getWorksheet('Variabler')!), 'Kommune / innsender')).toEqual(['Lesja', 'Nord-Odal', 'Bodø']);
    const koding = sheetTable(wb.getWorksheet('Koding')!);
    expect(koding.rows.map((r) => [r[1], r[3], r[4]])).toEqual([
      ['Lesja', 1, 'Utfordringer > Vold'],
      ['Nord-Odal', 1, 'Utfordringer'],
      ['Bodø', 1, 'Utfordringer > Rus'],
      ['Bodø', 1, 'Avstand'],
    ]);
    expect(sheetTable(wb.getWorksheet('Kodematrise')!).rows.map((r) => [r[1], ...r.slice(3)])).toEqual([
      ['Lesja', 1, 0, 1, 0],
      ['Nord-Odal', 1, 0, 0, 0],
      ['Bodø', 1, 1, 0, 1],
    ]);
    // Per district: the matrix of question 1, for these two districts only.
    const districts = sheetTable(wb.getWorksheet('Per politidistrikt')!);
    const matrix = await p.api.analysis.matrix({ groupBy: 'policeDistrict', questionId: p.questions[0] });
    expect(column(districts, 'Politidistrikt')).toEqual(['Innlandet', 'Nordland']);
    for (const key of ['p03', 'p10']) {
      const g = matrix.groups.find((x) => x.key === key)!;
      const row = rowWhere(districts, 'Politidistrikt', g.name);
      expect(Object.values(row).slice(1), g.name).toEqual([g.municipalities, g.responded, g.nonRespondents, g.coded, ...matrix.rows.map((r) => r.withDescendants.byGroup[key])]);
    }
    expect(Object.values(rowWhere(districts, 'Politidistrikt', 'Nordland')).slice(1)).toEqual([DISTRICT_COUNTS['Nordland'], 1, DISTRICT_COUNTS['Nordland'] - 1, 1, 1, 1, 0, 1]);
    // Funn: only links from these districts (Bodø's support).
    expect(rowWhere(sheetTable(wb.getWorksheet('Funn')!), 'Funn', 'Innbyggerne savner politiet lokalt.')).toMatchObject({ Støtter: 1, Motsier: 0, Nyanserer: 0 });
    const missing = sheetTable(wb.getWorksheet('Ikke svart')!);
    expect(missing.rows).toHaveLength(DISTRICT_COUNTS['Innlandet'] + DISTRICT_COUNTS['Nordland'] - 3);
    expect(new Set(column(missing, 'Politidistrikt'))).toEqual(new Set(['Innlandet', 'Nordland']));
    expect(filtered.counts).toMatchObject({ responses: 3, codings: 4, districts: 2, unanswered: DISTRICT_COUNTS['Innlandet'] + DISTRICT_COUNTS['Nordland'] - 3 });
  });

  it('refuses a wrong extension, unknown questions and districts, and needs an open project', async () => {
    await expectApiError(p.api.export.workbook({ options: {}, target: 'arbeidsbok.docx' }), 'INVALID_INPUT');
    await expectApiError(p.api.export.workbook({ options: { questionIds: ['finnes-ikke'] } }), 'NOT_FOUND');
    await expectApiError(p.api.export.workbook({ options: { policeDistrictCodes: ['p99'] } }), 'NOT_FOUND');
    await expectApiError(p.api.export.workbook({ options: { policeDistrictCodes: ['03'] } }), 'INVALID_INPUT');
    const t = tempDir('innspill-export-empty-');
    const core = testCore(t.dir);
    try {
      await expectApiError(testApi(core).export.workbook({ options: {} }), 'NO_PROJECT');
    } finally {
      await core.dispose();
      t.cleanup();
    }
  });

  it('leaves no file behind when writing fails half-way, and keeps the file it would have replaced', async () => {
    const target = path.join(exportFolder(p), 'feil.xlsx');
    writeFileSync(target, 'the previous export');
    const stop = p.core.session.subscribe((event, payload) => {
      if (event === 'progress' && (payload as { message?: string }).message === 'Koding') throw new Error('disk full');
    });
    try {
      const error = await apiError(p.api.export.workbook({ options: {}, target: 'feil.xlsx' }));
      expect(error).toEqual({ code: 'INTERNAL', message: 'disk full' });
    } finally {
      stop();
    }
    expect(readFileSync(target, 'utf8')).toBe('the previous export');
    expect(readdirSync(exportFolder(p)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(p.core.session.exported.has(target)).toBe(false);
    expect(existsSync(target)).toBe(true);
  });
});
