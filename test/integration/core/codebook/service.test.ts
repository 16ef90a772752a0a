// The codebook through the typed API on a real project file: creating codes
// (any depth, default colours, shortcuts, question scope), changing, moving,
// merging (nothing lost), deleting with a preview, and adopting the 2022
// letter's starter codebook.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_COLOURS } from '../../../../src-main/core/codebook/service';
import { expectApiError } from '../../../helpers/api';
import { codingProject, count, spanOf, workspaceDump, type CodingProject } from '../../../helpers/coding';

let p: CodingProject;
beforeEach(async () => {
  p = await codingProject();
});
afterEach(async () => {
  await p.cleanup();
});

const byId = async () => new Map((await p.api.codebook.list()).map((c) => [c.id, c]));
const childrenOf = async (parentId: string | null) =>
  (await p.api.codebook.list())
    .filter((c) => c.parentId === parentId)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((c) => c.name);

describe('codebook.create', () => {
  it('builds a hierarchy of any depth, with sort order among siblings', async () => {
    const a = await p.api.codebook.create({ name: 'Utfordringer' });
    const b = await p.api.codebook.create({ name: 'Rus', parentId: a.id });
    const c = await p.api.codebook.create({ name: 'Unge', parentId: b.id });
    const d = await p.api.codebook.create({ name: 'Hasj', parentId: c.id });
    const e = await p.api.codebook.create({ name: 'Skole', parentId: d.id });
    const sibling = await p.api.codebook.create({ name: 'Vold', parentId: a.id });
    expect([a, b, c, d, e].map((x) => x.parentId)).toEqual([null, a.id, b.id, c.id, d.id]);
    expect([b.sortOrder, sibling.sortOrder]).toEqual([0, 1]);
    expect(e).toMatchObject({ name: 'Skole', description: '', questionId: null, shortcut: null, codingCount: 0 });
    expect(await childrenOf(a.id)).toEqual(['Rus', 'Vold']);
    expect(await p.api.codebook.list()).toHaveLength(6);
  });

  it('gives default colours in turn among siblings, and keeps a chosen colour', async () => {
    const first = await p.api.codebook.create({ name: 'Første' });
    const second = await p.api.codebook.create({ name: 'Andre' });
    const chosen = await p.api.codebook.create({ name: 'Valgt', colour: '#ABCDEF' });
    const child = await p.api.codebook.create({ name: 'Under', parentId: first.id });
    expect([first.colour, second.colour, chosen.colour, child.colour]).toEqual([DEFAULT_COLOURS[0], DEFAULT_COLOURS[1], '#ABCDEF', DEFAULT_COLOURS[0]]);
    for (const c of [first, second, child]) expect(c.colour).toMatch(/^#[0-9A-F]{6}$/);
    await expectApiError(p.api.codebook.create({ name: 'Rød', colour: 'red' }), 'INVALID_INPUT');
  });

  it('keeps shortcuts unique across the codebook', async () => {
    const rus = await p.api.codebook.create({ name: 'Rus', shortcut: 'r' });
    const message = await expectApiError(p.api.codebook.create({ name: 'Rettsvesen', shortcut: 'r' }), 'INVALID_INPUT');
    expect(message).toContain('Rus');
    const vold = await p.api.codebook.create({ name: 'Vold', shortcut: 'v', parentId: rus.id });
    await expectApiError(p.api.codebook.update({ id: vold.id, shortcut: 'r' }), 'INVALID_INPUT');
    // keeping its own shortcut, or giving it up, is fine
    expect(await p.api.codebook.update({ id: rus.id, shortcut: 'r', name: 'Rus og narkotika' })).toMatchObject({ shortcut: 'r', name: 'Rus og narkotika' });
    await p.api.codebook.update({ id: rus.id, shortcut: null });
    expect(await p.api.codebook.update({ id: vold.id, shortcut: 'r' })).toMatchObject({ shortcut: 'r' });
    await expectApiError(p.api.codebook.create({ name: 'To tegn', shortcut: 'ab' }), 'INVALID_INPUT');
    expect((await p.api.codebook.list()).map((c) => c.name).sort()).toEqual(['Rus og narkotika', 'Vold']);
  });

  it('scopes a code to a question, and refuses unknown parents and questions', async () => {
    const q3 = p.questions.get(3)!;
    const scoped = await p.api.codebook.create({ name: 'Politiråd', questionId: q3 });
    expect(scoped.questionId).toBe(q3);
    await expectApiError(p.api.codebook.create({ name: 'X', parentId: 'finnes-ikke' }), 'NOT_FOUND');
    await expectApiError(p.api.codebook.create({ name: 'X', questionId: 'finnes-ikke' }), 'NOT_FOUND');
    await expectApiError(p.api.codebook.create({ name: '  ' }), 'INVALID_INPUT');
    expect(await p.api.codebook.list()).toHaveLength(1);
  });

  it('refuses coding an answer to another question with a scoped code, and allows an unscoped code anywhere', async () => {
    const bodo = p.response('1804');
    const scoped = await p.api.codebook.create({ name: 'Politiråd', questionId: p.questions.get(3)! });
    const open = await p.api.codebook.create({ name: 'Sitat' });
    const message = await expectApiError(p.api.codings.create({ answerId: bodo.q(1).id, codeId: scoped.id }), 'INVALID_INPUT');
    expect(message).toContain('Politiråd');
    expect(count(p.store(), 'coding')).toBe(0);
    await p.api.codings.create({ answerId: bodo.q(3).id, codeId: scoped.id, ...spanOf(bodo.q(3).text, 'Politirådet') });
    for (const ordinal of [1, 2, 3, 4, 5]) await p.api.codings.create({ answerId: bodo.q(ordinal).id, codeId: open.id });
    expect(count(p.store(), 'coding')).toBe(6);
  });
});

describe('codebook.update and codebook.move', () => {
  it('changes name, rule, colour and scope; unknown codes are NOT_FOUND', async () => {
    const code = await p.api.codebook.create({ name: 'Rus', questionId: p.questions.get(1)! });
    const updated = await p.api.codebook.update({ id: code.id, name: 'Rus og vold', description: 'Bruk når kommunen nevner rus.', colour: '#123456', questionId: null });
    expect(updated).toMatchObject({ id: code.id, name: 'Rus og vold', description: 'Bruk når kommunen nevner rus.', colour: '#123456', questionId: null });
    expect((await byId()).get(code.id)).toEqual(updated);
    await expectApiError(p.api.codebook.update({ id: 'finnes-ikke', name: 'X' }), 'NOT_FOUND');
    await expectApiError(p.api.codebook.update({ id: code.id, questionId: 'finnes-ikke' }), 'NOT_FOUND');
  });

  it('reorders siblings and moves a code (with its subtree) under another parent', async () => {
    const top = await p.api.codebook.create({ name: 'Topp' });
    const [a, b, c] = [await p.api.codebook.create({ name: 'A', parentId: top.id }), await p.api.codebook.create({ name: 'B', parentId: top.id }), await p.api.codebook.create({ name: 'C', parentId: top.id })];
    const grandchild = await p.api.codebook.create({ name: 'C1', parentId: c.id });
    await p.api.codebook.move({ id: c.id, parentId: top.id, index: 0 });
    expect(await childrenOf(top.id)).toEqual(['C', 'A', 'B']);
    await p.api.codebook.move({ id: c.id, parentId: top.id, index: 99 });
    expect(await childrenOf(top.id)).toEqual(['A', 'B', 'C']);
    const sortOrders = (await p.api.codebook.list()).filter((x) => x.parentId === top.id).map((x) => x.sortOrder).sort();
    expect(sortOrders).toEqual([0, 1, 2]);

    const other = await p.api.codebook.create({ name: 'Annen' });
    await p.api.codebook.move({ id: b.id, parentId: other.id, index: 0 });
    await p.api.codebook.move({ id: c.id, parentId: null, index: 0 });
    expect(await childrenOf(null)).toEqual(['C', 'Topp', 'Annen']);
    expect(await childrenOf(other.id)).toEqual(['B']);
    expect(await childrenOf(top.id)).toEqual(['A']);
    expect((await byId()).get(grandchild.id)!.parentId).toBe(c.id);
    expect(a.parentId).toBe(top.id);
  });

  it('refuses moving a code under itself or its own descendant, changing nothing', async () => {
    const a = await p.api.codebook.create({ name: 'A' });
    const b = await p.api.codebook.create({ name: 'B', parentId: a.id });
    const c = await p.api.codebook.create({ name: 'C', parentId: b.id });
    const before = workspaceDump(p.store());
    const events = count(p.store(), 'event');
    await expectApiError(p.api.codebook.move({ id: a.id, parentId: c.id, index: 0 }), 'INVALID_INPUT');
    await expectApiError(p.api.codebook.move({ id: a.id, parentId: a.id, index: 0 }), 'INVALID_INPUT');
    await expectApiError(p.api.codebook.move({ id: a.id, parentId: 'finnes-ikke', index: 0 }), 'NOT_FOUND');
    await expectApiError(p.api.codebook.move({ id: 'finnes-ikke', parentId: null, index: 0 }), 'NOT_FOUND');
    expect(workspaceDump(p.store())).toEqual(before);
    expect(count(p.store(), 'event')).toBe(events);
  });
});

describe('codebook.merge', () => {
  /** Source "Rus" (2 children, 3 codings, one duplicating the target's) into target "Rus og narkotika". */
  async function mergeSetup() {
    const bodo = p.response('1804');
    const hamar = p.response('3403');
    const target = await p.api.codebook.create({ name: 'Rus og narkotika' });
    const targetChild = await p.api.codebook.create({ name: 'Hasj', parentId: target.id });
    const source = await p.api.codebook.create({ name: 'Rus' });
    const kids = [await p.api.codebook.create({ name: 'Unge', parentId: source.id }), await p.api.codebook.create({ name: 'Voksne', parentId: source.id })];
    const grandchild = await p.api.codebook.create({ name: 'Skole', parentId: kids[0].id });
    const bystander = await p.api.codebook.create({ name: 'Vold' });
    const rus = spanOf(bodo.q(1).text, 'Rus blant unge');
    const onTarget = await p.api.codings.create({ answerId: bodo.q(1).id, codeId: target.id, ...rus });
    const dup = await p.api.codings.create({ answerId: bodo.q(1).id, codeId: source.id, ...rus });
    const moved1 = await p.api.codings.create({ answerId: bodo.q(1).id, codeId: source.id, start: 0, end: 3 });
    const moved2 = await p.api.codings.create({ answerId: hamar.q(1).id, codeId: source.id });
    const onChild = await p.api.codings.create({ answerId: hamar.q(1).id, codeId: kids[0].id, start: 0, end: 7 });
    const onBystander = await p.api.codings.create({ answerId: bodo.q(1).id, codeId: bystander.id, ...rus });
    return { target, targetChild, source, kids, grandchild, bystander, onTarget, dup, moved: [moved1, moved2], onChild, onBystander };
  }

  it('moves codings to the target, drops duplicates on the same span, re-parents children and removes the source', async () => {
    const s = await mergeSetup();
    const codingsBefore = count(p.store(), 'coding');
    const result = await p.api.codebook.merge({ sourceId: s.source.id, targetId: s.target.id });
    expect(result).toEqual({ moved: 2, duplicates: 1 });
    expect(count(p.store(), 'coding')).toBe(codingsBefore - result.duplicates);

    const codes = await byId();
    expect(codes.has(s.source.id)).toBe(false);
    expect(s.kids.map((k) => codes.get(k.id)!.parentId)).toEqual([s.target.id, s.target.id]);
    expect(codes.get(s.grandchild.id)!.parentId).toBe(s.kids[0].id);
    // the children come after the target's own, in their old order
    expect(await childrenOf(s.target.id)).toEqual(['Hasj', 'Unge', 'Voksne']);
    expect(codes.get(s.target.id)!.codingCount).toBe(3);
    expect(codes.get(s.bystander.id)!.codingCount).toBe(1);

    const rows = p.store().sqlite.prepare('SELECT id, code_id, answer_id, start_offset, end_offset FROM coding').all() as { id: string; code_id: string }[];
    const codeOf = new Map(rows.map((r) => [r.id, r.code_id]));
    expect(codeOf.has(s.dup.id)).toBe(false);
    for (const k of [s.onTarget, ...s.moved]) expect(codeOf.get(k.id)).toBe(s.target.id);
    expect(codeOf.get(s.onChild.id)).toBe(s.kids[0].id);
    expect(codeOf.get(s.onBystander.id)).toBe(s.bystander.id);
    expect(rows.some((r) => r.code_id === s.source.id)).toBe(false);

    // Nothing lost: every span the source had is still coded on the target.
    const spans = (await p.api.workspace.response({ id: p.response('1804').id })).codings.filter((k) => k.codeId === s.target.id).map((k) => [k.start, k.end]);
    expect(spans.sort()).toEqual([[s.dup.start, s.dup.end], [s.moved[0].start, s.moved[0].end]].sort());
  });

  it('is one action in the trail, with full row images', async () => {
    const s = await mergeSetup();
    await p.api.codebook.merge({ sourceId: s.source.id, targetId: s.target.id });
    const events = p.store().sqlite.prepare("SELECT * FROM event WHERE action = 'code.merge' ORDER BY seq").all() as { group_id: string; entity_type: string; before: string | null; after: string | null }[];
    expect(new Set(events.map((e) => e.group_id)).size).toBe(1);
    expect(events.map((e) => e.entity_type).sort()).toEqual(['code', 'code', 'code', 'coding', 'coding', 'coding']);
    const deleted = events.filter((e) => e.after === null).map((e) => JSON.parse(e.before!) as { id: string });
    expect(deleted.map((d) => d.id).sort()).toEqual([s.dup.id, s.source.id].sort());
    expect(await p.api.history.state()).toMatchObject({ undo: { action: 'code.merge' } });
  });

  it('refuses merging a code into itself or into its own subcode, and unknown codes', async () => {
    const s = await mergeSetup();
    const before = workspaceDump(p.store());
    await expectApiError(p.api.codebook.merge({ sourceId: s.source.id, targetId: s.source.id }), 'INVALID_INPUT');
    await expectApiError(p.api.codebook.merge({ sourceId: s.source.id, targetId: s.grandchild.id }), 'INVALID_INPUT');
    await expectApiError(p.api.codebook.merge({ sourceId: s.source.id, targetId: 'finnes-ikke' }), 'NOT_FOUND');
    await expectApiError(p.api.codebook.merge({ sourceId: 'finnes-ikke', targetId: s.target.id }), 'NOT_FOUND');
    expect(workspaceDump(p.store())).toEqual(before);
  });

  it('keeps the source\'s memo with the target', async () => {
    const s = await mergeSetup();
    await p.api.memos.set({ targetType: 'code', targetId: s.source.id, text: 'Kilden: brukes om rus.' });
    await p.api.memos.set({ targetType: 'code', targetId: s.kids[0].id, text: 'Barnet' });
    await p.api.codebook.merge({ sourceId: s.source.id, targetId: s.target.id });
    expect(await p.api.memos.get({ targetType: 'code', targetId: s.source.id })).toBeNull();
    expect((await p.api.memos.get({ targetType: 'code', targetId: s.target.id }))?.text).toContain('Kilden: brukes om rus.');
    expect((await p.api.memos.get({ targetType: 'code', targetId: s.kids[0].id }))?.text).toBe('Barnet');
    // no memo is left pointing at a code that is gone
    const orphans = p.store().sqlite.prepare("SELECT count(*) AS n FROM memo WHERE target_type = 'code' AND target_id NOT IN (SELECT id FROM code)").get();
    expect(orphans).toEqual({ n: 0 });

    // when both have a memo, the texts are joined
    const other = await p.api.codebook.create({ name: 'Annen' });
    await p.api.memos.set({ targetType: 'code', targetId: other.id, text: 'Annet notat' });
    await p.api.codebook.merge({ sourceId: other.id, targetId: s.target.id });
    const joined = (await p.api.memos.get({ targetType: 'code', targetId: s.target.id }))!.text;
    expect(joined).toContain('Kilden: brukes om rus.');
    expect(joined).toContain('Annet notat');
    expect(count(p.store(), 'memo', "target_type = 'code'")).toBe(2);
  });
});

describe('codebook.deletePreview and codebook.delete', () => {
  it('counts and removes the subtree, its codings and its code memos, and nothing else', async () => {
    const bodo = p.response('1804');
    const top = await p.api.codebook.create({ name: 'Topp' });
    const child = await p.api.codebook.create({ name: 'Barn', parentId: top.id });
    const grandchild = await p.api.codebook.create({ name: 'Barnebarn', parentId: child.id });
    const keep = await p.api.codebook.create({ name: 'Behold' });
    await p.api.codings.create({ answerId: bodo.q(1).id, codeId: top.id });
    await p.api.codings.create({ answerId: bodo.q(2).id, codeId: child.id, start: 0, end: 3 });
    await p.api.codings.create({ answerId: bodo.q(3).id, codeId: grandchild.id, start: 0, end: 3 });
    const kept = await p.api.codings.create({ answerId: bodo.q(1).id, codeId: keep.id });
    await p.api.memos.set({ targetType: 'code', targetId: child.id, text: 'Om barnet' });
    await p.api.memos.set({ targetType: 'code', targetId: keep.id, text: 'Om den andre' });

    expect(await p.api.codebook.deletePreview({ id: top.id })).toEqual({ codes: 3, codings: 3 });
    expect(await p.api.codebook.deletePreview({ id: grandchild.id })).toEqual({ codes: 1, codings: 1 });
    await expectApiError(p.api.codebook.deletePreview({ id: 'finnes-ikke' }), 'NOT_FOUND');
    // a preview changes nothing
    expect(count(p.store(), 'code')).toBe(4);

    expect(await p.api.codebook.delete({ id: top.id })).toEqual({ codes: 3, codings: 3 });
    expect((await p.api.codebook.list()).map((c) => c.id)).toEqual([keep.id]);
    expect((p.store().sqlite.prepare('SELECT id FROM coding').all() as { id: string }[]).map((r) => r.id)).toEqual([kept.id]);
    expect(await p.api.memos.get({ targetType: 'code', targetId: child.id })).toBeNull();
    expect((await p.api.memos.get({ targetType: 'code', targetId: keep.id }))?.text).toBe('Om den andre');
    await expectApiError(p.api.codebook.delete({ id: top.id }), 'NOT_FOUND');
  });
});

describe('codebook.adoptStarter', () => {
  const starterCount = (codes: { children: unknown[] }[]): number => codes.reduce((n, c) => n + 1 + starterCount(c.children as { children: unknown[] }[]), 0);

  it('adds the 2022 letter\'s 28 codes, scoped to their questions, once', async () => {
    expect(await p.api.codebook.adoptStarter()).toEqual({ added: 28 });
    const codes = await p.api.codebook.list();
    expect(codes).toHaveLength(28);
    expect(starterCount(p.core.session.ref.letter2022Extras.codebook)).toBe(28);
    const tops = codes.filter((c) => c.parentId === null);
    expect(tops.map((c) => c.name).sort()).toEqual(['Nytt tjenestested', 'Samarbeid og ressurser', 'Tilgjengelighet', 'Utfordringer', 'Årsaker til misnøye'].sort());
    const ordinalOf = new Map([...p.questions].map(([ordinal, id]) => [id, ordinal]));
    const byName = new Map(codes.map((c) => [c.name, c]));
    expect(ordinalOf.get(byName.get('Utfordringer')!.questionId!)).toBe(1);
    expect(ordinalOf.get(byName.get('Årsaker til misnøye')!.questionId!)).toBe(2);
    // children inherit the scope of their parent
    for (const c of codes) {
      expect(c.questionId, c.name).not.toBeNull();
      if (c.parentId) expect(c.questionId, c.name).toBe(codes.find((x) => x.id === c.parentId)!.questionId);
    }
    expect(byName.get('Ungdomskriminalitet og rus')).toMatchObject({ shortcut: '1', colour: '#2A8BD1', parentId: byName.get('Utfordringer')!.id });
    expect(byName.get('Politiråd')!.description).not.toBe('');

    // a second adoption adds nothing and changes nothing
    const before = workspaceDump(p.store());
    expect(await p.api.codebook.adoptStarter()).toEqual({ added: 0 });
    expect(workspaceDump(p.store())).toEqual(before);
    expect(await p.api.history.state()).toMatchObject({ undo: { action: 'codebook.adopt' } });
  });

  it('keeps codes the caseworker has, not duplicating same-named ones or taking their shortcuts', async () => {
    const mine = await p.api.codebook.create({ name: 'utfordringer', shortcut: '1' });
    expect(await p.api.codebook.adoptStarter()).toEqual({ added: 27 });
    const codes = await p.api.codebook.list();
    expect(codes.filter((c) => c.name.toLowerCase() === 'utfordringer')).toEqual([expect.objectContaining({ id: mine.id })]);
    expect(codes.filter((c) => c.shortcut === '1').map((c) => c.id)).toEqual([mine.id]);
    expect(codes.filter((c) => c.parentId === mine.id)).toHaveLength(8);
  });

  it('is refused for a project from the blank template', async () => {
    const blank = await codingProject({ template: 'blank', rows: [] });
    try {
      await expectApiError(blank.api.codebook.adoptStarter(), 'NOT_FOUND');
      expect(await blank.api.codebook.list()).toEqual([]);
    } finally {
      await blank.cleanup();
    }
  });
});

describe('codebook.list', () => {
  it('counts each code\'s codings on current responses only (not its children\'s)', async () => {
    const bodo = p.response('1804');
    const parent = await p.api.codebook.create({ name: 'Rus' });
    const child = await p.api.codebook.create({ name: 'Unge', parentId: parent.id });
    await p.api.codings.create({ answerId: bodo.q(1).id, codeId: parent.id });
    await p.api.codings.create({ answerId: p.response('3403').q(1).id, codeId: parent.id });
    await p.api.codings.create({ answerId: bodo.q(1).id, codeId: child.id, start: 0, end: 3 });
    let codes = await byId();
    expect([codes.get(parent.id)!.codingCount, codes.get(child.id)!.codingCount]).toEqual([2, 1]);

    // A newer response from Bodø supersedes the coded one.
    const file = path.join(p.dir, 'runde2.csv');
    writeFileSync(file, 'Kommunenr.;Kommune;Mottatt;Spørsmål 1\r\n1804;Bodø kommune;15.06.2022;Nytt svar.\r\n');
    await p.api.import.run({ paths: [file] });
    expect((await p.api.responses.get({ id: bodo.id })).isCurrent).toBe(false);
    codes = await byId();
    expect([codes.get(parent.id)!.codingCount, codes.get(child.id)!.codingCount]).toEqual([1, 0]);
    expect(count(p.store(), 'coding')).toBe(3);
  });
});
