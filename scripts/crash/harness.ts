// The crash harness (`npm run crashtest`; a short run is a test): starts real processes — the
// `innspill` CLI for an import of a CSV and of a folder of letters, a merge of a return package and an
// export, and a child making coding actions through the API — and kills each with SIGKILL at seeded
// random moments. After each kill: PRAGMA integrity_check must say ok; the project's logical dump
// (dump.ts) must equal the state before or after the operation — or, where the operation is many
// separate commits by design (each letter is its own transaction, each coding action too), the state
// after some whole number of them; temporary files left behind are counted; and the same operation,
// run again, must succeed and end in the after-state.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import yauzl from 'yauzl';
import { BACKUP_FOLDER } from '../../src-main/core/backup/snapshot';
import { mulberry32 } from '../../src-shared/rng';
import { buildInputs, type Inputs, type Sizes } from './inputs';
import { dumpFile, dumpSubset, firstDifference, hashDump, integrity, knownIds, type Dump } from './dump';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'innspill.cjs');
const DRIVER = path.join(__dirname, 'coding-driver.ts');
/** tsx's loader by path: the driver runs in the trial folder, where `--import tsx` would not resolve. */
const TSX = pathToFileURL(require.resolve('tsx')).href;
const PROJECT = 'project.innspill';

/** How an operation's interrupted states may look: one commit, or many (letters, actions) each all or nothing. */
type Shape = 'whole' | 'files' | 'actions';

interface Operation {
  name: string;
  shape: Shape;
  /** The project file the operation starts from. */
  before: string;
  /** The process's arguments (after `node`), run in `dir` on `dir/project.innspill`; `from`: the first coding action. */
  argv(dir: string, from: number): string[];
  /** A file the operation writes outside the project (the export), checked to be whole or absent. */
  output?: string;
  /** Exit codes that mean success. */
  okCodes: number[];
}

export interface CrashOptions {
  kills: number;
  seed: number;
  sizes: Sizes;
  /** Work folder (made; removed afterwards unless keep). */
  dir: string;
  keep?: boolean;
  only?: string[];
  log?: (line: string) => void;
}

export interface OperationFigures {
  operation: string;
  kills: number;
  /** Runs that ended before the kill came (not counted as kills). */
  finishedFirst: number;
  before: number;
  after: number;
  /** Killed between two commits of a many-commit operation: a whole number of letters or actions. */
  between: number;
  /** A state that is neither: a loss. */
  mixed: number;
  integrityFailures: number;
  /** A half-written output file where the export should write all or nothing. */
  brokenOutputs: number;
  /** Temporary files found after the kills (total), and how many were still there after the next run. */
  orphanedTempFiles: number;
  orphansAfterNextRun: number;
  /** The next run failed or did not end in the after-state. */
  nextRunFailures: number;
  problems: string[];
}

export interface CrashReport {
  operations: OperationFigures[];
  losses: number;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  /** From the moment the project was opened to the end. */
  workMs: number;
  pid: number;
  stderr: string;
}

/**
 * Runs `node argv` in `dir`. With `killAfterMs`, SIGKILL comes that long after the process has
 * opened the project (its WAL file appears): the moments are spread over the work itself, not over
 * the start of Node, which on a loaded machine takes longer than many operations.
 */
function runProcess(dir: string, argv: string[], killAfterMs?: number): Promise<Exit> {
  const started = performance.now();
  const child = spawn(process.execPath, argv, {
    cwd: dir,
    // Innspill writes no file in the system's temporary folder (its temporary files sit beside their target), so only the trial folder is searched.
    env: { ...process.env, INNSPILL_CONFIG_DIR: path.join(dir, 'config') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const wal = path.join(dir, `${PROJECT}-wal`);
  let opened: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  const poll = setInterval(() => {
    if (opened !== null || !existsSync(wal)) return;
    opened = performance.now();
    clearInterval(poll);
    if (killAfterMs !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  }, 10);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      if (timer) clearTimeout(timer);
      const ended = performance.now();
      resolve({ code, signal, ms: ended - started, workMs: ended - (opened ?? started), pid: child.pid ?? -1, stderr });
    });
  });
}

/**
 * Temporary files a killed process left: in the trial folder anything but the project (with its
 * WAL), the settings, the export and finished snapshots in the backup folder (a snapshot's `.part`
 * counts); in the system's temporary folder the backup's scratch copies made by that process.
 */
