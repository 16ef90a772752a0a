// Help and version: every command and subcommand answers --help and -h with
// its usage, options and an example (exit 0, nothing created), `innspill help
// <command>` says the same, the overview lists every command, and --version,
// -v and -V print the version. A command added without help fails here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../../src-main/cli/commands';
import { HELP, usage } from '../../../src-main/cli/help';
import { version } from '../../../src-main/core/version';
import { runBin, runCli } from '../../helpers/cli';
import { repoRoot, tempDir } from '../../helpers/core';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

/** [command, subcommand?] for everything the CLI runs. */
const everything: Array<[string, string | undefined]> = Object.entries(HELP).flatMap(([name, h]) =>
  'subcommands' in h ? Object.keys(h.subcommands).map((sub): [string, string | undefined] => [name, sub]) : [[name, undefined]],
);

describe('innspill help', () => {
  it('has help for every command the CLI runs, and none for a command it does not', () => {
    expect(Object.keys(HELP).sort()).toEqual(Object.keys(commands).sort());
  });

  it.each(everything)('%s %s --help / -h: usage, options, an example; exit 0; nothing written', async (name, sub) => {
    const args = sub ? [name, sub] : [name];
    for (const flag of ['--help', '-h']) {
      const r = await runCli(dir, [...args, flag]);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      expect(r.out).toContain(`Usage: innspill ${args.join(' ')}`);
      expect(r.out).toMatch(/\nExample: innspill /);
      expect(r.out).toContain('--author NAME');
    }
    // Even with the project argument and options around it.
    const withArgs = await runCli(dir, [...args, 'x.innspill', '--help', '--json']);
    expect(withArgs.code).toBe(0);
    expect(withArgs.out).toContain(`Usage: innspill ${args.join(' ')}`);
    expect(await runCli(dir, ['help', ...args])).toEqual({ code: 0, out: withArgs.out, err: '' });
    expect(readdirSync(dir).filter((f) => f !== 'config')).toEqual([]);
  });

  it('a group without a subcommand lists its subcommands', async () => {
    const r = await runCli(dir, ['package', '--help']);
    expect(r.code).toBe(0);
    for (const sub of ['assign', 'export', 'merge', 'resolve']) expect(r.out).toMatch(new RegExp(`\\n  ${sub} +\\S`));
  });

  it('the overview lists every usage line, for --help, -h and help', async () => {
    const r = await runCli(dir, ['--help']);
    expect(r.code).toBe(0);
    for (const [name, sub] of everything) expect(r.out).toContain(`  ${sub ? `${name} ${sub}` : name} `);
    expect((await runCli(dir, ['-h'])).out).toBe(r.out);
    expect((await runCli(dir, ['help'])).out).toBe(r.out);
  });

  it('--version, -v and -V print the version (the real bin script for one)', async () => {
    const r = runBin(dir, ['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`innspill ${version}\n`);
    for (const flag of ['-v', '-V', 'version']) expect(await runCli(dir, [flag])).toEqual({ code: 0, out: `innspill ${version}\n`, err: '' });
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('help for an unknown command is a usage error; a query after -- may contain -h', async () => {
    const r = await runCli(dir, ['help', 'frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command "frobnicate"/);
    const search = await runCli(dir, ['search', 'x.innspill', '--', '-h']);
    expect(search.out).not.toContain('Usage: innspill search');
    expect(existsSync(`${dir}/x.innspill`)).toBe(false);
  });

  it('each synopsis is written once, in help.ts: the commands print it from there in their usage errors', async () => {
    const folder = path.join(repoRoot, 'src-main', 'cli', 'commands');
    for (const file of readdirSync(folder)) {
      const source = readFileSync(path.join(folder, file), 'utf8');
      // A string literal (not a comment) holding a synopsis: "innspill <command> <file…".
      expect(source, file).not.toMatch(/['`"]innspill [a-z]+( [a-z]+)? <[^\n]*['`"]/);
    }
    const wrong = await runCli(dir, ['stats']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain(`Usage: ${usage('stats')}`);
    const docx = await runCli(dir, ['export', 'docx', 'x.innspill', '--nope']);
    expect(docx.err).toContain(`Usage: ${usage('export', 'docx')}`);
    const group = await runCli(dir, ['package', 'frobnicate', 'x.innspill']);
    expect(group.err.trim().split('\n')).toHaveLength(1);
    expect(group.err).toContain('package assign|unassign|assignments|export|open|return|merge|conflicts|resolve');
  });
});
