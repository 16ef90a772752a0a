// Personal-data detector: precision and recall per kind on the labelled set
// (test/helpers/personal-corpus.ts: 5,000 paragraphs of Norwegian prose with
// synthetic identity numbers — valid, with a bad check digit, or with an
// impossible date — phone numbers, e-mail and postal addresses among numbers
// that are not personal data), and the detector's speed.
// Targets: 100 % recall on valid identity numbers; none with a bad check digit flagged.
import { detectPersonalData } from '../src-main/core/personal/detect';
import { labelledCorpus, score } from '../test/helpers/personal-corpus';

const corpus = labelledCorpus(19, 5000);
const result = score(corpus, detectPersonalData);
// Speed: detection alone, after the run above has warmed it up.
const started = performance.now();
for (const c of corpus) detectPersonalData(c.text);
const ms = performance.now() - started;
const bytes = corpus.reduce((n, c) => n + Buffer.byteLength(c.text), 0);

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
console.log(`labelled set: ${corpus.length} paragraphs, ${(bytes / 1e6).toFixed(2)} MB`);
console.log('kind            expected  found  correct  precision  recall');
for (const s of result.perKind) {
  console.log(
    `${s.kind.padEnd(15)} ${String(s.expected).padStart(8)} ${String(s.found).padStart(6)} ${String(s.truePositives).padStart(8)} ${pct(s.precision).padStart(10)} ${pct(s.recall).padStart(8)}`,
  );
}
console.log(`11-digit numbers with a bad check digit or impossible date: ${result.invalidTotal}, flagged: ${result.invalidFlagged} (target 0)`);
const ids = result.perKind.filter((s) => s.kind === 'fodselsnummer' || s.kind === 'd_nummer');
console.log(`recall on valid identity numbers: ${pct(ids.reduce((n, s) => n + s.truePositives, 0) / ids.reduce((n, s) => n + s.expected, 0))} (target 100 %)`);
console.log(`speed: ${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s (detection alone, one paragraph at a time)`);
