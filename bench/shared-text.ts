// Shared-text benchmark: a project with 10,000 responses × 5 answers (50,000
// answers of ~100–160 words), about 2 % of them planted in joint statements
// (groups of 2–12 answers from different respondents: exact copies, copies
// with different case and punctuation, and near copies with one or two words
// changed). Measures the time to compute the groups through the real
// analysis (reading the answers from the project file included), peak RSS,
// and recall of the planted groups. Target: under 5 s.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sharedPassages } from '../src-main/core/analysis/shared-passages';
import { sharedText } from '../src-main/core/analysis/shared-text';
import { seededRandom } from '../src-main/core/analysis/minhash';
import { benchCore, fmt, phaseArg, reportPhase, runPhase, tempFolder } from './lib';

const RESPONSES = 10_000;
const QUESTIONS = 5;
const PLANTED_SHARE = 0.02;

const SYLLABLES = 'po li ti kom mu ne be red skap fo re byg ging tje nes te sted ung dom rus vold av stand tryg het sam ar beid lens mann kon tor pa trulje øv el se flom skred da ta sik ker hå nd gå rd bø ker'.split(' ');

/** About 4,000 distinct Norwegian-looking words, deterministically. */
function vocabulary(): string[] {
  const next = seededRandom(7);
  const words = new Set<string>();
  while (words.size < 4000) {
    const n = 2 + (next() % 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[next() % SYLLABLES.length];
    words.add(w);
  }
  return [...words];
}

interface Plan {
  /** [response index, question index] → text. */
  texts: string[][];
  /** Planted groups as answer keys "response:question". */
  planted: string[][];
}

function plan(): Plan {
  const vocab = vocabulary();
  const next = seededRandom(2022);
  const sentence = (n: number) => {
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(vocab[next() % vocab.length]);
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    return words.join(' ');
  };
  const answer = () => {
    const target = 100 + (next() % 61);
    const parts: string[] = [];
    for (let n = 0; n < target; ) {
      const len = Math.min(target - n, 8 + (next() % 10));
      parts.push(sentence(len) + '.');
      n += len;
    }
    return parts.join(' ');
  };
  const texts = Array.from({ length: RESPONSES }, () => Array.from({ length: QUESTIONS }, answer));
  const planted: string[][] = [];
  const used = new Set<string>();
  const goal = RESPONSES * QUESTIONS * PLANTED_SHARE;
  let plantedAnswers = 0;
  while (plantedAnswers < goal) {
    const size = 2 + (next() % 11);
    const base = answer();
    const question = next() % QUESTIONS;
    const respondents = new Set<number>();
    while (respondents.size < size) {
      const r = next() % RESPONSES;
      if (!used.has(`${r}:${question}`)) respondents.add(r);
    }
    const members: string[] = [];
    [...respondents].forEach((r, i) => {
      let text = base;
      const variant = i < 2 ? 0 : next() % 4;
      if (variant === 1) text = base.toUpperCase().replace(/\./g, ',');
      if (variant >= 2) {
        // One or two words changed, well apart.
        const words = base.split(' ');
        const changes = variant - 1;
        for (let c = 0; c < changes; c++) words[10 + c * 50 + (next() % 30)] = vocab[next() % vocab.length];
        text = words.join(' ');
      }
      texts[r][question] = text;
      used.add(`${r}:${question}`);
      members.push(`${r}:${question}`);
    });
    planted.push(members);
    plantedAnswers += members.length;
  }
  return { texts, planted };
}

/** Writes the project (bare inserts, like the import bench's floor) and the planted groups. */
async function phaseGenerate(dir: string): Promise<void> {
  const core = benchCore(dir);
  const created = await core.dispatch('project.create', { path: 'shared.innspill' });
  if (!created.ok) throw new Error(created.error.message);
  const db = core.session.requireStore().sqlite;
  const { texts, planted } = plan();
  const questions = (db.prepare('SELECT id FROM question ORDER BY ordinal').all() as { id: string }[]).map((q) => q.id);
  const municipalities = db.prepare('SELECT number, name FROM municipality ORDER BY number').all() as { number: string; name: string }[];
  const who = ['2026-01-01T00:00:00.000Z', 'bench', '2026-01-01T00:00:00.000Z', 'bench'];
  db.transaction(() => {
    db.prepare('INSERT INTO import_batch VALUES (?, ?, ?, ?, ?, ?, ?)').run('batch', ...who, 'bench', '{}');
    const insRespondent = db.prepare('INSERT INTO respondent (id, created_at, created_by, updated_at, updated_by, name, municipality_number, match_status, match_candidates) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insResponse = db.prepare('INSERT INTO response (id, created_at, created_by, updated_at, updated_by, respondent_id, batch_id, source_file_id, locator, received_date, is_current, needs_splitting) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 1, 0)');
    const insAnswer = db.prepare('INSERT INTO answer (id, created_at, created_by, updated_at, updated_by, response_id, question_id, ordinal, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < RESPONSES; i++) {
      const m = municipalities[i];
      insRespondent.run(`p${i}`, ...who, m ? `${m.name} kommune` : `Organisasjon nr. ${i}`, m ? m.number : null, m ? 'matched' : 'unmatched', '[]');
      insResponse.run(`r${i}`, ...who, `p${i}`, 'batch', `rad ${i + 2}`, '2022-05-30');
      for (let q = 0; q < QUESTIONS; q++) insAnswer.run(`a${i}:${q}`, ...who, `r${i}`, questions[q], q + 1, texts[i][q]);
    }
  })();
  await core.dispose();
  writeFileSync(path.join(dir, 'planted.json'), JSON.stringify(planted));
  reportPhase({ ms: 0 });
}

/** Opens the project in a fresh process and computes the groups (timed), then scores them. */
async function phaseCompute(dir: string): Promise<void> {
  const core = benchCore(dir);
  const opened = await core.dispatch('project.open', { path: 'shared.innspill' });
  if (!opened.ok) throw new Error(opened.error.message);
  const store = core.session.requireStore();
  const start = performance.now();
  const result = await sharedText(store.db);
  const ms = performance.now() - start;
  await core.dispose();

  const planted = JSON.parse(readFileSync(path.join(dir, 'planted.json'), 'utf8')) as string[][];
  const groupOf = new Map<string, number>();
  result.groups.forEach((g, i) => g.members.forEach((m) => groupOf.set(m.answerId.slice(1), i)));
  const plantedOf = new Map<string, number>();
  planted.forEach((members, i) => members.forEach((m) => plantedOf.set(m, i)));
  // A planted group is recovered when one found group holds exactly its members.
  const recovered = planted.filter((members) => {
    const g = groupOf.get(members[0]);
    return g !== undefined && members.every((m) => groupOf.get(m) === g) && result.groups[g].members.length === members.length;
  }).length;
  let pairs = 0;
  let foundPairs = 0;
  for (const members of planted) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        pairs++;
        if (groupOf.has(members[i]) && groupOf.get(members[i]) === groupOf.get(members[j])) foundPairs++;
      }
    }
  }
  const pureGroups = result.groups.filter((g) => {
    const p = plantedOf.get(g.members[0].answerId.slice(1));
    return p !== undefined && g.members.every((m) => plantedOf.get(m.answerId.slice(1)) === p);
  }).length;
  reportPhase({
    ms,
    answers: RESPONSES * QUESTIONS,
    compared: result.answersCompared,
    plantedGroups: planted.length,
    plantedAnswers: planted.reduce((n, g) => n + g.length, 0),
    foundGroups: result.groups.length,
    recovered,
    pairs,
    foundPairs,
    pureGroups,
    candidatePairs: result.candidatePairs,
    bands: result.bands,
    rows: result.rows,
  });
}

