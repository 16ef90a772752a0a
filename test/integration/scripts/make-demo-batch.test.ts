// The synthetic demo batch in resources/demo/, made by
// scripts/make-demo-batch.ts: the committed files are there, each says it is
// synthetic, the formats are what the brief promises (Windows-1252 CSV with
// ";", a real XLSX with dates, a safe ZIP), the batch covers most but not all
// municipalities, the importer reads all of it, and the script reproduces the
// committed bytes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import mammoth from 'mammoth';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSource } from '../../../src-main/core/import/formats/read';
import { importLimits } from '../../../src-main/core/input/limits';
import { MunicipalityMatcher } from '../../../src-main/core/import/match';
import { letterRecord, tableRecords } from '../../../src-main/core/import/records';
import { repoRoot, tempDir } from '../../helpers/core';
import { shippedLetter, shippedRegister } from '../../helpers/reference';
import { zipEntries } from '../../helpers/zip-entries';

const demoDir = path.join(repoRoot, 'resources', 'demo');
const FILES = ['eksempel-skjema-eksport.csv', 'eksempel-arkivliste.xlsx', 'eksempel-api.json', 'eksempel-brev.zip', 'README.md'];
const LABEL = 'SYNTETISKE EKSEMPELDATA';
const LETTER_LABEL = 'SYNTETISKE EKSEMPELDATA – ikke et ekte høringssvar';
const CSV_HEADER = ['Kommunenr.', 'Kommune', 'Mottatt', 'Spørsmål 1', 'Spørsmål 2', 'Spørsmål 3', 'Spørsmål 4', 'Spørsmål 5'];

const read = (name: string) => readFileSync(path.join(demoDir, name));

