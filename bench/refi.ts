// REFI-QDA exchange benchmark: a project with one response from each of the
// 356 municipalities (5 answers of ~1 KB through the real CSV import, every
// fourth municipality's answers with emoji between the sentences; the words
// have æ ø å), the starter codebook adopted, ~10 codings per response and a
// memo on every eighth response's first answer, all through core.dispatch as
// the UI makes them; a second, fresh project imports the same CSV (the same
// responses, nothing coded). Then, each in a fresh process so its peak memory
// is its own:
//   export   refi.exportProject of the first project (.qdpx);
//   import   refi.importProject of that file into the second (a round trip:
//            the codebook and every coding should arrive, each source matched
//            to its response);
//   again    the same import once more (idempotent: nothing created).
// Targets: export under 2 s, import under 5 s (the repeated one too).
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '../src-main/core';
import { benchCore, call, fmt, phaseArg, plannedCodings, reportPhase, runPhase, subcodesByQuestion, tempFolder, text, timed, verdict, writeMunicipalityCsv } from './lib';

const ANSWER_BYTES = 1000;
const CODINGS_PER_RESPONSE = 10;
/** Every EMOJI_EVERY-th municipality writes with emoji (code points outside UTF-16's single units: the positions must be converted). */
const EMOJI_EVERY = 4;
/** A memo on the first answer of every MEMO_EVERY-th response. */
const MEMO_EVERY = 8;
const AUTHOR = 'Åse Ærø';
const TARGETS = { exportMs: 2000, importMs: 5000 };

const SOURCE = 'kilde.innspill';
const TARGET = 'mottak.innspill';
const qdpx = (dir: string) => path.join(dir, 'kilde.qdpx');

function answer(i: number, q: number): string {
  const t = text(i * 10 + q, ANSWER_BYTES);
  return i % EMOJI_EVERY === 0 ? t.replaceAll('. ', '. 👮🏽‍♀️ 🚓 ') : t;
}

/** The coded project and the fresh one with the same responses. */
async function phaseGenerate(dir: string): Promise<void> {
  const source = benchCore(dir, AUTHOR);
  await call(source, 'project.create', { path: SOURCE });
  const csv = writeMunicipalityCsv(source, dir, answer);
  await call(source, 'import.run', { paths: [csv] });
  const { added: codes } = await call(source, 'codebook.adoptStarter', {});
  const codesFor = subcodesByQuestion(await call(source, 'codebook.list', {}));
  /** By id: a planned coding that repeats one (same answer, code and span) is the same coding. */
  const codings = new Set<string>();
  let memos = 0;
  let emojiCodings = 0;
  const responses = await call(source, 'responses.list', {});
  for (const [i, r] of responses.entries()) {
    const answers = (await call(source, 'responses.get', { id: r.id })).answers.filter((a) => a.questionId && a.text.length > 0);
    for (const planned of plannedCodings(r.municipality!.number, answers, codesFor, CODINGS_PER_RESPONSE)) {
      const { id } = await call(source, 'codings.create', planned);
      if (codings.has(id)) continue;
      codings.add(id);
      if (/\p{Extended_Pictographic}/u.test(answers.find((a) => a.id === planned.answerId)!.text.slice(planned.start, planned.end))) emojiCodings++;
    }
    if (i % MEMO_EVERY === 0) {
      await call(source, 'memos.set', { targetType: 'answer', targetId: answers[0].id, text: `Må leses sammen med nabokommunenes svar – særlig om tjenestestedet på Øya 🚓.` });
      memos++;
    }
  }
  await source.dispose();

  const target = benchCore(dir, AUTHOR);
  await call(target, 'project.create', { path: TARGET });
  await call(target, 'import.run', { paths: [csv] });
  await target.dispose();
  reportPhase({ ms: 0, responses: responses.length, codes, codings: codings.size, emojiCodings, memos });
}

async function phaseExport(dir: string): Promise<void> {
  const core = benchCore(dir, AUTHOR);
  await call(core, 'project.open', { path: SOURCE });
  const [result, ms] = await timed(() => call(core, 'refi.exportProject', { target: qdpx(dir) }));
  await core.dispose();
  reportPhase({ ms, sizeKb: result.sizeBytes / 1024, ...result.counts });
}