function orphans(dir: string, pids: number[], output?: string): string[] {
  const expected = new Set([PROJECT, `${PROJECT}-wal`, `${PROJECT}-shm`, ...(output ? [output] : [])]);
  const found: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) {
        if (r !== 'config') walk(r);
      } else if (!expected.has(r) && !(r.startsWith(BACKUP_FOLDER + path.sep) && !r.endsWith('.part'))) found.push(r);
    }
  };
  walk('');
  const scratch = new RegExp(`^innspill-backup-(${pids.join('|')})-`);
  for (const name of readdirSync(os.tmpdir())) if (scratch.test(name)) found.push(path.join(os.tmpdir(), name));
  return found;
}

/** Whether a ZIP (DOCX, XLSX) opens and every entry reads to its end. */
function wholeZip(file: string): Promise<boolean> {
  return new Promise((resolve) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return resolve(false);
      zip.on('error', () => resolve(false));
      zip.on('end', () => resolve(true));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return resolve(false);
          stream.on('error', () => resolve(false));
          stream.on('end', () => zip.readEntry());
          stream.resume();
        });
      });
      zip.readEntry();
    });
  });
}

function operations(inputs: Inputs, sizes: Sizes, seed: number): Operation[] {
  const cli = (...args: string[]) => [BIN, ...args, '--author', 'Krasj Test'];
  return [
    { name: `import CSV (${sizes.rows} rows)`, shape: 'whole', before: inputs.empty, argv: () => cli('import', PROJECT, inputs.csv), okCodes: [0] },
    { name: `import letters (${sizes.letters} files)`, shape: 'files', before: inputs.empty, argv: () => cli('import', PROJECT, inputs.letters), okCodes: [0] },
    { name: 'merge return package', shape: 'whole', before: inputs.master, argv: () => cli('package', 'merge', PROJECT, inputs.returnFile), okCodes: [0] },
    {
      name: 'export memo (DOCX)',
      shape: 'whole',
      before: inputs.merged,
      argv: () => cli('export', 'docx', PROJECT, '--out', 'memo.docx', '--appendix', '--date', '2026-12-07'),
      output: 'memo.docx',
      okCodes: [0],
    },
    {
      name: `coding actions (${sizes.actions})`,
      shape: 'actions',
      before: inputs.coding,
      argv: (_dir, from) => ['--import', TSX, DRIVER, PROJECT, '--actions', String(sizes.actions), '--seed', String(seed), '--from', String(from)],
      okCodes: [0],
    },
  ];
}

/** The migrations a project file has had (kysely's own table). */
function migrations(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all() as string[]).join(',');
  } finally {
    db.close();
  }
}

/**
 * The operation's start file, opened once by the CLI as it is now (`innspill stats`): any migration
 * the code has since the inputs were made runs here, not inside a trial, where a kill after it would
 * look like a mixed state (the export's three "mixed" kills in an earlier run were a migration that
 * landed while the run went on). Trials start from this file, and each is checked to have the same
 * migrations, so code that changes during a run stops it with that reason instead of a false loss.
 */
async function settled(op: Operation, root: string): Promise<{ file: string; migrations: string }> {
  const dir = freshTrial(root, 'base', op.before);
  const run = await runProcess(dir, [BIN, 'stats', PROJECT]);
  if (run.code !== 0) throw new Error(`${op.name}: opening the start file failed (${run.code}): ${run.stderr}`);
  const file = path.join(dir, PROJECT);
  // One self-contained file (the WAL checkpointed into it), copied as it is into every trial.
  const db = new Database(file, { fileMustExist: true });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { file, migrations: migrations(file) };
}

function freshTrial(root: string, name: string, before: string): string {
  const dir = path.join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(before, path.join(dir, PROJECT));
  return dir;
}

/** The state of a killed project, against the operation's before and after states. */
type Verdict = { state: 'before' | 'after' | 'between'; from: number } | { state: 'mixed'; why: string };

interface Reference {
  known: Set<string>;
  before: Dump;
  after: Dump;
  beforeHash: string;
  afterHash: string;
  /** Coding actions: the hash after each whole number of actions. */
  prefixes: string[];
}

function judge(op: Operation, ref: Reference, dump: Dump): Verdict {
  const hash = hashDump(dump);
  if (hash === ref.beforeHash) return { state: 'before', from: 0 };
  if (hash === ref.afterHash) return { state: 'after', from: ref.prefixes.length - 1 };
  if (op.shape === 'actions') {
    const k = ref.prefixes.lastIndexOf(hash);
    return k >= 0 ? { state: 'between', from: k } : { state: 'mixed', why: `matches no whole number of actions (${firstDifference(dump, ref.after)})` };
  }
  if (op.shape === 'files') {
    // Whole letters only: nothing of the before-state lost, nothing that the full run would not write,
    // and every source file present with all its responses and answers (the batch's report aside:
    // it is written when the whole import ends).
    if (!dumpSubset(ref.before, dump, ['import_batch'])) return { state: 'mixed', why: `lost rows of the before-state (${firstDifference(dump, ref.before)})` };
    if (!dumpSubset(dump, ref.after, ['import_batch'])) return { state: 'mixed', why: `rows the full import does not write (${firstDifference(dump, ref.after)})` };
    return { state: 'between', from: 0 };
  }
  return { state: 'mixed', why: `neither before nor after (${firstDifference(dump, ref.after)})` };
}

