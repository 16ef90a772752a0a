// The agreement report, the disagreements and their resolution on a small
// project where every number is known by hand. Two caseworkers, Kari (A) and
// Ola (B), code the same file one after the other (the author of each change
// is switched), so the second one's value of a closed variable overwrites the
// first one's, as it would arrive as a merge conflict from a work package.
//
// Bodø, Hamar and Tromsø are assigned to both (double-coded); Oslo to Kari
// only, so Ola's coding there does not put Oslo in the sample. Units are the
// answers of the three double-coded responses with text: Bodø 5, Hamar 4
// (question 3 is empty), Tromsø 5 = 14.
//
//   Rus (any question)   Kari: Bodø q1                 Ola: Bodø q1 (another span), Tromsø q1
//   Vold (any question)  Kari: Bodø q1, Hamar q1       Ola: Bodø q5
//                        (Ola deletes Kari's Hamar coding, and one of his own on Hamar q4)
//   Fornøyd (question 2) nobody — 3 units, all absent
//   q2_satisfied         Bodø nei/nei, Hamar delvis/ja, Tromsø ja/(not set)
//   q4_channels (multi)  Bodø [telefon, internett] / [telefon]
//
// Rus:  both 1, only A 0, only B 1, neither 12 → p_o 13/14, kappa 12/19, alpha 1 − 27·2/(2·3·25) = 0.64
// Vold: both 0, only A 2, only B 1, neither 11 → p_o 11/14, kappa −2/19, alpha 1 − 27·6/150 = −0.08
// q2:   units 2 (Tromsø is one-sided), kappa 1/3, alpha 1 − 3·2/10 = 0.4
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementReport, CodeAgreement } from '../../../../src-shared/agreement';
import type { Variable } from '../../../../src-shared/coding';
import { expectApiError } from '../../../helpers/api';
import { codingProject, count, spanOf, type CodingProject } from '../../../helpers/coding';
import { handOut, laptop, LEAD, masterProject, merge, takeBack, type Laptop } from '../../../helpers/team';

let p: CodingProject;
let variables: Variable[];
const codes = { rus: '', vold: '', fornoyd: '' };
const ids: Record<string, string> = {};

const variable = (key: string) => variables.find((v) => v.key === key)!;
const code = (report: AgreementReport, id: string): CodeAgreement => report.codes.find((c) => c.codeId === id)!;

async function assign(number: string, ...assignees: string[]) {
  const store = p.store();
  const respondent = store.sqlite.prepare('SELECT respondent_id AS id FROM response WHERE id = ?').get(p.response(number).id) as { id: string };
  for (const assignee of assignees) {
    store.sqlite
      .prepare("INSERT INTO assignment (id, created_at, created_by, updated_at, updated_by, respondent_id, assignee) VALUES (?, 't', 'Leder', 't', 'Leder', ?, ?)")
      .run(`as-${number}-${assignee}`, respondent.id, assignee);
  }
}

async function codeSpan(number: string, question: number, codeId: string, part?: string) {
  const answer = p.response(number).q(question);
  return p.api.codings.create({ answerId: answer.id, codeId, ...(part ? spanOf(answer.text, part) : {}) });
}

