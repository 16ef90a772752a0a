// `innspill export` as a user runs it: docx, xlsx and csv written where --out
// says (relative to the current directory, not the export folder), read back
// as real ZIP/Excel/CSV files, the --json shape, the one-line summary, and
// bad arguments refused with exit code 2 and one line on stderr.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSize, summaryLine } from '../../../../src-main/cli/commands/export';
import { EXPORT_FOLDER } from '../../../../src-main/core/export/files';
import { runBin, runCli } from '../../../helpers/cli';
import { tempDir, testCore } from '../../../helpers/core';
import { testApi } from '../../../helpers/api';
import { toCsv } from '../../../helpers/import-fixtures';
import { SEARCH_HEADER, SEARCH_ROWS } from '../../../helpers/search';
import { docxHeadings, docxParagraphs, zipEntries, zipText } from '../../../helpers/zip-entries';

const PROJECT = 'høring.innspill';
let dir: string;
let cleanup: () => void;

const cli = (args: string[]) => runCli(dir, args);

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('innspill-export-cli-'));
  expect((await cli(['init', PROJECT])).code).toBe(0);
  writeFileSync(path.join(dir, 'svar.csv'), toCsv([SEARCH_HEADER, ...SEARCH_ROWS], { delimiter: ';' }));
  expect((await cli(['import', PROJECT, 'svar.csv'])).code).toBe(0);
  // Two codings, so the Koding table has rows.
  const core = testCore(dir);
  try {
    const api = testApi(core);
    await api.project.open({ path: path.join(dir, PROJECT) });
    const code = await api.codebook.create({ name: 'Beredskap' });
    const responses = await api.responses.list({});
    for (const r of responses.slice(0, 2)) {
      const detail = await api.responses.get({ id: r.id });
      await api.codings.create({ answerId: detail.answers.find((a) => a.text.length > 0)!.id, codeId: code.id });
    }
  } finally {
    await core.dispose();
  }
});
afterAll(() => cleanup());

const JSON_KEYS = ['counts', 'durationMs', 'fileName', 'path', 'sizeBytes'];

