// Team work benchmark: the lead's master project with one response from each
// of the 356 municipalities (5 answers of ~1 KB, through the real CSV
// import) and the 2022 starter codebook; Kari gets police districts p01–p06,
// Ola p07–p12, and 40 respondents (20 from each side) go to both
// (double-coded). Then, as the app does it (core.dispatch):
//   master process   team.exportPackage for each; the lead then changes some
//                    of the same variables in the master (the collisions);
//   laptop processes team.openPackage (the working copy), a caseworker's
//                    work in it (~10 codings per response, the q2/q5
//                    variables, statuses, a few memos), team.returnPreview
//                    and team.exportReturn — one process per laptop;
//   master process   team.mergeReturn of Kari's return, then Ola's, each
//                    merged again (idempotent), team.conflicts, and
//                    agreement.report + agreement.disagreements on the
//                    double-coded sample.
// Each group runs in a fresh process so its peak memory is its own. The work
// is deterministic: a response's codings and values are planned from its
// municipality number, so the two coders of a double-coded response start
// from the same reading and differ where their own draws say so.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Variable } from '../src-shared/coding';
import type { AnswerPart } from '../src-shared/domain';
import {
  benchCore,
  call,
  codingFor,
  fmt,
  median,
  phaseArg,
  plannedCodings,
  randomInts,
  reportPhase,
  runPhase,
  span,
  subcodesByQuestion,
  tempFolder,
  text,
  timed,
  verdict,
  writeMunicipalityCsv,
} from './lib';

const LEAD = 'Leder Lise';
const TEAM = [
  { name: 'Kari', districts: ['p01', 'p02', 'p03', 'p04', 'p05', 'p06'] },
  { name: 'Ola', districts: ['p07', 'p08', 'p09', 'p10', 'p11', 'p12'] },
];
const DOUBLE_CODED = 40;
const ANSWER_BYTES = 1000;
const CODINGS_PER_RESPONSE = 10;
/** The lead sets q2 on every LEAD_EVERY-th response after the packages went out (every other one to the value the coders will choose), and q5 on every second of those. */
const LEAD_EVERY = 6;
/** On a double-coded response, the share (in %) of planned codings and values a coder reads differently. */
const DEVIATION = 20;

const TARGETS = {
  exportPackage: 2000,
  openPackage: 1000,
  exportReturn: 2000,
  merge: 5000,
  mergeAgain: 500,
  conflicts: 1000,
  agreementReport: 1000,
  disagreements: 1000,
};

const masterDir = (dir: string) => path.join(dir, 'master');
const packagePath = (dir: string, name: string) => path.join(masterDir(dir), `${name}.innspillpakke`);
/** The return is written into the master's folder, as if carried over. */
const returnPath = (dir: string, name: string) => path.join(masterDir(dir), `${name}.innspillretur`);
const mb = (file: string) => statSync(file).size / 1048576;

/** Prefixes the keys of a count record, for the phase's flat JSON result. */
function prefixed(prefix: string, counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [`${prefix}.${k}`, v]));
}