beforeAll(async () => {
  p = await codingProject();
  variables = await p.api.variables.list();
  p.setAuthor('Leder');
  codes.rus = (await p.api.codebook.create({ name: 'Rus' })).id;
  codes.vold = (await p.api.codebook.create({ name: 'Vold' })).id;
  codes.fornoyd = (await p.api.codebook.create({ name: 'Fornøyd', questionId: p.questions.get(2)! })).id;
  await assign('1804', 'Kari', 'Ola');
  await assign('3403', 'Kari', 'Ola');
  await assign('5401', 'Kari', 'Ola');
  await assign('0301', 'Kari');

  p.setAuthor('Kari');
  await codeSpan('1804', 1, codes.rus, 'Rus blant unge');
  await codeSpan('1804', 1, codes.vold, 'Vold i nære relasjoner');
  ids.kariHamarVold = (await codeSpan('3403', 1, codes.vold)).id;
  await codeSpan('0301', 1, codes.rus);
  const set = (number: string, key: string, value: string | string[]) => p.api.variables.set({ responseId: p.response(number).id, variableId: variable(key).id, value });
  await set('1804', 'q2_satisfied', 'nei');
  await set('3403', 'q2_satisfied', 'delvis');
  await set('5401', 'q2_satisfied', 'ja');
  await set('1804', 'q4_channels', ['telefon', 'internett']);

  p.setAuthor('Ola');
  await codeSpan('1804', 1, codes.rus, 'Rus');
  await codeSpan('1804', 5, codes.vold);
  ids.olaTromsoRus = (await codeSpan('5401', 1, codes.rus)).id;
  await codeSpan('0301', 2, codes.vold);
  const second = await codeSpan('3403', 4, codes.vold);
  await p.api.codings.delete({ id: second.id }); // changed his mind: not his judgement any more
  await p.api.codings.delete({ id: ids.kariHamarVold }); // a colleague's coding: still Kari's judgement
  // Setting the value that is already there writes nothing (no trace of Ola's
  // judgement in a shared file), so Ola first sets another one and then agrees.
  await set('1804', 'q2_satisfied', 'ja');
  await set('1804', 'q2_satisfied', 'nei');
  await set('3403', 'q2_satisfied', 'ja');
  await set('1804', 'q4_channels', ['telefon']);
  await p.api.responses.setStatus({ id: p.response('5401').id, status: 'ferdig' });
  p.setAuthor('Leder');
});

afterAll(async () => {
  await p.cleanup();
});

