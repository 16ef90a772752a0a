// Coding benchmark: a project with 10,000 imported responses × 5 answers and
// the starter codebook, then, through the API as the UI calls it
// (core.dispatch): (a) the latency of coding actions (codings.create,
// codings.update, variables.set), of undo/redo and of history.state, median
// and p95 over hundreds of actions — target ≤ 16 ms, one frame; (b) the
// response list over all 10,000 responses, unfiltered and with the coding
// filters: time until the first result is in hand (the list is returned whole).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MethodInput } from '../src-shared/contract';
import { benchCore, call, fmt, median, randomInts, reportPhase, tempFolder, text } from './lib';

const RESPONSES = 10_000;
const ANSWER_BYTES = 600;
const CODINGS = 1000;
const VARIABLE_SETS = 500;
const UNDOS = 300;
const LIST_RUNS = 7;
const TARGET_MS = 16;

function generateCsv(dir: string): string {
  const lines = ['Kommunenr.;Innsender;Mottatt;Spørsmål 1;Spørsmål 2;Spørsmål 3;Spørsmål 4;Spørsmål 5'];
  for (let i = 0; i < RESPONSES; i++) {
    const answers = [1, 2, 3, 4, 5].map((q) => `"${text(i * 10 + q, ANSWER_BYTES)}"`);
    lines.push(['', `"Organisasjon nr. ${i}"`, '30.05.2022', ...answers].join(';'));
  }
  const file = path.join(dir, 'svar.csv');
  writeFileSync(file, lines.join('\r\n'));
  return file;
}

/** Times each call; returns the durations in ms. */
async function timed(n: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run(i);
    out.push(performance.now() - start);
  }
  return out;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function line(label: string, ms: number[], target = TARGET_MS): string {
  const p95 = percentile(ms, 95);
  const verdict = p95 <= target ? 'ok' : 'OVER';
  return `  ${label.padEnd(36)} median ${fmt(median(ms), 2)} ms  p95 ${fmt(p95, 2)} ms  max ${fmt(Math.max(...ms), 1)} ms  (n = ${ms.length}, ${verdict})`;
}

async function main(): Promise<void> {
  const dir = tempFolder('innspill-bench-coding-');
  const csv = generateCsv(dir);
  const core = benchCore(dir, 'Benk Saksbehandler');
  try {
    await call(core, 'project.create', { path: 'koding.innspill' });
    const importStart = performance.now();
    const report = await call(core, 'import.run', { paths: [csv] });
    const importMs = performance.now() - importStart;
    const imported = report.files.reduce((n, f) => n + f.responses, 0);
    if (imported !== RESPONSES) throw new Error(`imported ${imported} responses, expected ${RESPONSES}`);
    await call(core, 'codebook.adoptStarter', {});

    const store = core.session.requireStore();
    const answers = store.sqlite.prepare('SELECT a.id, a.question_id AS questionId, length(a.text) AS length, a.response_id AS responseId FROM answer a').all() as {
      id: string;
      questionId: string;
      length: number;
      responseId: string;
    }[];
    const codes = await call(core, 'codebook.list', {});
    const codesFor = new Map<string, string[]>();
    for (const c of codes) if (c.questionId) codesFor.set(c.questionId, [...(codesFor.get(c.questionId) ?? []), c.id]);
    const variables = await call(core, 'variables.list', {});
    const rnd = randomInts(2022);

    // (a) coding actions, one at a time as a caseworker makes them
    const created: string[] = [];
    const createMs = await timed(CODINGS, async () => {
      const a = answers[rnd(answers.length)];
      const scoped = codesFor.get(a.questionId)!;
      const start = rnd(a.length - 40);
      const coding = await call(core, 'codings.create', { answerId: a.id, codeId: scoped[rnd(scoped.length)], start, end: start + 10 + rnd(30) });
      created.push(coding.id);
    });
    const updateMs = await timed(VARIABLE_SETS, async (i) => {
      await call(core, 'codings.update', { id: created[i], useInMemo: true });
    });
    const setMs = await timed(VARIABLE_SETS, async () => {
      const a = answers[rnd(answers.length)];
      const single = variables.find((v) => v.kind === 'single')!;
      const value = single.options[rnd(single.options.length)].value;
      await call(core, 'variables.set', { responseId: a.responseId, variableId: single.id, value, evidence: { answerId: a.id, start: 0, end: 20 } });
    });
    const stateMs = await timed(200, () => call(core, 'history.state', {}));
    const undoMs = await timed(UNDOS, () => call(core, 'history.undo', {}));
    const redoMs = await timed(UNDOS, () => call(core, 'history.redo', {}));
    const events = (store.sqlite.prepare('SELECT count(*) AS n FROM event').get() as { n: number }).n;

    // (b) the response list over all 10,000 responses
    const [rus] = codes.filter((c) => c.name === 'Ungdomskriminalitet og rus');
    const q2 = variables.find((v) => v.key === 'q2_satisfied')!;
    const lists: [string, MethodInput<'responses.list'>][] = [
      ['all responses', {}],
      ['status = ikke_startet', { status: 'ikke_startet' }],
      ['code filter', { codeId: rus.id }],
      ['variable q2 = nei', { variable: { variableId: q2.id, value: 'nei' } }],
      ['variable q2 not set', { variable: { variableId: q2.id, value: null } }],
      ['coder', { coder: 'Benk Saksbehandler' }],
    ];
    const listResults: [string, number[], number][] = [];
    for (const [label, filter] of lists) {
      let rows = 0;
      const ms = await timed(LIST_RUNS, async () => {
        rows = (await call(core, 'responses.list', filter)).length;
      });
      listResults.push([label, ms, rows]);
    }

    console.log(`Project: ${fmt(RESPONSES)} responses × 5 answers of ~${ANSWER_BYTES} B (imported in ${fmt(importMs)} ms), starter codebook (${codes.length} codes)`);
    console.log(`(a) coding actions through core.dispatch — target p95 ≤ ${TARGET_MS} ms`);
    console.log(line('codings.create', createMs));
    console.log(line('codings.update (use in memo)', updateMs));
    console.log(line('variables.set (with evidence)', setMs));
    console.log(line('history.state', stateMs));
    console.log(line('history.undo', undoMs));
    console.log(line('history.redo', redoMs));
    console.log(`  (trail: ${fmt(events)} events)`);
    console.log(`(b) responses.list over ${fmt(RESPONSES)} responses — time to first result (whole list), median of ${LIST_RUNS}`);
    for (const [label, ms, rows] of listResults) {
      console.log(`  ${label.padEnd(36)} median ${fmt(median(ms))} ms  p95 ${fmt(percentile(ms, 95))} ms  ${fmt(rows)} rows`);
    }
    reportPhase({ createMedianMs: median(createMs), createP95Ms: percentile(createMs, 95), undoMedianMs: median(undoMs), undoP95Ms: percentile(undoMs, 95), listMs: median(listResults[0][1]) });
  } finally {
    await core.dispose();
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
