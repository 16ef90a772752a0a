// «Slett besvarelse permanent» on a real project file: the response, its
// respondent (if asked), source file, codings, links, values and memos are
// gone; the audit trail keeps an entry saying what was erased, by whom and
// when, without the content; and no byte of the text is left anywhere in the
// database file or its WAL (raw bytes searched after the erasure, the search
// index included). Snapshots taken before it are listed as still holding it.
import path from 'node:path';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codingProject, count, CSV_HEADER, ROWS, type CodingProject } from '../../../helpers/coding';
import { toCsv } from '../../../helpers/import-fixtures';
import type { ErasureResult } from '../../../../src-shared/domain';

// Words that occur nowhere else in the project.
const SECRET_WORDS = ['Xylofonkvartetten', 'Quokkaflokken', 'Zebrafinkene'];
const PRIVATE_ROW = [
  '',
  'Gudbrand Xyzzysen',
  '03.06.2022',
  `Mitt fødselsnummer er 01010750160, og ${SECRET_WORDS[0]} er bekymret.`,
  `Ring meg på 912 34 567 eller skriv til gudbrand.xyzzysen@online.no om ${SECRET_WORDS[1]}.`,
  `Jeg bor i Storgata 5, 8006 Bodø, nær ${SECRET_WORDS[2]}.`,
  'Via telefon.',
  'Nei.',
];
/** Everything of the erased response that may be left nowhere. */
const TRACES = [...SECRET_WORDS, ...SECRET_WORDS.map((w) => w.toLowerCase()), '01010750160', 'gudbrand.xyzzysen', 'Gudbrand Xyzzysen', 'xyzzysen', 'Storgata 5', 'gudbrand-privat.csv'];

/** Which traces the project file and its WAL hold, as raw bytes (UTF-8, as SQLite stores text). */
function tracesIn(file: string): string[] {
  const bytes = [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f));
  return TRACES.filter((t) => bytes.some((b) => b.includes(Buffer.from(t, 'utf8'))));
}

let p: CodingProject;
let responseId: string;
let result: ErasureResult;

beforeAll(async () => {
  p = await codingProject({ rows: ROWS });
  const csv = path.join(p.dir, 'gudbrand-privat.csv');
  writeFileSync(csv, toCsv([CSV_HEADER, PRIVATE_ROW], { delimiter: ';' }));
  await p.api.import.run({ paths: [csv] });
  const summary = (await p.api.responses.list({})).find((r) => r.respondentName === 'Gudbrand Xyzzysen')!;
  responseId = summary.id;
  const detail = await p.api.responses.get({ id: responseId });
  const [q1, q2, q3] = detail.answers;
  // Work on it: codings, a link, a value, memos, a split correction (old answers live on in the trail), a search.
  const code = await p.api.codebook.create({ name: 'Bekymring' });
  const coding = await p.api.codings.create({ answerId: q1.id, codeId: code.id, start: 0, end: 20 });
  await p.api.codings.create({ answerId: q2.id, codeId: code.id });
  const report = await p.api.findings.saveReport({ key: 'r1', title: 'Evaluering', publisher: 'Direktoratet' });
  const finding = await p.api.findings.save({ reportId: report.id, statement: 'Bekymring' });
  await p.api.findings.link({ findingId: finding.id, codingId: coding.id, relation: 'stotter' });
  const variable = (await p.api.variables.list()).find((v) => v.key === 'q2_satisfied')!;
  await p.api.variables.set({ responseId, variableId: variable.id, value: 'ja' });
  await p.api.memos.set({ targetType: 'response', targetId: responseId, text: `Notat om ${SECRET_WORDS[0]}` });
  await p.api.memos.set({ targetType: 'answer', targetId: q2.id, text: `Ring ${SECRET_WORDS[1]}` });
  await p.api.answers.assign({ answerId: q3.id, start: 0, end: 10, questionId: null });
  await p.api.search.query({ query: SECRET_WORDS[0] });
  await p.api.backup.create();
  // The erasure: a second later than the snapshot.
  await new Promise((r) => setTimeout(r, 5));
  expect(tracesIn(p.file).length, 'the text is in the file before').toBeGreaterThan(0);
  result = await p.api.responses.erase({ id: responseId, withRespondent: true, confirm: true });
});
afterAll(() => p.cleanup());