/** Shared passages on the same 50,000 answers in a fresh process (timed): every planted group should come back as one passage group. */
async function phasePassages(dir: string): Promise<void> {
  const core = benchCore(dir);
  const opened = await core.dispatch('project.open', { path: 'shared.innspill' });
  if (!opened.ok) throw new Error(opened.error.message);
  const store = core.session.requireStore();
  const start = performance.now();
  const result = await sharedPassages(store.db);
  const ms = performance.now() - start;
  await core.dispose();
  const planted = JSON.parse(readFileSync(path.join(dir, 'planted.json'), 'utf8')) as string[][];
  const groupsOf = new Map<string, Set<number>>();
  result.groups.forEach((g, i) => g.members.forEach((m) => groupsOf.set(m.answerId.slice(1), (groupsOf.get(m.answerId.slice(1)) ?? new Set()).add(i))));
  // Found when one passage group holds every member of the planted group.
  const found = planted.filter((members) => [...(groupsOf.get(members[0]) ?? [])].some((g) => members.every((m) => groupsOf.get(m)?.has(g)))).length;
  reportPhase({ ms, groups: result.groups.length, planted: planted.length, found, compared: result.answersCompared });
}

async function main(): Promise<void> {
  const phase = phaseArg();
  if (phase === 'passages') return phasePassages(process.argv[process.argv.indexOf('--phase') + 2]);
  const dirArg = process.argv[process.argv.indexOf('--phase') + 2];
  if (phase === 'generate') return phaseGenerate(dirArg);
  if (phase === 'compute') return phaseCompute(dirArg);
  const dir = tempFolder('innspill-bench-shared-');
  runPhase(__filename, 'generate', [dir]);
  const r = runPhase(__filename, 'compute', [dir]);
  const p = runPhase(__filename, 'passages', [dir]);
  rmSync(dir, { recursive: true, force: true });
  console.log(`${fmt(r.answers)} answers (${fmt(RESPONSES)} responses × ${QUESTIONS}), ${fmt(r.plantedAnswers)} planted in ${fmt(r.plantedGroups)} joint statements`);
  console.log(`  groups computed in ${fmt(r.ms)} ms (threshold 0.8, ${r.bands} bands × ${r.rows} rows, ${fmt(r.candidatePairs)} candidate pairs)  peak RSS ${r.peakRssMb} MB`);
  console.log(`  recall: ${fmt(r.recovered)} of ${fmt(r.plantedGroups)} planted groups found exactly (${fmt((100 * r.recovered) / r.plantedGroups, 1)} %), ${fmt(r.foundPairs)} of ${fmt(r.pairs)} planted pairs (${fmt((100 * r.foundPairs) / r.pairs, 1)} %)`);
  console.log(`  precision: ${fmt(r.pureGroups)} of ${fmt(r.foundGroups)} groups found hold only one planted group's answers`);
  console.log('  target: < 5 000 ms');
  console.log(`shared passages (≥ 20 words, small edits allowed) on the same ${fmt(p.compared)} answers: ${fmt(p.ms)} ms, peak RSS ${p.peakRssMb} MB`);
  console.log(`  ${fmt(p.groups)} passage groups; ${fmt(p.found)} of ${fmt(p.planted)} planted groups held whole by one passage group (target: all, < 5 000 ms)`);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
