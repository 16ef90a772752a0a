// The Svar and Koding tables as CSV (export.csv) on the export test project
// (test/helpers/export-fixture.ts): bytes as Norwegian Excel wants them
// (BOM, ";", CRLF, every field quoted), cells that would start a formula
// neutralised, quotes and line breaks that survive a round trip through a
// CSV parser, the same columns and rows as the workbook's sheets, and the
// errors.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../../../src-shared/export';
import { apiError, expectApiError, testApi } from '../../../helpers/api';
import { tempDir, testCore } from '../../../helpers/core';
import { CURRENT_CODINGS, EXPORT_ORDER, exportFolder, exportProject, HYPERLINK, KAFJORD_Q4, LONG_TEXT, type ExportProject } from '../../../helpers/export-fixture';
import { readWorkbook, sheetTable, type SheetTable } from '../../../helpers/workbook';

let p: ExportProject;
let svar: ExportResult;
let koding: ExportResult;
let sheets: { svar: SheetTable; koding: SheetTable };
const progress: { task: string; done: number; total: number; message?: string }[] = [];
let csvProgress: typeof progress = [];

interface Csv {
  bytes: Buffer;
  text: string;
  header: string[];
  rows: Record<string, string>[];
}

function readCsv(file: string): Csv {
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';', newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  return { bytes, text, header, rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

beforeAll(async () => {
  p = await exportProject();
  p.api.on('progress', (e) => void progress.push(e));
  svar = await p.api.export.csv({ table: 'svar' });
  koding = await p.api.export.csv({ table: 'koding' });
  csvProgress = [...progress];
  const workbook = await readWorkbook((await p.api.export.workbook({ options: {} })).path);
  sheets = { svar: sheetTable(workbook.getWorksheet('Svar')!), koding: sheetTable(workbook.getWorksheet('Koding')!) };
}, 60_000);
afterAll(() => p.cleanup());

describe('export.csv', () => {
  it('writes each table into the export folder under its default name', () => {
    expect(path.dirname(svar.path)).toBe(exportFolder(p));
    expect(svar.fileName).toMatch(/ - svar \d{4}-\d{2}-\d{2}\.csv$/);
    expect(koding.fileName).toMatch(/ - koding \d{4}-\d{2}-\d{2}\.csv$/);
    expect(svar.counts).toEqual({ responses: EXPORT_ORDER.length });
    expect(koding.counts).toEqual({ codings: CURRENT_CODINGS });
    expect(svar.sizeBytes).toBe(readFileSync(svar.path).length);
    expect(p.core.session.exported.has(svar.path) && p.core.session.exported.has(koding.path)).toBe(true);
    expect(csvProgress.filter((e) => e.task === 'export' && e.message === 'Svar').at(-1)).toMatchObject({ done: EXPORT_ORDER.length, total: EXPORT_ORDER.length });
    expect(csvProgress.filter((e) => e.task === 'export' && e.message === 'Koding').at(-1)).toMatchObject({ done: CURRENT_CODINGS, total: CURRENT_CODINGS });
  });

  it('is UTF-8 with a BOM, ";"-separated, CRLF, every field quoted', () => {
    const { bytes, text } = readCsv(svar.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const headerLine = text.slice(1, text.indexOf('\r\n'));
    expect(headerLine.startsWith('"Kommunenummer";"Kommune / innsender";"Fylke";"Politidistrikt";"Innbyggere";"Mottatt";"Status";"Spørsmål 1: Utfordringer"')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    // Outside quoted fields every line ends with CRLF (a line break inside an answer stays as it was).
    const outside = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(outside.match(/\r\n/g)).toHaveLength(EXPORT_ORDER.length + 1);
    expect(outside.replace(/\r\n/g, '')).toMatch(/^\uFEFF;*$/);
    // Norwegian letters as UTF-8.
    expect(bytes.includes(Buffer.from('Kåfjord', 'utf8'))).toBe(true);
  });

  it('Svar: the workbook sheet’s columns and rows, text as received and formulas neutralised', () => {
    const csv = readCsv(svar.path);
    expect(csv.header).toEqual(sheets.svar.header);
    expect(csv.rows.map((r) => r['Kommune / innsender'])).toEqual(EXPORT_ORDER);
    const by = (name: string) => csv.rows.find((r) => r['Kommune / innsender'] === name)!;
    expect(by('Oslo')).toMatchObject({
      Kommunenummer: '0301',
      Fylke: 'Oslo',
      Politidistrikt: 'Oslo',
      Innbyggere: '699827',
      Mottatt: '30.05.2022',
      Status: 'Ikke startet',
      'Spørsmål 1: Utfordringer': 'Rus blant unge er den største utfordringen. Vold i nære relasjoner øker.\n\nVi ønsker faste kontordager.',
      'Ufordelt tekst': 'Ekstra merknad om økonomi.',
    });
    expect(by('Bodø')['Spørsmål 2: Tilfredshet']).toBe(`'${HYPERLINK}`);
    expect(by('Bodø')['Spørsmål 4: Tilgjengelighet']).toBe("'+47 er nummeret vårt.");
    expect(by('Kåfjord')['Spørsmål 5: Nytt tjenestested']).toBe("'-Ikke besvart.");
    expect(by('Nord-Odal')['Spørsmål 5: Nytt tjenestested']).toBe("'@kommunen svarer nei.");
    // Quotes, a line break and ";" come back exactly.
    expect(by('Kåfjord')['Spørsmål 4: Tilgjengelighet']).toBe(KAFJORD_Q4);
    // CSV has no cell limit: nothing is cut.
    expect(by('Øvre Eiker')['Spørsmål 3: Samarbeid og ressurser']).toBe(LONG_TEXT.trim());
    expect(by('Politiets Fellesforbund')).toMatchObject({ Kommunenummer: '', Fylke: '', Innbyggere: '', Mottatt: '30.05.2022' });
    expect(by('Lesja')).toMatchObject({ Mottatt: '15.06.2022', 'Spørsmål 1: Utfordringer': 'Vold i nære relasjoner er vår største bekymring.' });
  });

  it('Koding: the workbook sheet’s columns and rows, cell for cell', () => {
    const csv = readCsv(koding.path);
    expect(csv.header).toEqual(sheets.koding.header);
    expect(csv.rows).toHaveLength(CURRENT_CODINGS);
    const asText = (v: ExcelJS.CellValue) => {
      if (v === null) return '';
      // The quote's rich text (coded words in bold) is plain text in CSV.
      if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
      if (v instanceof Date) return `${String(v.getUTCDate()).padStart(2, '0')}.${String(v.getUTCMonth() + 1).padStart(2, '0')}.${v.getUTCFullYear()}`;
      return /^[=+\-@]/.test(String(v)) ? `'${String(v)}` : String(v);
    };
    expect(csv.rows.map((r) => csv.header.map((h) => r[h]))).toEqual(sheets.koding.rows.map((r) => r.map(asText)));
    expect(csv.rows[6]).toMatchObject({ 'Kommune / innsender': 'Bodø', Spørsmål: '2', Kode: 'Utfordringer', Sitat: `'${HYPERLINK}`, Koder: 'Test Saksbehandler', Dato: '01.01.2026' });
    expect(csv.rows.map((r) => r['Til notat'])).toEqual(['', '', '', '', '', '', '', 'ja', '']);
  });

  it('refuses a wrong extension or table, and needs an open project', async () => {
    await expectApiError(p.api.export.csv({ table: 'svar', target: 'svar.xlsx' }), 'INVALID_INPUT');
    await expectApiError(p.api.export.csv({ table: 'koder' as 'svar' }), 'INVALID_INPUT');
    const t = tempDir('innspill-export-empty-');
    const core = testCore(t.dir);
    try {
      await expectApiError(testApi(core).export.csv({ table: 'koding' }), 'NO_PROJECT');
    } finally {
      await core.dispose();
      t.cleanup();
    }
  });

  it('leaves no file behind when writing fails half-way', async () => {
    const stop = p.core.session.subscribe((event, payload) => {
      if (event === 'progress' && (payload as { message?: string }).message === 'Svar') throw new Error('disk full');
    });
    try {
      expect(await apiError(p.api.export.csv({ table: 'svar', target: 'avbrutt.csv' }))).toEqual({ code: 'INTERNAL', message: 'disk full' });
    } finally {
      stop();
    }
    expect(readdirSync(exportFolder(p)).filter((n) => n === 'avbrutt.csv' || n.endsWith('.tmp'))).toEqual([]);
  });
});