describe('erasure on request', () => {
  it('leaves no trace of the text anywhere in the database file or its WAL', () => {
    expect(tracesIn(p.file)).toEqual([]);
  });

  it('removes the response, its respondent, source file, codings, links, values and memos', async () => {
    const store = p.store();
    expect(count(store, 'response', 'id = ?', responseId)).toBe(0);
    expect(count(store, 'respondent', "name = 'Gudbrand Xyzzysen'")).toBe(0);
    expect(count(store, 'source_file', "name LIKE '%gudbrand%'")).toBe(0);
    expect(count(store, 'finding_link')).toBe(0);
    expect(count(store, 'memo')).toBe(0);
    expect(count(store, 'variable_value', 'response_id = ?', responseId)).toBe(0);
    expect(result.counts).toMatchObject({ response: 1, respondent: 1, source_file: 1, finding_link: 1, variable_value: 1, memo: 2 });
    expect(result.counts.answer).toBeGreaterThanOrEqual(6); // five answers, and those the split correction replaced
    expect(result.counts.coding).toBe(2);
    expect((await p.api.search.query({ query: SECRET_WORDS[0] })).total).toBe(0);
    // The other responses are untouched.
    expect((await p.api.responses.list({})).map((r) => r.respondentName).sort()).toEqual(['Bodø kommune', 'Hamar kommune', 'Oslo kommune', 'Tromsø kommune']);
  });

  it('records what was erased, when and by whom, without the content', () => {
    const store = p.store();
    const entry = store.sqlite.prepare("SELECT * FROM event WHERE action = 'response.erase'").get() as { actor: string; at: string; entity_type: string; entity_id: string; after: string };
    expect(entry.actor).toBe('Test Saksbehandler');
    expect(entry.entity_type).toBe('erasure');
    expect(entry.entity_id).toBe(result.erasureId);
    const after = JSON.parse(entry.after) as { response: string; erased: Record<string, string[]> };
    expect(after.response).toBe(responseId);
    expect(after.erased.coding).toHaveLength(2);
    for (const t of TRACES) expect(entry.after).not.toContain(t);
    // The events about the erased rows are still there, their images emptied.
    const scrubbed = store.sqlite.prepare("SELECT count(*) FROM event WHERE entity_type = 'answer' AND before IS NULL AND after IS NULL").pluck().get() as number;
    expect(scrubbed).toBeGreaterThan(0);
  });

  it('lists the snapshots taken after the import and before the erasure as still holding it', async () => {
    // Three snapshots: before each of the two imports (neither holds this response yet) and the one by hand.
    const all = (await p.api.backup.list({})).snapshots;
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(result.backupsHoldingIt).toHaveLength(1);
    for (const s of result.backupsHoldingIt) expect(s.takenAt < result.at).toBe(true);
  });

  it('keeps the audit trail closed to every other change', () => {
    const { sqlite } = p.store();
    expect(sqlite.prepare("SELECT count(*) FROM event WHERE entity_type = 'code'").pluck().get()).toBeGreaterThan(0);
    expect(() => sqlite.prepare("UPDATE event SET before = NULL, after = NULL WHERE entity_type = 'code'").run()).toThrow(/append-only/);
    // An erased entity's images are NULL already; nothing else of its events may change.
    expect(() => sqlite.prepare("UPDATE event SET actor = 'x' WHERE entity_type = 'answer' AND before IS NULL AND after IS NULL").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("UPDATE event SET action = 'x' WHERE action = 'response.erase'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("UPDATE event SET after = '{}' WHERE action = 'response.erase'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM event').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM erasure').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM erased_entity').run()).toThrow(/append-only/);
  });

  it('refuses to erase a respondent that has other responses, and confirms nothing it was not asked', async () => {
    const bodo = (await p.api.responses.list({})).find((r) => r.municipality?.number === '1804')!;
    const csv = path.join(p.dir, 'bodo-igjen.csv');
    writeFileSync(csv, toCsv([CSV_HEADER, ['1804', 'Bodø kommune', '20.06.2022', 'Nytt svar.', 'Ja.', '', '', '']], { delimiter: ';' }));
    await p.api.import.run({ paths: [csv] });
    await expect(p.api.responses.erase({ id: bodo.id, withRespondent: true, confirm: true })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(p.api.responses.erase({ id: bodo.id, confirm: false as true })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('innspill erase', () => {
  it('refuses without --yes and erases with it, listing what it erased', async () => {
    const { runCli } = await import('../../../helpers/cli');
    const target = (await p.api.responses.list({})).find((r) => r.municipality?.number === '5401')!;
    await p.api.project.close();
    const refused = await runCli(p.dir, ['erase', p.file, target.id]);
    expect(refused.code).toBe(2);
    const done = await runCli(p.dir, ['erase', p.file, target.id, '--yes', '--json']);
    expect(done.code).toBe(0);
    expect(JSON.parse(done.out).responseId).toBe(target.id);
    await p.api.project.open({ path: p.file });
    expect((await p.api.responses.list({})).some((r) => r.id === target.id)).toBe(false);
  });
});