describe('innspill export csv', () => {
  it('writes the Svar table where --out says, with --json printing the ExportResult (the real bin script)', () => {
    mkdirSync(path.join(dir, 'ut'), { recursive: true });
    const result = runBin(dir, ['export', 'csv', PROJECT, '--table', 'svar', '--out', 'ut/svar-tabell.csv', '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(JSON_KEYS);
    const file = path.join(dir, 'ut', 'svar-tabell.csv');
    expect(json).toMatchObject({ path: file, fileName: 'svar-tabell.csv', sizeBytes: readFileSync(file).length, counts: { responses: 6 } });
    expect(json.durationMs).toEqual(expect.any(Number));

    const text = readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows).toHaveLength(1 + 6);
    expect(rows[0]).toContain('Kommunenummer');
    expect(rows.slice(1).map((r) => r[1]).sort()).toEqual(['Bodø', 'Hamar', 'Oslo', 'Politiets Fellesforbund', 'Tromsø', 'Utsira']);
    // Nothing went to the export folder.
    expect(existsSync(path.join(dir, EXPORT_FOLDER))).toBe(false);
  });

  it('writes the Koding table and prints one summary line', async () => {
    const r = await cli(['export', 'csv', PROJECT, '--table', 'koding', '--out', 'koding.csv']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote koding\.csv \(\d+ B, 2 codings\)\n$/);
    const rows = Papa.parse<string[]>(readFileSync(path.join(dir, 'koding.csv'), 'utf8').slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows).toHaveLength(1 + 2);
  });
});

describe('innspill export xlsx', () => {
  it('writes a valid workbook with its sheets', async () => {
    const r = await cli(['export', 'xlsx', PROJECT, '--out', 'bok.xlsx']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote bok\.xlsx \(\d+ kB, 6 responses\)\n$/);
    const file = path.join(dir, 'bok.xlsx');
    const names = (await zipEntries(readFileSync(file))).map((e) => e.name);
    expect(names).toContain('xl/workbook.xml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheets = book.worksheets.map((w) => w.name);
    expect(sheets).toEqual(expect.arrayContaining(['Svar', 'Koding']));
    expect(book.getWorksheet('Svar')!.actualRowCount).toBe(1 + 6);
  });

  it('narrows to the questions and police districts asked for', async () => {
    const r = await cli(['export', 'xlsx', PROJECT, '--out', 'oslo.xlsx', '--questions', '1', '--districts', '01', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).counts).toMatchObject({ responses: 1 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, 'oslo.xlsx'));
    const svar = book.getWorksheet('Svar')!;
    const header = (svar.getRow(1).values as unknown[]).filter((v) => typeof v === 'string') as string[];
    expect(header.filter((h) => h.startsWith('Spørsmål'))).toEqual([expect.stringMatching(/^Spørsmål 1\b/)]);
    expect(svar.actualRowCount).toBe(2);
    expect((svar.getRow(2).values as unknown[]).includes('Oslo')).toBe(true);
  });
});

describe('innspill export docx', () => {
  it('writes the memo with the heading given on the command line, and the appendix only with --appendix', async () => {
    const args = ['--to', 'Statsråden', '--from', 'Politiavdelingen', '--date', '2026-11-27', '--case-number', '22/535-99', '--subject', 'Innspill fra kommunene'];
    const r = await cli(['export', 'docx', PROJECT, '--out', 'notat.docx', ...args, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(JSON_KEYS);
    expect(json.path).toBe(path.join(dir, 'notat.docx'));
    const text = docxParagraphs(await zipText(path.join(dir, 'notat.docx'), 'word/document.xml')).join('\n');
    for (const s of ['Statsråden', 'Politiavdelingen', '27.11.2026', '22/535-99', 'Innspill fra kommunene']) expect(text).toContain(s);

    const withAppendix = await cli(['export', 'docx', PROJECT, '--out', 'notat-vedlegg.docx', '--appendix']);
    expect(withAppendix.err).toBe('');
    expect(withAppendix.out).toMatch(/^Wrote notat-vedlegg\.docx \(\d+ kB, 5 municipalities, 1 other respondent\)\n$/);
    const appendixText = docxParagraphs(await zipText(path.join(dir, 'notat-vedlegg.docx'), 'word/document.xml')).join('\n');
    expect(appendixText.length).toBeGreaterThan(text.length);
    expect(docxHeadings(await zipText(path.join(dir, 'notat-vedlegg.docx'), 'word/document.xml'), 1)).toContain('Vedlegg: alle svar');
    expect(docxHeadings(await zipText(path.join(dir, 'notat.docx'), 'word/document.xml'), 1)).not.toContain('Vedlegg: alle svar');
  });
  it('narrows the memo to the questions and police districts asked for', async () => {
    const r = await cli(['export', 'docx', PROJECT, '--out', 'notat-oslo.docx', '--questions', '2,1', '--districts', '01', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).counts).toMatchObject({ municipalitiesAnswered: 1, questions: 2 });
    const headings = docxHeadings(await zipText(path.join(dir, 'notat-oslo.docx'), 'word/document.xml'), 1);
    expect(headings.filter((h) => h.startsWith('Spørsmål'))).toEqual(['Spørsmål 1: Utfordringer', 'Spørsmål 2: Tilfredshet']);
  });
});

describe('innspill export: bad arguments', () => {
  const cases: [string, string[], RegExp][] = [
    ['no kind', ['export'], /missing what to export/],
    ['an unknown kind', ['export', 'pdf', PROJECT, '--out', 'x.pdf'], /unknown export "pdf"/],
    ['no --out', ['export', 'xlsx', PROJECT], /--out is required/],
    ['the wrong extension', ['export', 'docx', PROJECT, '--out', 'notat.xlsx'], /--out must name a \.docx file/],
    ['no --table', ['export', 'csv', PROJECT, '--out', 'x.csv'], /--table must be svar or koding/],
    ['an unknown table', ['export', 'csv', PROJECT, '--table', 'funn', '--out', 'x.csv'], /--table must be svar or koding/],
    ['an option of another kind', ['export', 'xlsx', PROJECT, '--out', 'x.xlsx', '--appendix'], /Unknown option '--appendix'.*Usage: innspill export xlsx/],
    ['a question the project lacks', ['export', 'xlsx', PROJECT, '--out', 'x.xlsx', '--questions', '1,9'], /no question 9 \(the project has questions 1–5\)/],
    ['an unknown police district', ['export', 'docx', PROJECT, '--out', 'x.docx', '--districts', '01,13'], /no police district 13 \(the codes are 01–12\)/],
    ['an impossible date', ['export', 'docx', PROJECT, '--out', 'x.docx', '--date', '2026-02-30'], /--date must be a date like 2026-11-27/],
    ['an empty list', ['export', 'xlsx', PROJECT, '--out', 'x.xlsx', '--districts', ','], /--districts needs a comma-separated list/],
    ['two project files', ['export', 'xlsx', PROJECT, 'other.innspill', '--out', 'x.xlsx'], /wrong number of arguments/],
  ];
  it.each(cases)('refuses %s with exit code 2 and one line', async (_name, args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^innspill export: .*\n$/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
    expect(existsSync(path.join(dir, 'x.xlsx')) || existsSync(path.join(dir, 'x.docx')) || existsSync(path.join(dir, 'x.csv'))).toBe(false);
  });

  it('fails with exit code 1 on a missing project or a folder that does not exist', async () => {
    const missing = await cli(['export', 'csv', 'nope.innspill', '--table', 'svar', '--out', 'x.csv']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^innspill export: File not found: .*nope\.innspill\n$/);
    const noFolder = await cli(['export', 'csv', PROJECT, '--table', 'svar', '--out', 'finnes-ikke/x.csv']);
    expect(noFolder.code).toBe(1);
    expect(noFolder.err).toMatch(/^innspill export: Mappen finnes ikke: .*finnes-ikke \/ The folder does not exist: .*finnes-ikke\n$/);
  });
});

describe('the summary line', () => {
  it('names the size and the main count', () => {
    expect(formatSize(900)).toBe('900 B');
    expect(formatSize(125_952)).toBe('123 kB');
    expect(formatSize(3 * 1024 * 1024 + 200_000)).toBe('3.2 MB');
    const result = { path: '/x/memo.docx', fileName: 'memo.docx', sizeBytes: 125_952, durationMs: 10 };
    expect(summaryLine('memo.docx', { ...result, counts: { responses: 356, codings: 12 } })).toBe('Wrote memo.docx (123 kB, 356 responses)');
    expect(summaryLine('memo.docx', { ...result, counts: { responses: 1 } })).toBe('Wrote memo.docx (123 kB, 1 response)');
    expect(summaryLine('k.csv', { ...result, counts: { codings: 0 } })).toBe('Wrote k.csv (123 kB, 0 codings)');
    expect(summaryLine('memo.docx', { ...result, counts: { municipalitiesAnswered: 5, otherRespondents: 1, quotes: 9 } })).toBe('Wrote memo.docx (123 kB, 5 municipalities, 1 other respondent)');
    expect(summaryLine('memo.docx', { ...result, counts: { municipalitiesAnswered: 356, otherRespondents: 0 } })).toBe('Wrote memo.docx (123 kB, 356 municipalities)');
    expect(summaryLine('memo.docx', { ...result, counts: {} })).toBe('Wrote memo.docx (123 kB)');
  });
});
