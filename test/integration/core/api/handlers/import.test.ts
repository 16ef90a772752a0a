// The import and response API as the UI uses it: staging uploaded bytes,
// mapping presets, batch reports, resolving who a respondent is, showing a
// response as it stood in its file, correcting a letter's split, and who has
// not answered yet. Real project files in a temp folder; nothing is mocked.
import { existsSync, readFileSync, readdirSync, mkdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../src-main/core';
import type { Store } from '../../../../../src-main/core/store/open';
import type { ApiClient } from '../../../../../src-shared/client';
import type { ResponseDetail, ResponseSummary } from '../../../../../src-shared/domain';
import type { ImportReport } from '../../../../../src-shared/imports';
import { expectApiError, testApi } from '../../../../helpers/api';
import { tempDir, testCore } from '../../../../helpers/core';
import { authored } from '../../../../helpers/fixtures';
import { docxFile, toCsv, writeFiles, xlsxFile } from '../../../../helpers/import-fixtures';

let dir: string;
let cleanup: () => void;
let core: Core;
let api: ApiClient;
let inbox: string;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  core = testCore(dir);
  api = testApi(core);
  await api.project.create({ path: 'api.innspill', template: 'brev-kommunene-2022' });
  inbox = path.join(dir, 'innboks');
});
afterEach(async () => {
  await core.dispose();
  cleanup();
});

const store = (): Store => core.session.requireStore();
const stagingDir = () => path.join(dir, 'config', 'staging');
const base64 = (content: string | Buffer) => Buffer.from(content).toString('base64');
const importFiles = (files: Record<string, Buffer | string>): Promise<ImportReport> => api.import.run({ paths: writeFiles(inbox, files) });
async function current(who: string | ((r: ResponseSummary) => boolean)): Promise<ResponseDetail> {
  const test = typeof who === 'string' ? (r: ResponseSummary) => r.municipality?.number === who || r.respondentName === who : who;
  const found = (await api.responses.list({})).filter(test);
  expect(found, `one current response for ${String(who)}`).toHaveLength(1);
  return api.responses.get({ id: found[0].id });
}
const events = (action: string) =>
  store().db.selectFrom('event').selectAll().where('action', '=', action).orderBy('seq').execute();
const questionId = async (ordinal: number) =>
  (await store().db.selectFrom('question').select('id').where('ordinal', '=', ordinal).executeTakeFirstOrThrow()).id;

// ---------------------------------------------------------------- staging

describe('import.stage', () => {
  const csv = toCsv([['Kommune', 'Spørsmål 1'], ['Bodø', 'Ja']]);

  it('writes uploaded bytes under the config folder\'s staging area, with unsafe names made safe', async () => {
    const { paths } = await api.import.stage({
      files: [
        { name: 'svar.csv', base64: base64(csv) },
        { name: '../../../etc/innbrudd.csv', base64: base64(csv) },
        { name: 'C:\\Users\\saksbehandler\\mappe\\brev.txt', base64: base64('Bodø kommune\nTekst.') },
        { name: 'runde 2/./nord/../tromsø.csv', base64: base64(csv) },
        { name: 'rart<navn>?.csv', base64: base64(csv) },
      ],
    });
    expect(paths).toHaveLength(5);
    const root = stagingDir();
    for (const p of paths) {
      expect(path.relative(root, p).startsWith('..')).toBe(false);
      expect(existsSync(p)).toBe(true);
    }
    const stage = path.dirname(paths[0]);
    expect(paths.map((p) => path.relative(stage, p).split(path.sep).join('/'))).toEqual([
      'svar.csv',
      'etc/innbrudd.csv',
      'Users/saksbehandler/mappe/brev.txt',
      'runde 2/nord/tromsø.csv',
      'rart_navn__.csv',
    ]);
    expect(readFileSync(paths[0], 'utf8')).toBe(csv);
    expect(existsSync(path.join(dir, 'etc'))).toBe(false);
    expect(existsSync(path.join(dir, 'config', 'etc'))).toBe(false);
  });

  it('shows staged files in reports by their own relative names, not the staging path', async () => {
    const { paths } = await api.import.stage({
      files: [
        { name: 'runde1/bodø.csv', base64: base64(csv) },
        { name: 'tromsø.csv', base64: base64(toCsv([['Kommune', 'Q1'], ['Tromsø', 'Nei']])) },
      ],
    });
    const preview = await api.import.preview({ paths });
    expect(preview.files.map((f) => f.path)).toEqual(['runde1/bodø.csv', 'tromsø.csv']);
    const report = await api.import.run({ paths });
    expect(report.files.map((f) => [f.path, f.status])).toEqual([
      ['runde1/bodø.csv', 'imported'],
      ['tromsø.csv', 'imported'],
    ]);
    const bodo = await current('1804');
    expect(bodo.provenance.fileName).toBe('runde1/bodø.csv');
    const stored = await store().db.selectFrom('source_file').select('name').execute();
    expect(stored.map((s) => s.name).sort()).toEqual(['runde1/bodø.csv', 'tromsø.csv']);
    for (const s of stored) expect(s.name).not.toContain('staging');
  });

  it('sweeps stages older than a day, keeping recent ones', async () => {
    // The test clock starts at 2026-01-01 08:00.
    const old = path.join(stagingDir(), 'gammel');
    const recent = path.join(stagingDir(), 'fersk');
    mkdirSync(old, { recursive: true });
    mkdirSync(recent, { recursive: true });
    utimesSync(old, new Date('2025-12-30T08:00:00Z'), new Date('2025-12-30T08:00:00Z'));
    utimesSync(recent, new Date('2026-01-01T07:00:00Z'), new Date('2026-01-01T07:00:00Z'));
    await api.import.stage({ files: [{ name: 'svar.csv', base64: base64(csv) }] });
    const left = readdirSync(stagingDir());
    expect(left).not.toContain('gammel');
    expect(left).toContain('fersk');
    expect(left).toHaveLength(2);
  });

  it('refuses a name with nothing usable in it', async () => {
    await expectApiError(api.import.stage({ files: [{ name: '../..', base64: base64(csv) }] }), 'INVALID_INPUT');
    await expectApiError(api.import.stage({ files: [] }), 'INVALID_INPUT');
  });
});

