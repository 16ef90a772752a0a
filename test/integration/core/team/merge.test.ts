// Merge scenarios: every kind of conflict the issue names, codings on both
// sides, repeated and later returns, and the lead's decisions.
import { afterEach, describe, expect, it } from 'vitest';
import type { Variable } from '../../../../src-shared/coding';
import { expectApiError } from '../../../helpers/api';
import { count, eventRows, loadResponses, spanOf, workspaceDump, type CodingProject } from '../../../helpers/coding';
import { handOut, laptop, LEAD, masterAndLaptopEachTest, merge, takeBack, type Laptop } from '../../../helpers/team';

let master: CodingProject;
let kari: Laptop;
let variables: Variable[];
const variable = (key: string) => variables.find((v) => v.key === key)!;

/** Master with all four respondents assigned to Kari; each test hands her package out. */
masterAndLaptopEachTest('Kari', async (m, k) => {
  master = m;
  kari = k;
  const overview = await master.api.team.assignments();
  await master.api.team.assign({ assignee: 'Kari', respondentIds: overview.respondents.map((r) => r.respondentId) });
  variables = await master.api.variables.list();
});

describe('conflicts', () => {
  it('both changed the same variable of the same response differently: listed side by side, nothing applied, the lead decides', async () => {
    await handOut(master, kari);
    const bodo = master.response('1804');
    const q2 = variable('q2_satisfied');
    await master.api.variables.set({ responseId: bodo.id, variableId: q2.id, value: 'nei' });
    await kari.api.variables.set({ responseId: bodo.id, variableId: q2.id, value: 'delvis' });
    // A value both set the same is not a conflict.
    const q5 = variable('q5_wants_station');
    await master.api.variables.set({ responseId: bodo.id, variableId: q5.id, value: 'ja' });
    await kari.api.variables.set({ responseId: bodo.id, variableId: q5.id, value: 'ja' });

    const report = await merge(master, await takeBack(master, kari));
    expect(report.conflicts).toBe(1);
    expect(report.unchanged).toBe(1);
    const [conflict] = await master.api.team.conflicts({});
    expect(conflict).toMatchObject({
      kind: 'both_changed',
      entityType: 'variable_value',
      naturalKey: `${bodo.id}|${q2.id}`,
      assignee: 'Kari',
      status: 'open',
      ours: { actor: LEAD, summary: 'Nei' },
      theirs: { actor: 'Kari', summary: 'Delvis' },
      base: null,
      context: { municipalityNumber: '1804', municipalityName: 'Bodø', variableLabel: q2.label, responseId: bodo.id, questionOrdinal: 2 },
    });
    expect(conflict.columns).toContain('value');
    const value = async () => (await master.api.workspace.response({ id: bodo.id })).values.find((v) => v.variableId === q2.id)!;
    expect((await value()).value).toBe('nei');

    const resolved = await master.api.team.resolveConflict({ id: conflict.id, choose: 'theirs' });
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'theirs', resolvedBy: LEAD });
    expect(await value()).toMatchObject({ value: 'delvis', updatedBy: 'Kari' });
    const decision = eventRows(master.store()).filter((e) => e.action === 'conflict.resolve');
    expect(decision.map((e) => [e.entity_type, e.actor])).toEqual([
      ['variable_value', LEAD],
      ['merge_conflict', LEAD],
    ]);
    expect(await master.api.team.conflicts({})).toEqual([]);
    // The decision is one undoable action.
    await master.api.history.undo();
    expect((await value()).value).toBe('nei');
    expect((await master.api.team.conflicts({}))[0].status).toBe('open');
  });

  it('a code renamed on one side and deleted on the other, either way round', async () => {
    const a = await master.api.codebook.create({ name: 'Bemanning' });
    const b = await master.api.codebook.create({ name: 'Responstid' });
    await handOut(master, kari);
    await master.api.codebook.update({ id: a.id, name: 'Bemanning og lensmann' });
    await kari.api.codebook.delete({ id: a.id });
    await master.api.codebook.delete({ id: b.id });
    await kari.api.codebook.update({ id: b.id, name: 'Responstid om natten' });

    const report = await merge(master, await takeBack(master, kari));
    expect(report.conflicts).toBe(2);
    const conflicts = await master.api.team.conflicts({});
    const renamedHere = conflicts.find((c) => c.entityId === a.id)!;
    expect(renamedHere).toMatchObject({ kind: 'changed_deleted', ours: { codeName: 'Bemanning og lensmann' }, theirs: { row: null }, base: { codeName: 'Bemanning' } });
    const deletedHere = conflicts.find((c) => c.entityId === b.id)!;
    expect(deletedHere).toMatchObject({ kind: 'changed_deleted', ours: { row: null }, theirs: { codeName: 'Responstid om natten', actor: 'Kari' } });
    const names = async () => (await master.api.codebook.list()).map((c) => c.name).sort();
    expect(await names()).toEqual(['Bemanning og lensmann']);

    await master.api.team.resolveConflict({ id: renamedHere.id, choose: 'theirs' }); // delete it after all
    await master.api.team.resolveConflict({ id: deletedHere.id, choose: 'theirs' }); // bring it back renamed
    expect(await names()).toEqual(['Responstid om natten']);
  });

  it('a code deleted in the working copy that the master has used since is not deleted', async () => {
    const code = await master.api.codebook.create({ name: 'Beredskap' });
    await handOut(master, kari);
    const q3 = master.response('1804').q(3);
    await master.api.codings.create({ answerId: q3.id, codeId: code.id });
    await kari.api.codebook.delete({ id: code.id });
    const report = await merge(master, await takeBack(master, kari));
    expect(report.conflicts).toBe(1);
    const [conflict] = await master.api.team.conflicts({});
    expect(conflict).toMatchObject({ kind: 'changed_deleted', entityType: 'code', theirs: { row: null } });
    expect((await master.api.codebook.list()).map((c) => c.name)).toEqual(['Beredskap']);
    // Taking the colleague's side deletes the code with its codings, as a code delete does.
    await master.api.team.resolveConflict({ id: conflict.id, choose: 'theirs' });
    expect(await master.api.codebook.list()).toEqual([]);
    expect(count(master.store(), 'coding')).toBe(0);
  });

  it('a coding in the working copy with a code the master deleted: missing parent', async () => {
    const code = await master.api.codebook.create({ name: 'Tillit' });
    await handOut(master, kari);
    await master.api.codebook.delete({ id: code.id });
    const q1 = kari.response('5401').q(1);
    await kari.api.codings.create({ answerId: q1.id, codeId: code.id, ...spanOf(q1.text, 'Lange avstander') });
    const report = await merge(master, await takeBack(master, kari));
    expect(report.conflicts).toBe(1);
    const [conflict] = await master.api.team.conflicts({});
    expect(conflict).toMatchObject({ kind: 'missing_parent', entityType: 'coding', theirs: { quote: 'Lange avstander', actor: 'Kari' }, context: { municipalityNumber: '5401', questionOrdinal: 1 } });
    await expect(master.api.team.resolveConflict({ id: conflict.id, choose: 'theirs' })).rejects.toThrow(/code it refers to is no longer/);
    await master.api.team.resolveConflict({ id: conflict.id, choose: 'ours' });
    expect(count(master.store(), 'coding')).toBe(0);
  });

  it('a coding on text the master moved to another question since the base: moved_text, placed on the same text when taken', async () => {
    const code = await master.api.codebook.create({ name: 'Samlokalisering' });
    await handOut(master, kari);
    const q5 = master.response('5401').q(5);
    const span = spanOf(q5.text, 'vi vil vurdere samlokalisering');
    await master.api.answers.assign({ answerId: q5.id, ...span, questionId: master.questions.get(3)! });
    await kari.api.codings.create({ answerId: q5.id, codeId: code.id, ...span });

    const report = await merge(master, await takeBack(master, kari));
    expect(report.conflicts).toBe(1);
    const [conflict] = await master.api.team.conflicts({});
    expect(conflict).toMatchObject({ kind: 'moved_text', entityType: 'coding', theirs: { quote: 'vi vil vurdere samlokalisering', codeName: 'Samlokalisering' }, context: { municipalityNumber: '5401' } });
    await master.api.team.resolveConflict({ id: conflict.id, choose: 'theirs' });
    const ws = await master.api.workspace.response({ id: master.response('5401').id });
    expect(ws.codings.map((k) => [k.quote, ws.response.answers.find((a) => a.id === k.answerId)!.questionOrdinal, k.createdBy])).toEqual([
      ['vi vil vurdere samlokalisering', 3, 'Kari'],
    ]);
  });

  it('a split in the working copy of text the master has coded since: one moved_text conflict, her codings on the new parts held', async () => {
    const code = await master.api.codebook.create({ name: 'Rus' });
    const other = await master.api.codebook.create({ name: 'Vold' });
    await handOut(master, kari);
    const q1 = master.response('1804').q(1);
    await master.api.codings.create({ answerId: q1.id, codeId: code.id, ...spanOf(q1.text, 'Rus blant unge') });
    const split = spanOf(q1.text, 'Vold i nære relasjoner øker også.');
    await kari.api.answers.assign({ answerId: q1.id, ...split, questionId: master.questions.get(3)! });
    kari.responses = await loadResponses(kari.api);
    const moved = kari.response('1804').q(3).text.includes('Vold') ? kari.response('1804').answers.find((a) => a.text.startsWith('Vold'))! : null;
    await kari.api.codings.create({ answerId: moved!.id, codeId: other.id });

    const before = workspaceDump(master.store());
    const report = await merge(master, await takeBack(master, kari));
    expect(report.conflicts).toBe(2);
    const conflicts = await master.api.team.conflicts({});
    const unit = conflicts.find((c) => c.entityType === 'answer')!;
    expect(unit).toMatchObject({ kind: 'moved_text', entityId: master.response('1804').id, context: { municipalityNumber: '1804' } });
    expect(unit.theirs.summary).toContain('Spørsmål 3: Vold i nære relasjoner øker også.');
    const held = conflicts.find((c) => c.entityType === 'coding')!;
    expect(held).toMatchObject({ kind: 'moved_text', theirs: { codeName: 'Vold', quote: 'Vold i nære relasjoner øker også.' } });
    // The master's answers and coding are as they were.
    const after = workspaceDump(master.store());
    expect(after.answer).toEqual(before.answer);
    expect(after.coding).toEqual(before.coding);
  });

  it('the split taken after the lead removed what blocked it; then her held coding lands on her new part', async () => {
    const code = await master.api.codebook.create({ name: 'Rus' });
    const other = await master.api.codebook.create({ name: 'Vold' });
    await handOut(master, kari);
    const q1 = master.response('1804').q(1);
    const blocking = await master.api.codings.create({ answerId: q1.id, codeId: code.id });
    await kari.api.answers.assign({ answerId: q1.id, ...spanOf(q1.text, 'Vold i nære relasjoner øker også.'), questionId: master.questions.get(3)! });
    kari.responses = await loadResponses(kari.api);
    const moved = kari.response('1804').answers.find((a) => a.text.startsWith('Vold'))!;
    await kari.api.codings.create({ answerId: moved.id, codeId: other.id });
    await merge(master, await takeBack(master, kari));
    const conflicts = await master.api.team.conflicts({});
    const unit = conflicts.find((c) => c.entityType === 'answer')!;
    const held = conflicts.find((c) => c.entityType === 'coding')!;
    await expect(master.api.team.resolveConflict({ id: unit.id, choose: 'theirs' })).rejects.toThrow(/remove them first/);
    await master.api.codings.delete({ id: blocking.id });
    await master.api.team.resolveConflict({ id: unit.id, choose: 'theirs' });
    await master.api.team.resolveConflict({ id: held.id, choose: 'theirs' });
    const ws = await master.api.workspace.response({ id: master.response('1804').id });
    expect(ws.response.answers.map((a) => [a.questionOrdinal, a.text.slice(0, 20)])).toEqual(
      kari.response('1804').answers.map((a) => [a.questionOrdinal, a.text.slice(0, 20)]),
    );
    expect(ws.codings.map((k) => [k.quote, k.createdBy])).toEqual([['Vold i nære relasjoner øker også.', 'Kari']]);
    await expectApiError(master.api.team.resolveConflict({ id: held.id, choose: 'ours' }), 'INVALID_INPUT');
    expect((await master.api.team.conflicts({ status: 'resolved' })).map((c) => c.resolution)).toEqual(['theirs', 'theirs']);
  });

  it('a recoded coding that becomes the twin of one the master has is kept once', async () => {
    const a = await master.api.codebook.create({ name: 'Rus' });
    const b = await master.api.codebook.create({ name: 'Vold' });
    const q1 = master.response('1804').q(1);
    const coding = await master.api.codings.create({ answerId: q1.id, codeId: a.id, start: 0, end: 3 });
    await handOut(master, kari);
    await master.api.codings.create({ answerId: q1.id, codeId: b.id, start: 0, end: 3 });
    await kari.api.codings.update({ id: coding.id, codeId: b.id });
    const report = await merge(master, await takeBack(master, kari));
    expect(report).toMatchObject({ conflicts: 0, unchanged: 1 });
    const ws = await master.api.workspace.response({ id: master.response('1804').id });
    expect(ws.codings.map((k) => [k.codeId, k.start, k.end])).toEqual([[b.id, 0, 3]]);
  });

  it('finding links match by finding and answer: the same link twice is one, a different relation a conflict', async () => {
    const [f1, f2] = await master.api.findings.list({});
    await handOut(master, kari);
    const q2 = master.response('3403').q(2);
    await master.api.findings.link({ findingId: f1.id, answerId: q2.id, relation: 'stotter' });
    await kari.api.findings.link({ findingId: f1.id, answerId: q2.id, relation: 'stotter' });
    await master.api.findings.link({ findingId: f2.id, answerId: q2.id, relation: 'motsier' });
    await kari.api.findings.link({ findingId: f2.id, answerId: q2.id, relation: 'nyanserer', comment: 'Delvis' });
    const report = await merge(master, await takeBack(master, kari));
    expect(report).toMatchObject({ conflicts: 1, unchanged: 1 });
    const [conflict] = await master.api.team.conflicts({});
    expect(conflict).toMatchObject({
      kind: 'both_changed',
      entityType: 'finding_link',
      naturalKey: `${f2.id}|${q2.id}|`,
      ours: { summary: 'motsier' },
      theirs: { summary: 'nyanserer: Delvis', actor: 'Kari' },
      context: { municipalityNumber: '3403', responseId: master.response('3403').id },
    });
    expect(conflict.columns.sort()).toEqual(['comment', 'relation']);
    expect(count(master.store(), 'finding_link')).toBe(2);
  });

  it('two codes each moved under the other: a conflict, never a loop in the code tree', async () => {
    const x = await master.api.codebook.create({ name: 'X' });
    const y = await master.api.codebook.create({ name: 'Y' });
    await handOut(master, kari);
    await master.api.codebook.move({ id: x.id, parentId: y.id, index: 0 });
    await kari.api.codebook.move({ id: y.id, parentId: x.id, index: 0 });
    const report = await merge(master, await takeBack(master, kari));
    expect(report.conflicts).toBe(1);
    const [conflict] = await master.api.team.conflicts({});
    expect(conflict).toMatchObject({ kind: 'both_changed', entityType: 'code', entityId: y.id, columns: ['parent_id'] });
    await expect(master.api.team.resolveConflict({ id: conflict.id, choose: 'theirs' })).rejects.toThrow(/under itself/);
    expect((await master.api.codebook.list()).map((c) => [c.name, c.parentId]).sort()).toEqual([
      ['X', y.id],
      ['Y', null],
    ]);
  });

  it('the lead cannot undo, past a merge, a change the colleague has changed since', async () => {
    const code = await master.api.codebook.create({ name: 'Rus' });
    await handOut(master, kari);
    await kari.api.codebook.update({ id: code.id, colour: '#117A65' });
    await merge(master, await takeBack(master, kari));
    await expectApiError(master.api.history.undo(), 'CONFLICT');
    expect((await master.api.codebook.list())[0]).toMatchObject({ name: 'Rus', colour: '#117A65' });
  });

  it('codings added on both sides are all kept; the exact same span and code once', async () => {
    const code = await master.api.codebook.create({ name: 'Rus' });
    await handOut(master, kari);
    const q1 = master.response('1804').q(1);
    await master.api.codings.create({ answerId: q1.id, codeId: code.id, ...spanOf(q1.text, 'Rus blant unge') });
    await kari.api.codings.create({ answerId: q1.id, codeId: code.id, ...spanOf(q1.text, 'Rus blant unge') });
    await kari.api.codings.create({ answerId: q1.id, codeId: code.id, ...spanOf(q1.text, 'Vold i nære relasjoner') });
    const report = await merge(master, await takeBack(master, kari));
    expect(report).toMatchObject({ conflicts: 0, applied: { coding: 1 }, unchanged: 1 });
    const ws = await master.api.workspace.response({ id: master.response('1804').id });
    expect(ws.codings.map((k) => [k.quote, k.createdBy])).toEqual([
      ['Rus blant unge', LEAD],
      ['Vold i nære relasjoner', 'Kari'],
    ]);
    // The duplicate is remembered with its author (the agreement report counts it).
    expect(master.store().sqlite.prepare("SELECT actor, outcome FROM merged_change WHERE entity_type = 'coding' ORDER BY outcome").all()).toEqual([
      { actor: 'Kari', outcome: 'applied' },
      { actor: 'Kari', outcome: 'duplicate' },
    ]);
  });

  describe('a coding kept once for two colleagues', () => {
    let ola: Laptop;
    /** Bodø's answer 1 coded Rus at the base, Kari and Ola each with a package. */
    async function twoColleagues() {
      const rus = await master.api.codebook.create({ name: 'Rus' });
      const vold = await master.api.codebook.create({ name: 'Vold' });
      const q1 = master.response('1804').q(1);
      const base = await master.api.codings.create({ answerId: q1.id, codeId: rus.id });
      ola = laptop('Ola');
      await master.api.team.assign({ assignee: 'Ola', respondentIds: (await master.api.team.assignments()).respondents.map((r) => r.respondentId) });
      await handOut(master, kari);
      await handOut(master, ola);
      return { rus, vold, q1, base };
    }
    const codingsOn = async (answerId: string) =>
      (await master.api.workspace.response({ id: master.response('1804').id })).codings
        .filter((k) => k.answerId === answerId)
        .map((k) => [k.codeId, k.start, k.end, k.createdBy]);
    afterEach(async () => ola?.dispose());

    it("stays when the other colleague deletes the master's coding it was kept as", async () => {
      const { rus, vold, q1, base } = await twoColleagues();
      // Kari makes her own Rus coding of the whole answer (the twin of the base coding).
      const hers = await kari.api.codings.create({ answerId: q1.id, codeId: vold.id });
      await kari.api.codings.update({ id: hers.id, codeId: rus.id });
      await ola.api.codings.delete({ id: base.id });
      expect(await merge(master, await takeBack(master, kari))).toMatchObject({ conflicts: 0, unchanged: 1 });
      expect(await merge(master, await takeBack(master, ola))).toMatchObject({ conflicts: 0 });
      // Ola's coding went; Kari's, which had been kept as the same row, is back as her own.
      expect(await codingsOn(q1.id)).toEqual([[rus.id, 0, q1.text.length, 'Kari']]);
    });

    it('is not folded into a coding the same return deletes', async () => {
      const { vold, q1, base } = await twoColleagues();
      await kari.api.codings.update({ id: base.id, codeId: vold.id });
      // Ola replaces the base coding by his own Vold coding of the same text.
      await ola.api.codings.delete({ id: base.id });
      await ola.api.codings.create({ answerId: q1.id, codeId: vold.id });
      await merge(master, await takeBack(master, kari));
      expect(await merge(master, await takeBack(master, ola))).toMatchObject({ conflicts: 1, applied: { coding: 1 } });
      const [conflict] = await master.api.team.conflicts({});
      expect(conflict).toMatchObject({ kind: 'changed_deleted', entityId: base.id });
      // Taking Ola's deletion leaves his own coding standing.
      await master.api.team.resolveConflict({ id: conflict.id, choose: 'theirs' });
      expect(await codingsOn(q1.id)).toEqual([[vold.id, 0, q1.text.length, 'Ola']]);
    });
  });

  it('merges codebook changes by id: a new subcode, a rename, and a merge of two codes moving their codings', async () => {
    const parent = await master.api.codebook.create({ name: 'Politi' });
    const a = await master.api.codebook.create({ name: 'Nærpoliti' });
    const b = await master.api.codebook.create({ name: 'Lokalt politi' });
    const q4 = master.response('3403').q(4);
    await master.api.codings.create({ answerId: q4.id, codeId: b.id });
    await handOut(master, kari);
    const child = await kari.api.codebook.create({ name: 'Politikontakt', parentId: parent.id });
    await kari.api.codebook.update({ id: parent.id, name: 'Politiet' });
    await kari.api.codebook.merge({ sourceId: b.id, targetId: a.id });
    const report = await merge(master, await takeBack(master, kari));
    expect(report.conflicts).toBe(0);
    const codes = await master.api.codebook.list();
    expect(codes.map((c) => [c.name, c.parentId]).sort()).toEqual([
      ['Nærpoliti', null],
      ['Politiet', null],
      ['Politikontakt', parent.id],
    ]);
    expect(codes.find((c) => c.id === child.id)).toBeDefined();
    expect(codes.find((c) => c.id === a.id)!.codingCount).toBe(1);
  });
});

