// Helpers shared by the benchmarks: timing, peak memory of a child run, a
// fresh project in a temp folder (a core on it, API calls as the UI makes
// them), deterministic filler text for the N responses it holds, the CSV of
// one response per municipality and the codings planned on it.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../src-main/core';
import { silentLogger } from '../src-main/core/deps';
import type { Code } from '../src-shared/coding';
import type { MethodInput, MethodName, MethodResult } from '../src-shared/contract';
import type { AnswerPart } from '../src-shared/domain';

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

export async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('nb-NO', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** A measured time against its target, as the benchmarks print it. */
export const verdict = (ms: number, target: number) => (ms < target ? 'ok' : 'OVER');

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

/** The shipped municipality register (2022). */
export const register = JSON.parse(readFileSync(path.join(__dirname, '..', 'resources', 'data', 'register-2022.json'), 'utf8')) as {
  municipalities: { number: string; name: string }[];
};

/** Row i of a generated batch: the first 356 are municipalities by number; the rest other organisations. */
export function respondent(i: number): { number: string; name: string } {
  const m = register.municipalities[i];
  return m ? { number: m.number, name: `${m.name} kommune` } : { number: '', name: `Organisasjon nr. ${i}` };
}

function csvField(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** `svar.csv` in `dir`: `count` responses × 5 answers of about `answerBytes` characters, as the consultation's spreadsheet has them (written a line at a time: 100,000 responses are ~490 MB). */
export function writeResponsesCsv(dir: string, count: number, answerBytes: number): string {
  const csv = path.join(dir, 'svar.csv');
  const fd = openSync(csv, 'w');
  try {
    writeSync(fd, 'Kommunenr.;Innsender;Mottatt;Spørsmål 1;Spørsmål 2;Spørsmål 3;Spørsmål 4;Spørsmål 5');
    for (let i = 0; i < count; i++) {
      const r = respondent(i);
      const answers = [1, 2, 3, 4, 5].map((q) => csvField(text(i * 10 + q, answerBytes)));
      writeSync(fd, '\r\n' + [r.number, csvField(r.name), '30.05.2022', ...answers].join(';'));
    }
  } finally {
    closeSync(fd);
  }
  return csv;
}

/** A deterministic sequence in [0, n) (the LCG's high bits: its low bits repeat with a short period). */
export function randomInts(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return Math.floor((x / 2147483648) * n);
  };
}

/**
 * `svar.csv` in `dir` with one response from each municipality in the open
 * project's register (356), as the consultation's spreadsheet has them:
 * `answer(i, q)` is the i-th municipality's answer to question q (1–5).
 */
export function writeMunicipalityCsv(core: Core, dir: string, answer: (i: number, q: number) => string): string {
  const municipalities = core.session.requireStore().sqlite.prepare('SELECT number, name FROM municipality ORDER BY number').all() as { number: string; name: string }[];
  const lines = ['Kommunenr.;Kommune;Mottatt;Spørsmål 1;Spørsmål 2;Spørsmål 3;Spørsmål 4;Spørsmål 5'];
  municipalities.forEach((m, i) => lines.push([m.number, `${m.name} kommune`, '30.05.2022', ...[1, 2, 3, 4, 5].map((q) => `"${answer(i, q)}"`)].join(';')));
  const file = path.join(dir, 'svar.csv');
  writeFileSync(file, lines.join('\r\n'));
  return file;
}

export interface PlannedCoding {
  answerId: string;
  codeId: string;
  start: number;
  end: number;
}

/** The subcodes of the codebook by question (the starter codebook's themes are parents), for planning codings. */
export function subcodesByQuestion(codebook: Code[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of codebook) if (c.questionId && c.parentId) out.set(c.questionId, [...(out.get(c.questionId) ?? []), c.id]);
  return out;
}

/** A span of whole words somewhere in the answer. */
export function span(answer: AnswerPart, rnd: (n: number) => number): { start: number; end: number } {
  const t = answer.text;
  const start = t.indexOf(' ', rnd(Math.max(1, t.length - 200))) + 1;
  const end = t.indexOf(' ', start + 40 + rnd(160));
  return { start, end: end > start ? end : t.length };
}

/** A coding with one of the answer's question's codes on a span of it. */
export function codingFor(answer: AnswerPart, codesFor: Map<string, string[]>, rnd: (n: number) => number): PlannedCoding {
  const codes = codesFor.get(answer.questionId!)!;
  return { answerId: answer.id, codeId: codes[rnd(codes.length)], ...span(answer, rnd) };
}

/** The `count` codings a response calls for: the same for the same municipality number, whoever codes it. */
export function plannedCodings(number: string, answers: AnswerPart[], codesFor: Map<string, string[]>, count: number): PlannedCoding[] {
  const rnd = randomInts(Number(number));
  return Array.from({ length: count }, () => codingFor(answers[rnd(answers.length)], codesFor, rnd));
}
