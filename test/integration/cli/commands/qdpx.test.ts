// `innspill qdpx export` and `innspill qdpx import` as a user runs them: the
// .qdpx written where --out says (relative to the current directory), valid
// against the REFI-QDA Project schema, imported into another project with the
// same responses (the --json report and the readable summary), and bad
// arguments or files refused with one line on stderr.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RefiImportReport } from '../../../../src-shared/refi';
import { testApi } from '../../../helpers/api';
import { runBin, runCli } from '../../../helpers/cli';
import { CSV_HEADER, ROWS } from '../../../helpers/coding';
import { tempDir, testCore } from '../../../helpers/core';
import { toCsv } from '../../../helpers/import-fixtures';
import { validateAgainstProjectXsd } from '../../../helpers/refi';
import { externalFile } from '../../../helpers/refi-foreign';
import { unzipParts } from '../../../helpers/zip-entries';

let dir: string;
let cleanup: () => void;

const cli = (args: string[]) => runCli(dir, args);

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('innspill-qdpx-cli-'));
  writeFileSync(path.join(dir, 'svar.csv'), toCsv([CSV_HEADER, ...ROWS], { delimiter: ';' }));
  for (const project of ['høring.innspill', 'kopi.innspill']) {
    expect((await cli(['init', project])).code).toBe(0);
    expect((await cli(['import', project, 'svar.csv'])).code).toBe(0);
  }
  // Codings in the first project (the CLI does not code).
  const core = testCore(dir);
  try {
    const api = testApi(core);
    await api.project.open({ path: path.join(dir, 'høring.innspill') });
    const code = await api.codebook.create({ name: 'Rus' });
    for (const r of await api.responses.list({})) {
      const detail = await api.responses.get({ id: r.id });
      await api.codings.create({ answerId: detail.answers[0].id, codeId: code.id, start: 0, end: 3 });
    }
  } finally {
    await core.dispose();
  }
});
afterAll(() => cleanup());