// ---------------------------------------------------------------- presets and batches

describe('mapping presets', () => {
  const odd = toCsv([['Avsender', 'Felt A', 'Felt B'], ['Bodø', 'Rus.', 'Nei.']]);

  it('saves, lists and updates a preset by name, with an audit trail', async () => {
    expect(await api.import.presets()).toEqual([]);
    const saved = await api.import.savePreset({ name: 'Skjemaeksport', preset: { columns: { 'Felt A': 'question:1', 'Felt B': 'question:2' } } });
    expect(saved).toMatchObject({ name: 'Skjemaeksport', preset: { version: 1, name: 'Skjemaeksport', columns: { 'Felt A': 'question:1', 'Felt B': 'question:2' } } });
    const updated = await api.import.savePreset({ name: 'Skjemaeksport', preset: { headerRow: 1, columns: { 'Felt A': 'question:3' } } });
    expect(updated.id).toBe(saved.id);
    expect(await api.import.presets()).toEqual([updated]);
    expect(updated.preset).toEqual({ version: 1, name: 'Skjemaeksport', headerRow: 1, columns: { 'Felt A': 'question:3' } });
    const trail = await events('mapping_preset.save');
    expect(trail).toHaveLength(2);
    expect(JSON.parse(trail[1].before!)).toMatchObject({ columns: { 'Felt A': 'question:1' } });
    expect(JSON.parse(trail[1].after!)).toMatchObject({ columns: { 'Felt A': 'question:3' } });
  });

  it('refuses a preset naming an unknown field', async () => {
    await expectApiError(api.import.savePreset({ name: 'Feil', preset: { columns: { A: 'spørsmål 1' } } }), 'INVALID_INPUT');
  });

  it('maps columns the automatic mapping cannot, in preview and import', async () => {
    const paths = writeFiles(inbox, { 'skjema.csv': odd });
    const without = await api.import.preview({ paths });
    expect(without.files[0]).toMatchObject({ status: 'rejected', error: { code: 'NO_HEADER' } });

    const { preset } = await api.import.savePreset({ name: 'Skjema', preset: { columns: { 'Felt A': 'question:1', 'Felt B': 'question:2' } } });
    const preview = await api.import.preview({ paths, preset });
    expect(preview.files[0].mappings![0].mapping.columns.map((c) => [c.header, c.field, c.confidence])).toEqual([
      ['Avsender', 'respondent', 0.95],
      ['Felt A', 'question:1', 1],
      ['Felt B', 'question:2', 1],
    ]);
    const report = await api.import.run({ paths, preset, label: 'Skjemaeksport juni' });
    expect(report.files[0]).toMatchObject({ status: 'imported', responses: 1 });
    expect((await current('1804')).answers.map((a) => [a.questionOrdinal, a.text])).toEqual([
      [1, 'Rus.'],
      [2, 'Nei.'],
    ]);
  });
});

