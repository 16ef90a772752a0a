// The evaluation findings register through the API and the real project
// file: the DFØ starter register, CRUD with confirmation, links with
// relations on answers and coded spans, the finding view's evidence and
// counts (superseded responses stay visible but are not counted), undo, and
// the CSV/XLSX round trip.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../../src-shared/client';
import type { Core } from '../../../../src-main/core';
import { expectApiError, testApi } from '../../../helpers/api';
import { resourcesDir, tempDir, testCore } from '../../../helpers/core';
import { writeFiles } from '../../../helpers/import-fixtures';

let dir: string;
let cleanup: () => void;
let core: Core;
let api: ApiClient;

const CSV = [
  'Kommunenr.;Kommune;Mottatt;Spørsmål 1;Spørsmål 2',
  '1848;Steigen;20.05.2022;Lange avstander gir lang responstid.;Nei, lensmannskontoret ble lagt ned.',
  '5444;Sør-Varanger;21.05.2022;Grensekriminalitet.;Delvis.',
  '0301;Oslo;22.05.2022;Ungdomskriminalitet.;Ja.',
].join('\r\n');

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  core = testCore(dir);
  api = testApi(core);
  await api.project.create({ path: 'funn.innspill' });
  const [file] = writeFiles(dir, { 'svar.csv': CSV });
  await api.import.run({ paths: [file] });
});
afterEach(async () => {
  await core.dispose();
  cleanup();
});

async function answerOf(municipality: string, question: number) {
  const list = await api.responses.list({ query: municipality });
  const detail = await api.responses.get({ id: list[0].id });
  const answer = detail.answers.find((a) => a.questionOrdinal === question);
  if (!answer) throw new Error(`no answer to ${question} from ${municipality}`);
  return { response: detail, answer };
}

async function finding(fragment: string) {
  const found = (await api.findings.list({ query: fragment }))[0];
  if (!found) throw new Error(`no finding with "${fragment}"`);
  return found;
}

