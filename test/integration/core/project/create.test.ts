// Projects through the API, exactly as the UI calls it (typed client →
// dispatch → handlers → SQLite file in a temp folder).
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../src-main/core';
import type { Store } from '../../../../src-main/core/store/open';
import type { ApiClient } from '../../../../src-shared/client';
import type { ProjectSummary } from '../../../../src-shared/domain';
import { tempDir, testCore } from '../../../helpers/core';
import { expectApiError, testApi, UUID } from '../../../helpers/api';
import { insertAnswers, insertBatch, insertRespondent, insertResponse } from '../../../helpers/fixtures';
import { DISTRICT_COUNTS, letterMetadata, MUNICIPALITY_COUNT, POPULATION_2022, shippedLetter } from '../../../helpers/reference';

let dir: string;
let cleanup: () => void;
let core: Core;
let api: ApiClient;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  core = testCore(dir);
  api = testApi(core);
});
afterEach(async () => {
  await core.dispose();
  cleanup();
});

const AUTHOR = 'Test Saksbehandler';

/** The open project's database, for checks the API does not expose. */
function openDb(): Store['db'] {
  const store = core.session.current;
  if (!store) throw new Error('no project open');
  return store.db;
}

const createLetterProject = () => api.project.create({ path: 'brev.innspill', template: 'brev-kommunene-2022' });

describe('project.create from the 2022 letter', () => {
  let summary: ProjectSummary;
  beforeEach(async () => {
    summary = await createLetterProject();
  });

  it('holds the five questions verbatim from the letter', () => {
    const meta = letterMetadata();
    expect(summary.questions.map((q) => q.text)).toEqual(meta.questions_nb);
    expect(summary.questions.map((q) => q.text)).toEqual(shippedLetter().questions.map((q) => q.text));
    expect(summary.questions.map((q) => q.ordinal)).toEqual([1, 2, 3, 4, 5]);
    expect(summary.questions[4].text).toMatch(/^Ønsker kommunen et nytt tjenestested i politiet\?/);
  });

  it('gives question 4 the five access channels, in order, and no other question options', () => {
    const [q1, q2, q3, q4, q5] = summary.questions;
    expect(q4.options.map((o) => o.label)).toEqual(letterMetadata().question_4_options_nb);
    expect(q4.options.map((o) => o.label)).toEqual([
      'Via et tjenestested i politiet?',
      'Via fysisk tilstedeværelse annet sted enn på et tjenestested?',
      'Via fysisk oppmøte?',
      'Via telefon?',
      'Via internett?',
    ]);
    expect(q4.options.map((o) => o.ordinal)).toEqual([1, 2, 3, 4, 5]);
    for (const q of [q1, q2, q3, q5]) expect(q.options).toEqual([]);
  });

  it('carries the case metadata', () => {
    const meta = letterMetadata();
    expect(summary).toMatchObject({
      path: path.join(dir, 'brev.innspill'),
      title: meta.title,
      caseNumber: '22/535',
      deadline: '2022-06-01',
      templateId: 'brev-kommunene-2022',
      createdBy: AUTHOR,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
    expect(summary.caseNumber).toBe(meta.var_ref);
    expect(summary.deadline).toBe(meta.hoeringsfrist);
    expect(summary.issuer).toMatch(/^Justis- og beredskapsdepartementet/);
    expect(summary.sourceUrl).toMatch(/^https:\/\/regjeringen\.no\/.*id2901765$/);
  });

  it('holds the full municipality register snapshot', async () => {
    expect(summary.register).toMatchObject({ municipalityCount: MUNICIPALITY_COUNT, policeDistrictCount: 12, licence: 'CC BY 4.0' });
    const all = await api.registry.municipalities({});
    expect(all).toHaveLength(MUNICIPALITY_COUNT);
    expect(new Set(all.map((m) => m.number)).size).toBe(MUNICIPALITY_COUNT);
    expect(all.reduce((sum, m) => sum + m.population, 0)).toBe(POPULATION_2022);
    for (const m of all) expect(m.number).toMatch(/^\d{4}$/);
  });

  it('keeps the leading zero of Oslo and puts Asker and Bærum in Oslo police district', async () => {
    const all = await api.registry.municipalities({});
    const byNumber = new Map(all.map((m) => [m.number, m]));
    expect(byNumber.get('0301')).toMatchObject({ name: 'Oslo', countyNumber: '03', policeDistrictName: 'Oslo' });
    expect(byNumber.has('301')).toBe(false);
    expect(byNumber.get('3025')).toMatchObject({ name: 'Asker', countyName: 'Viken', policeDistrictName: 'Oslo' });
    expect(byNumber.get('3024')).toMatchObject({ name: 'Bærum', countyName: 'Viken', policeDistrictName: 'Oslo' });
  });

  it('gives every row a unique UUID-shaped id, authored by the current user', async () => {
    const db = openDb();
    const rows = [
      ...(await db.selectFrom('project').select(['id', 'created_by']).execute()),
      ...(await db.selectFrom('question').select(['id', 'created_by']).execute()),
      ...(await db.selectFrom('question_option').select(['id', 'created_by']).execute()),
    ];
    const events = await db.selectFrom('event').select(['id', 'actor']).execute();
    const ids = [...rows, ...events].map((r) => r.id);
    expect(ids).toHaveLength(1 + 5 + 5 + 1);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(rows.map((r) => r.created_by))).toEqual(new Set([AUTHOR]));
    expect(summary.id).toBe(rows[0].id);
    expect(summary.questions.every((q) => UUID.test(q.id) && q.options.every((o) => UUID.test(o.id)))).toBe(true);
  });

  it('records project.create in the audit trail', async () => {
    const events = await openDb().selectFrom('event').selectAll().orderBy('seq').execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'project.create', entity_type: 'project', entity_id: summary.id, actor: AUTHOR, before: null });
    expect(JSON.parse(events[0].after ?? 'null')).toEqual({ title: summary.title, template: 'brev-kommunene-2022', questions: 5 });
  });
});

