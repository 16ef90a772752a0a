// Holds every method to what the contract declares it reads and changes: a
// realistic scenario calls every method through dispatch on real project
// files, temporary SQLite triggers record which tables each call wrote, and
// the SQL each call prepared shows which tables it read. A handler writing a
// table its method does not declare in `changes` fails here, as does a query
// reading a table whose entity is missing from its `reads` (the UI would not
// refetch it after that entity changes), and dispatch must announce exactly
// the declared changes, once, only when something was written.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../../src-main/core';
import { createClient, type ApiClient } from '../../../../src-shared/client';
import { contract, isMethodName, methodNames, type EventMap, type InnspillBridge, type MethodName } from '../../../../src-shared/contract';
import { ENTITIES, OUTSIDE_PROJECT, type Entity } from '../../../../src-shared/entities';
import { ApiError } from '../../../../src-shared/errors';
import { codingProject, CSV_HEADER, loadResponses, spanOf, type CodingProject } from '../../../helpers/coding';
import { toCsv } from '../../../helpers/import-fixtures';
import { scanPages } from '../../../helpers/scan-fixtures';
import { qde, qdpx as qdpxFile } from '../../../helpers/refi-foreign';
import { laptop, type Laptop } from '../../../helpers/team';

/**
 * Which entity each table of the project file belongs to; null for the
 * full-text index, which search.query brings up to date from the answers
 * (a cache of them, not data a view shows), and for the personal-data cache
 * (read by the detector from the answers whenever something asks).
 */
const TABLE_ENTITY: Record<string, Entity | null> = {
  project: 'project',
  question: 'project',
  question_option: 'project',
  municipality: 'registry',
  police_district: 'registry',
  import_batch: 'batches',
  source_file: 'batches',
  mapping_preset: 'presets',
  respondent: 'respondents',
  response: 'responses',
  answer: 'responses',
  answer_search: null,
  answer_fts: null,
  personal_scan: null,
  personal_span: null,
  code: 'codebook',
  // REFI-QDA attributes of codes (isCodable, colour given by the file) and the coders a file brought.
  refi_code: 'codebook',
  refi_user: 'codings',
  // Code groups (REFI-QDA Sets of codes) belong to the codebook.
  code_group: 'codebook',
  code_group_member: 'codebook',
  coding: 'codings',
  variable: 'variables',
  variable_value: 'variables',
  memo: 'memos',
  finding_report: 'findings',
  finding: 'findings',
  finding_link: 'findings',
  event: 'history',
  // What an erasure on request removed (ids and kinds, never content) belongs with the trail.
  erasure: 'history',
  erased_entity: 'history',
  assignment: 'team',
  work_package: 'team',
  package_origin: 'team',
  package_merge: 'team',
  merged_change: 'team',
  merge_conflict: 'team',
  agreement_resolution: 'agreement',
};

/** The entity of a table named in SQL (FTS shadow tables belong to their index), or null for SQLite's own. */
function entityOf(table: string): Entity | null {
  if (table.startsWith('sqlite_') || table.startsWith('kysely_') || table === '_written') return null;
  // FTS5 shadow tables (answer_fts_data, …) belong with their index.
  const base = table in TABLE_ENTITY ? table : Object.keys(TABLE_ENTITY).find((t) => TABLE_ENTITY[t] === null && table.startsWith(`${t}_`));
  if (base === undefined) throw new Error(`table ${table} belongs to no entity: add it to TABLE_ENTITY and src-shared/entities.ts`);
  return TABLE_ENTITY[base];
}

/** What one call did. */
interface Observed {
  method: MethodName;
  written: Set<Entity>;
  read: Set<Entity>;
  events: EventMap['data.changed'][];
  /** The call opened or created another project (its writes are to a new file). */
  switched: boolean;
}

const TABLE_IN_SQL = /\b(?:from|join|into|update)\s+(?:main\.)?"?([a-z_]+)"?/gi;

/** Triggers on every table of the store's connection, and a log of the SQL it prepares. */
class Observer {
  private readonly wired = new WeakSet<Database.Database>();
  private sql: string[] = [];
  private logging = false;

