// Helpers shared by the benchmarks: timing, peak memory of a child run, a
// fresh project in a temp folder (a core on it, API calls as the UI makes
// them) and deterministic filler text for the N responses it holds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../src-main/core';
import { silentLogger } from '../src-main/core/deps';
import type { MethodInput, MethodName, MethodResult } from '../src-shared/contract';

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

/** A core on `dir` with the shipped resources, silent, remembering no recent projects; `author` as the changes' author (default: the settings' user name). */
export function benchCore(dir: string, author?: string): Core {
  return createCore({
    paths: { resourcesDir: path.join(__dirname, '..', 'resources'), configDir: path.join(dir, 'config'), workspaceDir: dir },
    shell: 'host',
    logger: silentLogger,
    rememberRecent: false,
    ...(author === undefined ? {} : { author: () => author }),
  });
}

/** An API call through core.dispatch, as the UI makes it; an error throws. */
export async function call<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const response = await core.dispatch(method, input);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.result as MethodResult<M>;
}

/** The words filler answers are made of: the consultation's own vocabulary. */
export const WORDS = 'politiet kommunen beredskap forebygging tjenestested ungdom rus vold avstand responstid samarbeid politikontakt politiråd trygghet innbyggerne tilstedeværelse lensmannskontor patrulje øvelse flom skred digital kriminalitet'.split(' ');

/** About `bytes` characters of words, the same for the same seed (an LCG picks them; every 11th ends a sentence). */
export function text(seed: number, bytes: number): string {
  let out = '';
  let x = seed;
  while (out.length < bytes) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += WORDS[x % WORDS.length] + (x % 11 === 0 ? '. ' : ' ');
  }
  return out.trim();
}

/** A deterministic sequence in [0, n) (the LCG's high bits: its low bits repeat with a short period). */
export function randomInts(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return Math.floor((x / 2147483648) * n);
  };
}