describe('variables and the findings register', () => {
  it('a variable defined in the working copy arrives with its values; the same key defined on both sides is a conflict', async () => {
    await handOut(master, kari);
    const bodo = master.response('1804');
    const own = await kari.api.variables.define({ key: 'q1_rus', label: 'Nevner rus', questionId: master.questions.get(1)!, kind: 'single', options: [{ value: 'ja', label: 'Ja' }, { value: 'nei', label: 'Nei' }] });
    await kari.api.variables.set({ responseId: bodo.id, variableId: own.id, value: 'ja' });
    await master.api.variables.define({ key: 'q3_slt', label: 'SLT (leder)', questionId: null, kind: 'text', options: [] });
    const twin = await kari.api.variables.define({ key: 'q3_slt', label: 'SLT', questionId: null, kind: 'text', options: [] });
    await kari.api.variables.set({ responseId: bodo.id, variableId: twin.id, value: 'SLT-modellen' });
    const [finding] = await master.api.findings.list({});
    await kari.api.findings.save({ id: finding.id, reportId: finding.reportId, statement: `${finding.statement} (presisert)` });

    const report = await merge(master, await takeBack(master, kari));
    expect(report.applied).toMatchObject({ variable: 1, variable_value: 1, finding: 1 });
    const conflicts = await master.api.team.conflicts({});
    expect(conflicts.map((c) => [c.entityType, c.kind]).sort()).toEqual([
      ['variable', 'both_changed'],
      ['variable_value', 'missing_parent'],
    ]);
    const value = (await master.api.workspace.response({ id: bodo.id })).values.find((v) => v.variableId === own.id);
    expect(value).toMatchObject({ value: 'ja', updatedBy: 'Kari' });
    expect((await master.api.findings.list({})).find((f) => f.id === finding.id)!.statement).toMatch(/\(presisert\)$/);
  });
});

