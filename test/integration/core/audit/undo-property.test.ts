// Property: for any sequence of workspace actions (codes created, moved,
// merged and deleted; spans coded, changed and removed; variables set and
// cleared; memos written and removed; statuses set), undoing every step brings
// the workspace tables back to exactly where they started, and redoing every
// step brings them exactly to where they ended. Actions the API refuses (a
// scoped code on another question's answer, a span past the end…) are part
// of the sequence too: they must leave no step behind.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Variable } from '../../../../src-shared/coding';
import { ApiError } from '../../../../src-shared/errors';
import { codingProject, count, workspaceDump, type CodingProject } from '../../../helpers/coding';

let p: CodingProject;
let base: string;
let runs = 0;
let answers: { id: string; length: number }[];
let responseIds: string[];
let variables: Variable[];

beforeAll(async () => {
  p = await codingProject();
  answers = [...p.responses.values()].flatMap((r) => r.answers.map((a) => ({ id: a.id, length: a.text.length })));
  responseIds = [...p.responses.values()].map((r) => r.id);
  variables = await p.api.variables.list();
  // Some codebook and codings to start from, by another caseworker (so not on our undo stack).
  p.setAuthor('Oppsett');
  const rus = await p.api.codebook.create({ name: 'Rus' });
  const unge = await p.api.codebook.create({ name: 'Unge', parentId: rus.id });
  const vold = await p.api.codebook.create({ name: 'Vold' });
  const q1 = await p.api.codebook.create({ name: 'Utfordring', questionId: p.questions.get(1)! });
  for (const [i, r] of [...p.responses.values()].entries()) {
    await p.api.codings.create({ answerId: r.q(1).id, codeId: [rus, unge, vold, q1][i % 4].id });
    await p.api.codings.create({ answerId: r.q(2).id, codeId: vold.id, start: 0, end: 3 });
  }
  await p.api.memos.set({ targetType: 'code', targetId: rus.id, text: 'Om rus' });
  await p.api.variables.set({ responseId: p.response('1804').id, variableId: variables[0].id, value: 'nei' });
  p.setAuthor('Test Saksbehandler');
  // Every run starts from a copy of this file (closing checkpoints the WAL into it).
  base = path.join(p.dir, 'base.innspill');
  await p.api.project.close();
  copyFileSync(p.file, base);
});
afterAll(async () => {
  await p.cleanup();
});

type Action =
  | { kind: 'createCode'; parent: number | null; name: string; scoped: boolean }
  | { kind: 'moveCode'; code: number; parent: number | null; index: number }
  | { kind: 'mergeCodes'; source: number; target: number }
  | { kind: 'deleteCode'; code: number }
  | { kind: 'createCoding'; code: number; answer: number; start: number; length: number | null }
  | { kind: 'updateCoding'; coding: number; start: number | null; length: number; useInMemo: boolean | null }
  | { kind: 'deleteCoding'; coding: number }
  | { kind: 'setVariable'; response: number; variable: number; choice: number[] | null; evidence: boolean }
  | { kind: 'setMemo'; target: 'project' | 'response' | 'answer' | 'code'; index: number; text: string }
  | { kind: 'setStatus'; response: number; status: 'ikke_startet' | 'under_arbeid' | 'ferdig' | 'kvalitetssikret' };

const small = fc.nat({ max: 40 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('createCode' as const), parent: fc.option(small, { nil: null }), name: fc.constantFrom('Rus', 'Vold', 'Avstand', 'Bemanning', 'rus'), scoped: fc.constantFrom(false, false, false, true) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('moveCode' as const), code: small, parent: fc.option(small, { nil: null }), index: fc.nat({ max: 5 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('mergeCodes' as const), source: small, target: small }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteCode' as const), code: small }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('createCoding' as const), code: small, answer: small, start: fc.nat({ max: 90 }), length: fc.option(fc.integer({ min: -2, max: 30 }), { nil: null }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('updateCoding' as const), coding: small, start: fc.option(fc.nat({ max: 60 }), { nil: null }), length: fc.integer({ min: 0, max: 20 }), useInMemo: fc.option(fc.boolean(), { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteCoding' as const), coding: small }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('setVariable' as const), response: small, variable: small, choice: fc.option(fc.array(fc.nat({ max: 5 }), { maxLength: 3 }), { nil: null }), evidence: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('setMemo' as const), target: fc.constantFrom('project' as const, 'response' as const, 'answer' as const, 'code' as const), index: small, text: fc.constantFrom('', 'Notat', 'Endret notat', '  ') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('setStatus' as const), response: small, status: fc.constantFrom('ikke_startet' as const, 'under_arbeid' as const, 'ferdig' as const, 'kvalitetssikret' as const) }) },
);