describe('agreement.report', () => {
  it('compares the assignees of double-coded respondents by default, on their three responses', async () => {
    const report = await p.api.agreement.report({});
    expect(report.coders).toEqual(['Kari', 'Ola']);
    expect(report.defaultCoders).toEqual(['Kari', 'Ola']);
    // Leder made the codebook and the assignments, but coded nothing.
    expect(report.candidates).toEqual(['Kari', 'Ola']);
    expect(report.responses).toBe(3);
    expect(report.unit).toBe('answer');
  });

  it('gives percentage agreement, kappa and alpha per code with the counts behind them', async () => {
    const report = await p.api.agreement.report({});
    const rus = code(report, codes.rus);
    expect(rus).toMatchObject({ units: 14, agreeing: 13, disagreeing: 1, present: [1, 2], counts: { bothPresent: 1, onlyA: 0, onlyB: 1, bothAbsent: 12 } });
    expect(rus.percentAgreement).toBeCloseTo(13 / 14, 12);
    expect(rus.kappa.value).toBeCloseTo(12 / 19, 12);
    expect(rus.alpha.value).toBeCloseTo(0.64, 12);

    const vold = code(report, codes.vold);
    expect(vold).toMatchObject({ units: 14, agreeing: 11, present: [2, 1], counts: { bothPresent: 0, onlyA: 2, onlyB: 1, bothAbsent: 11 } });
    expect(vold.kappa.value).toBeCloseTo(-2 / 19, 12);
    expect(vold.alpha.value).toBeCloseTo(-0.08, 12);
  });

  it('judges a scoped code on its question only, and says why a coefficient is undefined', async () => {
    const fornoyd = code(await p.api.agreement.report({}), codes.fornoyd);
    expect(fornoyd).toMatchObject({ units: 3, agreeing: 3, percentAgreement: 1, counts: { bothAbsent: 3 } });
    expect(fornoyd.kappa).toEqual({ value: null, reason: 'no-variation' });
    expect(fornoyd.alpha).toEqual({ value: null, reason: 'no-variation' });
  });

  it('compares closed variables by the value each coder set, apart from units only one coder valued', async () => {
    const report = await p.api.agreement.report({});
    const q2 = report.variables.find((v) => v.key === 'q2_satisfied')!;
    expect(q2).toMatchObject({ kind: 'single', units: 2, agreeing: 1, oneSided: 1 });
    expect(q2.kappa.value).toBeCloseTo(1 / 3, 12);
    expect(q2.alpha.value).toBeCloseTo(0.4, 12);
    // Rows: Kari's value, columns: Ola's (Hamar delvis/ja, Bodø nei/nei).
    expect(q2.table).toEqual({
      categories: ['delvis', 'ja', 'nei'],
      labels: ['Delvis', 'Ja', 'Nei'],
      counts: [
        [0, 1, 0],
        [0, 0, 0],
        [0, 0, 1],
      ],
    });
    const q4 = report.variables.find((v) => v.key === 'q4_channels')!;
    expect(q4).toMatchObject({ kind: 'multi', units: 1, agreeing: 0 });
    const byOption = Object.fromEntries(q4.options.map((o) => [o.value, o]));
    expect(byOption.telefon).toMatchObject({ units: 1, agreeing: 1, counts: { bothPresent: 1 } });
    expect(byOption.internett).toMatchObject({ units: 1, agreeing: 0, counts: { onlyA: 1 } });
    expect(report.variables.some((v) => v.key === 'q5_premises_offered')).toBe(false);
  });

  it('narrows to one question and to chosen codes, and refuses unknown ones', async () => {
    const q1 = await p.api.agreement.report({ questionId: p.questions.get(1)! });
    expect(code(q1, codes.rus)).toMatchObject({ units: 3, agreeing: 2 });
    expect(q1.codes.some((c) => c.codeId === codes.fornoyd)).toBe(false);
    expect(q1.variables).toEqual([]);
    const only = await p.api.agreement.report({ codeIds: [codes.vold] });
    expect(only.codes.map((c) => c.codeId)).toEqual([codes.vold]);
    await expectApiError(p.api.agreement.report({ codeIds: ['nope'] }), 'NOT_FOUND');
    await expectApiError(p.api.agreement.report({ questionId: 'nope' }), 'NOT_FOUND');
    await expectApiError(p.api.agreement.report({ coders: ['Kari'] }), 'INVALID_INPUT');
  });

  it('takes coders in the order given and is the same either way round', async () => {
    const ab = await p.api.agreement.report({ coders: ['Kari', 'Ola'] });
    const ba = await p.api.agreement.report({ coders: ['Ola', 'Kari'] });
    expect(code(ba, codes.rus).counts).toEqual({ bothPresent: 1, onlyA: 1, onlyB: 0, bothAbsent: 12 });
    expect(code(ba, codes.rus).kappa).toEqual(code(ab, codes.rus).kappa);
    expect(code(ba, codes.rus).alpha).toEqual(code(ab, codes.rus).alpha);
  });

  it('compares three or more coders with alpha only, a missing coder changing nothing', async () => {
    const two = await p.api.agreement.report({ coders: ['Kari', 'Ola'] });
    const three = await p.api.agreement.report({ coders: ['Kari', 'Ola', 'Per'] });
    expect(three.coders).toEqual(['Kari', 'Ola', 'Per']);
    const rus = code(three, codes.rus);
    expect(rus).toMatchObject({ units: 14, present: [1, 2, 0], counts: null, kappa: { value: null, reason: 'not-two-coders' } });
    expect(rus.alpha).toEqual(code(two, codes.rus).alpha);
  });

  it('has no units for coders who never coded the same response', async () => {
    const report = await p.api.agreement.report({ coders: ['Kari', 'Leder'] });
    expect(report.responses).toBe(0);
    expect(code(report, codes.rus)).toMatchObject({ units: 0, percentAgreement: null, kappa: { value: null, reason: 'no-units' } });
  });
});