describe('merging again', () => {
  it('a later return merges only what is new; a decided conflict stays decided', async () => {
    await handOut(master, kari);
    const bodo = master.response('1804');
    const q2 = variable('q2_satisfied');
    await master.api.variables.set({ responseId: bodo.id, variableId: q2.id, value: 'nei' });
    await kari.api.variables.set({ responseId: bodo.id, variableId: q2.id, value: 'ja' });
    await kari.api.memos.set({ targetType: 'project', targetId: null, text: 'Første runde.' });
    const q5 = variable('q5_wants_station');
    await kari.api.variables.set({ responseId: bodo.id, variableId: q5.id, value: 'ja' });
    const firstFile = await takeBack(master, kari);
    const first = await merge(master, firstFile);
    expect(first).toMatchObject({ conflicts: 1, applied: { memo: 1, variable_value: 1 } });
    const [conflict] = await master.api.team.conflicts({});
    await master.api.team.resolveConflict({ id: conflict.id, choose: 'ours' });

    // Kari goes on working and returns again (the return carries everything since the base).
    await kari.api.memos.set({ targetType: 'project', targetId: null, text: 'Andre runde.' });
    await kari.api.responses.setStatus({ id: bodo.id, status: 'under_arbeid' });
    // Changed back to how it was at the base: the master takes that too.
    await kari.api.variables.set({ responseId: bodo.id, variableId: q5.id, value: null });
    const secondFile = await takeBack(master, kari);
    const second = await merge(master, secondFile);
    expect(second).toMatchObject({ alreadyMerged: false, conflicts: 0, applied: { memo: 1, response: 1, variable_value: 1 } });
    expect((await master.api.workspace.response({ id: bodo.id })).values.find((v) => v.variableId === q5.id)).toBeUndefined();
    expect(await master.api.team.conflicts({ status: 'open' })).toEqual([]);
    expect((await master.api.memos.get({ targetType: 'project', targetId: null }))!.text).toBe('Andre runde.');
    const value = (await master.api.workspace.response({ id: bodo.id })).values.find((v) => v.variableId === q2.id)!;
    expect(value.value).toBe('nei');

    // The first return again, now older than what was merged: nothing changes.
    const events = count(master.store(), 'event');
    expect(await merge(master, firstFile)).toMatchObject({ alreadyMerged: true, applied: {} });
    expect(await merge(master, secondFile)).toMatchObject({ alreadyMerged: true });
    expect(count(master.store(), 'event')).toBe(events);
    expect((await master.api.memos.get({ targetType: 'project', targetId: null }))!.text).toBe('Andre runde.');
    const packages = await master.api.team.packages();
    expect(packages[0]).toMatchObject({ assignee: 'Kari', merges: 2, openConflicts: 0 });
  });
});