describe('project.create options', () => {
  it('starts a blank case with no questions but the full register', async () => {
    const summary = await api.project.create({ path: 'blank.innspill', template: 'blank' });
    expect(summary).toMatchObject({ templateId: 'blank', title: 'Ny høring', caseNumber: null, deadline: null, questions: [] });
    expect(summary.register).toMatchObject({ municipalityCount: 356, policeDistrictCount: 12 });
    expect(await api.stats.get()).toMatchObject({ questions: 0, municipalities: 356, policeDistricts: 12, answers: { byQuestion: [], unassigned: 0 } });
  });

  it('uses the given title and keeps the letter otherwise', async () => {
    const summary = await api.project.create({ path: 'tittel.innspill', title: '  Svar fra kommunene 2022  ' });
    expect(summary.title).toBe('Svar fra kommunene 2022');
    expect(summary.caseNumber).toBe('22/535');
    expect(summary.questions).toHaveLength(5);
    expect((await api.project.current())?.title).toBe('Svar fra kommunene 2022');
  });

  it('defaults to the 2022 letter and adds the .innspill extension', async () => {
    const summary = await api.project.create({ path: 'uten-endelse' });
    expect(summary.path).toBe(path.join(dir, 'uten-endelse.innspill'));
    expect(summary.templateId).toBe('brev-kommunene-2022');
  });

  it('refuses an existing name with FILE_EXISTS and keeps the first project open', async () => {
    const first = await createLetterProject();
    await expectApiError(createLetterProject(), 'FILE_EXISTS');
    expect((await api.project.current())?.id).toBe(first.id);
  });

  it('lists the two templates', async () => {
    expect(await api.project.templates()).toEqual([
      expect.objectContaining({ id: 'brev-kommunene-2022', caseNumber: '22/535', questionCount: 5 }),
      expect.objectContaining({ id: 'blank', caseNumber: null, questionCount: 0 }),
    ]);
  });
});