describe('import.batches', () => {
  it('keeps each run\'s report, label, time and author, newest first', async () => {
    const first = await importFiles({ 'a.csv': toCsv([['Kommune', 'Q1'], ['Bodø', 'Ja']]), 'b.csv': '' });
    const second = await api.import.run({ paths: writeFiles(inbox, { 'c.csv': toCsv([['Kommune', 'Q1'], ['Hamar', 'Ja']]) }), label: 'Andre runde' });
    const unchanged = await api.import.run({ paths: [path.join(inbox, 'c.csv')] });
    expect(unchanged.batchId).toBeNull();

    const batches = await api.import.batches();
    expect(batches.map((b) => [b.id, b.label])).toEqual([
      [second.batchId, 'Andre runde'],
      [first.batchId, expect.stringMatching(/^Import 01\.01\.2026 \d\d:\d\d$/)],
    ]);
    expect(batches[1].report).toEqual(first);
    expect(batches[1].report.files.map((f) => f.status)).toEqual(['imported', 'rejected']);
    expect(batches[0]).toMatchObject({ createdBy: 'Test Saksbehandler', report: second });
  });
});

// ---------------------------------------------------------------- respondents

describe('respondents.resolve', () => {
  it('settles an ambiguous respondent as the municipality chosen', async () => {
    await importFiles({ 'heroy.csv': toCsv([['Kommune', 'Q1'], ['Herøy kommune', 'Ja']]) });
    const [heroy] = await api.respondents.list({ status: 'ambiguous' });
    expect(heroy.candidates.map((c) => c.number)).toEqual(['1515', '1818']);

    const resolved = await api.respondents.resolve({ respondentId: heroy.id, municipalityNumber: '1515' });
    expect(resolved).toMatchObject({ id: heroy.id, status: 'matched', name: 'Herøy kommune', municipality: { number: '1515', countyName: 'Møre og Romsdal' }, candidates: [], responses: 1 });
    expect(await api.respondents.list({ status: 'ambiguous' })).toEqual([]);
    expect((await current('1515')).matchStatus).toBe('matched');
    const [event] = await events('respondent.resolve');
    expect(JSON.parse(event.before!)).toMatchObject({ status: 'ambiguous', municipality: null });
    expect(JSON.parse(event.after!)).toMatchObject({ status: 'matched', municipality: '1515', mergedInto: null });
    expect(await api.stats.get()).toMatchObject({ respondents: { matched: 1, unmatched: 0, ambiguous: 0 } });
  });

  it('merges into the respondent that municipality already has: the responses become versions and the newest is current', async () => {
    await importFiles({ 'runde1.csv': toCsv([['Kommune', 'Mottatt', 'Q1'], ['Herøy kommune (Nordland)', '30.05.2022', 'Første svar.']]) });
    const original = await current('1818');
    await importFiles({ 'runde2.csv': toCsv([['Kommune', 'Mottatt', 'Q1'], ['Herøy', '10.06.2022', 'Nytt svar.']]) });
    const [ambiguous] = await api.respondents.list({ status: 'ambiguous' });
    // Until resolved, both count as current.
    expect((await api.responses.list({})).length).toBe(2);

    const resolved = await api.respondents.resolve({ respondentId: ambiguous.id, municipalityNumber: '1818' });
    expect(resolved).toMatchObject({ id: original.respondentId, responses: 2, municipality: { number: '1818' } });
    expect((await api.respondents.list({})).map((r) => r.id)).toEqual([original.respondentId]);

    const now = await current('1818');
    expect(now.answers.map((a) => a.text)).toEqual(['Nytt svar.']);
    expect(now.versions.map((v) => [v.receivedDate, v.isCurrent])).toEqual([
      ['2022-06-10', true],
      ['2022-05-30', false],
    ]);
    expect(resolved.currentResponseId).toBe(now.id);
    expect(await api.stats.get()).toMatchObject({ responses: { current: 1, superseded: 1 }, respondents: { matched: 1, unmatched: 0, ambiguous: 0 } });
    const [event] = await events('respondent.resolve');
    expect(JSON.parse(event.after!)).toMatchObject({ mergedInto: original.respondentId });
  });

  it('recomputes current when the merged response is the older one', async () => {
    await importFiles({ 'a.csv': toCsv([['Kommune', 'Mottatt', 'Q1'], ['Våler i Hedmark', '10.06.2022', 'Nyere.']]) });
    await importFiles({ 'b.csv': toCsv([['Kommune', 'Mottatt', 'Q1'], ['Våler', '30.05.2022', 'Eldre.']]) });
    const [ambiguous] = await api.respondents.list({ status: 'ambiguous' });
    await api.respondents.resolve({ respondentId: ambiguous.id, municipalityNumber: '3419' });
    expect((await current('3419')).answers.map((a) => a.text)).toEqual(['Nyere.']);
  });

  it('can mark a respondent as another organisation, and refuses unknown ids and municipalities', async () => {
    await importFiles({ 'v.csv': toCsv([['Kommune', 'Q1'], ['Våler', 'Ja']]) });
    const [valer] = await api.respondents.list({ status: 'ambiguous' });
    await expectApiError(api.respondents.resolve({ respondentId: valer.id, municipalityNumber: '9999' }), 'NOT_FOUND');
    await expectApiError(api.respondents.resolve({ respondentId: 'finnes-ikke', municipalityNumber: '3419' }), 'NOT_FOUND');
    await expectApiError(api.respondents.resolve({ respondentId: valer.id, municipalityNumber: '419' }), 'INVALID_INPUT');
    const other = await api.respondents.resolve({ respondentId: valer.id, municipalityNumber: null });
    expect(other).toMatchObject({ status: 'unmatched', municipality: null, candidates: [] });
  });
});