describe('agreement.disagreements', () => {
  it('lists each unit where the coders differ, both sides side by side', async () => {
    const list = await p.api.agreement.disagreements({ codeId: codes.vold });
    expect(list.coders).toEqual(['Kari', 'Ola']);
    expect(list.items.map((d) => [d.municipality?.name, d.question?.ordinal])).toEqual([
      ['Bodø', 1],
      ['Bodø', 5],
      ['Hamar', 1],
    ]);
    const bodo = list.items[0];
    expect(bodo).toMatchObject({ kind: 'code', codeName: 'Vold', resolution: null, respondentName: 'Bodø kommune' });
    expect(bodo.answers.map((a) => a.text)).toEqual([p.response('1804').q(1).text]);
    expect(bodo.sides.map((s) => [s.coder, s.codings.map((k) => k.quote)])).toEqual([
      ['Kari', ['Vold i nære relasjoner']],
      ['Ola', []],
    ]);
    // Kari's Hamar coding was deleted by Ola: still Kari's judgement, marked as no longer in the project.
    const hamar = list.items[2];
    expect(hamar.sides[0].codings).toEqual([expect.objectContaining({ id: ids.kariHamarVold, exists: false, quote: 'Digital kriminalitet og svindel mot eldre.' })]);
  });

  it('lists variable disagreements with each value and its label', async () => {
    const list = await p.api.agreement.disagreements({ variableId: variable('q2_satisfied').id });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ kind: 'variable', variableLabel: variable('q2_satisfied').label, question: { ordinal: 2 } });
    expect(list.items[0].sides.map((s) => [s.coder, s.value, s.valueLabel])).toEqual([
      ['Kari', 'delvis', 'Delvis'],
      ['Ola', 'ja', 'Ja'],
    ]);
    expect(list.items[0].answers.map((a) => a.text)).toEqual(['Delvis fornøyd.']);
  });

  it('lists every disagreement without a filter, and refuses a code and a variable at once', async () => {
    const all = await p.api.agreement.disagreements({});
    // Rus 1, Vold 3, q2 1, q4 1.
    expect(all.items).toHaveLength(6);
    await expectApiError(p.api.agreement.disagreements({ codeId: codes.rus, variableId: variable('q2_satisfied').id }), 'INVALID_INPUT');
  });
});

