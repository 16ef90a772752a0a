// CLI start benchmark: `innspill --help` as a whole process through the bin
// script, from the built bundle (built first, so it is current) and from the
// TypeScript source through tsx (INNSPILL_FROM_SOURCE=1), next to a bare
// `node -e 0` (the floor of any Node command on this machine). Target: < 0.3 s.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fmt, median } from './lib';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'innspill.cjs');

/** Wall-clock ms of `node args…` as a whole process, `runs` times. */
function wall(args: string[], runs: number, env: NodeJS.ProcessEnv = {}): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
    times.push(performance.now() - started);
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
  }
  return times;
}

const started = performance.now();
const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')], { encoding: 'utf8' });
if (build.status !== 0) throw new Error(`build-cli failed: ${build.stderr}`);
const buildMs = performance.now() - started;

const floor = wall(['-e', '0'], 10);
const bundle = wall([bin, '--help'], 10, { INNSPILL_FROM_SOURCE: '0' });
const source = wall([bin, '--help'], 3, { INNSPILL_FROM_SOURCE: '1' });
const row = (label: string, t: number[]) =>
  `  ${label.padEnd(38)} median ${fmt(median(t)).padStart(5)} ms  min ${fmt(Math.min(...t)).padStart(5)} ms  (${t.length} runs)`;
console.log(`innspill --help, whole process (bundle built in ${fmt(buildMs)} ms)`);
console.log(row('node -e 0 (floor)', floor));
console.log(`${row('built bundle (bin → out/cli)', bundle)}   target < 300 ms: ${median(bundle) < 300 ? 'ok' : 'OVER'}`);
console.log(row('source through tsx (fallback)', source));
