// Workbook export benchmark: a project of 10,000 current responses × 5
// answers of ~1 KB (the first 300 from municipalities, the rest from other
// organisations), the starter codebook, 30,000 codings (a tenth of them on a
// whole answer), closed-variable values on every response and 1,000 finding
// links, then export.workbook and both export.csv tables through
// core.dispatch, each in a fresh process so its peak memory is its own.
// Target: the workbook in under 5 s. The data is written straight into the
// database (like the import floor) so building it takes seconds, not minutes;
// the exports read it exactly as they read a project made in the app.
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { benchCore, call, fmt, phaseArg, randomInts, reportPhase, runPhase, tempFolder, text } from './lib';

const RESPONSES = 10_000;
const MUNICIPALITIES = 300;
const ANSWER_BYTES = 1000;
const CODINGS = 30_000;
const LINKS = 1000;
const TARGET_MS = 5000;

const register = JSON.parse(readFileSync(path.join(__dirname, '..', 'resources', 'data', 'register-2022.json'), 'utf8')) as {
  municipalities: { number: string; name: string }[];
};
const core = (dir: string) => benchCore(dir, 'Benk Saksbehandler');

/** Builds the project; prints its path. */
async function phaseBuild(): Promise<void> {
  const dir = tempFolder('innspill-bench-export-');
  const c = core(dir);
  const project = await call(c, 'project.create', { path: 'eksport.innspill' });
  await call(c, 'codebook.adoptStarter', {});
  const db = c.session.requireStore().sqlite;
  const questions = project.questions.map((q) => q.id);
  const codes = (db.prepare('SELECT id FROM code ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  const variables = db.prepare('SELECT id, kind, options FROM variable').all() as { id: string; kind: string; options: string }[];
  const findings = (db.prepare('SELECT id FROM finding ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  const rnd = randomInts(2022);
  const who = ['2026-01-01T08:00:00.000Z', 'Benk Saksbehandler', '2026-01-01T08:00:00.000Z', 'Benk Saksbehandler'];
  const relations = ['stotter', 'motsier', 'nyanserer', 'nytt_forhold'];
  db.transaction(() => {
    db.prepare('INSERT INTO import_batch (id, created_at, created_by, updated_at, updated_by, label, report) VALUES (?, ?, ?, ?, ?, ?, ?)').run('batch', ...who, 'benk', '{}');
    const insRespondent = db.prepare('INSERT INTO respondent (id, created_at, created_by, updated_at, updated_by, name, municipality_number, match_status, match_candidates) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insResponse = db.prepare('INSERT INTO response (id, created_at, created_by, updated_at, updated_by, respondent_id, batch_id, source_file_id, locator, received_date, is_current, needs_splitting) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 1, 0)');
    const insAnswer = db.prepare('INSERT INTO answer (id, created_at, created_by, updated_at, updated_by, response_id, question_id, ordinal, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insValue = db.prepare('INSERT INTO variable_value (id, created_at, created_by, updated_at, updated_by, response_id, variable_id, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const answers: { id: string; length: number }[] = [];
    for (let i = 0; i < RESPONSES; i++) {
      const m = i < MUNICIPALITIES ? register.municipalities[i] : null;
      insRespondent.run(`p${i}`, ...who, m ? `${m.name} kommune` : `Organisasjon nr. ${i}`, m?.number ?? null, m ? 'matched' : 'unmatched', '[]');
      insResponse.run(`r${i}`, ...who, `p${i}`, 'batch', `rad ${i + 2}`, '2022-05-30');
      questions.forEach((q, k) => {
        const t = text(i * 10 + k + 1, ANSWER_BYTES);
        insAnswer.run(`a${i}-${k}`, ...who, `r${i}`, q, k + 1, t);
        answers.push({ id: `a${i}-${k}`, length: t.length });
      });
      for (const v of variables) {
        const options = JSON.parse(v.options) as { value: string }[];
        const value = v.kind === 'multi' ? options.filter(() => rnd(2) === 1).map((o) => o.value) : v.kind === 'single' ? options[rnd(options.length)].value : 'Lokaler i rådhuset';
        insValue.run(`v${i}-${v.id}`, ...who, `r${i}`, v.id, JSON.stringify(value));
      }
    }
    const insCoding = db.prepare('INSERT INTO coding (id, created_at, created_by, updated_at, updated_by, answer_id, code_id, start_offset, end_offset, use_in_memo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < CODINGS; i++) {
      const a = answers[rnd(answers.length)];
      const whole = rnd(10) === 0;
      const start = whole ? 0 : rnd(a.length - 200);
      insCoding.run(`k${String(i).padStart(6, '0')}`, ...who, a.id, codes[rnd(codes.length)], start, whole ? a.length : start + 20 + rnd(180), rnd(20) === 0 ? 1 : 0);
    }
    const insLink = db.prepare('INSERT INTO finding_link (id, created_at, created_by, updated_at, updated_by, finding_id, answer_id, coding_id, relation, comment) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL)');
    for (let i = 0; i < LINKS; i++) insLink.run(`l${i}`, ...who, findings[rnd(findings.length)], answers[rnd(answers.length)].id, relations[rnd(relations.length)]);
  })();
  await c.dispose();
  console.log(JSON.stringify({ project: project.path }));
}

async function phaseExport(project: string, kind: 'workbook' | 'svar' | 'koding'): Promise<void> {
  const c = core(path.dirname(project));
  await call(c, 'project.open', { path: project });
  const start = performance.now();
  const result = kind === 'workbook' ? await call(c, 'export.workbook', { options: {} }) : await call(c, 'export.csv', { table: kind });
  const ms = performance.now() - start;
  await c.dispose();
  reportPhase({ ms, sizeMb: statSync(result.path).size / 1048576, ...result.counts });
}

async function main(): Promise<void> {
  const phase = phaseArg();
  const arg = process.argv[process.argv.indexOf('--phase') + 2];
  if (phase === 'build') return phaseBuild();
  if (phase === 'workbook' || phase === 'svar' || phase === 'koding') return phaseExport(arg, phase);

  const buildStart = performance.now();
  const built = runPhase(__filename, 'build') as unknown as { project: string };
  const buildMs = performance.now() - buildStart;
  console.log(`Project: ${fmt(RESPONSES)} responses × 5 answers of ~${ANSWER_BYTES} B, ${fmt(CODINGS)} codings, ${fmt(LINKS)} finding links (built in ${fmt(buildMs)} ms)`);
  const workbook = runPhase(__filename, 'workbook', [built.project]);
  const verdict = workbook.ms < TARGET_MS ? 'ok' : 'OVER';
  console.log(
    `  export.workbook   ${fmt(workbook.ms)} ms  ${fmt(workbook.sizeMb, 1)} MB  peak RSS ${workbook.peakRssMb} MB  (${fmt(workbook.responses)} rows in Svar, ${fmt(workbook.codings)} in Koding; target < ${fmt(TARGET_MS)} ms: ${verdict})`,
  );
  for (const table of ['svar', 'koding'] as const) {
    const csv = runPhase(__filename, table, [built.project]);
    console.log(`  export.csv ${table.padEnd(6)} ${fmt(csv.ms)} ms  ${fmt(csv.sizeMb, 1)} MB  peak RSS ${csv.peakRssMb} MB`);
  }
  rmSync(path.dirname(built.project), { recursive: true, force: true });
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
