// Running CLI commands as a user who may not write where a test made things read-only. chmod does
// not stop root, and CI may run as root: then the commands run in a child process as the unprivileged
// user `nobody` (uid 65534); otherwise as ourselves in a child too, so both ways are the same path.
// test/helpers/cli-batch.cjs runs the commands. Each batch first tries to write a probe file in the folders meant to be read-only and reports
// what happened, so a test can fail (never skip) when the machine cannot make a folder read-only.
import { chmodSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './paths';
import type { CliResult } from './cli';

const NOBODY = 65534;
export const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;

const SCRIPT = path.join(repoRoot, 'test', 'helpers', 'cli-batch.cjs');

export interface Batch {
  /** Per probe path: 'written' (the folder was writable after all) or the error code (EACCES, EROFS). */
  probes: string[];
  results: CliResult[];
  /** The child's own stderr (a crash's stack would be here) and exit status. */
  stderr: string;
  status: number | null;
}

/**
 * Opens `dir` (and its config folder) to the unprivileged user, for a batch run as root; the
 * folders the test wants read-only are chmod-ed by the test after this.
 */
export function shareWithNobody(dir: string, config: string): void {
  chmodSync(dir, 0o777);
  chmodSync(config, 0o777);
}

/** Runs each argument list through the CLI in one child process in `cwd`, as `nobody` when we are root. */
export function runUnprivileged(cwd: string, config: string, runs: string[][], probes: string[]): Batch {
  const r = spawnSync(process.execPath, [SCRIPT, JSON.stringify({ cwd, runs, probes })], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    // A plain environment: not the test worker's IPC channel or node options (vitest's forks), which the child would take up.
    env: { PATH: process.env.PATH, TMPDIR: process.env.TMPDIR, LANG: process.env.LANG, INNSPILL_CONFIG_DIR: config },
    ...(runningAsRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  try {
    const parsed: { probes: string[]; results: CliResult[] } = JSON.parse(r.stdout);
    return { ...parsed, stderr: r.stderr, status: r.status };
  } catch {
    // The child died before it answered (a crash): the test sees no results, and all it printed.
    return { probes: [], results: [], stderr: `${r.stderr}\nstdout: ${r.stdout}\nerror: ${String(r.error ?? '')}`, status: r.status };
  }
}