// ---------------------------------------------------------------- originals

describe('responses.original', () => {
  it('shows a CSV row\'s cells under their headers', async () => {
    await importFiles({ 'svar.csv': toCsv([['Kommune', 'Mottatt', 'Spørsmål 1', 'Kommentar'], ['Bodø', '30.05.2022', 'Rus.\nOg vold.', 'intern'], ['Hamar', '31.05.2022', 'Trafikk.', '']]) });
    const hamar = await current('3403');
    const original = await api.responses.original({ id: hamar.id });
    expect(original).toEqual({
      fileName: path.join(inbox, 'svar.csv'),
      mediaType: 'text/csv',
      locator: 'rad 3',
      fields: [
        { header: 'Kommune', value: 'Hamar' },
        { header: 'Mottatt', value: '31.05.2022' },
        { header: 'Spørsmål 1', value: 'Trafikk.' },
        { header: 'Kommentar', value: '' },
      ],
    });
    const bodo = await api.responses.original({ id: (await current('1804')).id });
    // As it stands in the file (the stored answer has the same text).
    expect(bodo.fields?.[2]).toEqual({ header: 'Spørsmål 1', value: 'Rus.\nOg vold.' });
  });

  it('shows an XLSX row under the header found below the title rows', async () => {
    const xlsx = await xlsxFile([
      { name: 'Forside', rows: [['Høringssvar']] },
      {
        name: 'Svar',
        rows: [
          ['Svar på brev til kommunene'],
          ['Eksportert 15.06.2022'],
          ['Kommune', 'Mottatt', 'Spørsmål 1', 'Spørsmål 2'],
          ['Bodø', new Date(Date.UTC(2022, 4, 30)), 'Rus.', 'Nei.'],
          ['Tromsø', '31.05.2022', 'Avstander.', { formula: 'B4+1' }],
        ],
      },
    ]);
    await importFiles({ 'eksport.xlsx': xlsx });
    const original = await api.responses.original({ id: (await current('5401')).id });
    expect(original).toMatchObject({ mediaType: expect.stringContaining('spreadsheetml'), locator: 'ark «Svar», rad 5' });
    expect(original.fields).toEqual([
      { header: 'Kommune', value: 'Tromsø' },
      { header: 'Mottatt', value: '31.05.2022' },
      { header: 'Spørsmål 1', value: 'Avstander.' },
      { header: 'Spørsmål 2', value: '=B4+1' },
    ]);
  });

  it('shows a letter\'s text for a DOCX', async () => {
    const lines = ['Bodø kommune', 'Dato: 30.05.2022', 'Spørsmål 1', 'Rus.', 'Spørsmål 2', 'Nei.'];
    await importFiles({ 'Bodø kommune.docx': await docxFile(lines) });
    const original = await api.responses.original({ id: (await current('1804')).id });
    expect(original.mediaType).toContain('wordprocessingml');
    expect(original.fields).toBeUndefined();
    expect(original.text?.trim()).toBe(lines.join('\n'));
  });

  it('refuses an unknown response', async () => {
    await expectApiError(api.responses.original({ id: 'finnes-ikke' }), 'NOT_FOUND');
  });
});

