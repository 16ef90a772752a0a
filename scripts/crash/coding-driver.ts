// The coding run the crash harness kills: a child process that makes N coding actions on a project
// through the API (core.dispatch, as the UI calls it): new codings, values set on responses, and
// codings deleted again, planned from a seed so every run makes the same actions in the same order.
// --from K starts at action K (the run after a kill carries on where the project says it stopped);
// --record FILE writes the logical dump's hash after each action (index 0: before the first), which
// is what a killed project must match: the state after some whole number of actions.
//
//   tsx scripts/crash/coding-driver.ts <project> --actions N --seed S [--from K] [--record FILE]
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { benchCore, call } from '../../bench/lib';
import { mulberry32 } from '../../src-shared/rng';
import { dumpOf, hashDump, knownIds } from './dump';

export type Action =
  | { kind: 'create'; answerId: string; codeId: string; start: number; end: number }
  | { kind: 'delete'; of: number }
  | { kind: 'value'; responseId: string; variableId: string; value: string | null };

interface ProjectFacts {
  answers: { id: string; questionId: string; responseId: string; length: number }[];
  codes: { id: string; questionId: string | null }[];
  variables: { id: string; options: string[] }[];
}

export function projectFacts(file: string): ProjectFacts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const answers = db.prepare('SELECT id, question_id AS questionId, response_id AS responseId, length(text) AS length FROM answer WHERE length(text) > 40 ORDER BY id').all() as ProjectFacts['answers'];
    const codes = db.prepare('SELECT id, question_id AS questionId FROM code ORDER BY id').all() as ProjectFacts['codes'];
    const singles = db.prepare("SELECT id, options FROM variable WHERE kind = 'single' ORDER BY id").all() as { id: string; options: string }[];
    const variables = singles.map((v) => ({ id: v.id, options: (JSON.parse(v.options) as (string | { value: string })[]).map((o) => (typeof o === 'string' ? o : o.value)) }));
    return { answers, codes, variables };
  } finally {
    db.close();
  }
}

/** The N actions for a seed: 70 % new codings (each a different span), 20 % values, 10 % deletions of an earlier coding. */
export function planActions(facts: ProjectFacts, count: number, seed: number): Action[] {
  const rng = mulberry32(seed);
  const actions: Action[] = [];
  const spans = new Set<string>();
  const alive: number[] = [];
  while (actions.length < count) {
    const roll = rng.next();
    if (roll < 0.1 && alive.length > 0) {
      const of = alive.splice(rng.int(0, alive.length - 1), 1)[0];
      actions.push({ kind: 'delete', of });
    } else if (roll < 0.3 && facts.variables.length > 0) {
      const a = rng.pick(facts.answers);
      const v = rng.pick(facts.variables);
      actions.push({ kind: 'value', responseId: a.responseId, variableId: v.id, value: rng.chance(0.15) ? null : rng.pick(v.options) });
    } else {
      const a = rng.pick(facts.answers);
      const scoped = facts.codes.filter((c) => c.questionId === a.questionId);
      const code = rng.pick(scoped.length > 0 ? scoped : facts.codes);
      const start = rng.int(0, a.length - 20);
      const end = start + rng.int(3, 19);
      const key = `${a.id}:${code.id}:${start}:${end}`;
      if (spans.has(key)) continue;
      spans.add(key);
      alive.push(actions.length);
      actions.push({ kind: 'create', answerId: a.id, codeId: code.id, start, end });
    }
  }
  return actions;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { actions: { type: 'string' }, seed: { type: 'string' }, from: { type: 'string', default: '0' }, record: { type: 'string' } },
  });
  const project = path.resolve(positionals[0]);
  const count = Number(values.actions);
  const seed = Number(values.seed);
  const from = Number(values.from);
  const facts = projectFacts(project);
  const actions = planActions(facts, count, seed);
  const known = values.record ? knownIds(project) : new Set<string>();

  const core = benchCore(path.dirname(project), 'Koder Kim');
  try {
    await call(core, 'project.open', { path: project });
    const sqlite = core.session.requireStore().sqlite;
    const hashes = values.record ? [hashDump(dumpOf(sqlite, known))] : [];
    const codingId = (a: Extract<Action, { kind: 'create' }>) =>
      (sqlite.prepare('SELECT id FROM coding WHERE answer_id = ? AND code_id = ? AND start_offset = ? AND end_offset = ?').get(a.answerId, a.codeId, a.start, a.end) as { id: string }).id;
    for (let i = from; i < actions.length; i++) {
      const a = actions[i];
      if (a.kind === 'create') await call(core, 'codings.create', { answerId: a.answerId, codeId: a.codeId, start: a.start, end: a.end });
      else if (a.kind === 'value') await call(core, 'variables.set', { responseId: a.responseId, variableId: a.variableId, value: a.value });
      else await call(core, 'codings.delete', { id: codingId(actions[a.of] as Extract<Action, { kind: 'create' }>) });
      if (values.record) hashes.push(hashDump(dumpOf(sqlite, known)));
    }
    if (values.record) writeFileSync(values.record, JSON.stringify(hashes));
  } finally {
    await core.dispose();
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`coding-driver: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
