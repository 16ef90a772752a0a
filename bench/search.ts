// Search benchmark: a project with 10,000 responses × 5 answers (~1 KB each,
// 50,000 answers) of generated Norwegian text — a Zipf-distributed vocabulary
// with inflected forms and common phrases — written with prepared statements
// (the index ignores them until the next search). Prints the time to build
// the index for all of them (what the first search after the import does) and the
// median and p95 of `core.dispatch('search.query', …)` for several kinds of
// query. Target: median under 10 ms.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { refreshSearchIndex } from '../src-main/core/search/indexer';
import { benchCore, fmt, median, tempFolder } from './lib';

const RESPONSES = 10_000;
const ANSWER_BYTES = 1000;
const RUNS = 60;

const register = JSON.parse(readFileSync(path.join(__dirname, '..', 'resources', 'data', 'register-2022.json'), 'utf8')) as {
  municipalities: { number: string; name: string; policeDistrictCode?: string }[];
};

/** Lemmas with their inflected forms; their rank decides how often they occur. */
const LEMMAS: string[][] = [
  ['politi', 'politiet', 'politiets'],
  ['kommune', 'kommunen', 'kommunene', 'kommunens'],
  ['tjenestested', 'tjenestestedet', 'tjenestesteder', 'tjenestestedene'],
  ['beredskap', 'beredskapen'],
  ['innbygger', 'innbyggere', 'innbyggerne'],
  ['samarbeid', 'samarbeidet'],
  ['responstid', 'responstiden', 'responstider'],
  ['ungdom', 'ungdommen', 'ungdommer'],
  ['avstand', 'avstanden', 'avstander'],
  ['patrulje', 'patruljen', 'patruljer', 'patruljene'],
  ['politistasjon', 'politistasjonen', 'politistasjoner'],
  ['trygghet', 'tryggheten'],
  ['politikontakt', 'politikontakten'],
  ['lensmannskontor', 'lensmannskontoret', 'lensmannskontorene'],
  ['kriminalitet', 'kriminaliteten'],
  ['politiråd', 'politirådet'],
  ['øvelse', 'øvelsen', 'øvelser'],
  ['rus', 'rusen'],
  ['vold', 'volden'],
  ['flom', 'flommen'],
  ['skred', 'skredet'],
  ['tilstedeværelse', 'tilstedeværelsen'],
  ['fysisk', 'fysiske'],
  ['år', 'året', 'årene'],
];
/** Rare words, far down the ranks (in well under 1 % of answers). */
const RARE: Record<number, string[]> = { 3000: ['bål', 'bålet'], 3500: ['gapahuk', 'gapahuken'] };
const STOP = 'og i det som på er til en å av for med har at ikke vi de den kan et om vil også må skal'.split(' ');
const PHRASES = ['fysisk tilstedeværelse', 'fysiske tilstedeværelsen', 'lang responstid', 'nytt tjenestested', 'politiets tilstedeværelse', 'lokalt samarbeid'];

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

/** The vocabulary by rank: stop words, then lemmas spread among filler words. */
function vocabulary(): string[][] {
  const random = rng(7);
  const syllables = 'ka ro ne sti lu ber fo gen ha mi tor sel vi dal an ut by set kvi rå ø fjell bø lag'.split(' ');
  const filler = (): string[] => {
    let w = '';
    const n = 2 + Math.floor(random() * 3);
    for (let i = 0; i < n; i++) w += syllables[Math.floor(random() * syllables.length)];
    return [w, w + 'en', w + 'ene'];
  };
  const ranks: string[][] = STOP.map((w) => [w]);
  // Lemma k at rank ~ 30 + 12k: the first occur in most answers, the last in a few.
  while (ranks.length < 4000) {
    const k = (ranks.length - STOP.length - 5) / 12;
    if (Number.isInteger(k) && k >= 0 && k < LEMMAS.length) ranks.push(LEMMAS[k]);
    else ranks.push(RARE[ranks.length] ?? filler());
  }
  return ranks;
}

