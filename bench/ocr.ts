// OCR quality and speed (`npm run bench ocr`): the repo's own synthetic
// letters — the 18 in resources/demo/eksempel-brev.zip, read with the app's
// readers, and letters composed from the first responses in
// eksempel-api.json — typeset on A4 and rasterised (test/helpers/scan-fixtures.ts)
// at 200 and 300 dpi, clean and as a poor scan (1.2° skew, 1 % speckle), then
// read with the app's OCR (shipped nor.traineddata). Prints per condition the
// character error rate against the true text, whether the question split
// matches the split of the original text, mean word confidence and the time
// per A4 page (wall and CPU; the machine may be shared). Targets from issue
// #18: CER ≤ 3 % at 300 dpi clean, ≤ 8 % at 200 dpi noisy, split as on the
// original in ≥ 90 % of letters, ≤ 4 s per page.
//
//   npm run bench ocr -- [--letters N] [--only 300-clean,200-noisy]   (or tsx bench/ocr.ts …)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readSource } from '../src-main/core/import/formats/read';
import { recognisePages } from '../src-main/core/import/ocr/engine';
import { splitLetter } from '../src-main/core/import/split';
import { importLimits } from '../src-main/core/input/limits';
import { normalizeText } from '../src-main/core/input/text';
import { readZipEntries } from '../src-main/core/zip/read-guarded';
import { scanPages, type ScanOptions } from '../test/helpers/scan-fixtures';

const root = path.join(__dirname, '..');
const OCR_DATA = path.join(root, 'resources', 'tessdata');
const letter = JSON.parse(readFileSync(path.join(root, 'resources', 'data', 'letter-2022.json'), 'utf8')) as { questions: { ordinal: number; shortLabel: string; text: string }[] };
const QUESTIONS = letter.questions.map((q) => ({ ordinal: q.ordinal, shortLabel: q.shortLabel, text: q.text }));

const { values } = parseArgs({ options: { letters: { type: 'string', default: '24' }, only: { type: 'string' } } });

const CONDITIONS: { key: string; scan: Omit<ScanOptions, 'seed'>; target?: number }[] = [
  { key: '300-clean', scan: { dpi: 300 }, target: 0.03 },
  { key: '300-noisy', scan: { dpi: 300, skew: 1.2, noise: 0.01 } },
  { key: '200-clean', scan: { dpi: 200 } },
  { key: '200-noisy', scan: { dpi: 200, skew: 1.2, noise: 0.01 }, target: 0.08 },
];

interface TrueLetter {
  name: string;
  text: string;
}

async function demoLetters(): Promise<TrueLetter[]> {
  const zip = readFileSync(path.join(root, 'resources', 'demo', 'eksempel-brev.zip'));
  const entries = await readZipEntries(zip, { ...importLimits }, () => true);
  const letters: TrueLetter[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name, 'nb'))) {
    const parsed = await readSource(e.name, e.bytes, { ...importLimits });
    if (parsed.kind === 'letter') letters.push({ name: e.name, text: normalizeText(parsed.text) });
  }
  const api = JSON.parse(readFileSync(path.join(root, 'resources', 'demo', 'eksempel-api.json'), 'utf8')) as {
    svar: { kommune: string; mottatt: string; svar: Record<string, string> }[];
  };
  for (const r of api.svar.slice(0, 6)) {
    const lines = [r.kommune, `Dato: ${r.mottatt.split('-').reverse().join('.')}`, 'Høringssvar – polititjenester i kommunene'];
    for (const q of QUESTIONS) {
      const answer = r.svar[String(q.ordinal)];
      if (!answer) continue;
      lines.push(`Spørsmål ${q.ordinal}: ${q.shortLabel}`, ...answer.split(/\n+/));
    }
    lines.push('Med vennlig hilsen', `Ordføreren i ${r.kommune}`);
    letters.push({ name: `${r.kommune} (fra eksempel-api.json)`, text: lines.join('\n') });
  }
  return letters;
}