async function letterText(name: string, data: Buffer): Promise<string> {
  if (name.endsWith('.docx')) return (await mammoth.extractRawText({ buffer: data })).value.replace(/\n\n/g, '\n');
  if (name.endsWith('.pdf')) {
    const { extractText, getDocumentProxy } = await import('unpdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(data)), { mergePages: true });
    return text;
  }
  return data.toString('utf8');
}

interface Batch {
  csvText: string;
  csvRows: string[][];
  sheet: ExcelJS.Worksheet;
  workbook: ExcelJS.Workbook;
  json: { kilde: string; svar: { kommunenummer: string; kommune: string; mottatt: string; svar: Record<string, string> }[] };
  letters: { name: string; data: Buffer; text: string }[];
}

let batch: Batch;
const matcher = new MunicipalityMatcher(shippedRegister().municipalities.map((m) => ({ ...m, number2024: m.number2024 ?? null })));

beforeAll(async () => {
  const csvText = iconv.decode(read('eksempel-skjema-eksport.csv'), 'win1252');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(read('eksempel-arkivliste.xlsx') as unknown as ArrayBuffer);
  const entries = await zipEntries(read('eksempel-brev.zip'));
  batch = {
    csvText,
    csvRows: Papa.parse<string[]>(csvText, { delimiter: ';', skipEmptyLines: true }).data,
    workbook,
    sheet: workbook.getWorksheet('Svar')!,
    json: JSON.parse(read('eksempel-api.json').toString('utf8')),
    letters: await Promise.all(entries.map(async (e) => ({ ...e, text: await letterText(e.name, e.data) }))),
  };
}, 60_000);

describe('the demo batch (resources/demo)', () => {
  it('has every file, under 2 MB in all', () => {
    for (const f of FILES) expect(existsSync(path.join(demoDir, f)), f).toBe(true);
    const total = FILES.reduce((n, f) => n + statSync(path.join(demoDir, f)).size, 0);
    expect(total).toBeLessThan(2 * 1024 * 1024);
  });

  it('labels every file as synthetic', () => {
    expect(batch.csvText.split('\r\n')[0]).toMatch(/^SYNTETISKE EKSEMPELDATA/);
    expect(String(batch.sheet.getCell('A2').value)).toContain(LABEL);
    expect(batch.json.kilde).toBe(LABEL);
    expect(read('README.md').toString('utf8')).toContain(LABEL);
    expect(batch.letters.length).toBeGreaterThan(0);
    for (const l of batch.letters) expect(l.text.trimStart().split(/\r?\n/)[0].trim(), l.name).toBe(LETTER_LABEL);
  });

  it('writes the CSV in Windows-1252 (not UTF-8), ";"-separated, with CRLF and quoted line breaks', () => {
    const bytes = read('eksempel-skjema-eksport.csv');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(bytes.includes(0xf8)).toBe(true); // ø in Windows-1252
    expect(Papa.parse(batch.csvText, { delimitersToGuess: [';', ',', '\t'] }).meta.delimiter).toBe(';');
    expect(batch.csvText).not.toMatch(/(?<!\r)\n|\r(?!\n)/);
    expect(batch.csvText.endsWith('\r\n')).toBe(true);
    const [, header, ...rows] = batch.csvRows;
    expect(header).toEqual(CSV_HEADER);
    expect(rows.length).toBeGreaterThanOrEqual(130);
    for (const r of rows) expect(r).toHaveLength(CSV_HEADER.length);
    expect(rows.some((r) => r.slice(3).some((a) => /\r?\n/.test(a)))).toBe(true);
    // The traps: Oslo without its leading zero, two unnumbered Herøys, a resubmission, a non-municipality.
    expect(rows.filter((r) => r[0] === '301')).toHaveLength(1);
    expect(rows.filter((r) => r[0] === '' && r[1] === 'Herøy kommune')).toHaveLength(2);
    const numbers = rows.map((r) => r[0]).filter(Boolean);
    expect(new Set(numbers).size).toBeLessThan(numbers.length);
    expect(rows.some((r) => r[0] === '' && matcher.match(r[1]).status === 'unmatched')).toBe(true);
    // Dates dd.mm.åååå between 01.04.2022 and 15.06.2022, some after the deadline.
    const iso = rows.map((r) => r[2].split('.').reverse().join('-'));
    for (const r of rows) expect(r[2]).toMatch(/^\d{2}\.\d{2}\.2022$/);
    expect(iso.every((d) => d >= '2022-04-01' && d <= '2022-06-15')).toBe(true);
    expect(iso.some((d) => d > '2022-06-01')).toBe(true);
  });

  it('writes the XLSX sheet «Svar» with title rows, the questions as headers and real dates', () => {
    const questions = shippedLetter().questions.map((q) => q.text);
    expect(String(batch.sheet.getCell('A1').value)).toContain('22/535');
    const header = (batch.sheet.getRow(3).values as ExcelJS.CellValue[]).slice(1);
    expect(header).toEqual(['Kommunenummer', 'Innsender', 'Dato mottatt', ...questions]);
    expect(batch.sheet.rowCount - 3).toBeGreaterThanOrEqual(70);
    for (let r = 4; r <= batch.sheet.rowCount; r++) {
      const cell = batch.sheet.getCell(r, 3);
      expect(cell.value, `row ${r}`).toBeInstanceOf(Date);
      expect(cell.numFmt).toBe('dd.mm.yyyy');
    }
    const names = batch.sheet.getColumn(2).values.filter(Boolean).map(String);
    expect(names).toContain('Guovdageaidnu suohkan');
  });

  it('writes the JSON as { kilde, svar: [...] } with five answers per entry', () => {
    expect(batch.json.svar.length).toBeGreaterThanOrEqual(35);
    for (const e of batch.json.svar) {
      expect(e.kommunenummer).toMatch(/^\d{4}$/);
      expect(e.mottatt).toMatch(/^2022-\d{2}-\d{2}$/);
      expect(Object.keys(e.svar)).toEqual(['1', '2', '3', '4', '5']);
    }
  });

  it('zips letters of each kind, with no entry that climbs out', () => {
    expect(batch.letters.length).toBeGreaterThanOrEqual(35);
    for (const { name, data } of batch.letters) {
      expect(name.split(/[\\/]/)).not.toContain('..');
      expect(name).not.toMatch(/^([\\/]|[A-Za-z]:)/);
      expect(name).not.toContain('\\');
      if (name.endsWith('.docx')) expect(data.subarray(0, 2).toString('latin1')).toBe('PK');
      if (name.endsWith('.pdf')) expect(data.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    const kinds = new Set(batch.letters.map((l) => path.extname(l.name)));
    expect([...kinds].sort()).toEqual(['.docx', '.pdf', '.txt']);
  });

  it('covers at least 250 municipalities and leaves some 50 out', () => {
    const covered = new Set<string>();
    const add = (name: string | null, number?: string | number | null) => {
      const m = matcher.match(name, number);
      if (m.status === 'matched') covered.add(m.number);
    };
    for (const r of batch.csvRows.slice(2)) add(r[1], r[0]);
    for (let r = 4; r <= batch.sheet.rowCount; r++) {
      const n = batch.sheet.getCell(r, 1).value;
      add(String(batch.sheet.getCell(r, 2).value ?? ''), typeof n === 'number' || typeof n === 'string' ? n : null);
    }
    for (const e of batch.json.svar) add(e.kommune, e.kommunenummer);
    for (const l of batch.letters) {
      // The number in the file name, else the letterhead: the first line naming a "… kommune".
      const number = /(?:^|\D)(\d{4})(?:\D|$)/.exec(l.name)?.[1] ?? null;
      const letterhead = l.text.split(/\r?\n/).find((line) => /\S\s+kommune\s*$/.test(line)) ?? null;
      add(letterhead, number);
    }
    expect(covered.size).toBeGreaterThanOrEqual(250);
    expect(covered.size).toBeLessThanOrEqual(320);
  });

  it('imports cleanly: every table row is read, and only the prose letters need splitting', async () => {
    const questions = shippedLetter().questions.map((q) => ({ ordinal: q.ordinal, shortLabel: q.shortLabel, text: q.text }));
    for (const name of ['eksempel-skjema-eksport.csv', 'eksempel-arkivliste.xlsx', 'eksempel-api.json']) {
      const parsed = await readSource(name, read(name), importLimits);
      if (parsed.kind !== 'table') throw new Error(`${name} read as a letter`);
      const set = await tableRecords(parsed, questions, importLimits);
      expect(set.records.length, name).toBeGreaterThanOrEqual(35);
      expect(set.records.every((r) => r.receivedDate !== null), name).toBe(true);
      expect(set.warnings.map((w) => w.code), name).toEqual([]);
    }
    let needsSplitting = 0;
    for (const l of batch.letters) {
      const parsed = await readSource(l.name, l.data, importLimits);
      if (parsed.kind !== 'letter') throw new Error(`${l.name} read as a table`);
      const [record] = letterRecord(l.name, parsed, questions, matcher, importLimits).records;
      expect(record.receivedDate, l.name).not.toBeNull();
      if (record.needsSplitting) needsSplitting++;
      else expect(record.answers.map((a) => a.question).filter((q) => q !== null), l.name).toEqual([1, 2, 3, 4, 5]);
    }
    expect(needsSplitting).toBeGreaterThanOrEqual(2);
    expect(needsSplitting).toBeLessThanOrEqual(3);
  }, 60_000);

  it('is reproduced byte for byte by scripts/make-demo-batch.ts', () => {
    const tmp = tempDir('innspill-demo-');
    try {
      const tsx = createRequire(__filename).resolve('tsx/cli');
      const run = spawnSync(process.execPath, [tsx, path.join(repoRoot, 'scripts', 'make-demo-batch.ts'), '--out', tmp.dir], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.status, run.stderr).toBe(0);
      for (const f of FILES) expect(readFileSync(path.join(tmp.dir, f)).equals(read(f)), `${f} differs; run npx tsx scripts/make-demo-batch.ts`).toBe(true);
    } finally {
      tmp.cleanup();
    }
  }, 120_000);
});