describe('the starter register', () => {
  it('holds DFØ’s reports and findings with their sources; inferred reports stay unverified', async () => {
    const shipped = JSON.parse(readFileSync(path.join(resourcesDir, 'data', 'dfo-reports.json'), 'utf8')) as {
      id: string;
      verified_title: boolean;
      findings?: string[];
    }[];
    const reports = await api.findings.reports();
    expect(reports.map((r) => r.key).sort()).toEqual(shipped.map((r) => r.id).sort());
    for (const r of shipped) {
      const report = reports.find((x) => x.key === r.id)!;
      expect(report.verified, r.id).toBe(r.verified_title);
      expect(report.findingCount, r.id).toBe(r.findings?.length ?? 0);
    }
    expect(reports.find((r) => r.key === 'DFØ-rapport 2022:6')).toMatchObject({ published: '2022-12-19', verified: true, url: expect.stringMatching(/^https:\/\/dfo\.no\//) });
    expect(reports.find((r) => r.key === 'Difi-rapport 2017:2')).toMatchObject({ verified: false, notes: expect.stringContaining('utledet') });
    const findings = await api.findings.list({});
    expect(findings).toHaveLength(24);
    expect((await api.stats.get()).findings).toBe(24);
  });

  it('is empty for a blank consultation', async () => {
    await api.project.create({ path: 'blank.innspill', template: 'blank' });
    expect(await api.findings.reports()).toEqual([]);
    expect((await api.stats.get()).findings).toBe(0);
  });
});

describe('register CRUD', () => {
  it('creates, edits and searches reports and findings', async () => {
    const report = await api.findings.saveReport({ key: 'NOU 2023:1', title: 'En tenkt utredning', publisher: 'JD', published: '2023-01-15' });
    const created = await api.findings.save({ reportId: report.id, statement: 'Kommunene ønsker faste kontordager.', reference: 'kap. 4.2', theme: 'tilgjengelighet' });
    expect(created).toMatchObject({ reportKey: 'NOU 2023:1', verified: false, counts: { stotter: 0, motsier: 0, nyanserer: 0, nytt_forhold: 0 } });
    await api.findings.save({ id: created.id, reportId: report.id, statement: 'Kommunene ønsker faste kontordager i rådhuset.', verified: true });
    expect(await api.findings.list({ query: 'rådhuset' })).toMatchObject([{ id: created.id, verified: true, reference: null }]);
    expect(await api.findings.list({ reportId: report.id })).toHaveLength(1);
    await expectApiError(api.findings.saveReport({ key: 'NOU 2023:1', title: 'x', publisher: 'y' }), 'INVALID_INPUT');
  });

  it('asks for confirmation before deleting a finding or report with links, then removes the links', async () => {
    const f = await finding('politikontaktene');
    const { answer } = await answerOf('Steigen', 1);
    await api.findings.link({ findingId: f.id, answerId: answer.id, relation: 'stotter' });
    const message = await expectApiError(api.findings.delete({ id: f.id }), 'CONFLICT');
    expect(message).toMatch(/1 links/);
    expect((await api.stats.get()).findingLinks).toBe(1);
    expect(await api.findings.delete({ id: f.id, confirm: true })).toEqual({ links: 1 });
    expect((await api.stats.get()).findingLinks).toBe(0);

    const report = (await api.findings.reports()).find((r) => r.key === 'DFØ-rapport 2022:6')!;
    const inReport = (await api.findings.list({ reportId: report.id }))[0];
    await api.findings.link({ findingId: inReport.id, answerId: answer.id, relation: 'motsier' });
    await expectApiError(api.findings.deleteReport({ id: report.id }), 'CONFLICT');
    const removed = await api.findings.deleteReport({ id: report.id, confirm: true });
    expect(removed).toEqual({ findings: report.findingCount, links: 1 });
    expect((await api.findings.reports()).some((r) => r.id === report.id)).toBe(false);
  });
});

describe('links and the finding view', () => {
  it('links answers and coded spans with a relation and comment, listed on both sides', async () => {
    const f = await finding('tilstedeværelse og synlighet lokalt');
    const steigen = await answerOf('Steigen', 2);
    const oslo = await answerOf('Oslo', 2);
    await api.codebook.adoptStarter();
    const code = (await api.codebook.list()).find((c) => c.name === 'Nedlagt eller sammenslått tjenestested')!;
    const coding = await api.codings.create({ answerId: steigen.answer.id, codeId: code.id, start: 5, end: 36 });
    expect(coding.quote).toBe('lensmannskontoret ble lagt ned.'.slice(0, 31));

    const onSpan = await api.findings.link({ findingId: f.id, codingId: coding.id, relation: 'stotter', comment: 'Bekrefter funnet.' });
    expect(onSpan).toMatchObject({ answerId: steigen.answer.id, codingId: coding.id, relation: 'stotter' });
    await api.findings.link({ findingId: f.id, answerId: oslo.answer.id, relation: 'motsier' });
    // Linking the same span again changes the relation instead of duplicating.
    await api.findings.link({ findingId: f.id, codingId: coding.id, relation: 'nyanserer' });
    expect((await api.stats.get()).findingLinks).toBe(2);

    const fromAnswer = await api.findings.forResponse({ responseId: steigen.response.id });
    expect(fromAnswer).toMatchObject([{ findingId: f.id, codingId: coding.id, relation: 'nyanserer', comment: null, statement: f.statement }]);

    const view = await api.findings.view({ id: f.id });
    expect(view.byRelation).toEqual({ stotter: 0, motsier: 1, nyanserer: 1, nytt_forhold: 0 });
    expect(view.evidence.map((e) => [e.municipality?.name, e.relation, e.quote])).toEqual([
      ['Oslo', 'motsier', 'Ja.'],
      ['Steigen', 'nyanserer', coding.quote],
    ]);
    expect(view.evidence[1].municipality).toMatchObject({ number: '1848', countyName: 'Nordland', policeDistrictName: 'Nordland', population: expect.any(Number) });
    expect(view.byPoliceDistrict).toEqual([
      { code: 'p01', name: 'Oslo', counts: { stotter: 0, motsier: 1, nyanserer: 0, nytt_forhold: 0 } },
      { code: 'p10', name: 'Nordland', counts: { stotter: 0, motsier: 0, nyanserer: 1, nytt_forhold: 0 } },
    ]);
    expect((await api.findings.list({ query: 'synlighet lokalt' }))[0].counts).toEqual(view.byRelation);
  });

  it('keeps a link to a superseded response visible as such, but does not count it', async () => {
    const f = await finding('politikontaktene');
    const old = await answerOf('Steigen', 1);
    await api.findings.link({ findingId: f.id, answerId: old.answer.id, relation: 'stotter' });
    const [newer] = writeFiles(dir, { 'ny.csv': 'Kommunenr.;Kommune;Mottatt;Spørsmål 1\r\n1848;Steigen;30.05.2022;Nytt svar.' });
    await api.import.run({ paths: [newer] });

    const view = await api.findings.view({ id: f.id });
    expect(view.evidence).toMatchObject([{ responseId: old.response.id, superseded: true, quote: 'Lange avstander gir lang responstid.' }]);
    expect(view.byRelation.stotter).toBe(0);
    expect(view.byPoliceDistrict).toEqual([]);
  });

  it('keeps the link on the answer when its coding is deleted, and undo brings both back', async () => {
    const f = await finding('politikontaktene');
    const { answer } = await answerOf('Sør-Varanger', 1);
    await api.codebook.adoptStarter();
    const code = (await api.codebook.list()).find((c) => c.name === 'Ungdomskriminalitet og rus')!;
    const coding = await api.codings.create({ answerId: answer.id, codeId: code.id });
    await api.findings.link({ findingId: f.id, codingId: coding.id, relation: 'nytt_forhold' });
    await api.codings.delete({ id: coding.id });
    let view = await api.findings.view({ id: f.id });
    expect(view.evidence).toMatchObject([{ codingId: null, quote: 'Grensekriminalitet.', relation: 'nytt_forhold' }]);

    await api.history.undo();
    view = await api.findings.view({ id: f.id });
    expect(view.evidence).toMatchObject([{ codingId: coding.id }]);
    await api.history.undo(); // the link itself
    expect((await api.findings.view({ id: f.id })).evidence).toEqual([]);
    await api.history.redo();
    expect((await api.findings.view({ id: f.id })).evidence).toHaveLength(1);
  });

  it('refuses a coding from another answer and unknown findings', async () => {
    const f = await finding('politikontaktene');
    const a = await answerOf('Steigen', 1);
    const b = await answerOf('Oslo', 1);
    await api.codebook.adoptStarter();
    const code = (await api.codebook.list()).find((c) => c.name === 'Ungdomskriminalitet og rus')!;
    const coding = await api.codings.create({ answerId: b.answer.id, codeId: code.id });
    await expectApiError(api.findings.link({ findingId: f.id, answerId: a.answer.id, codingId: coding.id, relation: 'stotter' }), 'INVALID_INPUT');
    await expectApiError(api.findings.link({ findingId: '00000000-0000-7000-8000-999999999999', answerId: a.answer.id, relation: 'stotter' }), 'NOT_FOUND');
    await expectApiError(api.findings.link({ findingId: f.id, relation: 'stotter' } as never), 'INVALID_INPUT');
  });

  it('records links in the audit trail', async () => {
    const f = await finding('politikontaktene');
    const { answer } = await answerOf('Steigen', 1);
    const link = await api.findings.link({ findingId: f.id, answerId: answer.id, relation: 'stotter', comment: 'ja' });
    const trail = await api.history.entity({ entityType: 'finding_link', entityId: link.id });
    expect(trail).toMatchObject([{ action: 'finding.link', actor: 'Test Saksbehandler', before: null, after: { relation: 'stotter', comment: 'ja' } }]);
  });
});

describe('import and export of the register', () => {
  async function download(format: 'csv' | 'xlsx') {
    const file = await api.findings.export({ format });
    return Buffer.from(file.base64, 'base64');
  }

  it('exports CSV for Norwegian Excel and round-trips it into another project', async () => {
    const report = await api.findings.saveReport({ key: 'Test 1', title: 'Rapport med =formel', publisher: 'JD' });
    await api.findings.save({ reportId: report.id, statement: '=SUM(A1) er ikke en formel', theme: 'test' });
    const csv = await download('csv');
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = csv.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFF"rapport_id";"rapport_tittel";"utgiver";"publisert";"url";"rapport_verifisert";"funn_id";"funn";"referanse";"tema";"funn_verifisert"');
    expect(text).toContain(`"'=SUM(A1) er ikke en formel"`);

    await api.project.create({ path: 'blank.innspill', template: 'blank' });
    const result = await api.findings.import({ fileName: 'funnregister.csv', base64: csv.toString('base64') });
    expect(result).toEqual({ reports: 9, findings: 25 });
    const findings = await api.findings.list({});
    expect(findings.find((f) => f.theme === 'test')?.statement).toBe('=SUM(A1) er ikke en formel');
    // Importing the same file again adds nothing.
    expect(await api.findings.import({ fileName: 'funnregister.csv', base64: csv.toString('base64') })).toEqual({ reports: 0, findings: 0 });
    const reports = await api.findings.reports();
    expect(reports.find((r) => r.key === 'Difi-rapport 2017:2')?.verified).toBe(false);
    expect(reports.find((r) => r.key === 'DFØ-rapport 2022:6')?.verified).toBe(true);
  });

  it('exports an XLSX with a header row and every finding, and reads it back', async () => {
    const xlsx = await download('xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Funn')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'rapport_id', 'rapport_tittel', 'utgiver', 'publisert', 'url', 'rapport_verifisert', 'funn_id', 'funn', 'referanse', 'tema', 'funn_verifisert']);
    // 24 findings, plus one row each for the 3 reports without findings.
    expect(sheet.rowCount).toBe(1 + 24 + 3);
    await api.project.create({ path: 'blank2.innspill', template: 'blank' });
    expect(await api.findings.import({ fileName: 'funn.xlsx', base64: xlsx.toString('base64') })).toEqual({ reports: 8, findings: 24 });
    expect((await api.findings.reports()).map((r) => r.findingCount).reduce((a, b) => a + b, 0)).toBe(24);
  });

  it('rejects a file without the register columns, changing nothing', async () => {
    const before = await api.findings.list({});
    const bad = Buffer.from('navn;tekst\r\nx;y', 'utf8').toString('base64');
    const message = await expectApiError(api.findings.import({ fileName: 'x.csv', base64: bad }), 'INVALID_INPUT');
    expect(message).toMatch(/rapport_id/);
    expect(await api.findings.list({})).toEqual(before);
  });
});
