// The fuzz loop (`npm run fuzz`; a short run is a test): for each format in the registry, N cases
// made by mutating its seeds (mutate.ts), each run in a worker process with a heap ceiling and a time
// limit. Counts what Innspill must never do — crash (an error that is not its own clear one), hang,
// blow the memory ceiling, change the project after refusing a file — and keeps each such input as a
// regression fixture (test/fixtures/fuzz/<format>/), replayed by a test. A case is reproducible from
// (seed, format, case number): each draws from its own PRNG.
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzip } from '../../src-main/core/zip/read-own';
import { mulberry32 } from '../../src-shared/rng';
import { buildSetup, FORMATS, formatNamed, type FuzzFormat } from './formats';
import { mutate, mutateInside, type ZipSeedEntry } from './mutate';
import type { CaseMessage, CaseReply } from './worker';

const WORKER = path.join(__dirname, 'worker.ts');
const TSX = pathToFileURL(require.resolve('tsx')).href;
export const FIXTURES = path.join(__dirname, '..', '..', 'test', 'fixtures', 'fuzz');
/** Inputs larger than this are kept as `<name>.gz`. */
const FIXTURE_GZIP_OVER = 64 * 1024;

/** A kept input's bytes (unpacked when it was kept gzipped). */
export function fixtureBytes(file: string): Buffer {
  const bytes = readFileSync(file);
  return file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
}

export interface FuzzOptions {
  /** Cases per format. */
  cases: number;
  seed: number;
  formats?: string[];
  timeoutMs: number;
  memoryMb: number;
  dir: string;
  /** Where failing inputs are kept (null: not kept). */
  fixturesDir: string | null;
  keep?: boolean;
  /** Stop after this many minutes (the figures say how many cases ran). */
  minutes?: number;
  /** Print the running figures this often. */
  reportMinutes?: number;
  log?: (line: string) => void;
}

export interface FormatFigures {
  format: string;
  cases: number;
  accepted: number;
  refused: number;
  crashes: number;
  hangs: number;
  memory: number;
  changedAfterRefusal: number;
  /** Cases over the time limit once that finished when given three times as long (a slow machine, not a hang). */
  slow: number;
  failures: { kind: string; detail: string; how: string[]; fixture: string | null }[];
}

type Verdict = CaseReply | { kind: 'hang' } | { kind: 'memory'; detail: string };

/** One worker process; restarted after a hang or a death. */
export class Worker {
  private child: ChildProcess | null = null;
  /** Resolves when the worker has loaded the core: a case's time runs from then, not from the process start. */
  private ready: Promise<void> = Promise.resolve();
  private stderr = '';

  constructor(
    private readonly memoryMb: number,
    private readonly workDir: string,
  ) {}

  private start(): ChildProcess {
    rmSync(this.workDir, { recursive: true, force: true });
    mkdirSync(this.workDir, { recursive: true });
    this.stderr = '';
    const child = fork(WORKER, [], { execArgv: [`--max-old-space-size=${this.memoryMb}`, '--import', TSX], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    child.stderr!.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-4000)));
    this.ready = new Promise((resolve) => {
      child.once('message', () => resolve());
      child.once('exit', () => resolve());
    });
    this.child = child;
    return child;
  }

  async run(msg: Omit<CaseMessage, 'workDir'>, timeoutMs: number): Promise<Verdict> {
    const child = this.child ?? this.start();
    await this.ready;
    if (child.exitCode !== null || child.signalCode !== null) {
      this.child = null;
      return { kind: 'crash', detail: `the worker did not start: ${this.stderr.trim().split('\n').slice(-3).join(' / ')}` };
    }
    return new Promise((resolve) => {
      const done = (v: Verdict) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(v);
      };
      const onMessage = (reply: CaseReply) => done(reply);
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        this.child = null;
        const oom = /heap out of memory|Allocation failed/i.test(this.stderr) || signal === 'SIGABRT' || code === 134;
        done(oom ? { kind: 'memory', detail: `heap ceiling ${this.memoryMb} MB` } : { kind: 'crash', detail: `the worker died (exit ${code}, ${signal ?? 'no signal'}): ${this.stderr.trim().split('\n').slice(-3).join(' / ')}` });
      };
      const timer = setTimeout(() => {
        child.off('exit', onExit);
        child.kill('SIGKILL');
        this.child = null;
        done({ kind: 'hang' });
      }, timeoutMs);
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send({ ...msg, workDir: this.workDir } satisfies CaseMessage);
    });
  }

  stop(): void {
    this.child?.kill('SIGKILL');
    this.child = null;
  }
}

/** Runs one saved input through a fresh worker: what the replay test and a hang's second look use. */
export async function runOnce(format: FuzzFormat, file: string, setupDir: string, workDir: string, timeoutMs: number, memoryMb: number): Promise<Verdict> {
  const worker = new Worker(memoryMb, workDir);
  try {
    return await worker.run({ format: format.name, file, setupDir }, timeoutMs);
  } finally {
    worker.stop();
  }
}

function caseRng(seed: number, format: string, i: number) {
  const h = createHash('sha256').update(`${seed}:${format}:${i}`).digest();
  return mulberry32(h.readUInt32LE(0));
}

/** One format's cases: its seeds, its worker, its figures; `step` runs the next case. */
class FormatRun {
  readonly fig: FormatFigures;
  private readonly worker: Worker;
  private readonly work: string;
  private readonly caseDir: string;
  private next = 0;

