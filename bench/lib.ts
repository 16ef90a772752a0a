// Helpers shared by the benchmarks: timing, peak memory of a child run, and
// a fresh project in a temp folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempFolder(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface PhaseResult {
  ms: number;
  /** Peak resident set size of the process that ran the phase, in MB. */
  peakRssMb: number;
  [key: string]: number;
}

/** Runs `file --phase name args…` in a fresh process and reads its JSON result. */
export function runPhase(file: string, phase: string, args: string[] = []): PhaseResult {
  const tsx = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx');
  const out = spawnSync(tsx, [file, '--phase', phase, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (out.status !== 0) throw new Error(`${phase} failed: ${out.stderr}`);
  const line = out.stdout.trim().split('\n').pop() ?? '{}';
  return JSON.parse(line) as PhaseResult;
}

/** Ends a phase: prints its result (with peak RSS) as the last line. */
export function reportPhase(result: Record<string, number>): void {
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ...result, peakRssMb: Math.round(peakRssMb) }));
}

export function phaseArg(): string | null {
  const i = process.argv.indexOf('--phase');
  return i >= 0 ? process.argv[i + 1] : null;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('nb-NO', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
