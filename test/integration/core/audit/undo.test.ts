// Global undo and redo through the audit trail, on a real project file and
// through the typed API: every kind of workspace action is undone and redone
// to the exact rows (full table dumps compared), a merge or a code deletion
// is one step, the stack behaves like an editor's, each caseworker undoes
// only their own actions, changes made since are never overwritten
// (CONFLICT), and the trail only ever grows.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../../src-shared/client';
import { expectApiError } from '../../../helpers/api';
import { codingProject, count, eventRows, loadResponses, spanOf, workspaceDump, type CodingProject, type EventRow, type TableDump } from '../../../helpers/coding';

let p: CodingProject;
beforeEach(async () => {
  p = await codingProject();
});
afterEach(async () => {
  await p.cleanup();
});

const dump = (): TableDump => workspaceDump(p.store());
const variableId = async (key: string) => (await p.api.variables.list()).find((v) => v.key === key)!.id;

/** The trail only grows: every earlier event is still there, unchanged and in order. */
function expectTrailGrew(before: EventRow[], after: EventRow[]): void {
  expect(after.length).toBeGreaterThan(before.length);
  expect(after.slice(0, before.length)).toEqual(before);
}

/**
 * Sets up, acts, then checks: undo restores the dump from before the act,
 * redo the dump from after it, twice over; history.state names the action.
 */
async function expectUndoable(action: string, act: () => Promise<unknown>): Promise<{ before: TableDump; after: TableDump }> {
  const before = dump();
  await act();
  const after = dump();
  expect(after, 'the action changed something').not.toEqual(before);
  expect(await p.api.history.state()).toMatchObject({ undo: { action }, redo: null });
  for (let round = 0; round < 2; round++) {
    const trail = eventRows(p.store());
    const undone = await p.api.history.undo();
    expect(dump()).toEqual(before);
    expect(undone.redo?.action).toBe(action);
    expectTrailGrew(trail, eventRows(p.store()));
    const redone = await p.api.history.redo();
    expect(dump()).toEqual(after);
    expect(redone).toMatchObject({ undo: { action }, redo: null });
  }
  return { before, after };
}

// ---------------------------------------------------------------- every action kind