describe('stats.get', () => {
  it('counts an empty project', async () => {
    await createLetterProject();
    expect(await api.stats.get()).toEqual({
      questions: 5,
      municipalities: 356,
      policeDistricts: 12,
      responses: { current: 0, superseded: 0 },
      respondents: { matched: 0, unmatched: 0, ambiguous: 0 },
      answers: { byQuestion: [0, 0, 0, 0, 0], unassigned: 0 },
      codings: 0,
      findings: 24, // DFØ's findings, the template's starter register
      findingLinks: 0,
    });
  });

  it('is computed from the database on every call', async () => {
    const { questions } = await createLetterProject();
    const q = questions.map((x) => x.id);
    const db = openDb();
    const batch = await insertBatch(db);
    const asker = await insertRespondent(db, 'Asker kommune', 'matched', '3025');
    const heroy = await insertRespondent(db, 'Herøy kommune', 'ambiguous');
    await insertRespondent(db, 'Ukjent avsender', 'unmatched');

    // Asker answered twice; the first response was superseded by the second.
    const old = await insertResponse(db, asker, batch, { current: false });
    await insertAnswers(db, old, [[q[0], 'Gammelt svar'], [q[2], 'Gammelt svar'], [q[3], 'Gammelt svar']]);
    const current = await insertResponse(db, asker, batch);
    await insertAnswers(db, current, [
      [q[0], 'Bemanningen er for lav.'],
      [q[0], 'Og lang responstid.'], // a second answer to question 1 in the same response
      [q[1], '   '], // blank: not an answer
      [q[4], 'Ja, vi kan tilby lokaler.'],
      [null, 'Hilsen ordføreren'],
    ]);
    const other = await insertResponse(db, heroy, batch);
    await insertAnswers(db, other, [[q[0], 'Vi trenger politi.']]);

    expect(await api.stats.get()).toMatchObject({
      responses: { current: 2, superseded: 1 },
      respondents: { matched: 1, unmatched: 1, ambiguous: 1 },
      // responses with an answer per question; the superseded response's answers do not count
      answers: { byQuestion: [2, 0, 0, 0, 1], unassigned: 1 },
    });

    // and it follows further changes straight away
    await db.updateTable('response').set({ is_current: 0 }).where('id', '=', other).execute();
    expect(await api.stats.get()).toMatchObject({
      responses: { current: 1, superseded: 2 },
      answers: { byQuestion: [1, 0, 0, 0, 1], unassigned: 1 },
    });
  });
});

describe('project.open, project.close and project.current', () => {
  it('tracks the open project', async () => {
    expect(await api.project.current()).toBeNull();
    const created = await createLetterProject();
    expect(await api.project.current()).toEqual(created);

    expect(await api.project.close()).toBeNull();
    expect(await api.project.current()).toBeNull();

    const reopened = await api.project.open({ path: created.path });
    expect(reopened).toEqual(created);
    expect(await api.project.current()).toEqual(created);
  });

  it('opens relative paths inside the workspace folder', async () => {
    const created = await createLetterProject();
    await api.project.close();
    expect((await api.project.open({ path: 'brev.innspill' })).id).toBe(created.id);
  });

  it('switches between projects, closing the previous one', async () => {
    const a = await api.project.create({ path: 'a.innspill' });
    const storeA = core.session.current;
    const b = await api.project.create({ path: 'b.innspill', template: 'blank' });
    expect((await api.project.current())?.id).toBe(b.id);
    expect(storeA?.sqlite.open).toBe(false);
    expect((await api.project.open({ path: a.path })).id).toBe(a.id);
    expect((await api.stats.get()).questions).toBe(5);
  });

  it('announces changes of the open project', async () => {
    const seen: (string | null)[] = [];
    const off = api.on('project.changed', ({ path: p }) => seen.push(p));
    const created = await createLetterProject();
    await api.project.close();
    await api.project.open({ path: created.path });
    off();
    await api.project.close();
    expect(seen).toEqual([created.path, null, created.path]);
  });

  it('reports a missing file as NOT_FOUND and keeps the current project', async () => {
    const created = await createLetterProject();
    await expectApiError(api.project.open({ path: 'finnes-ikke.innspill' }), 'NOT_FOUND');
    expect((await api.project.current())?.id).toBe(created.id);
  });
});