const VOCAB = vocabulary();
// Zipf (s = 1) over ranks: a cumulative table for sampling.
const CUMULATIVE = (() => {
  const weights = VOCAB.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return weights.map((w) => (sum += w / total));
})();

function sampleRank(random: () => number): number {
  const u = random();
  let lo = 0;
  let hi = CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CUMULATIVE[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function text(seed: number, bytes: number): string {
  const random = rng(seed * 2654435761);
  const out: string[] = [];
  let length = 0;
  let sentenceStart = true;
  while (length < bytes) {
    let word: string;
    if (random() < 0.01) word = PHRASES[Math.floor(random() * PHRASES.length)];
    else {
      const forms = VOCAB[sampleRank(random)];
      word = forms[Math.floor(random() * forms.length)];
    }
    if (sentenceStart) word = word[0].toUpperCase() + word.slice(1);
    sentenceStart = random() < 0.08;
    if (sentenceStart) word += '.';
    out.push(word);
    length += word.length + 1;
  }
  return out.join(' ');
}

async function main(): Promise<void> {
  const dir = tempFolder('innspill-bench-search-');
  const core = benchCore(dir);
  const created = await core.dispatch('project.create', { path: 'search.innspill' });
  if (!created.ok) throw new Error(created.error.message);
  const db = core.session.requireStore().sqlite;
  const questions = (db.prepare('SELECT id FROM question ORDER BY ordinal').all() as { id: string }[]).map((q) => q.id);
  const municipalities = db.prepare('SELECT number, name, police_district_code FROM municipality ORDER BY number').all() as {
    number: string;
    name: string;
    police_district_code: string;
  }[];
  if (municipalities.length !== register.municipalities.length) throw new Error('register mismatch');
  const who = ['2026-01-01T00:00:00.000Z', 'bench', '2026-01-01T00:00:00.000Z', 'bench'];

  const texts = Array.from({ length: RESPONSES * 5 }, (_, j) => text(Math.floor(j / 5) * 10 + (j % 5) + 1, ANSWER_BYTES));
  // Every respondent is one of the 356 municipalities (many answer more than once
  // here, as separate respondents), so district and county filters bite.
  const insertStart = performance.now();
  db.transaction(() => {
    db.prepare('INSERT INTO import_batch VALUES (?, ?, ?, ?, ?, ?, ?)').run('batch', ...who, 'bench', '{}');
    const insRespondent = db.prepare(
      'INSERT INTO respondent (id, created_at, created_by, updated_at, updated_by, name, municipality_number, match_status, match_candidates) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insResponse = db.prepare(
      "INSERT INTO response (id, created_at, created_by, updated_at, updated_by, respondent_id, batch_id, source_file_id, locator, received_date, is_current, needs_splitting) VALUES (?, ?, ?, ?, ?, ?, 'batch', NULL, ?, '2022-05-30', 1, 0)",
    );
    const insAnswer = db.prepare(
      'INSERT INTO answer (id, created_at, created_by, updated_at, updated_by, response_id, question_id, ordinal, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (let i = 0; i < RESPONSES; i++) {
      const m = municipalities[i % municipalities.length];
      insRespondent.run(`p${i}`, ...who, `${m.name} kommune`, m.number, 'matched', '[]');
      insResponse.run(`r${i}`, ...who, `p${i}`, `rad ${i + 2}`);
      questions.forEach((q, k) => insAnswer.run(`a${i}-${k}`, ...who, `r${i}`, q, k + 1, texts[i * 5 + k]));
    }
  })();
  const insertMs = performance.now() - insertStart;
  const answers = (db.prepare('SELECT count(*) AS n FROM answer').get() as { n: number }).n;
  const megabytes = (db.prepare('SELECT sum(length(text)) AS n FROM answer').get() as { n: number }).n / 1048576;

  // The index for all of them, as the first search after the import builds it
  // (the answers are not in answer_search yet: no work at insert time).
  const buildStart = performance.now();
  const indexed = refreshSearchIndex(db);
  const buildMs = performance.now() - buildStart;
  if (indexed !== answers) throw new Error(`indexed ${indexed} of ${answers} answers`);
  const indexMb =
    (db.prepare("SELECT sum(pgsize) AS n FROM dbstat WHERE name LIKE 'answer_fts%' OR name LIKE 'answer_search%' OR name LIKE 'sqlite_autoindex_answer_search%'").get() as { n: number | null })
      .n ?? 0;

  const district = municipalities.find((m) => m.number === '1804')!.police_district_code;
  const cases: { label: string; input: Record<string, unknown> }[] = [
    { label: 'word             beredskap', input: { query: 'beredskap' } },
    { label: 'inflected word   tjenestestedene', input: { query: 'tjenestestedene' } },
    { label: 'rare word        bål', input: { query: 'bål' } },
    { label: 'phrase           "fysisk tilstedeværelse"', input: { query: '"fysisk tilstedeværelse"' } },
    { label: 'prefix           politi*', input: { query: 'politi*' } },
    { label: 'prefix           lensmann*', input: { query: 'lensmann*' } },
    { label: 'AND              ungdom AND rus', input: { query: 'ungdom AND rus' } },
    { label: 'OR               flom OR skred', input: { query: 'flom OR skred' } },
    { label: 'NOT              kriminalitet NOT vold', input: { query: 'kriminalitet NOT vold' } },
    { label: 'nested           (flom ELLER skred) OG beredskap IKKE øvelse', input: { query: '(flom ELLER skred) OG beredskap IKKE øvelse' } },
    { label: `district filter  tjenestested, ${district}`, input: { query: 'tjenestested', filter: { policeDistrictCode: district } } },
    { label: 'population band  avstand, < 2 000', input: { query: 'avstand', filter: { populationBand: 'lt2000' } } },
    { label: 'with groups      tjenestested', input: { query: 'tjenestested', groups: true } },
    { label: 'page 20          tjenestested', input: { query: 'tjenestested', offset: 1000 } },
    { label: 'common word      politiet (in most answers)', input: { query: 'politiet' } },
    { label: 'stop word        og (in every answer)', input: { query: 'og' } },
  ];

  console.log(`${fmt(RESPONSES)} responses × 5 answers = ${fmt(answers)} answers, ${fmt(megabytes, 1)} MB of text`);
  console.log(`  insert (no index work at insert)     ${fmt(insertMs)} ms`);
  console.log(`  index build (first search after it)  ${fmt(buildMs)} ms   index size ${fmt(indexMb / 1048576, 1)} MB`);
  console.log(`  project file: ${core.session.requireStore().path}`);
  console.log(`search.query through core.dispatch, ${RUNS} runs each (limit 50):`);
  for (const c of cases) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < RUNS + 5; i++) {
      const start = performance.now();
      const out = await core.dispatch('search.query', c.input);
      const ms = performance.now() - start;
      if (!out.ok) throw new Error(`${c.label}: ${out.error.message}`);
      total = (out.result as { total: number }).total;
      if (i >= 5) times.push(ms);
    }
    times.sort((a, b) => a - b);
    const med = median(times);
    const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))];
    console.log(`  ${c.label.padEnd(58)} ${fmt(total).padStart(7)} hits   median ${fmt(med, 1).padStart(6)} ms   p95 ${fmt(p95, 1).padStart(6)} ms`);
  }
  console.log(`  target: median < 10 ms`);

  // The first search after a change reloads the catalogue (catalog.ts).
  const afterChange: number[] = [];
  for (let i = 0; i < 10; i++) {
    const changed = await core.dispatch('responses.setStatus', { id: `r${i}`, status: 'under_arbeid' });
    if (!changed.ok) throw new Error(changed.error.message);
    const start = performance.now();
    const out = await core.dispatch('search.query', { query: 'tjenestested' });
    afterChange.push(performance.now() - start);
    if (!out.ok) throw new Error(out.error.message);
  }
  console.log(`first search after a change (index checked, catalogue of ${fmt(answers)} answers reloaded): median ${fmt(median(afterChange), 1)} ms`);
  await core.dispose();
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