  wire(sqlite: Database.Database): void {
    if (this.wired.has(sqlite)) return;
    this.wired.add(sqlite);
    sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS _written (tbl TEXT NOT NULL)');
    const tables = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string }[];
    // Full-text indexes and their shadow tables take no triggers; they change with their base table.
    const virtual = tables.filter((t) => t.sql.startsWith('CREATE VIRTUAL TABLE')).map((t) => t.name);
    for (const { name } of tables) tableNames.add(name);
    for (const { name } of tables) {
      if (entityOf(name) === null || virtual.some((v) => name === v || name.startsWith(`${v}_`))) continue;
      for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
        sqlite.exec(`CREATE TEMP TRIGGER IF NOT EXISTS "_w_${name}_${op}" AFTER ${op} ON main."${name}" BEGIN INSERT INTO _written VALUES ('${name}'); END`);
      }
    }
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((source: string) => {
      if (this.logging) this.sql.push(source);
      return prepare(source);
    }) as typeof sqlite.prepare;
  }

  start(sqlite: Database.Database | null): void {
    if (sqlite) {
      this.wire(sqlite);
      sqlite.exec('DELETE FROM _written');
    }
    this.sql = [];
    this.logging = true;
  }

  stop(sqlite: Database.Database | null): { written: Set<Entity>; read: Set<Entity> } {
    this.logging = false;
    const written = new Set<Entity>();
    if (sqlite?.open) {
      for (const { tbl } of sqlite.prepare('SELECT DISTINCT tbl FROM _written').all() as { tbl: string }[]) {
        const entity = entityOf(tbl);
        if (entity) written.add(entity);
      }
    }
    const read = new Set<Entity>();
    for (const source of this.sql) {
      for (const m of source.matchAll(TABLE_IN_SQL)) {
        // Names that are no table (a CTE, json_each) are not data.
        const entity = tableNames.has(m[1].toLowerCase()) ? entityOf(m[1].toLowerCase()) : null;
        if (entity) read.add(entity);
      }
    }
    return { written, read };
  }
}

const calls: Observed[] = [];
/** Every table name of the project file (read when the first store is wired). */
const tableNames = new Set<string>();
const observer = new Observer();

/** A client over dispatch (as every transport calls it) that records what each call did. */
function observedApi(core: Core): ApiClient {
  const bridge: InnspillBridge = {
    async invoke(method, input) {
      const before = core.session.current;
      const events: EventMap['data.changed'][] = [];
      const off = core.session.subscribe((event, payload) => {
        if (event === 'data.changed') events.push(payload as EventMap['data.changed']);
      });
      observer.start(before?.sqlite ?? null);
      const response = await core.dispatch(method, input);
      const switched = core.session.current !== before;
      const { written, read } = observer.stop(before?.sqlite ?? null);
      off();
      if (!response.ok) throw new ApiError(response.error.code, `${method}: ${response.error.message}`);
      if (isMethodName(method)) calls.push({ method, written, read, events, switched });
      return response.result as never;
    },
    on: () => () => undefined,
  };
  return createClient(bridge);
}

let p: CodingProject;
let kari: Laptop;