function unprefixed(result: Record<string, number>, prefix: string): Record<string, number> {
  return Object.fromEntries(Object.entries(result).flatMap(([k, v]) => (k.startsWith(`${prefix}.`) ? [[k.slice(prefix.length + 1), v]] : [])));
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const listed = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(', ');

// ---- The plan: what a response holds for a careful coder ----

/** The closed variables' values a response calls for (single choice: an option; the premises offered: text when it offers some). */
function plannedValues(number: string, variables: Variable[]): Map<string, string> {
  const rnd = randomInts(Number(number) + 1);
  const out = new Map<string, string>();
  for (const v of variables) if (v.kind === 'single') out.set(v.key, v.options[rnd(v.options.length)].value);
  return out;
}

/** The passage that backs the q2 value (satisfied with the police?): planned like the value. */
function plannedEvidence(number: string, answers: AnswerPart[]): { answerId: string; start: number; end: number } | undefined {
  const answer = answers.find((a) => a.questionOrdinal === 2 && a.text.length > 0);
  return answer ? { answerId: answer.id, ...span(answer, randomInts(Number(number) + 2)) } : undefined;
}

const coderSeed = (name: string, number: string) => Number(number) * 31 + TEAM.findIndex((t) => t.name === name) + 7;

// ---- Phases ----

/** The lead's master: import, codebook, assignments, a work package per caseworker, then the lead's own edits. */
async function phaseMaster(dir: string): Promise<void> {
  mkdirSync(masterDir(dir), { recursive: true });
  const core = benchCore(masterDir(dir), LEAD);
  await call(core, 'project.create', { path: 'master.innspill' });
  const csv = writeMunicipalityCsv(core, masterDir(dir), (i, q) => text(i * 10 + q, ANSWER_BYTES));
  const [report, importMs] = await timed(() => call(core, 'import.run', { paths: [csv] }));
  const responses = report.files.reduce((n, f) => n + f.responses, 0);
  const { added: codes } = await call(core, 'codebook.adoptStarter', {});

  const [, assignMs] = await timed(async () => {
    for (const member of TEAM) await call(core, 'team.assign', { assignee: member.name, policeDistrictCodes: member.districts, exclusive: true });
    // Double coding: every n-th of each caseworker's respondents also goes to the other.
    const overview = await call(core, 'team.assignments', {});
    for (const [i, member] of TEAM.entries()) {
      const theirs = overview.respondents.filter((r) => r.assignees.includes(member.name));
      const step = Math.floor(theirs.length / (DOUBLE_CODED / TEAM.length));
      const picked = theirs.filter((_, k) => k % step === 0).slice(0, DOUBLE_CODED / TEAM.length);
      await call(core, 'team.assign', { assignee: TEAM[(i + 1) % TEAM.length].name, respondentIds: picked.map((r) => r.respondentId) });
    }
  });
  const overview = await call(core, 'team.assignments', {});

  const result: Record<string, number> = { responses, codes, importMs, assignMs, doubleCoded: overview.doubleCoded };
  for (const member of TEAM) {
    const [exported, ms] = await timed(() => call(core, 'team.exportPackage', { assignee: member.name, target: packagePath(dir, member.name) }));
    Object.assign(result, { [`${member.name}.exportMs`]: ms, [`${member.name}.sizeMb`]: exported.sizeBytes / 1048576, [`${member.name}.respondents`]: exported.respondents, [`${member.name}.responses`]: exported.responses });
  }

  // After the packages went out the lead reads some responses too: the same variables the caseworkers will set.
  const variables = await call(core, 'variables.list', {});
  const q2 = variables.find((v) => v.key === 'q2_satisfied')!;
  const q5 = variables.find((v) => v.key === 'q5_wants_station')!;
  const list = (await call(core, 'responses.list', {})).filter((r) => r.municipality).sort((a, b) => a.municipality!.number.localeCompare(b.municipality!.number));
  let leadChanges = 0;
  const [, leadMs] = await timed(async () => {
    for (const [i, r] of list.entries()) {
      if (i % LEAD_EVERY !== 0) continue;
      const planned = plannedValues(r.municipality!.number, variables);
      const same = (i / LEAD_EVERY) % 2 === 0;
      const other = (v: Variable, value: string) => v.options[(v.options.findIndex((o) => o.value === value) + 1) % v.options.length].value;
      const evidence = plannedEvidence(r.municipality!.number, (await call(core, 'responses.get', { id: r.id })).answers);
      const value = same ? planned.get(q2.key)! : other(q2, planned.get(q2.key)!);
      await call(core, 'variables.set', { responseId: r.id, variableId: q2.id, value, ...(evidence ? { evidence } : {}) });
      leadChanges++;
      if (!same) {
        await call(core, 'variables.set', { responseId: r.id, variableId: q5.id, value: other(q5, planned.get(q5.key)!) });
        leadChanges++;
      }
    }
  });
  await core.dispose();
  reportPhase({ ...result, leadChanges, leadMs });
}

/** A caseworker's laptop: the working copy, a day's work in it, and the return package. */
async function phaseWork(dir: string, name: string): Promise<void> {
  const laptop = path.join(dir, name);
  mkdirSync(laptop, { recursive: true });
  const core = benchCore(laptop, name);
  const [copy, openMs] = await timed(() => call(core, 'team.openPackage', { path: packagePath(dir, name), target: 'arbeidskopi.innspill' }));

  const codesFor = subcodesByQuestion(await call(core, 'codebook.list', {}));
  const variables = await call(core, 'variables.list', {});
  const shared = new Set((await call(core, 'team.assignments', {})).respondents.filter((r) => r.assignees.length > 1).map((r) => r.respondentId));
  const responses = await call(core, 'responses.list', {});

  const calls: number[] = [];
  const counts = { codings: 0, updates: 0, values: 0, statuses: 0, memos: 0 };
  const act = async <T>(run: () => Promise<T>): Promise<T> => {
    const [result, ms] = await timed(run);
    calls.push(ms);
    return result;
  };
  const workStart = performance.now();
  for (const r of responses) {
    const number = r.municipality!.number;
    const double = shared.has(r.respondentId);
    const own = randomInts(coderSeed(name, number));
    const differs = () => double && own(100) < DEVIATION;
    const { response } = await act(() => call(core, 'workspace.response', { id: r.id }));
    const answers = response.answers.filter((a) => a.questionId && a.text.length > 0);
    await act(() => call(core, 'responses.setStatus', { id: r.id, status: 'under_arbeid' }));
    counts.statuses++;

    for (const planned of plannedCodings(number, answers, codesFor, CODINGS_PER_RESPONSE)) {
      const answer = answers.find((a) => a.id === planned.answerId)!;
      const coding = differs() ? codingFor(answer, codesFor, own) : planned;
      const created = await act(() => call(core, 'codings.create', coding));
      counts.codings++;
      if (own(7) === 0) {
        await act(() => call(core, 'codings.update', { id: created.id, useInMemo: true }));
        counts.updates++;
      }
    }

    const planned = plannedValues(number, variables);
    for (const v of variables) {
      let value: string | null = null;
      const ownReading = differs();
      if (v.kind === 'single') value = ownReading ? v.options[own(v.options.length)].value : planned.get(v.key)!;
      else if (v.key === 'q5_premises_offered' && planned.get('q5_offers_premises') === 'ja') value = 'Lokaler i rådhuset, felles med NAV';
      if (value === null) continue;
      const q2Answer = answers.find((a) => a.questionOrdinal === 2);
      const evidence = v.key !== 'q2_satisfied' ? undefined : ownReading && q2Answer ? { answerId: q2Answer.id, ...span(q2Answer, own) } : plannedEvidence(number, answers);
      await act(() => call(core, 'variables.set', { responseId: r.id, variableId: v.id, value, ...(evidence ? { evidence } : {}) }));
      counts.values++;
    }
    if (own(10) === 0) {
      await act(() => call(core, 'memos.set', { targetType: 'response', targetId: r.id, text: `${name}: svaret bør leses sammen med nabokommunenes.` }));
      counts.memos++;
    }
    if (own(10) !== 0) {
      await act(() => call(core, 'responses.setStatus', { id: r.id, status: 'ferdig' }));
      counts.statuses++;
    }
  }
  const workMs = performance.now() - workStart;

  const [preview, previewMs] = await timed(() => call(core, 'team.returnPreview', {}));
  const [exported, returnMs] = await timed(() => call(core, 'team.exportReturn', { target: returnPath(dir, name) }));
  const copySizeMb = mb(copy.path);
  await core.dispose();
  reportPhase({
    openMs,
    responses: responses.length,
    doubleCoded: shared.size,
    workMs,
    calls: calls.length,
    callMedianMs: median(calls),
    callMaxMs: Math.max(...calls),
    ...counts,
    previewMs,
    changes: preview.changes,
    ...prefixed('byEntity', preview.byEntity),
    returnMs,
    returnKb: exported.sizeBytes / 1024,
    copySizeMb,
  });
}

/** Back at the lead's: merge both returns, merge them again, list the conflicts, compare the double coding. */
async function phaseMerge(dir: string): Promise<void> {
  const core = benchCore(masterDir(dir), LEAD);
  const project = await call(core, 'project.open', { path: 'master.innspill' });
  const result: Record<string, number> = { sizeBeforeMb: mb(project.path) };
  for (const member of TEAM) {
    const [report, ms] = await timed(() => call(core, 'team.mergeReturn', { path: returnPath(dir, member.name) }));
    Object.assign(result, { [`${member.name}.mergeMs`]: ms, [`${member.name}.unchanged`]: report.unchanged, [`${member.name}.conflicts`]: report.conflicts }, prefixed(`${member.name}.applied`, report.applied));
  }
  for (const member of TEAM) {
    const [report, ms] = await timed(() => call(core, 'team.mergeReturn', { path: returnPath(dir, member.name) }));
    Object.assign(result, { [`${member.name}.againMs`]: ms, [`${member.name}.alreadyMerged`]: report.alreadyMerged ? 1 : 0 });
  }
  const [conflicts, conflictsMs] = await timed(() => call(core, 'team.conflicts', { status: 'open' }));
  const byKind: Record<string, number> = {};
  for (const c of conflicts) {
    const key = `${c.entityType} ${c.kind}${c.columns.length ? ` [${c.columns.join(' ')}]` : ''}`;
    byKind[key] = (byKind[key] ?? 0) + 1;
  }

  const [report, reportMs] = await timed(() => call(core, 'agreement.report', {}));
  const kappas = report.codes.flatMap((c) => (c.kappa.value === null ? [] : [c.kappa.value]));
  const alphas = report.variables.flatMap((v) => (v.alpha.value === null ? [] : [v.alpha.value]));
  const [disagreements, disagreementsMs] = await timed(() => call(core, 'agreement.disagreements', {}));
  await core.dispose();
  reportPhase({
    ...result,
    conflictsMs,
    openConflicts: conflicts.length,
    ...prefixed('kind', byKind),
    reportMs,
    coders: report.coders.length,
    sample: report.responses,
    codeRows: report.codes.length,
    codeUnits: report.codes.reduce((n, c) => n + c.units, 0),
    variableRows: report.variables.length,
    medianKappa: kappas.length ? median(kappas) : NaN,
    medianVariableAlpha: alphas.length ? median(alphas) : NaN,
    open: report.disagreements.open,
    disagreementsMs,
    disagreementItems: disagreements.items.length,
    sizeAfterMb: mb(project.path),
  });
}

// ---- The run ----

async function main(): Promise<void> {
  const phase = phaseArg();
  const args = process.argv.slice(process.argv.indexOf('--phase') + 2);
  if (phase === 'master') return phaseMaster(args[0]);
  if (phase === 'work') return phaseWork(args[0], args[1]);
  if (phase === 'merge') return phaseMerge(args[0]);

  const dir = tempFolder('innspill-bench-team-');
  try {
    const m = runPhase(__filename, 'master', [dir]);
    console.log(
      `Master: ${fmt(m.responses)} responses × 5 answers of ~${fmt(ANSWER_BYTES)} B (imported in ${fmt(m.importMs)} ms), starter codebook (${m.codes} codes); ` +
        `${TEAM.map((t) => `${t.name} ${t.districts[0]}–${t.districts.at(-1)}`).join(', ')}, ${m.doubleCoded} double-coded (assigned in ${fmt(m.assignMs)} ms)`,
    );
    for (const { name } of TEAM) {
      console.log(`  team.exportPackage ${name.padEnd(5)} ${fmt(m[`${name}.exportMs`])} ms  ${fmt(m[`${name}.sizeMb`], 1)} MB  ${m[`${name}.respondents`]} respondents, ${m[`${name}.responses`]} responses`);
    }
    console.log(`  then the lead set ${m.leadChanges} variable values in the master (q2 on every ${LEAD_EVERY}th response, half to the coders' reading; q5 on the other half)  peak RSS ${m.peakRssMb} MB`);

    console.log(`Working copies (one process per laptop; work through core.dispatch with the caseworker as author):`);
    const work = new Map<string, Record<string, number>>();
    for (const { name } of TEAM) {
      const w = runPhase(__filename, 'work', [dir, name]);
      work.set(name, w);
      console.log(`  ${name}: team.openPackage ${fmt(w.openMs)} ms (working copy ${fmt(w.copySizeMb, 1)} MB, ${w.responses} responses, ${w.doubleCoded} double-coded)`);
      console.log(
        `    work: ${fmt(w.calls)} calls in ${fmt(w.workMs / 1000, 1)} s (median ${fmt(w.callMedianMs, 1)} ms, max ${fmt(w.callMaxMs)} ms): ` +
          `${fmt(w.codings)} codings, ${fmt(w.updates)} coding edits, ${fmt(w.values)} variable values, ${fmt(w.statuses)} statuses, ${fmt(w.memos)} memos`,
      );
      console.log(`    team.returnPreview ${fmt(w.previewMs)} ms: ${fmt(w.changes)} changes (${listed(unprefixed(w, 'byEntity'))})`);
      console.log(`    team.exportReturn ${fmt(w.returnMs)} ms  ${fmt(w.returnKb)} kB  peak RSS ${w.peakRssMb} MB`);
    }

    const g = runPhase(__filename, 'merge', [dir]);
    console.log(`Merge into the master (${fmt(g.sizeBeforeMb, 1)} MB before, ${fmt(g.sizeAfterMb, 1)} MB after):`);
    for (const { name } of TEAM) {
      const applied = unprefixed(g, `${name}.applied`);
      console.log(
        `  team.mergeReturn ${name.padEnd(5)} ${fmt(g[`${name}.mergeMs`])} ms  ${fmt(work.get(name)!.changes)} changes: applied ${fmt(sum(applied))} (${listed(applied)}), unchanged ${g[`${name}.unchanged`]}, conflicts ${g[`${name}.conflicts`]}`,
      );
    }
    console.log(`  again (idempotent): ${TEAM.map(({ name }) => `${name} ${fmt(g[`${name}.againMs`])} ms, ${g[`${name}.alreadyMerged`] ? 'already merged' : 'NOT recognised as merged'}`).join('; ')}`);
    console.log(`  team.conflicts ${fmt(g.conflictsMs)} ms: ${g.openConflicts} open (${listed(unprefixed(g, 'kind'))})`);
    console.log(
      `  agreement.report ${fmt(g.reportMs)} ms: ${g.coders} coders, ${g.sample} responses in the sample, ${g.codeRows} codes (${fmt(g.codeUnits)} code × answer units), ${g.variableRows} variables; ` +
        `median kappa over codes ${fmt(g.medianKappa, 2)}, median alpha over variables ${fmt(g.medianVariableAlpha, 2)}; ${g.open} open disagreements`,
    );
    console.log(`  agreement.disagreements ${fmt(g.disagreementsMs)} ms: ${g.disagreementItems} items  peak RSS ${g.peakRssMb} MB`);

    // The slower of the two caseworkers' figures.
    const slowest = (key: string, result: Record<string, number>) => Math.max(...TEAM.map(({ name }) => result[`${name}.${key}`]));
    const slowestWork = (key: string) => Math.max(...TEAM.map(({ name }) => work.get(name)![key]));
    const size = `${m[`${TEAM[0].name}.responses`]}–${m[`${TEAM[1].name}.responses`]} responses`;
    const targets: [string, number, number][] = [
      [`team.exportPackage (${size})`, slowest('exportMs', m), TARGETS.exportPackage],
      ['team.openPackage', slowestWork('openMs'), TARGETS.openPackage],
      ['team.exportReturn', slowestWork('returnMs'), TARGETS.exportReturn],
      [`team.mergeReturn of a full return (${size})`, slowest('mergeMs', g), TARGETS.merge],
      ['team.mergeReturn again (already merged)', slowest('againMs', g), TARGETS.mergeAgain],
      ['team.conflicts', g.conflictsMs, TARGETS.conflicts],
      ['agreement.report', g.reportMs, TARGETS.agreementReport],
      ['agreement.disagreements', g.disagreementsMs, TARGETS.disagreements],
    ];
    for (const [label, ms, target] of targets) console.log(`  target: ${label} < ${fmt(target)} ms: ${fmt(ms)} ms (${verdict(ms, target)})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