describe('each workspace action is undone and redone to the exact rows', () => {
  const bodo = () => p.response('1804');

  const cases: [name: string, action: string, prepare: () => Promise<() => Promise<unknown>>][] = [
    ['create a code', 'code.create', async () => () => p.api.codebook.create({ name: 'Rus', shortcut: 'r', questionId: p.questions.get(1)! })],
    [
      'change a code',
      'code.update',
      async () => {
        const code = await p.api.codebook.create({ name: 'Rus' });
        return () => p.api.codebook.update({ id: code.id, name: 'Rus og vold', description: 'Regel', colour: '#000000', shortcut: 'x' });
      },
    ],
    [
      'move a code (siblings renumbered)',
      'code.move',
      async () => {
        const top = await p.api.codebook.create({ name: 'Topp' });
        for (const name of ['A', 'B', 'C']) await p.api.codebook.create({ name, parentId: top.id });
        const other = await p.api.codebook.create({ name: 'Annen' });
        const codes = await p.api.codebook.list();
        return async () => {
          await p.api.codebook.move({ id: codes.find((c) => c.name === 'C')!.id, parentId: top.id, index: 0 });
          return other;
        };
      },
    ],
    [
      'move a code to another parent',
      'code.move',
      async () => {
        const a = await p.api.codebook.create({ name: 'A' });
        const b = await p.api.codebook.create({ name: 'B' });
        await p.api.codebook.create({ name: 'B1', parentId: b.id });
        return () => p.api.codebook.move({ id: b.id, parentId: a.id, index: 0 });
      },
    ],
    [
      'merge codes',
      'code.merge',
      async () => {
        const target = await p.api.codebook.create({ name: 'Mål' });
        const source = await p.api.codebook.create({ name: 'Kilde' });
        await p.api.codebook.create({ name: 'Barn', parentId: source.id });
        await p.api.codings.create({ answerId: bodo().q(1).id, codeId: target.id, start: 0, end: 3 });
        await p.api.codings.create({ answerId: bodo().q(1).id, codeId: source.id, start: 0, end: 3 });
        await p.api.codings.create({ answerId: bodo().q(2).id, codeId: source.id });
        await p.api.memos.set({ targetType: 'code', targetId: source.id, text: 'Kildenotat' });
        return () => p.api.codebook.merge({ sourceId: source.id, targetId: target.id });
      },
    ],
    [
      'delete a code with subcodes, codings and memos',
      'code.delete',
      async () => {
        const top = await p.api.codebook.create({ name: 'Topp' });
        const child = await p.api.codebook.create({ name: 'Barn', parentId: top.id });
        await p.api.codings.create({ answerId: bodo().q(1).id, codeId: top.id });
        await p.api.codings.create({ answerId: bodo().q(2).id, codeId: child.id, start: 1, end: 4 });
        await p.api.memos.set({ targetType: 'code', targetId: child.id, text: 'Barnenotat' });
        return () => p.api.codebook.delete({ id: top.id });
      },
    ],
    ['adopt the starter codebook', 'codebook.adopt', async () => () => p.api.codebook.adoptStarter()],
    [
      'import a codebook',
      'codebook.import',
      async () => {
        const top = await p.api.codebook.create({ name: 'Topp', description: 'Regel' });
        await p.api.codebook.create({ name: 'Barn', parentId: top.id });
        const file = await p.api.codebook.export({ format: 'qdc' });
        await p.api.codebook.delete({ id: top.id });
        return () => p.api.codebook.import({ fileName: file.fileName, base64: file.base64 });
      },
    ],
    [
      'code a span',
      'coding.create',
      async () => {
        const code = await p.api.codebook.create({ name: 'Rus' });
        return () => p.api.codings.create({ answerId: bodo().q(1).id, codeId: code.id, ...spanOf(bodo().q(1).text, 'Rus blant unge') });
      },
    ],
    [
      'change a coding\'s span',
      'coding.update',
      async () => {
        const code = await p.api.codebook.create({ name: 'Rus' });
        const k = await p.api.codings.create({ answerId: bodo().q(1).id, codeId: code.id, start: 0, end: 3 });
        return () => p.api.codings.update({ id: k.id, start: 4, end: 9 });
      },
    ],
    [
      'mark a coding for the memo',
      'coding.update',
      async () => {
        const code = await p.api.codebook.create({ name: 'Rus' });
        const k = await p.api.codings.create({ answerId: bodo().q(1).id, codeId: code.id });
        return () => p.api.codings.update({ id: k.id, useInMemo: true });
      },
    ],
    [
      'delete a coding',
      'coding.delete',
      async () => {
        const code = await p.api.codebook.create({ name: 'Rus' });
        const k = await p.api.codings.create({ answerId: bodo().q(1).id, codeId: code.id });
        return () => p.api.codings.delete({ id: k.id });
      },
    ],
    [
      'set a variable with evidence',
      'variable.set',
      async () => {
        const id = await variableId('q5_wants_station');
        return () => p.api.variables.set({ responseId: bodo().id, variableId: id, value: 'ja', evidence: { answerId: bodo().q(5).id, start: 0, end: 3 } });
      },
    ],
    [
      'change a multiple-choice value',
      'variable.set',
      async () => {
        const id = await variableId('q4_channels');
        await p.api.variables.set({ responseId: bodo().id, variableId: id, value: ['telefon'] });
        return () => p.api.variables.set({ responseId: bodo().id, variableId: id, value: ['internett', 'telefon'] });
      },
    ],
    [
      'clear a variable',
      'variable.set',
      async () => {
        const id = await variableId('q2_satisfied');
        await p.api.variables.set({ responseId: bodo().id, variableId: id, value: 'nei', evidence: { answerId: bodo().q(2).id, start: 0, end: 3 } });
        return () => p.api.variables.set({ responseId: bodo().id, variableId: id, value: null });
      },
    ],
    [
      'define a variable',
      'variable.define',
      async () => () => p.api.variables.define({ key: 'enig', label: 'Enig', questionId: null, kind: 'single', options: [{ value: 'ja', label: 'Ja' }] }),
    ],
    [
      'change a variable\'s definition',
      'variable.define',
      async () => {
        const v = (await p.api.variables.list()).find((x) => x.key === 'q2_satisfied')!;
        return () => p.api.variables.define({ id: v.id, key: v.key, label: 'Fornøyd?', questionId: null, kind: v.kind, options: v.options.slice(0, 2) });
      },
    ],
    [
      'remove a variable with values',
      'variable.remove',
      async () => {
        const id = await variableId('q2_satisfied');
        await p.api.variables.set({ responseId: bodo().id, variableId: id, value: 'ja' });
        await p.api.variables.set({ responseId: p.response('3403').id, variableId: id, value: 'nei' });
        return () => p.api.variables.remove({ id });
      },
    ],
    ['write a project memo', 'memo.set', async () => () => p.api.memos.set({ targetType: 'project', targetId: null, text: 'Prosjektnotat' })],
    [
      'change a response memo',
      'memo.set',
      async () => {
        await p.api.memos.set({ targetType: 'response', targetId: bodo().id, text: 'Først' });
        return () => p.api.memos.set({ targetType: 'response', targetId: bodo().id, text: 'Siden' });
      },
    ],
    [
      'remove an answer memo',
      'memo.set',
      async () => {
        await p.api.memos.set({ targetType: 'answer', targetId: bodo().q(1).id, text: 'Notat' });
        return () => p.api.memos.set({ targetType: 'answer', targetId: bodo().q(1).id, text: '' });
      },
    ],
    ['set a response\'s status', 'response.status', async () => () => p.api.responses.setStatus({ id: bodo().id, status: 'ferdig' })],
  ];

  it.each(cases)('%s', async (_name, action, prepare) => {
    const act = await prepare();
    await expectUndoable(action, act);
  });

  it('correct a letter\'s split (answers.assign)', async () => {
    const letter = 'Innledning.\nVi ser økt rus blant unge.\nMed hilsen';
    const file = path.join(p.dir, 'Levanger kommune.txt');
    writeFileSync(file, letter);
    await p.api.import.run({ paths: [file] });
    const levanger = (await loadResponses(p.api)).get('5037')!;
    const part = levanger.answers[0];
    expect(part.questionOrdinal).toBeNull();
    const { before } = await expectUndoable('answer.assign', () =>
      p.api.answers.assign({ answerId: part.id, start: 0, end: letter.length, questionId: p.questions.get(1)! }),
    );
    await p.api.history.undo();
    expect(dump()).toEqual(before);
    const detail = await p.api.responses.get({ id: levanger.id });
    expect(detail).toMatchObject({ needsSplitting: true, answers: [{ id: part.id, questionOrdinal: null, text: letter }] });
  });
});