/** Every method once or more, in the order a team would use them. */
async function scenario(): Promise<void> {
  p = await codingProject();
  const api = observedApi(p.core);
  const bodo = p.response('1804');
  const hamar = p.response('3403');
  const [q1, q2] = [p.questions.get(1)!, p.questions.get(2)!];

  await api.app.info();
  await api.settings.get();
  await api.settings.update({ userName: 'Test Saksbehandler' });
  await api.project.templates();
  await api.project.list();
  await api.project.current();
  await api.registry.municipalities({});
  await api.registry.policeDistricts();
  await api.registry.counties();
  await api.registry.unanswered();
  await api.stats.get();

  // A second batch, with a respondent the register does not know.
  const csv = path.join(p.dir, 'juni.csv');
  writeFileSync(csv, toCsv([CSV_HEADER, ['', 'Politiets Fellesforbund', '15.06.2022', 'Vold.', 'Ja.', 'Nei.', 'Ja.', 'Nei.']], { delimiter: ';' }));
  const { paths } = await api.import.stage({ files: [{ name: 'juni.csv', base64: Buffer.from(toCsv([CSV_HEADER], { delimiter: ';' })).toString('base64') }] });
  expect(paths).toHaveLength(1);
  await api.import.preview({ paths: [csv] });
  await api.import.run({ paths: [csv] });
  // Nothing runs now: a cancel says so and changes nothing.
  await api.task.cancel({ task: 'import' });
  await api.import.batches();
  await api.import.presets();
  await api.import.savePreset({ name: 'Min mal', preset: { columns: { Kommune: 'respondent' } } });
  await api.respondents.list({});
  const unmatched = await api.respondents.list({ status: 'unmatched' });
  if (unmatched[0]) await api.respondents.resolve({ respondentId: unmatched[0].id, municipalityNumber: '3432' });

  await api.responses.list({});
  await api.responses.list({ assignee: 'none' });
  const firstPage = await api.responses.page({ limit: 2, sort: { key: 'county', direction: 'descending' } });
  await api.responses.page({ limit: 2, sort: { key: 'county', direction: 'descending' }, cursor: firstPage.nextCursor });
  await api.responses.get({ id: bodo.id });
  await api.responses.original({ id: bodo.id });
  // A scan read with OCR (the shipped data, a small page), and its page drawn beside the text.
  const scan = path.join(p.dir, 'skannet-vestvagoy.png');
  writeFileSync(scan, scanPages(['Vestvågøy kommune', 'Spørsmål 1: Utfordringer', 'Vi ser behov for mer politi.'], { dpi: 100 })[0]);
  await api.import.run({ paths: [scan] });
  const scanned = (await api.responses.list({})).find((r) => typeof r.ocrConfidence === 'number');
  if (scanned) await api.responses.ocrPage({ id: scanned.id });
  await api.responses.progress();
  await api.responses.setStatus({ id: bodo.id, status: 'under_arbeid' });
  await api.responses.setReceived({ responseId: bodo.id, date: '2022-06-01' });
  const split = hamar.q(1);
  await api.answers.assign({ answerId: split.id, start: 0, end: Math.min(5, split.text.length), questionId: q2 });
  p.responses = await loadResponses(p.api);
  await api.search.query({ query: 'politi' });

  // The codebook and coding.
  const rus = await api.codebook.create({ name: 'Rus' });
  const vold = await api.codebook.create({ name: 'Vold', parentId: null });
  const extra = await api.codebook.create({ name: 'Ekstra', questionId: q1 });
  await api.codebook.update({ id: rus.id, description: 'Rus og avhengighet' });
  await api.codebook.move({ id: extra.id, parentId: vold.id, index: 0 });
  await api.codebook.list();
  await api.codebook.adoptStarter();
  const answer = p.response('1804').q(1);
  const coding = await api.codings.create({ answerId: answer.id, codeId: rus.id, ...spanOf(answer.text, answer.text.slice(0, 4)) });
  await api.codings.update({ id: coding.id, useInMemo: true });
  const other = await api.codings.create({ answerId: p.response('0301').q(1).id, codeId: extra.id });
  await api.codings.delete({ id: other.id });
  await api.codings.create({ answerId: p.response('0301').q(1).id, codeId: extra.id });
  await api.codebook.deletePreview({ id: extra.id });
  await api.codebook.merge({ sourceId: extra.id, targetId: vold.id });
  const doomed = await api.codebook.create({ name: 'Slettes' });
  await api.codings.create({ answerId: answer.id, codeId: doomed.id });
  await api.codebook.delete({ id: doomed.id });
  const passing = await api.codebook.create({ name: 'Midlertidig' });
  const exported = await api.codebook.export({ format: 'csv' });
  await api.codebook.delete({ id: passing.id });
  await api.codebook.import({ fileName: exported.fileName, base64: exported.base64 });
  await api.codebook.groups();
  // The coding assistant only reads.
  await api.suggest.evaluate({});
  await api.suggest.forResponse({ responseId: bodo.id });

  const variables = await api.variables.list();
  const q2var = variables.find((v) => v.key === 'q2_satisfied')!;
  await api.variables.set({ responseId: bodo.id, variableId: q2var.id, value: 'ja' });
  const own = await api.variables.define({ key: 'egen', label: 'Egen', questionId: null, kind: 'single', options: [{ value: 'a', label: 'A' }] });
  await api.variables.set({ responseId: bodo.id, variableId: own.id, value: 'a' });
  await api.variables.remove({ id: own.id });
  await api.memos.set({ targetType: 'response', targetId: bodo.id, text: 'Et notat' });
  await api.memos.get({ targetType: 'response', targetId: bodo.id });
  await api.workspace.response({ id: bodo.id });

  // Findings.
  const report = await api.findings.saveReport({ key: 'r1', title: 'Evaluering', publisher: 'Direktoratet' });
  const finding = await api.findings.save({ reportId: report.id, statement: 'Lang responstid' });
  await api.findings.save({ id: finding.id, reportId: report.id, statement: 'Lang responstid i distriktene' });
  const link = await api.findings.link({ findingId: finding.id, answerId: answer.id, relation: 'stotter' });
  await api.findings.updateLink({ id: link.id, comment: 'Bekrefter' });
  await api.findings.link({ findingId: finding.id, codingId: coding.id, relation: 'nyanserer' });
  await api.findings.reports();
  await api.findings.list({});
  await api.findings.view({ id: finding.id });
  await api.findings.forResponse({ responseId: bodo.id });
  await api.findings.unlink({ id: link.id });
  const register = await api.findings.export({ format: 'csv' });
  const spare = await api.findings.save({ reportId: null, statement: 'Slettes' });
  await api.findings.delete({ id: spare.id, confirm: true });
  const spareReport = await api.findings.saveReport({ key: 'r2', title: 'Slettes', publisher: 'X' });
  await api.findings.deleteReport({ id: spareReport.id, confirm: true });
  await api.findings.deleteReport({ id: report.id, confirm: true });
  await api.findings.import({ fileName: register.fileName, base64: register.base64 });

  // History.
  await api.history.state();
  await api.history.entity({ entityType: 'coding', entityId: coding.id });
  await api.history.undo();
  await api.history.redo();

  // Analysis.
  await api.analysis.matrix({ groupBy: 'policeDistrict' });
  await api.analysis.matrixCell({ groupBy: 'policeDistrict', codeId: rus.id });
  await api.analysis.cooccurrence({});
  await api.analysis.variables({ groupBy: 'county' });
  await api.analysis.stationCandidates();
  await api.analysis.sharedText({});
  await api.analysis.codeGroup({ groupAnswerIds: [p.response('0301').q(3).id, p.response('5401').q(3).id], codeId: vold.id });
  await api.analysis.sharedPassages({});
  // A passage span of two answers (the passage list may be empty in this small project; the call is what counts).
  const passageSpans = [p.response('0301').q(2), p.response('5401').q(2)].map((a) => ({ answerId: a.id, start: 0, end: Math.min(20, a.text.length) }));
  await api.analysis.codePassages({ spans: passageSpans, codeId: vold.id });

  // Exports.
  await api.export.defaults();
  const memo = await api.export.memo({
    options: { metadata: { to: 'A', from: 'B', date: '2026-11-27', caseNumber: '1', subject: 'S' }, sections: ['summary', 'questions', 'findings'] },
    target: undefined,
  });
  await api.export.workbook({ target: undefined });
  await api.export.csv({ table: 'svar', target: undefined });
  await api.export.csv({ table: 'koding', target: undefined });
  await api.export.open({ path: memo.path, reveal: true });
  const brought = await api.codebook.create({ name: 'Fra REFI' });
  await api.codings.create({ answerId: p.response('5401').q(1).id, codeId: brought.id });
  const qdpx = await api.refi.exportProject({ target: undefined });
  await api.codebook.delete({ id: brought.id });
  await api.refi.importProject({ path: qdpx.path });
  // A foreign project whose one source is no response of ours: imported as a response, with its coding.
  const sourceText = 'Vi i Sortland mener at politiet må være synlige om natten.';
  const at = sourceText.indexOf('politiet');
  const source = '50000000-0000-4000-8000-0000000000ef';
  const foreign = await qdpxFile(
    qde({ origin: 'Test 1', codes: [{ guid: 'c0de0000-0000-4000-8000-0000000000ef', name: 'Synlighet' }], sources: [{ guid: source, name: 'Sortland kommune', selections: [{ start: at, end: at + 8, code: 'c0de0000-0000-4000-8000-0000000000ef' }] }] }),
    { [`${source}.txt`]: sourceText },
  );
  await api.refi.importProject({ fileName: 'sortland.qdpx', base64: foreign.toString('base64'), sourcesAsResponses: true });

  // Team work: assignments, a double-coded respondent and its agreement, a package out and back.
  const overview = await api.team.assignments();
  const bodoRespondent = overview.respondents.find((r) => r.municipalityNumber === '1804')!;
  const others = overview.respondents.filter((r) => r !== bodoRespondent).map((r) => r.respondentId);
  await api.team.assign({ assignee: 'Kari', respondentIds: [bodoRespondent.respondentId, ...others] });
  await api.team.assign({ assignee: 'Ola', respondentIds: [bodoRespondent.respondentId, ...others] });
  await api.team.unassign({ assignee: 'Ola', respondentIds: others });
  p.setAuthor('Kari');
  await api.codings.create({ answerId: answer.id, codeId: vold.id });
  p.setAuthor('Ola');
  await api.variables.set({ responseId: bodo.id, variableId: q2var.id, value: 'nei' });
  p.setAuthor('Kari');
  await api.variables.set({ responseId: bodo.id, variableId: q2var.id, value: 'delvis' });
  p.setAuthor('Test Saksbehandler');
  await api.agreement.report({});
  const disagreements = await api.agreement.disagreements({});
  const unit = disagreements.items.find((d) => d.kind === 'variable');
  const coded = disagreements.items.find((d) => d.kind === 'code');
  expect(unit && coded, 'a variable and a code disagreement to resolve').toBeTruthy();
  await api.agreement.resolve({ kind: 'variable', responseId: unit!.responseId, variableId: unit!.variableId!, coders: ['Kari', 'Ola'], decision: 'b' });
  await api.agreement.resolve({ kind: 'code', responseId: coded!.responseId, questionId: coded!.question?.id ?? null, codeId: coded!.codeId!, coders: ['Kari', 'Ola'], decision: 'b' });

  await api.team.packages();
  const pack = await api.team.exportPackage({ assignee: 'Kari', target: path.join(p.dir, 'Kari.innspillpakke') });
  kari = laptop('Kari');
  const kariApi = observedApi(kari.core);
  await kariApi.team.openPackage({ path: pack.path, target: 'arbeidskopi.innspill' });
  kari.responses = await loadResponses(kari.api);
  const kariBodo = kari.response('1804');
  await kariApi.variables.set({ responseId: kariBodo.id, variableId: q2var.id, value: 'ja' });
  await kariApi.codings.create({ answerId: kariBodo.q(2).id, codeId: rus.id });
  await kariApi.team.returnPreview();
  const back = await kariApi.team.exportReturn({ target: path.join(p.dir, 'Kari.innspillretur') });
  await api.variables.set({ responseId: bodo.id, variableId: q2var.id, value: 'delvis' });
  await api.team.mergeReturn({ path: back.path });
  await api.team.mergeReturn({ path: back.path }); // already merged: writes nothing, announces nothing
  const conflicts = await api.team.conflicts({});
  if (conflicts[0]) await api.team.resolveConflict({ id: conflicts[0].id, choose: 'theirs' });

  // Backups: one by hand, listed, verified, and restored as a new project file (which then is the open one).
  const snapshot = await api.backup.create();
  await api.backup.list({});
  await api.backup.verify({ id: snapshot.id });
  await api.backup.newestGood({ projectPath: p.file });
  await api.backup.restore({ id: snapshot.id });

  // Erasure on request (permanent): one response and its respondent; a worked-on response (codings, values, memo, links, resolutions).
  await api.responses.erasePlan({ id: hamar.id });
  await api.responses.erase({ id: hamar.id, withRespondent: true, confirm: true });
  const erasedReport = await api.findings.saveReport({ key: 'r-slett', title: 'Slettes', publisher: 'Direktoratet' });
  const erasedFinding = await api.findings.save({ reportId: erasedReport.id, statement: 'Om Bodø' });
  await api.findings.link({ findingId: erasedFinding.id, answerId: p.response('1804').q(1).id, relation: 'stotter' });
  await api.responses.erase({ id: bodo.id, confirm: true });
  // A response alone in its source file (June's one-row CSV): the file goes with it.
  const june = (await api.responses.list({})).find((r) => r.respondentName === 'Politiets Fellesforbund');
  expect(june).toBeDefined();
  await api.responses.erase({ id: june!.id, confirm: true });

  // Leaving and coming back; the demo is a project of its own.
  await api.project.close();
  await api.project.open({ path: p.file });
  await api.project.create({ path: 'ny.innspill', template: 'blank' });
  await api.import.demo({ path: 'demo.innspill' });
}