/** Every coding as respondent, question, code and the text it covers (ids differ between the projects), sorted. */
function codedQuotes(core: Core): string[] {
  const rows = core.session
    .requireStore()
    .sqlite.prepare(
      `SELECT r.name AS respondent, q.ordinal, k.name AS code, a.text, c.start_offset AS start, c.end_offset AS "end"
       FROM coding c JOIN answer a ON a.id = c.answer_id JOIN question q ON q.id = a.question_id
       JOIN response s ON s.id = a.response_id JOIN respondent r ON r.id = s.respondent_id JOIN code k ON k.id = c.code_id`,
    )
    .all() as { respondent: string; ordinal: number; code: string; text: string; start: number; end: number }[];
  return rows.map((r) => `${r.respondent}|${r.ordinal}|${r.code}|${r.text.slice(r.start, r.end)}`).sort();
}

/** An import into the fresh project: what the report says, the codings the project then holds, and whether they cover the same text as in the source. */
async function phaseImport(dir: string): Promise<void> {
  const core = benchCore(dir, AUTHOR);
  await call(core, 'project.open', { path: TARGET });
  const [report, ms] = await timed(() => call(core, 'refi.importProject', { path: qdpx(dir) }));
  const imported = codedQuotes(core);
  await core.dispose();
  const source = benchCore(dir, AUTHOR);
  await call(source, 'project.open', { path: SOURCE });
  const original = codedQuotes(source);
  await source.dispose();
  reportPhase({
    ms,
    codesCreated: report.codes.created,
    codesUpdated: report.codes.updated,
    sources: report.sources.total,
    matched: report.sources.matched,
    matchedByText: report.matched.filter((m) => m.how === 'text').length,
    unmatched: report.sources.unmatched,
    inFile: report.codings.inFile,
    created: report.codings.created,
    existing: report.codings.existing,
    skipped: report.codings.skipped,
    notes: report.notes.length,
    codingsInProject: imported.length,
    sameQuotes: imported.length === original.length && imported.every((q, i) => q === original[i]) ? 1 : 0,
  });
}

async function main(): Promise<void> {
  const phase = phaseArg();
  const dirArg = process.argv[process.argv.indexOf('--phase') + 2];
  if (phase === 'generate') return phaseGenerate(dirArg);
  if (phase === 'export') return phaseExport(dirArg);
  if (phase === 'import') return phaseImport(dirArg);

  const dir = tempFolder('innspill-bench-refi-');
  try {
    const g = runPhase(__filename, 'generate', [dir]);
    console.log(
      `${fmt(g.responses)} responses × 5 answers of ~${fmt(ANSWER_BYTES)} B (every ${EMOJI_EVERY}th with emoji; æ ø å throughout), starter codebook (${g.codes} codes), ` +
        `${fmt(g.codings)} codings (${fmt(g.emojiCodings)} over emoji), ${g.memos} answer memos; a fresh project with the same responses`,
    );
    const e = runPhase(__filename, 'export', [dir]);
    console.log(
      `  refi.exportProject ${fmt(e.ms)} ms  ${fmt(e.sizeKb)} kB: ${e.sources} sources, ${e.codes} codes, ${fmt(e.codings)} codings, ${fmt(e.selections)} selections, ` +
        `${e.notes} notes, ${e.users} users, ${e.cases} cases, ${e.variables} variables, ${e.skippedCodings} codings left out  peak RSS ${e.peakRssMb} MB`,
    );
    const imports = [runPhase(__filename, 'import', [dir]), runPhase(__filename, 'import', [dir])];
    for (const [k, r] of imports.entries()) {
      console.log(
        `  refi.importProject${k ? ' again (idempotent)' : ' (round trip)'} ${fmt(r.ms)} ms: codes ${r.codesCreated} created, ${r.codesUpdated} updated; ` +
          `sources ${r.matched} of ${r.sources} matched (${r.matchedByText} by the exported text), ${r.unmatched} unmatched; ` +
          `codings ${fmt(r.inFile)} in the file: ${fmt(r.created)} created, ${fmt(r.existing)} already there, ${r.skipped} skipped (${r.notes} notes); ` +
          `${fmt(r.codingsInProject)} in the project  peak RSS ${r.peakRssMb} MB`,
      );
    }
    const [first, again] = imports;
    const complete = first.created === g.codings && again.created === 0 && again.codingsInProject === g.codings && first.sameQuotes && again.sameQuotes;
    console.log(
      `  round trip ${complete ? 'complete' : 'INCOMPLETE'}: ${fmt(g.codings)} codings made, ${fmt(first.created)} imported, ${fmt(again.created)} created again; ` +
        `every coding on the same text with the same code: ${first.sameQuotes && again.sameQuotes ? 'yes' : 'NO'}`,
    );
    const targets: [string, number, number][] = [
      ['refi.exportProject', e.ms, TARGETS.exportMs],
      ['refi.importProject', first.ms, TARGETS.importMs],
      ['refi.importProject again', again.ms, TARGETS.importMs],
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