// ---------------------------------------------------------------- one step, explicitly

describe('compound actions undo as one step', () => {
  it('a merge: all codings back on the source, the source back with its id, its children back', async () => {
    const bodo = p.response('1804');
    const target = await p.api.codebook.create({ name: 'Mål' });
    const source = await p.api.codebook.create({ name: 'Kilde', shortcut: 'k', colour: '#111111' });
    const kids = [await p.api.codebook.create({ name: 'Barn 1', parentId: source.id }), await p.api.codebook.create({ name: 'Barn 2', parentId: source.id })];
    await p.api.codings.create({ answerId: bodo.q(1).id, codeId: target.id, start: 0, end: 3 });
    const onSource = [
      await p.api.codings.create({ answerId: bodo.q(1).id, codeId: source.id, start: 0, end: 3 }), // a duplicate: dropped by the merge
      await p.api.codings.create({ answerId: bodo.q(2).id, codeId: source.id }),
      await p.api.codings.create({ answerId: p.response('3403').q(1).id, codeId: source.id, start: 2, end: 9 }),
    ];
    const codesBefore = await p.api.codebook.list();
    const codingsBefore = count(p.store(), 'coding');

    expect(await p.api.codebook.merge({ sourceId: source.id, targetId: target.id })).toEqual({ moved: 2, duplicates: 1 });
    expect(count(p.store(), 'coding')).toBe(codingsBefore - 1);
    const state = await p.api.history.undo();
    expect(state).toMatchObject({ undo: { action: 'coding.create' }, redo: { action: 'code.merge' } });
    expect(await p.api.codebook.list()).toEqual(codesBefore);
    expect(count(p.store(), 'coding')).toBe(codingsBefore);
    const codeOf = new Map((p.store().sqlite.prepare('SELECT id, code_id FROM coding').all() as { id: string; code_id: string }[]).map((r) => [r.id, r.code_id]));
    for (const k of onSource) expect(codeOf.get(k.id)).toBe(source.id);
    const restored = (await p.api.codebook.list()).find((c) => c.id === source.id)!;
    expect(restored).toMatchObject({ name: 'Kilde', shortcut: 'k', colour: '#111111', codingCount: 3 });
    expect((await p.api.codebook.list()).filter((c) => c.parentId === source.id).map((c) => c.id)).toEqual(kids.map((k) => k.id));
  });

  it('deleting a code: undo brings back the subtree and every coding', async () => {
    const bodo = p.response('1804');
    const top = await p.api.codebook.create({ name: 'Topp' });
    const child = await p.api.codebook.create({ name: 'Barn', parentId: top.id });
    const codings = [
      await p.api.codings.create({ answerId: bodo.q(1).id, codeId: top.id }),
      await p.api.codings.create({ answerId: bodo.q(3).id, codeId: child.id, start: 0, end: 5 }),
      await p.api.codings.create({ answerId: p.response('0301').q(1).id, codeId: child.id }),
    ];
    const ws = await p.api.workspace.response({ id: bodo.id });
    expect(await p.api.codebook.delete({ id: top.id })).toEqual({ codes: 2, codings: 3 });
    expect(count(p.store(), 'coding')).toBe(0);
    await p.api.history.undo();
    expect(await p.api.workspace.response({ id: bodo.id })).toEqual(ws);
    expect((p.store().sqlite.prepare('SELECT id FROM coding ORDER BY id').all() as { id: string }[]).map((r) => r.id)).toEqual(codings.map((k) => k.id).sort());
    expect(await p.api.codebook.deletePreview({ id: top.id })).toEqual({ codes: 2, codings: 3 });
  });
});