/** Per-letter completeness: each source file's responses and answers, as counted in the full import. */
function lettersComplete(file: string, after: Map<string, string>): string | null {
  const got = fileCounts(file);
  for (const [sha, counts] of got) if (after.get(sha) !== counts) return `letter ${sha.slice(0, 12)}: ${counts} (responses/answers), the full import has ${after.get(sha)}`;
  return null;
}

function fileCounts(file: string): Map<string, string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare('SELECT f.sha256 AS sha, count(DISTINCT r.id) AS responses, count(a.id) AS answers FROM source_file f LEFT JOIN response r ON r.source_file_id = f.id LEFT JOIN answer a ON a.response_id = r.id GROUP BY f.sha256')
      .all() as { sha: string; responses: number; answers: number }[];
    return new Map(rows.map((r) => [r.sha, `${r.responses}/${r.answers}`]));
  } finally {
    db.close();
  }
}

async function reference(op: Operation, root: string, seed: number, sizes: Sizes): Promise<{ ref: Reference; ms: number; letterCounts: Map<string, string> }> {
  const dir = freshTrial(root, 'reference', op.before);
  const project = path.join(dir, PROJECT);
  const known = knownIds(project);
  const before = dumpFile(project, known);
  let prefixes: string[] = [];
  if (op.shape === 'actions') {
    const record = path.join(dir, 'prefixes.json');
    const rec = await runProcess(dir, ['--import', TSX, DRIVER, PROJECT, '--actions', String(sizes.actions), '--seed', String(seed), '--record', record]);
    if (rec.code !== 0) throw new Error(`${op.name}: the recording run failed: ${rec.stderr}`);
    prefixes = JSON.parse(readFileSync(record, 'utf8')) as string[];
    copyFileSync(op.before, project);
    rmSync(`${project}-wal`, { force: true });
    rmSync(`${project}-shm`, { force: true });
  }
  const run = await runProcess(dir, op.argv(dir, 0));
  if (run.code === null || !op.okCodes.includes(run.code)) throw new Error(`${op.name}: the uninterrupted run failed (${run.code}): ${run.stderr}`);
  const after = dumpFile(project, known);
  if (op.shape === 'actions' && hashDump(after) !== prefixes[prefixes.length - 1]) throw new Error(`${op.name}: two uninterrupted runs differ: ${firstDifference(after, before)}`);
  const ref = { known, before, after, beforeHash: hashDump(before), afterHash: hashDump(after), prefixes: op.shape === 'actions' ? prefixes : [hashDump(before), hashDump(after)] };
  return { ref, ms: run.workMs, letterCounts: op.shape === 'files' ? fileCounts(project) : new Map() };
}