  private constructor(
    readonly format: FuzzFormat,
    private readonly opts: FuzzOptions,
    private readonly setupDir: string,
    private readonly seeds: Buffer[],
    private readonly inside: ZipSeedEntry[][],
  ) {
    this.fig = { format: format.name, cases: 0, accepted: 0, refused: 0, crashes: 0, hangs: 0, memory: 0, changedAfterRefusal: 0, slow: 0, failures: [] };
    this.work = path.join(opts.dir, 'work', format.name);
    this.worker = new Worker(opts.memoryMb, path.join(this.work, 'worker'));
    this.caseDir = path.join(this.work, 'cases');
    mkdirSync(this.caseDir, { recursive: true });
  }

  static async create(format: FuzzFormat, opts: FuzzOptions, setupDir: string): Promise<FormatRun> {
    const seeds = format.seeds.map((s) => readFileSync(path.join(setupDir, s)));
    const inside = format.zip ? await Promise.all(seeds.map(async (s) => (await unzip(s)).filter((e) => !e.name.endsWith('/')))) : [];
    return new FormatRun(format, opts, setupDir, seeds, inside);
  }

  get done(): boolean {
    return this.next >= this.opts.cases;
  }

  async step(): Promise<void> {
    const { format, opts, fig } = this;
    const i = this.next++;
    const rng = caseRng(opts.seed, format.name, i);
    const which = rng.int(0, this.seeds.length - 1);
    const { bytes, how } = format.zip && rng.chance(0.5) ? await mutateInside(this.inside[which], rng) : mutate(this.seeds[which], rng);
    const file = path.join(this.caseDir, `case${format.ext}`);
    writeFileSync(file, bytes);
    let verdict = await this.worker.run({ format: format.name, file, setupDir: this.setupDir }, opts.timeoutMs);
    if (verdict.kind === 'hang') {
      // A second look with three times the time in a fresh worker: a loaded machine is not a hang.
      const again = await runOnce(format, file, this.setupDir, path.join(this.work, 'second-look'), opts.timeoutMs * 3, opts.memoryMb);
      if (again.kind !== 'hang') {
        fig.slow++;
        verdict = again;
      }
    }
    fig.cases++;
    switch (verdict.kind) {
      case 'accepted':
        fig.accepted++;
        return;
      case 'refused':
        fig.refused++;
        return;
      case 'crash':
        fig.crashes++;
        break;
      case 'hang':
        fig.hangs++;
        break;
      case 'memory':
        fig.memory++;
        break;
      case 'changed':
        fig.changedAfterRefusal++;
        break;
    }
    const detail = 'detail' in verdict ? verdict.detail : `over ${opts.timeoutMs * 3} ms`;
    let fixture: string | null = null;
    if (opts.fixturesDir) {
      const dir = path.join(opts.fixturesDir, format.name);
      mkdirSync(dir, { recursive: true });
      // A large input (a huge field, a repeated chunk) is kept gzipped: it is mostly repetition, and
      // fixtures stay small files (the replay unpacks it, see fixtureBytes).
      const name = `${verdict.kind}-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}${format.ext}`;
      const large = bytes.length > FIXTURE_GZIP_OVER;
      fixture = path.join(dir, large ? `${name}.gz` : name);
      writeFileSync(fixture, large ? gzipSync(bytes, { level: 9 }) : bytes);
    }
    fig.failures.push({ kind: verdict.kind, detail, how, fixture });
    opts.log?.(`  ${format.name} case ${i}: ${verdict.kind}: ${detail.slice(0, 300)} (${how.join(', ')})`);
  }

  stop(): void {
    this.worker.stop();
    if (!this.opts.keep) rmSync(this.work, { recursive: true, force: true });
  }
}

/**
 * Runs the formats side by side, one case each in turn, so a run stopped by its time budget
 * (`minutes`) has covered every format alike; prints the figures every `reportMinutes`.
 */
export async function runFuzz(opts: FuzzOptions): Promise<FormatFigures[]> {
  const log = opts.log ?? (() => {});
  const setupDir = path.join(opts.dir, 'setup');
  mkdirSync(opts.dir, { recursive: true });
  const runs: FormatRun[] = [];
  try {
    await buildSetup(setupDir);
    const formats = opts.formats ? opts.formats.map(formatNamed) : FORMATS;
    for (const format of formats) runs.push(await FormatRun.create(format, opts, setupDir));
    const deadline = opts.minutes ? Date.now() + opts.minutes * 60_000 : Infinity;
    let nextReport = Date.now() + (opts.reportMinutes ?? Infinity) * 60_000;
    while (Date.now() < deadline && runs.some((r) => !r.done)) {
      for (const r of runs) if (!r.done && Date.now() < deadline) await r.step();
      if (Date.now() >= nextReport) {
        nextReport = Date.now() + opts.reportMinutes! * 60_000;
        for (const r of runs) log(formatFigures(r.fig));
      }
    }
    return runs.map((r) => r.fig);
  } finally {
    for (const r of runs) r.stop();
    if (!opts.keep) rmSync(opts.dir, { recursive: true, force: true });
  }
}

export function formatFigures(f: FormatFigures): string {
  return `${f.format.padEnd(15)} cases ${String(f.cases).padStart(6)}  accepted ${String(f.accepted).padStart(6)}  refused ${String(f.refused).padStart(6)}  crashes ${f.crashes}  hangs ${f.hangs}  memory ${f.memory}  changed after refusal ${f.changedAfterRefusal}  (slow but finished ${f.slow})`;
}