// ---------------------------------------------------------------- the stack

describe('long histories', () => {
  it('a step larger than a page of the trail is still one step, after hundreds of others', async () => {
    const source = await p.api.codebook.create({ name: 'Kilde' });
    const target = await p.api.codebook.create({ name: 'Mål' });
    const answers = [...p.responses.values()].flatMap((r) => r.answers).filter((a) => a.text.length > 30);
    for (let i = 0; i < 300; i++) {
      const a = answers[i % answers.length];
      const start = Math.floor(i / answers.length);
      await p.api.codings.create({ answerId: a.id, codeId: source.id, start, end: start + 1 });
    }
    const s0 = dump();
    expect(await p.api.codebook.merge({ sourceId: source.id, targetId: target.id })).toEqual({ moved: 300, duplicates: 0 });
    const s1 = dump();
    expect(eventRows(p.store()).filter((e) => e.action === 'code.merge')).toHaveLength(301);
    await p.api.history.undo();
    expect(dump()).toEqual(s0);
    expect(await p.api.history.state()).toMatchObject({ undo: { action: 'coding.create' }, redo: { action: 'code.merge' } });
    // undo reaches back through the codings one at a time
    for (let i = 0; i < 5; i++) await p.api.history.undo();
    expect(count(p.store(), 'coding')).toBe(295);
    for (let i = 0; i < 5; i++) await p.api.history.redo();
    await p.api.history.redo();
    expect(dump()).toEqual(s1);
    expect(await p.api.history.state()).toMatchObject({ undo: { action: 'code.merge' }, redo: null });
  });
});

