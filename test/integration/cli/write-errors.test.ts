// Every command that writes a file says in one line, Norwegian first, which file it could not write
// and why, when the folder is read-only or is not a folder: exit code 1, no temporary file's name,
// no stack frames (those only with --debug), no crash, nothing left behind. Read-only is real: the
// commands run as a user who may not write there (test/helpers/unprivileged.ts, `nobody` under root).
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/core';
import { runUnprivileged, shareWithNobody, type Batch } from '../../helpers/unprivileged';

let dir: string;
let cleanup: () => void;
let batch: Batch;

const RUNS: Array<[args: string[], target: string]> = [
  [['init', 'ro/x.innspill'], 'ro/x.innspill'],
  [['export', 'docx', 'p.innspill', '--out', 'ro/m.docx'], 'ro/m.docx'],
  [['export', 'xlsx', 'p.innspill', '--out', 'ro/b.xlsx'], 'ro/b.xlsx'],
  [['export', 'csv', 'p.innspill', '--table', 'svar', '--out', 'ro/t.csv'], 'ro/t.csv'],
  [['qdpx', 'export', 'p.innspill', '--out', 'ro/q.qdpx'], 'ro/q.qdpx'],
  [['init', 'afile/x.innspill'], 'afile/x.innspill'],
  [['export', 'xlsx', 'p.innspill', '--out', 'afile/b.xlsx'], 'afile/b.xlsx'],
  [['export', 'csv', 'p.innspill', '--table', 'koding', '--out', 'afile/t.csv'], 'afile/t.csv'],
];
const DEBUG_RUN = ['export', 'docx', 'p.innspill', '--out', 'ro/m.docx', '--debug'];

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('innspill-write-errors-'));
  const config = path.join(dir, 'config');
  mkdirSync(config);
  expect((await runCli(dir, ['init', 'p.innspill'])).code).toBe(0);
  shareWithNobody(dir, config);
  chmodSync(path.join(dir, 'p.innspill'), 0o666);
  mkdirSync(path.join(dir, 'ro'));
  chmodSync(path.join(dir, 'ro'), 0o555);
  writeFileSync(path.join(dir, 'afile'), 'a file, not a folder');
  batch = runUnprivileged(dir, config, [...RUNS.map(([args]) => args), DEBUG_RUN], [path.join(dir, 'ro', 'probe')]);
}, 300_000);
afterAll(() => cleanup());

describe('one-line errors when a command cannot write', () => {
  it('the folder really is read-only for the commands (else this test would prove nothing)', () => {
    expect(batch.probes[0]).toMatch(/^E(ACCES|PERM|ROFS)$/);
  });

  it('no crash and nothing on the process stderr: every failure went through the one-line error', () => {
    expect(batch.stderr).not.toMatch(/\n\s+at /);
    expect(batch.status).toBe(0);
    expect(batch.results).toHaveLength(RUNS.length + 1);
  });

  it.each(RUNS.map(([args, target], i) => [args.join(' '), target, i] as const))('%s: one line naming the file, exit 1', (_, target, i) => {
    const r = batch.results[i];
    expect(r.code).toBe(1);
    expect(r.err.endsWith('\n')).toBe(true);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\.tmp|\n\s+at |EACCES|ENOTDIR/);
    expect(r.err).toContain(`: Kan ikke skrive ${path.join(dir, target)}: `);
    expect(r.err).toContain(` / Cannot write ${path.join(dir, target)}: `);
  });

  it('leaves nothing in the read-only folder', () => {
    expect(readdirSync(path.join(dir, 'ro'))).toEqual([]);
  });

  it('--debug adds the stack trace', () => {
    const r = batch.results[RUNS.length];
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^innspill export: Kan ikke skrive .*m\.docx: ingen skrivetilgang til mappen /);
    expect(r.err).toMatch(/\n\s+at /);
  });
});