// ---------------------------------------------------------------- split corrections

describe('answers.assign', () => {
  const LETTER = 'Innledning fra kommunen.\nVi ser økt rus blant unge.\nVi er ikke tilfreds med bemanningen.\nMed hilsen';

  async function unsplitLetter(): Promise<ResponseDetail> {
    await importFiles({ 'Levanger kommune.txt': LETTER });
    const response = await current('5037');
    expect(response).toMatchObject({ needsSplitting: true, answers: [{ questionOrdinal: null, text: LETTER }] });
    return response;
  }
  const rangeOf = (text: string, part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });

  it('cuts a part into before, selection and after, nothing lost, and records it', async () => {
    const response = await unsplitLetter();
    const part = response.answers[0];
    const q1 = await questionId(1);
    const after = await api.answers.assign({ answerId: part.id, ...rangeOf(LETTER, 'Vi ser økt rus blant unge.\n'), questionId: q1 });

    expect(after.id).toBe(response.id);
    expect(after.answers.map((a) => [a.questionOrdinal, a.ordinal, a.text])).toEqual([
      [null, 1, 'Innledning fra kommunen.\n'],
      [1, 2, 'Vi ser økt rus blant unge.\n'],
      [null, 3, 'Vi er ikke tilfreds med bemanningen.\nMed hilsen'],
    ]);
    expect(after.answers.map((a) => a.text).join('')).toBe(LETTER);
    expect(after).toMatchObject({ needsSplitting: true, hasUnassigned: true, answered: [1] });

    // One action in the trail: the old part deleted, three new parts, with full row images.
    const trail = await events('answer.assign');
    expect(new Set(trail.map((e) => e.group_id)).size).toBe(1);
    expect(trail.every((e) => e.actor === 'Test Saksbehandler' && e.entity_type === 'answer')).toBe(true);
    const removed = trail.find((e) => e.after === null)!;
    expect(JSON.parse(removed.before!)).toMatchObject({ id: part.id, question_id: null, text: LETTER });
    const added = trail.filter((e) => e.before === null).map((e) => JSON.parse(e.after!) as { question_id: string | null; text: string });
    expect(added.map((a) => [a.question_id, a.text])).toEqual([
      [null, 'Innledning fra kommunen.\n'],
      [q1, 'Vi ser økt rus blant unge.\n'],
      [null, 'Vi er ikke tilfreds med bemanningen.\nMed hilsen'],
    ]);
  });

  it('clears "needs splitting" once no unassigned text is left', async () => {
    const response = await unsplitLetter();
    const q2 = await questionId(2);
    let detail = await api.answers.assign({ answerId: response.answers[0].id, start: 0, end: LETTER.length, questionId: q2 });
    expect(detail).toMatchObject({ needsSplitting: false, hasUnassigned: false, answered: [2] });
    expect(detail.answers.map((a) => [a.questionOrdinal, a.text])).toEqual([[2, LETTER]]);
    expect(await api.responses.list({ needsSplitting: true })).toEqual([]);
    expect(await api.stats.get()).toMatchObject({ answers: { byQuestion: [0, 1, 0, 0, 0], unassigned: 0 } });

    // Text can be moved back to "unassigned" the same way.
    detail = await api.answers.assign({ answerId: detail.answers[0].id, start: 0, end: 5, questionId: null });
    expect(detail.answers.map((a) => [a.questionOrdinal, a.text])).toEqual([
      [null, LETTER.slice(0, 5)],
      [2, LETTER.slice(5)],
    ]);
  });

  it('refuses to move text that has codings', async () => {
    const response = await unsplitLetter();
    const code = { ...authored('code'), name: 'Rus', colour: '#c00000' };
    await store().db.insertInto('code').values(code).execute();
    await store().db.insertInto('coding').values({ ...authored('coding'), answer_id: response.answers[0].id, code_id: code.id, start_offset: 0, end_offset: 10 }).execute();
    const message = await expectApiError(api.answers.assign({ answerId: response.answers[0].id, start: 0, end: 10, questionId: await questionId(1) }), 'INVALID_INPUT');
    expect(message).toMatch(/codings/);
    expect((await api.responses.get({ id: response.id })).answers).toEqual(response.answers);
    expect(await events('answer.assign')).toEqual([]);
  });

  it('refuses selections outside the part, unknown parts and unknown questions', async () => {
    const response = await unsplitLetter();
    const part = response.answers[0];
    await expectApiError(api.answers.assign({ answerId: part.id, start: 0, end: LETTER.length + 1, questionId: null }), 'INVALID_INPUT');
    await expectApiError(api.answers.assign({ answerId: part.id, start: 5, end: 5, questionId: null }), 'INVALID_INPUT');
    await expectApiError(api.answers.assign({ answerId: 'finnes-ikke', start: 0, end: 1, questionId: null }), 'NOT_FOUND');
    await expectApiError(api.answers.assign({ answerId: part.id, start: 0, end: 1, questionId: 'finnes-ikke' }), 'NOT_FOUND');
    expect((await api.responses.get({ id: response.id })).answers).toEqual(response.answers);
  });

  it('keeps the other parts of a response in order when one is cut', async () => {
    await importFiles({ 'Bodø kommune.docx': await docxFile(['Bodø kommune', 'Spørsmål 1', 'Første. Andre.', 'Spørsmål 2', 'Nei.']) });
    const bodo = await current('1804');
    const q1part = bodo.answers.find((a) => a.questionOrdinal === 1)!;
    const detail = await api.answers.assign({ answerId: q1part.id, start: 'Første. '.length, end: 'Første. Andre.'.length, questionId: await questionId(3) });
    const rows = await store().db.selectFrom('answer').select(['ordinal', 'text']).where('response_id', '=', bodo.id).orderBy('ordinal').execute();
    expect(rows).toEqual([
      { ordinal: 1, text: 'Bodø kommune' },
      { ordinal: 2, text: 'Første. ' },
      { ordinal: 3, text: 'Andre.' },
      { ordinal: 4, text: 'Nei.' },
    ]);
    expect(detail.answered).toEqual([1, 2, 3]);
  });
});