/** Kills one operation `kills` times; returns its figures. */
async function crashOperation(op: Operation, root: string, opts: CrashOptions, index: number): Promise<OperationFigures> {
  const log = opts.log ?? (() => {});
  const fig: OperationFigures = {
    operation: op.name,
    kills: 0,
    finishedFirst: 0,
    before: 0,
    after: 0,
    between: 0,
    mixed: 0,
    integrityFailures: 0,
    brokenOutputs: 0,
    orphanedTempFiles: 0,
    orphansAfterNextRun: 0,
    nextRunFailures: 0,
    problems: [],
  };
  const base = await settled(op, root);
  op = { ...op, before: base.file };
  const { ref, ms, letterCounts } = await reference(op, root, opts.seed, opts.sizes);
  log(`${op.name}: uninterrupted run ${Math.round(ms)} ms from opening the project to the end`);
  const rng = mulberry32(opts.seed * 31 + index);
  const problem = (text: string) => {
    fig.problems.push(text);
    log(`  ${op.name}: ${text}`);
  };
  for (let attempt = 0; fig.kills < opts.kills && attempt < opts.kills * 3; attempt++) {
    const dir = freshTrial(root, `trial-${attempt}`, op.before);
    const project = path.join(dir, PROJECT);
    const delay = rng.next() * ms;
    const exit = await runProcess(dir, op.argv(dir, 0), delay);
    if (exit.signal !== 'SIGKILL') {
      fig.finishedFirst++;
      continue;
    }
    fig.kills++;
    const left = orphans(dir, [exit.pid], op.output);
    fig.orphanedTempFiles += left.length;
    const now = migrations(project);
    if (now !== base.migrations) throw new Error(`${op.name}: the code changed during the run (migrations ${now} where the start file had ${base.migrations}); run again`);
    const check = integrity(project);
    if (check !== 'ok') {
      fig.integrityFailures++;
      problem(`kill at ${Math.round(delay)} ms: integrity_check: ${check}`);
      continue;
    }
    const verdict = judge(op, ref, dumpFile(project, ref.known));
    let resumeAt = 0;
    if (verdict.state === 'mixed') {
      fig.mixed++;
      problem(`kill at ${Math.round(delay)} ms: ${verdict.why}`);
    } else {
      fig[verdict.state]++;
      resumeAt = verdict.from;
      if (op.shape === 'files') {
        const incomplete = lettersComplete(project, letterCounts);
        if (incomplete) {
          fig.between--;
          fig.mixed++;
          problem(`kill at ${Math.round(delay)} ms: ${incomplete}`);
        }
      }
    }
    if (op.output && existsSync(path.join(dir, op.output)) && !(await wholeZip(path.join(dir, op.output)))) {
      fig.brokenOutputs++;
      problem(`kill at ${Math.round(delay)} ms: ${op.output} is there but not whole (${statSync(path.join(dir, op.output)).size} bytes)`);
    }
    // The next run of the same operation, on what the kill left.
    const next = await runProcess(dir, op.argv(dir, resumeAt));
    if (next.code === null || !op.okCodes.includes(next.code)) {
      fig.nextRunFailures++;
      problem(`kill at ${Math.round(delay)} ms: the next run failed (exit ${next.code}): ${next.stderr.trim().split('\n')[0]}`);
      continue;
    }
    const final = dumpFile(project, ref.known);
    const difference = op.shape === 'files' ? (dumpSubset(final, ref.after, ['import_batch']) && dumpSubset(ref.after, final, ['import_batch']) ? null : firstDifference(final, ref.after)) : firstDifference(final, ref.after);
    if (difference) {
      fig.nextRunFailures++;
      problem(`kill at ${Math.round(delay)} ms: after the next run the project is not the after-state: ${difference}`);
    }
    if (op.output && !(existsSync(path.join(dir, op.output)) && (await wholeZip(path.join(dir, op.output))))) {
      fig.nextRunFailures++;
      problem(`kill at ${Math.round(delay)} ms: the next run did not write a whole ${op.output}`);
    }
    const stillLeft = orphans(dir, [exit.pid, next.pid], op.output);
    fig.orphansAfterNextRun += stillLeft.length;
    for (const f of stillLeft) if (path.isAbsolute(f)) rmSync(f, { force: true });
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  }
  return fig;
}

export async function runCrashTest(opts: CrashOptions): Promise<CrashReport> {
  const log = opts.log ?? (() => {});
  mkdirSync(opts.dir, { recursive: true });
  try {
    const started = performance.now();
    const inputs = await buildInputs(path.join(opts.dir, 'inputs'), opts.sizes, opts.seed);
    log(`inputs built in ${Math.round(performance.now() - started)} ms`);
    const report: CrashReport = { operations: [], losses: 0 };
    for (const [i, op] of operations(inputs, opts.sizes, opts.seed).entries()) {
      if (opts.only && !opts.only.some((o) => op.name.startsWith(o))) continue;
      const fig = await crashOperation(op, path.join(opts.dir, `op-${i}`), opts, i);
      report.operations.push(fig);
      report.losses += fig.mixed + fig.integrityFailures + fig.brokenOutputs + fig.nextRunFailures;
      log(formatFigures(fig));
    }
    return report;
  } finally {
    if (!opts.keep) rmSync(opts.dir, { recursive: true, force: true });
  }
}

export function formatFigures(f: OperationFigures): string {
  return (
    `${f.operation}: ${f.kills} kills (${f.finishedFirst} runs ended before the kill); ` +
    `all-or-nothing ${f.before + f.after + f.between}/${f.kills} (before ${f.before}, after ${f.after}, between whole commits ${f.between}), ` +
    `mixed ${f.mixed}, integrity failures ${f.integrityFailures}, broken outputs ${f.brokenOutputs}, ` +
    `orphaned temp files ${f.orphanedTempFiles} (still there after the next run ${f.orphansAfterNextRun}), next-run failures ${f.nextRunFailures}`
  );
}