const ids = (table: string): string[] => (p.store().sqlite.prepare(`SELECT id FROM ${table} ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
const pick = <T,>(list: T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

async function perform(a: Action): Promise<void> {
  const api = p.api;
  const codes = ids('code');
  switch (a.kind) {
    case 'createCode': {
      const parentId = a.parent === null ? null : (pick(codes, a.parent) ?? null);
      await api.codebook.create({ name: `${a.name} ${codes.length}`, parentId, questionId: a.scoped ? p.questions.get(1 + (codes.length % 5))! : null });
      return;
    }
    case 'moveCode': {
      const id = pick(codes, a.code);
      if (id) await api.codebook.move({ id, parentId: a.parent === null ? null : (pick(codes, a.parent) ?? null), index: a.index });
      return;
    }
    case 'mergeCodes': {
      const source = pick(codes, a.source);
      const target = pick(codes, a.target);
      if (source && target) await api.codebook.merge({ sourceId: source, targetId: target });
      return;
    }
    case 'deleteCode': {
      const id = pick(codes, a.code);
      if (id) await api.codebook.delete({ id });
      return;
    }
    case 'createCoding': {
      const codeId = pick(codes, a.code);
      const answer = pick(answers, a.answer)!;
      if (!codeId) return;
      if (a.length === null) await api.codings.create({ answerId: answer.id, codeId });
      else {
        // Mostly inside the answer; a length of 0 or less (or a long one on a short answer) is refused.
        const start = a.start % answer.length;
        await api.codings.create({ answerId: answer.id, codeId, start, end: a.length <= 0 ? start : Math.min(answer.length + (a.length > 25 ? 1 : 0), start + a.length) });
      }
      return;
    }
    case 'updateCoding': {
      const id = pick(ids('coding'), a.coding);
      if (!id) return;
      const { answer_id: answerId } = p.store().sqlite.prepare('SELECT answer_id FROM coding WHERE id = ?').get(id) as { answer_id: string };
      const length = answers.find((x) => x.id === answerId)!.length;
      const patch: { start?: number; end?: number; useInMemo?: boolean } = {};
      if (a.start !== null) {
        const start = a.start % length;
        Object.assign(patch, { start, end: a.length === 0 ? start : Math.min(length, start + a.length) });
      }
      if (a.useInMemo !== null) patch.useInMemo = a.useInMemo;
      await api.codings.update({ id, ...patch });
      return;
    }
    case 'deleteCoding': {
      const id = pick(ids('coding'), a.coding);
      if (id) await api.codings.delete({ id });
      return;
    }
    case 'setVariable': {
      const variable = pick(variables, a.variable)!;
      const responseId = pick(responseIds, a.response)!;
      const options = variable.options.map((o) => o.value);
      const value =
        a.choice === null
          ? null
          : variable.kind === 'multi'
            ? a.choice.map((i) => options[i % options.length])
            : variable.kind === 'single'
              ? options[(a.choice[0] ?? 0) % options.length]
              : `Tekst ${a.choice.join('-')}`;
      const answer = p.responses.get([...p.responses.keys()][a.response % p.responses.size])!.answers[0];
      await api.variables.set({ responseId, variableId: variable.id, value, ...(a.evidence ? { evidence: { answerId: answer.id, start: 0, end: Math.min(4, answer.text.length) } } : {}) });
      return;
    }
    case 'setMemo': {
      const targetId = a.target === 'project' ? null : (pick(a.target === 'response' ? responseIds : a.target === 'answer' ? answers.map((x) => x.id) : codes, a.index) ?? null);
      if (a.target !== 'project' && targetId === null) return;
      await api.memos.set({ targetType: a.target, targetId, text: a.text });
      return;
    }
    case 'setStatus':
      await api.responses.setStatus({ id: pick(responseIds, a.response)!, status: a.status });
      return;
  }
}

it('undoing every step restores the workspace exactly; redoing every step restores the end state exactly', { timeout: 240_000 }, async () => {
  let refused = 0;
  let total = 0;
  const done = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 30, size: 'max' }), async (actions) => {
      // A fresh copy of the base file for every run (and every shrink).
      const file = path.join(p.dir, `run-${++runs}.innspill`);
      copyFileSync(base, file);
      await p.api.project.open({ path: file });
      try {
        const initial = workspaceDump(p.store());
        let steps = 0;
        for (const a of actions) {
          const events = count(p.store(), 'event');
          try {
            await perform(a);
          } catch (e) {
            // Refusals are expected; anything else (a database error) is a failure.
            if (!(e instanceof ApiError) || e.code === 'INTERNAL') throw e;
            expect(count(p.store(), 'event'), `${a.kind} refused but wrote events`).toBe(events);
            refused++;
          }
          total++;
          if (count(p.store(), 'event') > events) {
            steps++;
            done.set(a.kind, (done.get(a.kind) ?? 0) + 1);
          }
        }
        const final = workspaceDump(p.store());
        for (let i = 0; i < steps; i++) await p.api.history.undo();
        expect(workspaceDump(p.store())).toEqual(initial);
        expect((await p.api.history.state()).undo).toBeNull();
        for (let i = 0; i < steps; i++) await p.api.history.redo();
        expect(workspaceDump(p.store())).toEqual(final);
        expect((await p.api.history.state()).redo).toBeNull();
      } finally {
        await p.api.project.close();
      }
    }),
    { seed: 20220530, numRuns: 100 },
  );
  // The generator exercises every kind of action, and refusals too.
  expect([...done.keys()].sort()).toEqual(['createCode', 'createCoding', 'deleteCode', 'deleteCoding', 'mergeCodes', 'moveCode', 'setMemo', 'setStatus', 'setVariable', 'updateCoding']);
  for (const [kind, n] of done) expect(n, kind).toBeGreaterThanOrEqual(20);
  expect(refused).toBeGreaterThan(0);
  expect(refused).toBeLessThan(total / 2);
});
