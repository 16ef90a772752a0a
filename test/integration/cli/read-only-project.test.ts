// A project on read-only media, or a file and folder without write permission, opens read-only:
// stats, search and export work (they used to fail with «attempt to write a readonly database»),
// and a change is refused in one line saying why and what to do; the file stays byte for byte the
// same. The commands run as a user who may not write there (test/helpers/unprivileged.ts).
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { CSV_HEADER, ROWS } from '../../helpers/coding';
import { tempDir } from '../../helpers/core';
import { toCsv } from '../../helpers/import-fixtures';
import { runUnprivileged, shareWithNobody, type Batch } from '../../helpers/unprivileged';

let dir: string;
let cleanup: () => void;
let batch: Batch;
let before: string;
let listing: string[];
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

const RUNS = [
  ['stats', 'ro/p.innspill', '--json'],
  ['search', 'ro/p.innspill', 'politi', '--json'],
  ['export', 'csv', 'ro/p.innspill', '--table', 'svar', '--out', 'out/svar.csv'],
  ['export', 'xlsx', 'ro/p.innspill', '--out', 'out/bok.xlsx'],
  ['import', 'ro/p.innspill', 'svar.csv'],
  ['package', 'assign', 'ro/p.innspill', '--to', 'Kari', '--counties', '18'],
];

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('innspill-read-only-'));
  const config = path.join(dir, 'config');
  mkdirSync(config);
  mkdirSync(path.join(dir, 'ro'));
  mkdirSync(path.join(dir, 'out'));
  writeFileSync(path.join(dir, 'svar.csv'), toCsv([CSV_HEADER, ...ROWS], { delimiter: ';' }));
  expect((await runCli(dir, ['init', 'ro/p.innspill'])).code).toBe(0);
  expect((await runCli(dir, ['import', 'ro/p.innspill', 'svar.csv'])).code).toBe(0);
  shareWithNobody(dir, config);
  chmodSync(path.join(dir, 'out'), 0o777);
  chmodSync(path.join(dir, 'ro', 'p.innspill'), 0o444);
  chmodSync(path.join(dir, 'ro'), 0o555);
  before = sha(path.join(dir, 'ro', 'p.innspill'));
  listing = readdirSync(path.join(dir, 'ro'));
  batch = runUnprivileged(dir, config, RUNS, [path.join(dir, 'ro', 'probe'), path.join(dir, 'ro', 'p.innspill')]);
}, 300_000);
afterAll(() => cleanup());

describe('a read-only project', () => {
  it('really cannot be written by the commands (folder and file)', () => {
    expect(batch.probes).toEqual([expect.stringMatching(/^E(ACCES|PERM|ROFS)$/), expect.stringMatching(/^E(ACCES|PERM|ROFS)$/)]);
    expect(batch.status).toBe(0);
    expect(batch.stderr).not.toMatch(/\n\s+at /);
  });

  it('stats and search read it', () => {
    const [stats, search] = batch.results;
    expect(stats).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(stats.out).responses.current).toBe(ROWS.length);
    expect(search).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(search.out).total).toBeGreaterThan(0);
  });

  it('exports from it into a folder that can be written', () => {
    expect(batch.results[2]).toMatchObject({ code: 0, err: '' });
    expect(batch.results[3]).toMatchObject({ code: 0, err: '' });
    expect(readFileSync(path.join(dir, 'out', 'svar.csv'), 'utf8')).toContain(';');
    expect(existsSync(path.join(dir, 'out', 'bok.xlsx'))).toBe(true);
  });

  it('refuses a change in one line saying why, in Norwegian first; the file is unchanged', () => {
    expect(batch.results).toHaveLength(RUNS.length);
    for (const r of batch.results.slice(4)) {
      expect(r.code).toBe(1);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toContain(`Saken er åpnet skrivebeskyttet fordi ${path.join(dir, 'ro', 'p.innspill')} ikke kan skrives`);
      expect(r.err).not.toMatch(/readonly database|\n\s+at /);
    }
    expect(sha(path.join(dir, 'ro', 'p.innspill'))).toBe(before);
    expect(readdirSync(path.join(dir, 'ro'))).toEqual(listing);
  });
});