describe('agreement.resolve', () => {
  it("applies 'a' (Kari's: no Rus in Tromsø) as one undoable action, records it, and keeps the report on the original coding", async () => {
    const before = await p.api.agreement.report({});
    const resolution = await p.api.agreement.resolve({
      kind: 'code',
      responseId: p.response('5401').id,
      questionId: p.questions.get(1)!,
      codeId: codes.rus,
      coders: ['Kari', 'Ola'],
      decision: 'a',
      note: 'Rus nevnes ikke',
    });
    expect(resolution).toMatchObject({ decision: 'a', coders: ['Kari', 'Ola'], note: 'Rus nevnes ikke', resolvedBy: 'Leder', value: null });
    expect(count(p.store(), 'coding', 'id = ?', ids.olaTromsoRus)).toBe(0);
    const snapshot = JSON.parse((p.store().sqlite.prepare('SELECT snapshot FROM agreement_resolution').get() as { snapshot: string }).snapshot);
    expect(snapshot).toEqual([
      { coder: 'Kari', codings: [] },
      { coder: 'Ola', codings: [expect.objectContaining({ id: ids.olaTromsoRus })] },
    ]);

    const after = await p.api.agreement.report({});
    expect(code(after, codes.rus)).toEqual({ ...code(before, codes.rus), resolved: 1 });
    expect(after.disagreements).toEqual({ open: before.disagreements.open - 1, resolved: 1 });
    const listed = await p.api.agreement.disagreements({ codeId: codes.rus });
    expect(listed.items[0].resolution).toMatchObject({ decision: 'a', resolvedBy: 'Leder' });
    expect(listed.items[0].sides[1].codings[0]).toMatchObject({ id: ids.olaTromsoRus, exists: false });
    expect((await p.api.agreement.disagreements({ codeId: codes.rus, status: 'open' })).items).toEqual([]);
    expect((await p.api.agreement.disagreements({ codeId: codes.rus, status: 'resolved' })).items).toHaveLength(1);

    expect((await p.api.history.state({})).undo).toMatchObject({ action: 'agreement.resolve' });
    await p.api.history.undo({});
    expect(count(p.store(), 'coding', 'id = ?', ids.olaTromsoRus)).toBe(1);
    expect(count(p.store(), 'agreement_resolution')).toBe(0);
    expect(code(await p.api.agreement.report({}), codes.rus)).toEqual(code(before, codes.rus));
    await p.api.history.redo({});
    expect(count(p.store(), 'coding', 'id = ?', ids.olaTromsoRus)).toBe(0);
    expect(count(p.store(), 'agreement_resolution')).toBe(1);
  });

  it("puts back a coding that should stand: 'a' on Hamar restores Kari's deleted coding as she left it; 'neither' removes it again", async () => {
    const unit = { kind: 'code' as const, responseId: p.response('3403').id, questionId: p.questions.get(1)!, codeId: codes.vold, coders: ['Kari', 'Ola'] };
    await p.api.agreement.resolve({ ...unit, decision: 'a' });
    expect(p.store().sqlite.prepare('SELECT created_by, code_id FROM coding WHERE id = ?').get(ids.kariHamarVold)).toEqual({ created_by: 'Kari', code_id: codes.vold });
    await p.api.agreement.resolve({ ...unit, decision: 'neither' });
    expect(count(p.store(), 'coding', 'id = ?', ids.kariHamarVold)).toBe(0);
    // Deciding again replaces the decision: one row per unit.
    expect(count(p.store(), 'agreement_resolution', "code_id = ? AND decision = 'neither'", codes.vold)).toBe(1);
    expect(code(await p.api.agreement.report({}), codes.vold)).toMatchObject({ agreeing: 11, resolved: 1 });
  });

  it("sets a variable to one coder's value ('b'), or to one the lead chooses", async () => {
    const unit = { kind: 'variable' as const, responseId: p.response('3403').id, variableId: variable('q2_satisfied').id, coders: ['Kari', 'Ola'] };
    const value = () => (p.store().sqlite.prepare('SELECT value, updated_by FROM variable_value WHERE response_id = ? AND variable_id = ?').get(unit.responseId, unit.variableId) as { value: string; updated_by: string });
    await p.api.agreement.resolve({ ...unit, decision: 'a' });
    expect(value()).toEqual({ value: '"delvis"', updated_by: 'Leder' });
    const chosen = await p.api.agreement.resolve({ ...unit, decision: 'value', value: 'nei', note: 'Leser svaret som nei' });
    expect(chosen).toMatchObject({ decision: 'value', value: 'nei' });
    expect(value().value).toBe('"nei"');
    // The report still compares Kari's delvis with Ola's ja.
    const q2 = (await p.api.agreement.report({})).variables.find((v) => v.key === 'q2_satisfied')!;
    expect(q2).toMatchObject({ units: 2, agreeing: 1, resolved: 1 });
    expect((await p.api.agreement.disagreements({ variableId: unit.variableId })).items[0].sides.map((s) => s.value)).toEqual(['delvis', 'ja']);

    const multi = { kind: 'variable' as const, responseId: p.response('1804').id, variableId: variable('q4_channels').id, coders: ['Kari', 'Ola'] };
    await p.api.agreement.resolve({ ...multi, decision: 'value', value: ['internett', 'telefon'] });
    expect((p.store().sqlite.prepare('SELECT value FROM variable_value WHERE response_id = ? AND variable_id = ?').get(multi.responseId, multi.variableId) as { value: string }).value).toBe(
      '["telefon","internett"]',
    );
  });

  it('refuses what cannot be decided', async () => {
    const base = { kind: 'code' as const, responseId: p.response('1804').id, questionId: p.questions.get(1)!, codeId: codes.rus, decision: 'a' as const };
    await expectApiError(p.api.agreement.resolve({ ...base, coders: ['Kari', 'Leder'] }), 'INVALID_INPUT');
    await expectApiError(p.api.agreement.resolve({ ...base, coders: ['Kari', 'Kari'] }), 'INVALID_INPUT');
    await expectApiError(p.api.agreement.resolve({ ...base, coders: ['Kari', 'Ola'], codeId: 'nope' }), 'NOT_FOUND');
    await expectApiError(p.api.agreement.resolve({ ...base, coders: ['Kari', 'Ola'], responseId: 'nope' }), 'NOT_FOUND');
    // Oslo is Kari's alone.
    await expectApiError(p.api.agreement.resolve({ ...base, coders: ['Kari', 'Ola'], responseId: p.response('0301').id }), 'INVALID_INPUT');
    const variableBase = { kind: 'variable' as const, responseId: p.response('1804').id, variableId: variable('q2_satisfied').id, coders: ['Kari', 'Ola'] };
    await expectApiError(p.api.agreement.resolve({ ...variableBase, decision: 'value', value: 'kanskje' }), 'INVALID_INPUT');
    await expectApiError(p.api.agreement.resolve({ ...variableBase, decision: 'a', value: 'ja' }), 'INVALID_INPUT');
    await expectApiError(p.api.agreement.resolve({ ...variableBase, variableId: variable('q5_premises_offered').id, decision: 'a' }), 'INVALID_INPUT');
  });
});