beforeAll(scenario, 120_000);
afterAll(async () => {
  await kari?.dispose();
  await p?.cleanup();
});

const label = (s: Iterable<string>) => [...s].sort();

describe('the declared effects', () => {
  it('exercises every method of the contract', () => {
    const called = new Set(calls.map((c) => c.method));
    expect(methodNames.filter((m) => !called.has(m))).toEqual([]);
  });

  it('every table of the project file belongs to an entity', () => {
    const tables = p.store().sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    for (const { name } of tables) expect(() => entityOf(name)).not.toThrow();
    expect(new Set(Object.values(TABLE_ENTITY).filter((e) => e !== null))).toEqual(new Set(ENTITIES.filter((e) => !OUTSIDE_PROJECT.includes(e))));
  });

  it('no call writes a table whose entity its method does not declare in `changes`', () => {
    const undeclared = calls
      .filter((c) => !c.switched)
      .map((c) => ({ method: c.method, undeclared: label([...c.written].filter((e) => !contract[c.method].changes.includes(e))) }))
      .filter((c) => c.undeclared.length > 0);
    expect(undeclared).toEqual([]);
  });

  it('every declared change is written by some call (no method declares what it never does)', () => {
    const unused = methodNames
      .filter((m) => contract[m].changes.length > 0)
      .map((m) => {
        const written = new Set(calls.filter((c) => c.method === m && !c.switched).flatMap((c) => [...c.written]));
        const switched = calls.some((c) => c.method === m && c.switched);
        return { method: m, never: switched ? [] : contract[m].changes.filter((e) => !OUTSIDE_PROJECT.includes(e) && !written.has(e)) };
      })
      .filter((c) => c.never.length > 0);
    // Undo, redo, merges and decisions may touch any undoable table; the scenario touches some.
    const broad = new Set<MethodName>(['history.undo', 'history.redo', 'team.mergeReturn', 'team.resolveConflict']);
    expect(unused.filter((u) => !broad.has(u.method))).toEqual([]);
  });

  it('a query reads only tables of the entities it declares in `reads`', () => {
    const missing = calls
      .filter((c) => contract[c.method].changes.length === 0 && !c.switched)
      .map((c) => ({ method: c.method, missing: label([...c.read].filter((e) => !contract[c.method].reads.includes(e))) }))
      .filter((c) => c.missing.length > 0);
    expect(missing).toEqual([]);
  });

  it('dispatch announces exactly the declared changes, once, when the call wrote something', () => {
    const wrong = calls
      .filter((c) => contract[c.method].changes.length > 0 && (c.written.size > 0 || c.switched))
      .filter((c) => c.events.length !== 1 || label(c.events[0].entities).join() !== label(contract[c.method].changes).join())
      .map((c) => ({ method: c.method, events: c.events }));
    expect(wrong).toEqual([]);
  });

  it('announces nothing for queries, nor for a call that wrote nothing (a return merged twice)', () => {
    expect(calls.filter((c) => contract[c.method].changes.length === 0 && c.events.length > 0).map((c) => c.method)).toEqual([]);
    const merges = calls.filter((c) => c.method === 'team.mergeReturn');
    expect(merges).toHaveLength(2);
    expect(merges[1].written.size).toBe(0);
    expect(merges[1].events).toEqual([]);
  });
});
