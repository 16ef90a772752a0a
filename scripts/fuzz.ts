// `npm run fuzz`: mutated inputs for every reader (scripts/fuzz/run.ts), at least 10,000 cases per
// format by default, each in a worker with a heap ceiling and a time limit. Prints the figures per
// format; failing inputs are kept under test/fixtures/fuzz/ (replayed by a test); exits 1 on any.
//
//   npm run fuzz -- [--cases 10000] [--seed 1] [--format csv --format pdf] [--timeout 20000] [--memory 512] [--minutes M]
// --minutes stops early (formats run side by side, so all get alike); the figures say how many ran.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FIXTURES, formatFigures, runFuzz } from './fuzz/run';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      format: { type: 'string', multiple: true },
      timeout: { type: 'string', default: '20000' },
      memory: { type: 'string', default: '512' },
      dir: { type: 'string' },
      'no-fixtures': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      minutes: { type: 'string' },
    },
  });
  const started = Date.now();
  const figures = await runFuzz({
    cases: Number(values.cases),
    seed: Number(values.seed),
    formats: values.format,
    timeoutMs: Number(values.timeout),
    memoryMb: Number(values.memory),
    dir: values.dir ? path.resolve(values.dir) : path.join(os.tmpdir(), `innspill-fuzz-${process.pid}`),
    fixturesDir: values['no-fixtures'] ? null : FIXTURES,
    keep: values.keep,
    minutes: values.minutes ? Number(values.minutes) : undefined,
    reportMinutes: 5,
    log: (line) => console.log(line),
  });
  console.log(`\nseed ${values.seed}, up to ${values.cases} cases per format, time limit ${values.timeout} ms, heap ceiling ${values.memory} MB, ${Math.round((Date.now() - started) / 1000)} s`);
  for (const f of figures) console.log(formatFigures(f));
  const bad = figures.reduce((n, f) => n + f.crashes + f.hangs + f.memory + f.changedAfterRefusal, 0);
  console.log(bad === 0 ? 'no failures' : `${bad} FAILURES (inputs kept under test/fixtures/fuzz/)`);
  return bad === 0 ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exitCode = 2;
  },
);