/** Levenshtein distance over code points, two rows. */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = new Uint32Array(y.length + 1).map((_, j) => j);
  let cur = new Uint32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length];
}

/** Text compared as words: line wrapping and blank lines are layout, not characters read. */
const flat = (t: string) => t.replace(/\s+/g, ' ').trim();

/** The split as the caseworker sees it: which questions get text, and whether the letter needs manual splitting. */
function splitShape(text: string): string {
  const split = splitLetter(text, QUESTIONS);
  const ordinals = split.parts.filter((p) => p.text.trim() !== '').map((p) => p.question ?? '-');
  return `${split.needsSplitting ? 'needs-splitting' : 'split'}:${ordinals.join(',')}`;
}

async function main(): Promise<void> {
  const all = await demoLetters();
  const letters = all.slice(0, Number(values.letters));
  const only = values.only?.split(',');
  console.log(`${letters.length} letters (${all.length} available), OCR data ${path.relative(root, OCR_DATA)}/nor.traineddata`);
  console.log('condition   pages  CER mean  CER median  CER worst  split as original  confidence  s/page wall  s/page CPU  target');
  for (const condition of CONDITIONS) {
    if (only && !only.includes(condition.key)) continue;
    const pagesOf: number[] = [];
    const images: Buffer[] = [];
    letters.forEach((l, i) => {
      const pages = scanPages(l.text.split('\n'), { ...condition.scan, seed: 100 + i });
      pagesOf.push(pages.length);
      images.push(...pages);
    });
    const cpu = process.cpuUsage();
    const started = performance.now();
    // One worker for the whole condition (as one import file's pages share one): its start-up is counted once.
    const result = await recognisePages(images.map((png, i) => ({ number: i + 1, image: async () => png })), { langPath: OCR_DATA });
    const wall = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cers: number[] = [];
    let sameSplit = 0;
    const differs: string[] = [];
    let at = 0;
    letters.forEach((l, i) => {
      const text = result.pageTexts.slice(at, at + pagesOf[i]).join('\n');
      at += pagesOf[i];
      const truth = flat(l.text);
      cers.push(editDistance(flat(text), truth) / truth.length);
      if (splitShape(text) === splitShape(l.text)) sameSplit++;
      else differs.push(`${l.name}: ${splitShape(l.text)} → ${splitShape(text)}`);
    });
    const sorted = [...cers].sort((a, b) => a - b);
    const pct = (v: number) => `${(v * 100).toFixed(2)} %`;
    const mean = cers.reduce((a, b) => a + b, 0) / cers.length;
    const perPage = wall / images.length;
    const verdicts = [
      condition.target === undefined ? '' : `CER ≤ ${condition.target * 100} %: ${mean <= condition.target ? 'met' : 'NOT met'}`,
      `split ≥ 90 %: ${sameSplit / letters.length >= 0.9 ? 'met' : 'NOT met'}`,
      `≤ 4 s/page: ${perPage <= 4 ? 'met' : 'NOT met'}`,
    ];
    const verdict = verdicts.filter(Boolean).join('; ');
    console.log(
      [
        condition.key.padEnd(10),
        String(images.length).padStart(5),
        pct(mean).padStart(9),
        pct(sorted[Math.floor(sorted.length / 2)]).padStart(11),
        pct(sorted[sorted.length - 1]).padStart(10),
        `${sameSplit}/${letters.length} (${Math.round((sameSplit / letters.length) * 100)} %)`.padStart(18),
        `${result.confidence} %`.padStart(11),
        perPage.toFixed(2).padStart(12),
        ((used.user + used.system) / 1e6 / images.length).toFixed(2).padStart(11),
        `  ${verdict}`,
      ].join(' '),
    );
    for (const d of differs) console.log(`    split differs: ${d}`);
  }
  console.log('Targets (issue #18): CER ≤ 3 % at 300 dpi clean, ≤ 8 % at 200 dpi noisy; split as on the original text in ≥ 90 % of letters; ≤ 4 s per A4 page (wall time here, on a shared machine).');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