describe('registry', () => {
  beforeEach(async () => {
    await createLetterProject();
  });

  const names = (list: { name: string }[]) => list.map((m) => m.name);

  it('searches case-insensitively, also in the official (Sami/Kven) names', async () => {
    const kautokeino = await api.registry.municipalities({ query: 'kautokeino' });
    expect(kautokeino.map((m) => [m.number, m.officialName])).toEqual([['5430', 'Guovdageaidnu - Kautokeino']]);
    expect(await api.registry.municipalities({ query: 'GUOVDAGEAIDNU' })).toEqual(kautokeino);
    expect((await api.registry.municipalities({ query: 'OSLO' })).map((m) => m.number)).toContain('0301');
  });

  it('finds both municipalities that share a name', async () => {
    const heroy = await api.registry.municipalities({ query: 'herøy' });
    expect(heroy.map((m) => m.number)).toEqual(['1515', '1818']);
    expect(heroy.map((m) => m.officialName)).toEqual(['Herøy (Møre og Romsdal)', 'Herøy (Nordland)']);
    const valer = await api.registry.municipalities({ query: 'Våler' });
    expect(valer.map((m) => m.number)).toEqual(['3018', '3419']);
  });

  it('does not fold å into aa (or ø into o)', async () => {
    const aa = await api.registry.municipalities({ query: 'aa' });
    for (const m of aa) {
      expect([m.name, m.officialName, m.countyName, m.policeDistrictName].join(' ').toLowerCase()).toContain('aa');
    }
    expect(names(aa)).not.toContain('Årdal');
    expect(names(aa)).not.toContain('Åfjord');
    expect(names(await api.registry.municipalities({ query: 'ardal' }))).not.toContain('Årdal');
    expect(names(await api.registry.municipalities({ query: 'årdal' }))).toEqual(['Årdal']);
    expect(names(await api.registry.municipalities({ query: 'orsta' }))).toEqual([]);
  });

  it('finds a municipality by number, leading zero included', async () => {
    expect(names(await api.registry.municipalities({ query: '0301' }))).toEqual(['Oslo']);
  });

  it('filters by county and by police district', async () => {
    const oslo = await api.registry.municipalities({ policeDistrictCode: 'p01' });
    expect(oslo.map((m) => m.number).sort()).toEqual(['0301', '3024', '3025']);
    const finnmark = await api.registry.municipalities({ policeDistrictCode: 'p12' });
    expect(finnmark).toHaveLength(18);
    const rogaland = await api.registry.municipalities({ countyNumber: '11' });
    expect(rogaland.length).toBeGreaterThan(0);
    expect(new Set(rogaland.map((m) => m.countyName))).toEqual(new Set(['Rogaland']));
    // filters combine: Viken municipalities in Oslo police district
    const vikenInOslo = await api.registry.municipalities({ countyNumber: '30', policeDistrictCode: 'p01' });
    expect(names(vikenInOslo)).toEqual(['Asker', 'Bærum']);
    expect(await api.registry.municipalities({ countyNumber: '03', query: 'bærum' })).toEqual([]);
  });

  it('sorts the Norwegian way: Æ, Ø and Å after Z, in that order', async () => {
    const all = names(await api.registry.municipalities({}));
    const firstNordic = all.findIndex((n) => /^[ÆØÅ]/.test(n));
    expect(firstNordic).toBeGreaterThan(0);
    expect(all.slice(firstNordic).every((n) => /^[ÆØÅ]/.test(n))).toBe(true);
    expect(all.slice(0, firstNordic).every((n) => !/^[ÆØÅ]/.test(n))).toBe(true);
    expect(all.slice(firstNordic)).toEqual([
      'Øksnes', 'Ørland', 'Ørsta', 'Østre Toten', 'Øvre Eiker', 'Øyer', 'Øygarden', 'Øystre Slidre',
      'Åfjord', 'Ål', 'Ålesund', 'Åmli', 'Åmot', 'Årdal', 'Ås', 'Åseral', 'Åsnes',
    ]);
    expect(all[0]).toMatch(/^A/);
  });

  it('counts municipalities and people per police district', async () => {
    const districts = await api.registry.policeDistricts();
    expect(districts.map((d) => d.code)).toEqual(['p01', 'p02', 'p03', 'p04', 'p05', 'p06', 'p07', 'p08', 'p09', 'p10', 'p11', 'p12']);
    expect(Object.fromEntries(districts.map((d) => [d.name, d.municipalityCount]))).toEqual(DISTRICT_COUNTS);
    expect(districts.reduce((sum, d) => sum + d.population, 0)).toBe(POPULATION_2022);
    expect(districts.every((d) => d.population > 0)).toBe(true);
  });

  it('lists the eleven counties with their municipality counts', async () => {
    const counties = await api.registry.counties();
    expect(counties).toHaveLength(11);
    expect(counties.reduce((sum, c) => sum + c.municipalityCount, 0)).toBe(356);
    expect(counties.find((c) => c.number === '03')).toEqual({ number: '03', name: 'Oslo', municipalityCount: 1 });
    expect(counties.map((c) => c.number)).toEqual([...counties.map((c) => c.number)].sort());
  });
});

describe('methods that need an open project', () => {
  it.each([
    ['registry.municipalities', (api: ApiClient) => api.registry.municipalities({})],
    ['registry.policeDistricts', (api: ApiClient) => api.registry.policeDistricts()],
    ['registry.counties', (api: ApiClient) => api.registry.counties()],
    ['stats.get', (api: ApiClient) => api.stats.get()],
  ])('%s fails with NO_PROJECT when none is open', async (_name, call) => {
    const message = await expectApiError(call(api), 'NO_PROJECT');
    expect(message).toMatch(/no project is open/i);
  });

  it('fail again with NO_PROJECT after the project is closed', async () => {
    await createLetterProject();
    await api.project.close();
    await expectApiError(api.stats.get(), 'NO_PROJECT');
  });
});
