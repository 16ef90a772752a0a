// Running the `innspill` command in tests, in a working folder: in-process
// (run() from src-main/cli/main, its output captured) for the fine cases, and
// the real bin script in a child process for the contract (exit status,
// stdout, stderr), with its own config folder so no test touches the user's.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { run } from '../../src-main/cli/main';
import { repoRoot } from './core';

export const BIN = path.join(repoRoot, 'bin', 'innspill.cjs');

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** The CLI in this process, in `dir`: exit code and what it wrote to stdout and stderr. */
export async function runCli(dir: string, args: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t) }, dir);
  return { code, out, err };
}

/** The bin script in a child process, in `dir`, with INNSPILL_CONFIG_DIR under `dir`. */
export function runBin(dir: string, args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, INNSPILL_CONFIG_DIR: path.join(dir, 'config') },
  });
}
