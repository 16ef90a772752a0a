// The built `innspill` (scripts/build-cli.mjs) against the source run through
// tsx: the same output for --help, --version, init and a small import, so the
// bundle that bin/innspill.cjs prefers never behaves differently.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../../helpers/cli';
import { repoRoot, tempDir } from '../../helpers/core';
import { toCsv, writeFiles } from '../../helpers/import-fixtures';

// Its own build folder inside the repository (out/ is git-ignored), where the
// bundle finds node_modules and resources/ as the real one does.
const outdir = path.join(repoRoot, 'out', `cli-test-${process.pid}`);
let work: { dir: string; cleanup: () => void };

beforeAll(() => {
  const built = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-cli.mjs'), '--outdir', outdir], { encoding: 'utf8' });
  expect(built.stderr).toBe('');
  expect(built.status).toBe(0);
  work = tempDir('innspill-bundle-');
}, 120_000);
afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
  work?.cleanup();
});

/** Runs `innspill args` in `cwd`: the bundle, or the source through the bin script forced onto tsx. */
function innspill(kind: 'bundle' | 'source', cwd: string, args: string[]) {
  const entry = kind === 'bundle' ? path.join(outdir, 'innspill.mjs') : BIN;
  const result = spawnSync(process.execPath, [entry, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, INNSPILL_CONFIG_DIR: path.join(cwd, 'config'), INNSPILL_FROM_SOURCE: kind === 'source' ? '1' : '0' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the built CLI', () => {
  it('prints the same help, version and usage errors as the source', () => {
    for (const args of [['--help'], ['--version'], ['help', 'import'], ['import', '--help'], ['nope']]) {
      const bundle = innspill('bundle', work.dir, args);
      expect(bundle).toEqual(innspill('source', work.dir, args));
    }
    expect(innspill('bundle', work.dir, ['--help']).stdout).toMatch(/^innspill \d+\.\d+\.\d+/);
  });

  it('creates a project and imports a small CSV exactly as the source does', () => {
    const csv = toCsv([
      ['Kommune', 'Spørsmål 1'],
      ['Bodø', 'Svar fra Bodø om politiet.'],
      ['Tromsø', 'Svar fra Tromsø om beredskap.'],
    ]);
    const results = (['bundle', 'source'] as const).map((kind) => {
      const dir = path.join(work.dir, kind);
      mkdirSync(dir);
      writeFiles(path.join(dir, 'innboks'), { 'svar.csv': csv });
      const init = innspill(kind, dir, ['init', 'p.innspill']);
      const imported = innspill(kind, dir, ['import', 'p.innspill', 'innboks']);
      const stats = innspill(kind, dir, ['stats', 'p.innspill', '--json']);
      const search = innspill(kind, dir, ['search', 'p.innspill', 'politiet', '--json']);
      // The folder and the generated ids are the only differences between the two runs.
      const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
      return JSON.parse(JSON.stringify({ init, imported, stats, search }).replaceAll(dir, '<dir>').replace(uuid, '<id>')) as unknown;
    });
    expect(results[0]).toEqual(results[1]);
    expect(results[0]).toMatchObject({
      init: { code: 0 },
      imported: { code: 0, stdout: 'imported  innboks/svar.csv: 2 responses, 0 warnings\n' },
      stats: { code: 0 },
      search: { code: 0 },
    });
  }, 120_000);
});
