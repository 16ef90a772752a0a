// `npm run crashtest`: the crash harness (scripts/crash/harness.ts) at the sizes — a
// 10,000-row CSV, 356 letters, a return package, a memo export and 2,000 coding actions, each killed
// at least 50 times at seeded random moments. Prints the figures per operation; exits 1 on any loss.
//
//   npm run crashtest -- [--kills 50] [--seed 1] [--rows 10000] [--letters 356] [--actions 2000] [--return-codings 400] [--only import] [--keep]
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCrashTest } from './crash/harness';
import { FULL_SIZES } from './crash/inputs';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      kills: { type: 'string', default: '50' },
      seed: { type: 'string', default: '1' },
      rows: { type: 'string', default: String(FULL_SIZES.rows) },
      letters: { type: 'string', default: String(FULL_SIZES.letters) },
      actions: { type: 'string', default: String(FULL_SIZES.actions) },
      'return-codings': { type: 'string', default: String(FULL_SIZES.returnCodings) },
      only: { type: 'string', multiple: true },
      dir: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const seed = Number(values.seed);
  const started = Date.now();
  const report = await runCrashTest({
    kills: Number(values.kills),
    seed,
    sizes: { ...FULL_SIZES, rows: Number(values.rows), letters: Number(values.letters), actions: Number(values.actions), returnCodings: Number(values['return-codings']) },
    dir: values.dir ? path.resolve(values.dir) : path.join(os.tmpdir(), `innspill-crashtest-${process.pid}`),
    keep: values.keep,
    only: values.only,
    log: (line) => console.log(line),
  });
  console.log(`\nseed ${seed}, ${Math.round((Date.now() - started) / 1000)} s`);
  for (const f of report.operations) {
    console.log(`${f.operation.padEnd(32)} kills ${String(f.kills).padStart(3)}  all-or-nothing ${f.before + f.after + f.between}/${f.kills}  mixed ${f.mixed}  integrity failures ${f.integrityFailures}  broken outputs ${f.brokenOutputs}  orphaned temp files ${f.orphanedTempFiles} (after next run ${f.orphansAfterNextRun})  next-run failures ${f.nextRunFailures}`);
  }
  console.log(report.losses === 0 ? 'no loss' : `${report.losses} LOSSES`);
  return report.losses === 0 ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exitCode = 2;
  },
);
