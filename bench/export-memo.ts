// Memo benchmark: a project with one response from each of the 356
// municipalities (5 answers of ~1 KB, through the real CSV import), a
// codebook of 30 codes (10 with two subcodes), 3 000 codings (about a tenth
// marked for the memo), the closed variables set for every municipality and
// 60 finding links; then, in a fresh process, `export.memo` with every
// section and the appendix, as the UI calls it (core.dispatch): the first
// export (cold: modules, fonts and the map loaded on first use) and the
// median of three more, with peak memory. Target: under 2 s.
import { rmSync } from 'node:fs';
import type { MethodResult } from '../src-shared/contract';
import { benchCore, call, fmt, median, phaseArg, randomInts, reportPhase, runPhase, tempFolder, WORDS, writeMunicipalityCsv } from './lib';

const ANSWER_BYTES = 1000;
const CODINGS = 3000;
const LINKS = 60;
const RUNS = 3;

/** Filler of its own (not lib's text: sentence ends drawn apart from the words), as the memo's figures were measured on it. */
function text(seed: number, bytes: number): string {
  const next = randomInts(seed);
  let out = '';
  while (out.length < bytes) out += WORDS[next(WORDS.length)] + (next(9) === 0 ? '. ' : ' ');
  return out.trim();
}

const newCore = (dir: string) => benchCore(dir, 'bench');

async function phaseGenerate(dir: string): Promise<void> {
  const core = newCore(dir);
  await call(core, 'project.create', { path: 'notat.innspill' });
  const db = core.session.requireStore().sqlite;
  const csv = writeMunicipalityCsv(core, dir, (i, q) => text(i * 10 + q, ANSWER_BYTES));
  await call(core, 'import.run', { paths: [csv] });

  // The codebook: 30 codes, the first 10 with two subcodes each, spread over the questions.
  const questions = (await call(core, 'project.current', {}))!.questions;
  const codes: string[] = [];
  for (let i = 0; i < 20; i++) {
    const code = await call(core, 'codebook.create', { name: `Tema ${i + 1}`, questionId: questions[i % 5].id });
    codes.push(code.id);
    if (i < 5) for (const sub of ['a', 'b']) codes.push((await call(core, 'codebook.create', { name: `Tema ${i + 1}${sub}`, parentId: code.id })).id);
  }
  // Codings written directly (the coding bench measures the API): spans of whole words in answers.
  const answers = db.prepare('SELECT a.id, a.text, q.ordinal FROM answer a JOIN question q ON q.id = a.question_id ORDER BY a.id').all() as { id: string; text: string; ordinal: number }[];
  const next = randomInts(42);
  const who = ['2026-01-01T00:00:00.000Z', 'bench', '2026-01-01T00:00:00.000Z', 'bench'];
  const insert = db.prepare('INSERT INTO coding (id, created_at, created_by, updated_at, updated_by, answer_id, code_id, start_offset, end_offset, use_in_memo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < CODINGS; i++) {
      const a = answers[next(answers.length)];
      const start = a.text.indexOf(' ', next(a.text.length - 200)) + 1;
      const end = a.text.indexOf(' ', start + 60 + next(120));
      insert.run(`k${i}`, ...who, a.id, codes[next(codes.length)], start, end > start ? end : a.text.length, next(10) === 0 ? 1 : 0);
    }
  })();

  // The closed variables for every municipality.
  const variables = await call(core, 'variables.list', {});
  const responses = db.prepare('SELECT id FROM response ORDER BY id').all() as { id: string }[];
  const insValue = db.prepare('INSERT INTO variable_value (id, created_at, created_by, updated_at, updated_by, response_id, variable_id, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const v of variables) {
      if (v.kind === 'text') continue;
      responses.forEach((r, i) => {
        const option = v.options[next(v.options.length)].value;
        insValue.run(`v${v.key}${i}`, ...who, r.id, v.id, JSON.stringify(v.kind === 'multi' ? [option] : option));
      });
    }
  })();

  // Finding links through the API: some of DFØ's findings get quotes.
  const findings = (await call(core, 'findings.list', {})).slice(0, 6);
  const relations = ['stotter', 'motsier', 'nyanserer', 'nytt_forhold'] as const;
  for (let i = 0; i < LINKS; i++) {
    await call(core, 'findings.link', { findingId: findings[i % findings.length].id, answerId: answers[next(answers.length)].id, relation: relations[next(4)] });
  }
  await core.dispose();
  reportPhase({ ms: 0 });
}

async function phaseExport(dir: string): Promise<void> {
  const core = newCore(dir);
  await call(core, 'project.open', { path: 'notat.innspill' });
  const options = {
    metadata: { to: 'Statsråden', from: 'Politiavdelingen', date: '2026-11-27', caseNumber: '22/535', subject: 'Kommunenes innspill' },
    sections: ['summary', 'questions', 'findings', 'stations', 'charts', 'appendix'] as ('summary' | 'questions' | 'findings' | 'stations' | 'charts' | 'appendix')[],
  };
  const times: number[] = [];
  let result: MethodResult<'export.memo'> | null = null;
  for (let i = 0; i <= RUNS; i++) {
    const started = performance.now();
    result = await call(core, 'export.memo', { options, target: `notat-${i}.docx` });
    times.push(performance.now() - started);
  }
  await core.dispose();
  reportPhase({
    ms: times[0],
    warmMs: median(times.slice(1)),
    sizeKb: Math.round(result!.sizeBytes / 1024),
    quotes: result!.counts.quotes,
    footnotes: result!.counts.footnotes,
    images: result!.counts.images,
    appendixResponses: result!.counts.appendixResponses,
  });
}

async function main(): Promise<void> {
  const phase = phaseArg();
  const dirArg = process.argv[process.argv.indexOf('--phase') + 2];
  if (phase === 'generate') return phaseGenerate(dirArg);
  if (phase === 'export') return phaseExport(dirArg);
  const dir = tempFolder('innspill-bench-memo-');
  runPhase(__filename, 'generate', [dir]);
  const r = runPhase(__filename, 'export', [dir]);
  rmSync(dir, { recursive: true, force: true });
  console.log(`memo of 356 responses × 5 answers (~${fmt(ANSWER_BYTES)} B each), ${fmt(CODINGS)} codings, ${LINKS} finding links, every section with the appendix`);
  console.log(`  first export ${fmt(r.ms)} ms, then median ${fmt(r.warmMs)} ms of ${RUNS}  peak RSS ${r.peakRssMb} MB`);
  console.log(`  ${fmt(r.sizeKb)} kB, ${r.quotes} quotes, ${r.footnotes} footnotes, ${r.images} images, ${r.appendixResponses} responses in the appendix`);
  console.log('  target: < 2 000 ms');
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