describe('innspill qdpx', () => {
  it('export --out writes a valid .qdpx relative to the current directory and prints its path and counts', async () => {
    const result = await cli(['qdpx', 'export', 'høring.innspill', '--out', 'til-nvivo.qdpx', '--json']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out) as { path: string; sizeBytes: number; counts: Record<string, number> };
    expect(json.path).toBe(path.join(dir, 'til-nvivo.qdpx'));
    expect(json.counts).toMatchObject({ sources: 4, codes: 1, codings: 4 });
    const entries = await unzipParts(readFileSync(json.path));
    expect((await validateAgainstProjectXsd(entries.get('project.qde')!.toString('utf8'))).errors).toEqual([]);

    const plain = await cli(['qdpx', 'export', 'høring.innspill']);
    expect(plain.code).toBe(0);
    const [file, summary] = plain.out.trim().split('\n');
    expect(path.dirname(file)).toBe(path.join(dir, 'Eksport'));
    expect(existsSync(file)).toBe(true);
    expect(summary).toMatch(/^4 sources, 1 codes, 4 codings, 0 memos, 4 cases \(\d+ bytes\)$/);
  });

  it('import --json prints the report; importing again creates nothing and says so', async () => {
    expect((await cli(['qdpx', 'export', 'høring.innspill', '--out', 'rundtur.qdpx'])).code).toBe(0);
    const first = await cli(['qdpx', 'import', 'kopi.innspill', 'rundtur.qdpx', '--json']);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.out) as RefiImportReport;
    expect(report.fileName).toBe('rundtur.qdpx');
    expect(report.codes).toEqual({ created: 1, updated: 0, total: 1 });
    expect(report.sources).toEqual({ total: 4, matched: 4, unmatched: 0 });
    expect(report.codings).toEqual({ inFile: 4, inMatched: 4, created: 4, existing: 0, skipped: 0 });

    const again = await cli(['qdpx', 'import', 'kopi.innspill', 'rundtur.qdpx']);
    expect(again.code).toBe(0);
    expect(again.out.split('\n')).toEqual(
      [
        'in the file: 4 sources, 1 codes, 0 sets, 4 selections (4 codings), 0 notes, 2 users, 4 cases',
        expect.stringMatching(/^positions: codepoint, CR LF as 2 \(written by Innspill, which counts Unicode code points/),
        'codes: 0 created, 0 updated (1 in the file)',
        'sources: 4 of 4 matched to a response',
        'codings: 0 created, 4 already there, 0 skipped',
        '  not imported: 4 Cases (respondents come from the register and the responses, not from the file)',
        '  not imported: 9 Variables (closed variables are defined in Innspill; their values are not imported)',
        '',
      ],
    );
  });

  it('imports a REFI-QDA codebook (.qdc) from Taguette and ATLAS.ti, and refuses --positions for it', async () => {
    writeFileSync(path.join(dir, 'taguette.qdc'), externalFile('taguette141-uto_tag-codebook.qdc'));
    const taguette = await cli(['qdpx', 'import', 'kopi.innspill', 'taguette.qdc']);
    expect(taguette.err).toBe('');
    expect(taguette.out).toBe('codes: 3 created, 0 updated\n');
    writeFileSync(path.join(dir, 'atlas.qdc'), externalFile('atlasti234-requal-valid.qdc'));
    const atlas = await cli(['qdpx', 'import', 'kopi.innspill', 'atlas.qdc', '--json']);
    expect(JSON.parse(atlas.out)).toMatchObject({ created: 1, updated: 0 });
    expect((await cli(['qdpx', 'import', 'kopi.innspill', 'atlas.qdc', '--positions', 'utf16'])).code).toBe(2);
    const broken = await cli(['qdpx', 'import', 'kopi.innspill', 'finnes-ikke.qdc']);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/^innspill qdpx: .*finnes-ikke\.qdc/);
  });

  it('export --positions utf16 writes NVivo positions, and import reads them back as such', async () => {
    const out = await cli(['qdpx', 'export', 'høring.innspill', '--out', 'nvivo.qdpx', '--positions', 'utf16']);
    expect(out.code).toBe(0);
    const qde = (await unzipParts(readFileSync(path.join(dir, 'nvivo.qdpx')))).get('project.qde')!.toString('utf8');
    expect(qde).toMatch(/origin="Innspill [^"]*\(positions: UTF-16 code units, for NVivo\)"/);
    const back = await cli(['qdpx', 'import', 'kopi.innspill', 'nvivo.qdpx']);
    expect(back.out).toMatch(/^positions: utf16, CR LF as 2 \(written by Innspill \(for NVivo\)/m);
  });

  it('names sources it could not match in the readable summary', async () => {
    const other = await cli(['init', 'tom.innspill']);
    expect(other.code).toBe(0);
    expect((await cli(['qdpx', 'export', 'høring.innspill', '--out', 'til-tom.qdpx'])).code).toBe(0);
    const result = await cli(['qdpx', 'import', 'tom.innspill', 'til-tom.qdpx']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^sources: 0 of 4 matched to a response$/m);
    expect(result.out).toMatch(/^ {2}not matched: Bodø – 30\.05\.2022: no current response has this text/m);
  });

  it('refuses bad arguments (exit 2) and bad files (exit 1) with one line on stderr', async () => {
    for (const args of [['qdpx'], ['qdpx', 'export'], ['qdpx', 'frobnicate', 'høring.innspill'], ['qdpx', 'import', 'høring.innspill'], ['qdpx', 'export', 'høring.innspill', 'x.qdpx'], ['qdpx', 'import', 'høring.innspill', 'x.qdpx', '--out', 'y'], ['qdpx', 'export', 'høring.innspill', '--positions', 'bytes']]) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err.trim().split('\n')).toHaveLength(1);
      expect(result.out).toBe('');
    }
    writeFileSync(path.join(dir, 'tull.qdpx'), 'ikke et arkiv');
    for (const args of [['qdpx', 'import', 'kopi.innspill', 'finnes-ikke.qdpx'], ['qdpx', 'import', 'kopi.innspill', 'tull.qdpx'], ['qdpx', 'export', 'høring.innspill', '--out', 'feil.zip']]) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.err).toMatch(/^innspill qdpx: .+\n$/);
    }
  });

  it('runs through the real bin script', () => {
    const result = runBin(dir, ['qdpx', 'export', 'høring.innspill', '--out', 'bin.qdpx', '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ path: path.join(dir, 'bin.qdpx'), counts: { sources: 4 } });
  });
});