describe('the undo stack', () => {
  it('starts empty after import; nothing to undo or redo is NOT_FOUND', async () => {
    expect(await p.api.history.state()).toEqual({ undo: null, redo: null });
    await expectApiError(p.api.history.undo(), 'NOT_FOUND');
    await expectApiError(p.api.history.redo(), 'NOT_FOUND');
  });

  it('A, B → undo, undo → redo, redo walks back and forth; a new action clears redo', async () => {
    const s0 = dump();
    const code = await p.api.codebook.create({ name: 'A' });
    const s1 = dump();
    await p.api.codings.create({ answerId: p.response('1804').q(1).id, codeId: code.id });
    const s2 = dump();

    expect(await p.api.history.undo()).toMatchObject({ undo: { action: 'code.create' }, redo: { action: 'coding.create' } });
    expect(dump()).toEqual(s1);
    expect(await p.api.history.undo()).toMatchObject({ undo: null, redo: { action: 'code.create' } });
    expect(dump()).toEqual(s0);
    await expectApiError(p.api.history.undo(), 'NOT_FOUND');
    expect(await p.api.history.redo()).toMatchObject({ undo: { action: 'code.create' }, redo: { action: 'coding.create' } });
    expect(dump()).toEqual(s1);
    expect(await p.api.history.redo()).toMatchObject({ undo: { action: 'coding.create' }, redo: null });
    expect(dump()).toEqual(s2);
    await expectApiError(p.api.history.redo(), 'NOT_FOUND');

    // undo B, then do C: B can no longer be redone
    await p.api.history.undo();
    expect(dump()).toEqual(s1);
    await p.api.memos.set({ targetType: 'project', targetId: null, text: 'C' });
    expect(await p.api.history.state()).toMatchObject({ undo: { action: 'memo.set' }, redo: null });
    await expectApiError(p.api.history.redo(), 'NOT_FOUND');
    // undoing C makes C (not B) redoable; the next undo takes A
    expect(await p.api.history.undo()).toMatchObject({ undo: { action: 'code.create' }, redo: { action: 'memo.set' } });
    expect(dump()).toEqual(s1);
    await p.api.history.undo();
    expect(dump()).toEqual(s0);
    expect(await p.api.history.state()).toMatchObject({ undo: null, redo: { action: 'code.create' } });
  });

  it('names the action with its group and time; a no-op leaves no step', async () => {
    const code = await p.api.codebook.create({ name: 'A' });
    const k = await p.api.codings.create({ answerId: p.response('1804').q(1).id, codeId: code.id });
    const state = await p.api.history.state();
    expect(state.undo).toEqual({ group: expect.any(String), action: 'coding.create', at: expect.stringMatching(/^2026-/) });
    const groups = new Set(eventRows(p.store()).filter((e) => e.entity_id === k.id).map((e) => e.group_id));
    expect(groups).toEqual(new Set([state.undo!.group]));
    // coding the same span again, or an unchanged memo, records nothing
    await p.api.codings.create({ answerId: p.response('1804').q(1).id, codeId: code.id });
    await p.api.codebook.update({ id: code.id, name: 'A' });
    expect(await p.api.history.state()).toEqual(state);
  });

  it('writes marker events and row events for undo and redo, and never loses an event', async () => {
    const code = await p.api.codebook.create({ name: 'A' });
    const k = await p.api.codings.create({ answerId: p.response('1804').q(1).id, codeId: code.id, start: 0, end: 3 });
    const group = (await p.api.history.state()).undo!.group;
    const t0 = eventRows(p.store());
    await p.api.history.undo();
    const t1 = eventRows(p.store());
    expectTrailGrew(t0, t1);
    const undoEvents = t1.slice(t0.length);
    expect(undoEvents.map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([
      ['undo', 'coding', k.id],
      ['undo', 'group', group],
    ]);
    expect(new Set(undoEvents.map((e) => e.group_id)).size).toBe(1);
    expect(undoEvents[0].group_id).not.toBe(group);
    expect(JSON.parse(undoEvents[0].before!)).toMatchObject({ id: k.id, start_offset: 0, end_offset: 3 });
    expect(undoEvents[0].after).toBeNull();
    expect(undoEvents.every((e) => e.actor === 'Test Saksbehandler')).toBe(true);

    await p.api.history.redo();
    const t2 = eventRows(p.store());
    expectTrailGrew(t1, t2);
    expect(t2.slice(t1.length).map((e) => [e.action, e.entity_type, e.entity_id, e.before === null, e.after === null])).toEqual([
      ['redo', 'coding', k.id, true, false],
      ['redo', 'group', group, true, true],
    ]);
    // the trail refuses edits whatever happens
    expect(() => p.store().sqlite.prepare('DELETE FROM event').run()).toThrow(/append-only/);
    expect(eventRows(p.store())).toEqual(t2);
  });

  it('lists a coding\'s history (history.entity)', async () => {
    const code = await p.api.codebook.create({ name: 'A' });
    const k = await p.api.codings.create({ answerId: p.response('1804').q(1).id, codeId: code.id, start: 0, end: 3 });
    await p.api.codings.update({ id: k.id, end: 5 });
    await p.api.history.undo();
    await p.api.history.redo();
    await p.api.codings.delete({ id: k.id });
    const history = await p.api.history.entity({ entityType: 'coding', entityId: k.id });
    expect(history.map((h) => h.action)).toEqual(['coding.create', 'coding.update', 'undo', 'redo', 'coding.delete']);
    expect(history.map((h) => h.seq)).toEqual([...history.map((h) => h.seq)].sort((a, b) => a - b));
    expect(history[0]).toMatchObject({ actor: 'Test Saksbehandler', entityType: 'coding', entityId: k.id, before: null, after: { id: k.id, end_offset: 3 } });
    expect(history[1]).toMatchObject({ before: { end_offset: 3 }, after: { end_offset: 5 } });
    expect(history[2]).toMatchObject({ before: { end_offset: 5 }, after: { end_offset: 3 } });
    expect(history[4]).toMatchObject({ before: { end_offset: 5 }, after: null });
    expect(await p.api.history.entity({ entityType: 'coding', entityId: 'finnes-ikke' })).toEqual([]);
  });
});

// ---------------------------------------------------------------- per caseworker

describe('undo is per caseworker', () => {
  it('each author undoes only their own actions (one core, author switched)', async () => {
    const code = await p.api.codebook.create({ name: 'A' });
    p.setAuthor('Kari');
    const k = await p.api.codings.create({ answerId: p.response('1804').q(1).id, codeId: code.id });
    p.setAuthor('Ola');
    expect(await p.api.history.state()).toEqual({ undo: null, redo: null });
    await expectApiError(p.api.history.undo(), 'NOT_FOUND');
    p.setAuthor('Test Saksbehandler');
    expect((await p.api.history.state()).undo?.action).toBe('code.create');
    p.setAuthor('Kari');
    await p.api.history.undo();
    expect(count(p.store(), 'coding')).toBe(0);
    expect(count(p.store(), 'code')).toBe(1);
    const markers = eventRows(p.store()).filter((e) => e.entity_type === 'group');
    expect(markers.map((e) => [e.actor, e.action])).toEqual([['Kari', 'undo']]);
    // Kari's redo is still there after someone else acts
    p.setAuthor('Ola');
    await p.api.memos.set({ targetType: 'project', targetId: null, text: 'Olas notat' });
    p.setAuthor('Kari');
    expect((await p.api.history.state()).redo?.action).toBe('coding.create');
    await p.api.history.redo();
    expect((p.store().sqlite.prepare('SELECT id FROM coding').all() as { id: string }[]).map((r) => r.id)).toEqual([k.id]);
  });

  async function twoCaseworkers(): Promise<{ kari: ApiClient; ola: ApiClient }> {
    p.setAuthor('Kari');
    const ola = (await p.colleague('Ola')).api;
    return { kari: p.api, ola };
  }

  it('two cores on the same file: Ola cannot undo Kari\'s coding; Kari can', async () => {
    const { kari, ola } = await twoCaseworkers();
    const code = await kari.codebook.create({ name: 'A' });
    await kari.codings.create({ answerId: p.response('1804').q(1).id, codeId: code.id });
    expect(await ola.history.state()).toEqual({ undo: null, redo: null });
    await expectApiError(ola.history.undo(), 'NOT_FOUND');
    expect(count(p.store(), 'coding')).toBe(1);
    await kari.history.undo();
    expect(count(p.store(), 'coding')).toBe(0);
  });

  it('CONFLICT when a row changed since: Kari codes, Ola changes the coding, Kari\'s undo changes nothing', async () => {
    const { kari, ola } = await twoCaseworkers();
    const code = await kari.codebook.create({ name: 'A' });
    const k = await kari.codings.create({ answerId: p.response('1804').q(1).id, codeId: code.id, start: 0, end: 3 });
    await ola.codings.update({ id: k.id, end: 6 });
    const before = dump();
    const trail = eventRows(p.store());
    const message = await expectApiError(kari.history.undo(), 'CONFLICT');
    expect(message).toMatch(/coding.create/);
    expect(dump()).toEqual(before);
    expect(eventRows(p.store())).toEqual(trail);
    expect((await kari.history.state()).undo?.action).toBe('coding.create');

    // once Ola undoes his change, the row is as Kari left it and her undo goes through
    await ola.history.undo();
    await kari.history.undo();
    expect(count(p.store(), 'coding')).toBe(0);
  });

  it('CONFLICT on redo when the row changed since the undo', async () => {
    const { kari, ola } = await twoCaseworkers();
    const code = await kari.codebook.create({ name: 'A' });
    const k = await kari.codings.create({ answerId: p.response('1804').q(1).id, codeId: code.id, start: 0, end: 3 });
    await kari.codings.update({ id: k.id, end: 5 });
    await kari.history.undo();
    await ola.codings.update({ id: k.id, useInMemo: true });
    const before = dump();
    await expectApiError(kari.history.redo(), 'CONFLICT');
    expect(dump()).toEqual(before);
  });

  it('CONFLICT (not a database error) when undoing a code someone has coded with since', async () => {
    const { kari, ola } = await twoCaseworkers();
    const code = await kari.codebook.create({ name: 'A' });
    await ola.codings.create({ answerId: p.response('1804').q(1).id, codeId: code.id });
    const before = dump();
    await expectApiError(kari.history.undo(), 'CONFLICT');
    expect(dump()).toEqual(before);
    expect(count(p.store(), 'code')).toBe(1);
  });

  it('CONFLICT when undoing would strand a colleague\'s memo or clash with their value', async () => {
    const { kari, ola } = await twoCaseworkers();
    const code = await kari.codebook.create({ name: 'A' });
    await ola.memos.set({ targetType: 'code', targetId: code.id, text: 'Olas notat om koden' });
    await expectApiError(kari.history.undo(), 'CONFLICT');
    expect((await kari.memos.get({ targetType: 'code', targetId: code.id }))?.text).toBe('Olas notat om koden');

    // Kari clears a value, Ola sets it again: bringing Kari's back would make two
    const q2 = (await kari.variables.list()).find((v) => v.key === 'q2_satisfied')!.id;
    const bodo = p.response('1804').id;
    await kari.variables.set({ responseId: bodo, variableId: q2, value: 'ja' });
    await kari.variables.set({ responseId: bodo, variableId: q2, value: null });
    await ola.variables.set({ responseId: bodo, variableId: q2, value: 'nei' });
    const before = dump();
    await expectApiError(kari.history.undo(), 'CONFLICT');
    expect(dump()).toEqual(before);
  });

  it('CONFLICT when a merge\'s rows changed since', async () => {
    const { kari, ola } = await twoCaseworkers();
    const target = await kari.codebook.create({ name: 'Mål' });
    const source = await kari.codebook.create({ name: 'Kilde' });
    const k = await kari.codings.create({ answerId: p.response('1804').q(2).id, codeId: source.id });
    await kari.codebook.merge({ sourceId: source.id, targetId: target.id });
    await ola.codings.update({ id: k.id, useInMemo: true });
    const before = dump();
    await expectApiError(kari.history.undo(), 'CONFLICT');
    expect(dump()).toEqual(before);
    expect((await kari.codebook.list()).map((c) => c.name)).toEqual(['Mål']);
  });
});