// ---------------------------------------------------------------- who has not answered

describe('registry.unanswered', () => {
  it('counts municipalities without a current response, in total and per police district and county', async () => {
    const before = await api.registry.unanswered();
    expect(before.municipalities).toHaveLength(356);
    expect(before.byPoliceDistrict.reduce((n, g) => n + g.unanswered, 0)).toBe(356);
    expect(before.byCounty.every((g) => g.unanswered === g.total)).toBe(true);

    await importFiles({
      'svar.csv': toCsv([
        ['Kommune', 'Mottatt', 'Q1'],
        ['Oslo', '30.05.2022', 'a'],
        ['Bærum', '30.05.2022', 'b'],
        ['Asker', '30.05.2022', 'c'],
        ['Herøy', '30.05.2022', 'ambiguous: not counted'],
        ['KS Agder', '30.05.2022', 'not a municipality'],
      ]),
    });
    await importFiles({ 'svar2.csv': toCsv([['Kommune', 'Mottatt', 'Q1'], ['Oslo', '10.06.2022', 'ny versjon']]) });

    const after = await api.registry.unanswered();
    expect(after.municipalities).toHaveLength(353);
    expect(after.municipalities.map((m) => m.number)).not.toContain('0301');
    expect(after.municipalities.map((m) => m.number)).toEqual(expect.arrayContaining(['1515', '1818']));
    // Oslo police district: Oslo, Bærum and Asker — all three answered.
    expect(after.byPoliceDistrict.find((g) => g.name === 'Oslo')).toMatchObject({ key: 'p01', total: 3, unanswered: 0 });
    expect(after.byPoliceDistrict.reduce((n, g) => n + g.total, 0)).toBe(356);
    expect(after.byPoliceDistrict.reduce((n, g) => n + g.unanswered, 0)).toBe(353);
    const viken = after.byCounty.find((g) => g.name === 'Viken')!;
    expect(viken.total - viken.unanswered).toBe(2);
    expect(after.byCounty.find((g) => g.name === 'Oslo')).toMatchObject({ total: 1, unanswered: 0 });

    // Resolving Herøy counts it as answered.
    const [heroy] = await api.respondents.list({ status: 'ambiguous' });
    await api.respondents.resolve({ respondentId: heroy.id, municipalityNumber: '1818' });
    expect((await api.registry.unanswered()).municipalities).toHaveLength(352);
  });
});
