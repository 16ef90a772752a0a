// `innspill import` on a real batch: a line per file as it is committed (or
// skipped, rejected), a progress bar only on a terminal, exit codes that tell
// "some skipped" (3) from "some rejected" (1), Ctrl-C once stopping after
// the current file with what was committed and "stopped: N files not
// imported", and two processes importing the same file at once.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../../src-main/cli/main';
import { BIN, runCli } from '../../../helpers/cli';
import { tempDir } from '../../../helpers/core';
import { toCsv, writeFiles } from '../../../helpers/import-fixtures';

let dir: string;
let cleanup: () => void;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('innspill-import-lines-'));
  expect((await runCli(dir, ['init', 'p.innspill'])).code).toBe(0);
});
afterEach(() => cleanup());

const csv = (name: string) => toCsv([['Kommune', 'Q1'], [name, `Svar fra ${name}.`]]);
const big = (n: number) => toCsv([['Kommune', 'Q1'], ...Array.from({ length: n }, (_, i) => [`Innsender ${i}`, `Svar ${i} `.repeat(20)])]);

describe('innspill import, line by line', () => {
  it('prints a line per file, lists what it skipped with the reason, exits 3 when all else went in; no bar when piped', async () => {
    writeFiles(path.join(dir, 'innboks'), { 'bodo.csv': csv('Bodø'), 'README.md': '# Les meg', 'nord/tromso.csv': csv('Tromsø') });
    const result = await runCli(dir, ['import', 'p.innspill', 'innboks']);
    expect(result.out.split('\n')).toEqual([
      expect.stringMatching(/^skipped   innboks\/README\.md: Innspill leser ikke \.md-filer \(leser \.csv, .* og \.zip\)$/),
      'imported  innboks/bodo.csv: 1 responses, 0 warnings',
      'imported  innboks/nord/tromso.csv: 1 responses, 0 warnings',
      '',
    ]);
    expect(result.err).toBe('');
    expect(result.code).toBe(3);
  });

  it('exits 1 when a file is rejected, even with others skipped', async () => {
    writeFiles(path.join(dir, 'innboks'), { 'bodo.csv': csv('Bodø'), 'notes.md': 'x', 'tom.csv': '' });
    const result = await runCli(dir, ['import', 'p.innspill', 'innboks']);
    expect(result.out).toMatch(/^rejected  innboks\/tom\.csv: The file is empty$/m);
    expect(result.code).toBe(1);
  });

  it('exits 0 when everything went in', async () => {
    writeFiles(path.join(dir, 'innboks'), { 'bodo.csv': csv('Bodø') });
    expect(await runCli(dir, ['import', 'p.innspill', 'innboks'])).toEqual({ code: 0, out: 'imported  innboks/bodo.csv: 1 responses, 0 warnings\n', err: '' });
  });

  it('gives the reason of each skipped file in --json', async () => {
    writeFiles(path.join(dir, 'innboks'), { 'bodo.csv': csv('Bodø'), 'README.md': 'x' });
    const result = await runCli(dir, ['import', 'p.innspill', 'innboks', '--json']);
    expect(result.code).toBe(3);
    const json = JSON.parse(result.out) as { files: { path: string; status: string; reason?: { code: string } }[] };
    expect(json.files.map((f) => [f.path, f.status, f.reason?.code])).toEqual([
      ['innboks/README.md', 'skipped', 'UNSUPPORTED'],
      ['innboks/bodo.csv', 'imported', undefined],
    ]);
  });

  it('draws a progress bar on a terminal, cleared before each file line', async () => {
    writeFiles(path.join(dir, 'innboks'), { 'a.csv': big(2000), 'b.csv': csv('Bodø') });
    const log: string[] = [];
    const code = await run(
      ['import', 'p.innspill', 'innboks'],
      {
        out: (t) => log.push(`out:${t}`),
        err: (t) => log.push(`err:${t}`),
        progress: { draw: (l) => log.push(`draw:${l}`), clear: () => log.push('clear'), columns: 100 },
      },
      dir,
    );
    expect(code).toBe(0);
    const draws = log.filter((l) => l.startsWith('draw:'));
    expect(draws[0]).toMatch(/^draw:\[-+\] 0 % · 0\/2 files · innboks\/a\.csv$/);
    expect(draws.some((l) => /innboks\/a\.csv \(\d+\/2000 rows\)/.test(l))).toBe(true);
    expect(draws.at(-1)).toMatch(/^draw:\[#{20}\] 100 % · 2\/2 files/);
    expect(draws.every((l) => l.length <= 'draw:'.length + 99)).toBe(true);
    // Each file's line comes right after the bar is cleared.
    for (const [i, l] of log.entries()) if (l.startsWith('out:')) expect(log[i - 1]).toBe('clear');
    expect(log.at(-1)).toBe('clear');
  });

  it('on Ctrl-C stops after the current file, says what was committed and how many were not, exits 130', async () => {
    writeFiles(path.join(dir, 'innboks'), { '1.csv': big(3000), '2.csv': big(2999), '3.csv': csv('Bodø') });
    let out = '';
    let err = '';
    const importing = run(['import', 'p.innspill', 'innboks'], { out: (t) => (out += t), err: (t) => (err += t) }, dir);
    let finished = false;
    void importing.then(() => (finished = true));
    // One Ctrl-C, while the first file is being imported (the handler is there once the import runs).
    while (!finished && process.listenerCount('SIGINT') === 0) await new Promise((r) => setTimeout(r, 10));
    process.emit('SIGINT');
    const code = await importing;
    expect(code).toBe(130);
    // The file it was on went in whole (its made-up senders each give a warning); nothing after it.
    expect(out.split('\n')[0]).toBe('imported  innboks/1.csv: 3000 responses, 3000 warnings');
    expect(out).not.toMatch(/innboks\/[23]\.csv/);
    expect(err).toBe(
      ['stopping after the current file (Ctrl-C again to stop now)', 'committed: 1 file (3000 responses)', 'stopped: 2 files not imported', '          - innboks/2.csv', '          - innboks/3.csv', ''].join('\n'),
    );
    // The rest goes in on the next run; the first is unchanged.
    const again = await runCli(dir, ['import', 'p.innspill', 'innboks']);
    expect(again.code).toBe(0);
    expect(again.out.split('\n').filter((l) => !l.startsWith(' ')).map((l) => l.split(':')[0])).toEqual(['unchanged innboks/1.csv', 'imported  innboks/2.csv', 'imported  innboks/3.csv', '']);
  }, 60_000);
});

/** The bin script as its own process, started without waiting for it. */
function binProcess(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, INNSPILL_CONFIG_DIR: path.join(dir, 'config') } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('two processes importing the same file at once', () => {
  it('one imports it, the other says unchanged; no UNIQUE constraint error, no bar when piped', async () => {
    writeFiles(path.join(dir, 'innboks'), { 'stor.csv': big(2000) });
    const [a, b] = await Promise.all([binProcess(['import', 'p.innspill', 'innboks/stor.csv']), binProcess(['import', 'p.innspill', 'innboks/stor.csv'])]);
    const outs = [a.out, b.out].sort();
    expect(outs[0].split('\n')[0]).toBe('imported  innboks/stor.csv: 2000 responses, 2000 warnings');
    expect(outs[1]).toMatch(/^unchanged innboks\/stor\.csv: 0 responses, 1 warnings\n          - Filen er allerede importert/);
    expect(a.err + b.err).toBe('');
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(a.out + b.out).not.toMatch(/UNIQUE|\r/);
  }, 60_000);
});
