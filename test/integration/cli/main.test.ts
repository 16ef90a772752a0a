// The `innspill` command as a user runs it: the real bin script in a child
// process for the contract checks, and in-process for the finer cases.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBin, runCli } from '../../helpers/cli';
import { repoRoot, tempDir } from '../../helpers/core';

let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

function cli(args: string[]) {
  const result = runBin(dir, args);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const runInProcess = (args: string[]) => runCli(dir, args);

describe('innspill init / stats (CLI contract)', () => {
  it('creates the 2022 letter project and reports 5 questions, 356 municipalities, 12 police districts', () => {
    const init = cli(['init', 'x.innspill']);
    expect(init.code).toBe(0);
    const stats = cli(['stats', 'x.innspill', '--json']);
    expect(stats.code).toBe(0);
    const json = JSON.parse(stats.stdout);
    expect(json).toEqual({
      questions: 5,
      municipalities: 356,
      policeDistricts: 12,
      responses: { current: 0, superseded: 0 },
      respondents: { matched: 0, unmatched: 0, ambiguous: 0 },
      answers: { byQuestion: [0, 0, 0, 0, 0], unassigned: 0 },
      codings: 0,
      // The 2022 template starts with DFØ's evaluation findings as its register.
      findings: 24,
      findingLinks: 0,
    });
  });

  it('refuses to overwrite an existing file, with one line on stderr and the file untouched', () => {
    writeFileSync(path.join(dir, 'x.innspill'), 'precious');
    const again = cli(['init', 'x.innspill']);
    expect(again.code).not.toBe(0);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(readFileSync(path.join(dir, 'x.innspill'), 'utf8')).toBe('precious');
  });

  it('fails with a one-line message and no stack trace on a missing or foreign file', () => {
    const missing = cli(['stats', 'nope.innspill', '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^innspill stats: File not found: .*nope\.innspill\n$/);
    writeFileSync(path.join(dir, 'notes.innspill'), 'just text');
    const foreign = cli(['stats', 'notes.innspill']);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/Not an Innspill project/);
    expect(foreign.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 on a failure after the project was opened (closing it keeps the process alive until it is closed)', async () => {
    expect((await runInProcess(['init', 'x.innspill'])).code).toBe(0);
    // The project's checkpoint worker does not hold the process open; its close once let the
    // process end mid-close with exit code 0 after the error was printed.
    const failed = cli(['export', 'docx', 'x.innspill', '--out', 'no-such-folder/m.docx']);
    expect(failed.stderr).toMatch(/^innspill export: Mappen finnes ikke: .*no-such-folder \/ The folder does not exist: /);
    expect(failed.code).toBe(1);
  });

  it('works through npx in the repository, as README says', () => {
    const out = execFileSync('npx', ['innspill', 'init', path.join(dir, 'npx.innspill')], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, INNSPILL_CONFIG_DIR: path.join(dir, 'config') },
    });
    expect(out).toMatch(/5 questions, 356 municipalities, 12 police districts/);
  });
});

describe('innspill CLI details', () => {
  it('creates a blank project with its own title', async () => {
    expect((await runInProcess(['init', 'blank.innspill', '--template', 'blank', '--title', 'Høring om noe annet'])).code).toBe(0);
    const stats = await runInProcess(['stats', 'blank.innspill', '--json']);
    expect(JSON.parse(stats.out)).toMatchObject({ questions: 0, municipalities: 356, policeDistricts: 12 });
  });

  it('prints human-readable stats without --json', async () => {
    await runInProcess(['init', 'x.innspill']);
    const stats = await runInProcess(['stats', 'x.innspill']);
    expect(stats.out).toMatch(/Questions:\s+5/);
    expect(stats.out).toMatch(/Municipalities:\s+356/);
  });

  it('rejects unknown templates, options and commands with usage errors (exit 2)', async () => {
    expect(await runInProcess(['init', 'x.innspill', '--template', 'nope'])).toMatchObject({ code: 2 });
    expect((await runInProcess(['init', 'x.innspill', '--frobnicate'])).err).toMatch(/Usage: innspill init/);
    expect(await runInProcess(['init'])).toMatchObject({ code: 2 });
    expect(await runInProcess(['fly'])).toMatchObject({ code: 2 });
    expect(await runInProcess([])).toMatchObject({ code: 2 });
  });

  it('shows the stack trace only with --debug', async () => {
    const plain = await runInProcess(['stats', 'missing.innspill']);
    expect(plain.err).not.toMatch(/\n\s+at /);
    const debug = await runInProcess(['stats', 'missing.innspill', '--debug']);
    expect(debug.err).toMatch(/\n\s+at /);
  });

  it('records --author on what it creates', async () => {
    await runInProcess(['init', 'x.innspill', '--author', 'Kari Nordmann']);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(dir, 'x.innspill'), { readonly: true });
    try {
      expect(db.prepare('SELECT created_by FROM project').get()).toEqual({ created_by: 'Kari Nordmann' });
      expect(db.prepare("SELECT actor FROM event WHERE action = 'project.create'").get()).toEqual({ actor: 'Kari Nordmann' });
    } finally {
      db.close();
    }
  });
});