describe('after merging two colleagues’ work packages', () => {
  // The lead double-codes Bodø and Hamar (Kari and Ola) and gives Tromsø to
  // Kari alone; each codes in a working copy on their own laptop and the lead
  // merges Kari's return, then Ola's. Ola's identical Rus span is kept once
  // (a duplicate), his Bodø value equals Kari's (nothing written), his Hamar
  // value collides with hers (a merge conflict): all of it is still his.
  //   Units: Bodø 5 + Hamar 4 = 9.
  //   Rus:  both Bodø q1 → 9/9, kappa 1, alpha 1
  //   Vold: Kari Hamar q1 only → 8/9, kappa 0
  //   q2:   Bodø nei/nei, Hamar delvis/ja → 1 of 2
  let master: CodingProject;
  let kari: Laptop;
  let ola: Laptop;
  const team = { rus: '', vold: '' };

  beforeAll(async () => {
    master = await masterProject();
    team.rus = (await master.api.codebook.create({ name: 'Rus' })).id;
    team.vold = (await master.api.codebook.create({ name: 'Vold' })).id;
    await master.api.team.assign({ assignee: 'Kari', countyNumbers: ['18', '34', '54'] });
    await master.api.team.assign({ assignee: 'Ola', countyNumbers: ['18', '34'] });
    kari = laptop('Kari');
    ola = laptop('Ola');
    await handOut(master, kari);
    await handOut(master, ola);
    const q2 = (await kari.api.variables.list()).find((v) => v.key === 'q2_satisfied')!.id;

    const bodoK = kari.response('1804').q(1);
    await kari.api.codings.create({ answerId: bodoK.id, codeId: team.rus, ...spanOf(bodoK.text, 'Rus blant unge') });
    await kari.api.codings.create({ answerId: kari.response('3403').q(1).id, codeId: team.vold });
    await kari.api.variables.set({ responseId: kari.response('1804').id, variableId: q2, value: 'nei' });
    await kari.api.variables.set({ responseId: kari.response('3403').id, variableId: q2, value: 'delvis' });
    await kari.api.codings.create({ answerId: kari.response('5401').q(1).id, codeId: team.rus });

    const bodoO = ola.response('1804').q(1);
    await ola.api.codings.create({ answerId: bodoO.id, codeId: team.rus, ...spanOf(bodoO.text, 'Rus blant unge') });
    await ola.api.variables.set({ responseId: ola.response('1804').id, variableId: q2, value: 'nei' });
    await ola.api.variables.set({ responseId: ola.response('3403').id, variableId: q2, value: 'ja' });

    expect(await merge(master, await takeBack(master, kari))).toMatchObject({ conflicts: 0 });
    expect(await merge(master, await takeBack(master, ola))).toMatchObject({ conflicts: 1, unchanged: 2 });
  });

  afterAll(async () => {
    await kari.dispose();
    await ola.dispose();
    await master.cleanup();
  });

  it('compares what each colleague coded, including what the merge kept once or listed as a conflict', async () => {
    const report = await master.api.agreement.report({});
    expect(report.coders).toEqual(['Kari', 'Ola']);
    expect(report.responses).toBe(2);
    expect(code(report, team.rus)).toMatchObject({ units: 9, agreeing: 9, counts: { bothPresent: 1, onlyA: 0, onlyB: 0, bothAbsent: 8 }, kappa: { value: 1 }, alpha: { value: 1 } });
    expect(code(report, team.vold)).toMatchObject({ units: 9, agreeing: 8, counts: { onlyA: 1 }, kappa: { value: 0 } });
    expect(report.variables.find((v) => v.key === 'q2_satisfied')).toMatchObject({ units: 2, agreeing: 1, oneSided: 0 });
    // One Rus coding in the project for the two of them.
    expect(count(master.store(), 'coding', 'code_id = ?', team.rus)).toBe(2); // Bodø (kept once) and Kari's Tromsø
  });

  it('a decision under Samsvar also closes the merge conflict on that value (as the master now holds it), undoably', async () => {
    const variableId = (await master.api.variables.list()).find((v) => v.key === 'q2_satisfied')!.id;
    const hamar = master.response('3403').id;
    const [open] = await master.api.team.conflicts({ status: 'open' });
    expect(open.entityType).toBe('variable_value');
    await master.api.agreement.resolve({ kind: 'variable', responseId: hamar, variableId, coders: ['Kari', 'Ola'], decision: 'a' });
    const closed = (await master.api.team.conflicts({ status: 'all' })).find((c) => c.id === open.id)!;
    expect(closed).toMatchObject({ status: 'resolved', resolution: 'ours', resolvedBy: LEAD });
    expect((await master.api.agreement.disagreements({ variableId })).items[0].openMergeConflict).toBe(false);
    // Choosing the colleague's side now is refused: the decision stands.
    await expectApiError(master.api.team.resolveConflict({ id: open.id, choose: 'theirs' }), 'INVALID_INPUT');
    // One undo takes back the decision and reopens the conflict.
    await master.api.history.undo({});
    expect((await master.api.team.conflicts({ status: 'open' })).map((c) => c.id)).toEqual([open.id]);
  });

  it("resolves the colliding value, and the lead's merge-conflict decision does not change whose value was whose", async () => {
    const variableId = (await master.api.variables.list()).find((v) => v.key === 'q2_satisfied')!.id;
    const listed = async () => (await master.api.agreement.disagreements({ variableId })).items[0];
    expect((await listed()).openMergeConflict).toBe(true);
    const [conflict] = await master.api.team.conflicts({});
    await master.api.team.resolveConflict({ id: conflict.id, choose: 'theirs' });
    expect((await listed()).openMergeConflict).toBe(false);
    const resolution = await master.api.agreement.resolve({ kind: 'variable', responseId: master.response('3403').id, variableId, coders: ['Kari', 'Ola'], decision: 'b' });
    expect(resolution).toMatchObject({ decision: 'b', value: 'ja', resolvedBy: LEAD });
    const [item] = (await master.api.agreement.disagreements({ variableId })).items;
    expect(item.sides.map((s) => [s.coder, s.value])).toEqual([
      ['Kari', 'delvis'],
      ['Ola', 'ja'],
    ]);
    expect(item.resolution).toMatchObject({ decision: 'b' });
  });
});
