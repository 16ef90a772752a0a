// Import benchmark: a CSV of 10,000 responses × 5 answers (~1 KB each) and
// 356 letters (DOCX), each imported into a fresh project through the real
// import service, next to the floor: a bare better-sqlite3 insert of the same
// rows into the same schema (without the search index the import fills in
// the same transaction), and the first search after it. Targets (#20): within
// 1.5× the floor, peak RSS under 200 MB, first search under 50 ms.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { importPaths } from '../src-main/core/import/service';
import { benchCore, fmt, phaseArg, verdict, register, reportPhase, respondent, runPhase, tempFolder, text, writeResponsesCsv, type PhaseResult } from './lib';

const RESPONSES = 10_000;
const ANSWER_BYTES = 1000;
async function generate(dir: string): Promise<{ csv: string; letters: string }> {
  const csv = writeResponsesCsv(dir, RESPONSES, ANSWER_BYTES);
  const letters = path.join(dir, 'brev');
  mkdirSync(letters);
  for (const [i, m] of register.municipalities.entries()) {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: `${m.name} kommune`, heading: HeadingLevel.TITLE }),
            new Paragraph('Dato: 30.05.2022'),
            ...[1, 2, 3, 4, 5].flatMap((q) => [
              new Paragraph({ text: `Spørsmål ${q}`, heading: HeadingLevel.HEADING_1 }),
              new Paragraph(text(i * 10 + q, ANSWER_BYTES)),
            ]),
          ],
        },
      ],
    });
    writeFileSync(path.join(letters, `${m.number} ${m.name} kommune.docx`), await Packer.toBuffer(doc));
  }
  return { csv, letters };
}

async function phaseImport(input: string): Promise<void> {
  const dir = tempFolder('innspill-bench-');
  const core = benchCore(dir);
  const created = await core.dispatch('project.create', { path: 'bench.innspill' });
  if (!created.ok) throw new Error(created.error.message);
  const store = core.session.requireStore();
  const start = performance.now();
  const report = await importPaths(store, [input], core.session.deps);
  const ms = performance.now() - start;
  const rejected = report.files.filter((f) => f.status === 'rejected');
  if (rejected.length) throw new Error(`rejected: ${JSON.stringify(rejected[0].error)}`);
  const responses = report.files.reduce((n, f) => n + f.responses, 0);
  // The first search after the import: the index is complete at the commit, so it only loads the catalogue.
  const searchStart = performance.now();
  const first = await core.dispatch('search.query', { query: 'beredskap' });
  const firstSearchMs = performance.now() - searchStart;
  if (!first.ok) throw new Error(first.error.message);
  await core.dispose();
  reportPhase({ ms, responses, firstSearchMs });
}

/** The floor: the same rows inserted with prepared statements in one transaction. */
async function phaseFloor(): Promise<void> {
  const dir = tempFolder('innspill-bench-');
  const core = benchCore(dir);
  await core.dispatch('project.create', { path: 'floor.innspill' });
  const store = core.session.requireStore();
  const db = store.sqlite;
  const questions = (db.prepare('SELECT id FROM question ORDER BY ordinal').all() as { id: string }[]).map((q) => q.id);
  const batch = 'batch';
  const who = ['2026-01-01T00:00:00.000Z', 'bench', '2026-01-01T00:00:00.000Z', 'bench'];
  const start = performance.now();
  db.transaction(() => {
    db.prepare('INSERT INTO import_batch VALUES (?, ?, ?, ?, ?, ?, ?)').run(batch, ...who, 'floor', '{}');
    const insRespondent = db.prepare('INSERT INTO respondent (id, created_at, created_by, updated_at, updated_by, name, municipality_number, match_status, match_candidates) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insResponse = db.prepare('INSERT INTO response (id, created_at, created_by, updated_at, updated_by, respondent_id, batch_id, source_file_id, locator, received_date, is_current, needs_splitting) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 1, 0)');
    const insAnswer = db.prepare('INSERT INTO answer (id, created_at, created_by, updated_at, updated_by, response_id, question_id, ordinal, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < RESPONSES; i++) {
      const r = respondent(i);
      insRespondent.run(`p${i}`, ...who, r.name, r.number || null, r.number ? 'matched' : 'unmatched', '[]');
      insResponse.run(`r${i}`, ...who, `p${i}`, batch, `rad ${i + 2}`, '2022-05-30');
      questions.forEach((q, k) => insAnswer.run(`a${i}-${k}`, ...who, `r${i}`, q, k + 1, text(i * 10 + k + 1, ANSWER_BYTES)));
    }
  })();
  const ms = performance.now() - start;
  await core.dispose();
  reportPhase({ ms, responses: RESPONSES });
}

async function main(): Promise<void> {
  const phase = phaseArg();
  if (phase === 'floor') return phaseFloor();
  if (phase === 'import') return phaseImport(process.argv[process.argv.indexOf('--phase') + 2]);

  const dir = tempFolder('innspill-bench-data-');
  const { csv, letters } = await generate(dir);
  const csvMb = readFileSync(csv).length / 1048576;
  const floor = runPhase(__filename, 'floor');
  const csvRun = runPhase(__filename, 'import', [csv]);
  const docxRun = runPhase(__filename, 'import', [letters]);
  const rate = (r: PhaseResult) => fmt((r.responses / r.ms) * 1000);
  console.log(`CSV: ${fmt(RESPONSES)} responses × 5 answers of ~${ANSWER_BYTES} B (${fmt(csvMb, 1)} MB)`);
  console.log(`  floor (bare better-sqlite3 insert)  ${fmt(floor.ms)} ms  ${rate(floor)} responses/s  peak RSS ${floor.peakRssMb} MB`);
  console.log(`  import (read, map, match, write)    ${fmt(csvRun.ms)} ms  ${rate(csvRun)} responses/s  peak RSS ${csvRun.peakRssMb} MB`);
  console.log(`  ratio to floor ${fmt(csvRun.ms / floor.ms, 2)}×   targets: ≤ 1.5× floor (the import now includes the search index), < 200 MB`);
  console.log(`  first search after the import        ${fmt(csvRun.firstSearchMs)} ms   target < 50 ms: ${verdict(csvRun.firstSearchMs, 50)}`);
  console.log(`DOCX: ${register.municipalities.length} letters`);
  console.log(`  import                              ${fmt(docxRun.ms)} ms  ${rate(docxRun)} letters/s  peak RSS ${docxRun.peakRssMb} MB`);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
