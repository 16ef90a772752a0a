// The fuzzer's registry of every format Innspill reads: where its valid seed files come from, which
// project a case runs against, and how the case goes in — through the same API call the app makes
// (core.dispatch), so a refusal is judged where the user would see it. A new reader (e-mail, HTML,
// images …) is one more entry here: seeds, a base project, and the call.
//
// A case ends as: accepted (the file was read), refused (Innspill's own clear error: an ImportError
// in the import report, or an API error other than INTERNAL), or crash (INTERNAL, or an import file
// rejected with WRITE_FAILED, which is what a raw exception becomes there).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '../../src-main/core';
import type { DispatchResult } from '../../src-main/core/api/dispatch';
import { ImportError } from '../../src-main/core/input/errors';
import { readPresetFile } from '../../src-main/core/import/presets';
import { ApiError } from '../../src-shared/errors';
import type { ImportReport } from '../../src-shared/imports';
import { benchCore, call, register, text } from '../../bench/lib';
import { renderDocx, renderPdf, renderTxt, type LetterDoc } from '../demo/letters';
import { mulberry32 } from '../../src-shared/rng';
import { zipOf, type ZipSeedEntry } from './mutate';

export type Outcome = { kind: 'accepted' | 'refused' } | { kind: 'crash'; detail: string };

/** The projects a case may run against, built once per fuzz run (setup.ts). */
export type Base = 'empty' | 'coded' | 'master';

export interface CaseContext {
  core: Core;
  /** The case's file (its name ends with the format's extension). */
  file: string;
  /** The fuzz run's setup folder (bases and the CSV the mapping presets are tried on). */
  setupDir: string;
  /** A fresh path the case may create (a working copy). */
  scratch: string;
}

export interface FuzzFormat {
  name: string;
  ext: string;
  base: Base;
  /** Seed files under the setup folder (relative paths). */
  seeds: string[];
  /** Whether the format is a ZIP container (mutations inside its entries too). */
  zip: boolean;
  run(ctx: CaseContext): Promise<Outcome>;
}

function fromDispatch(result: DispatchResult): Outcome {
  if (result.ok) return { kind: 'accepted' };
  return result.error.code === 'INTERNAL' ? { kind: 'crash', detail: `INTERNAL: ${result.error.message}` } : { kind: 'refused' };
}

function fromImport(result: DispatchResult): Outcome {
  if (!result.ok) return fromDispatch(result);
  const report = result.result as ImportReport;
  const raw = report.files.find((f) => f.error?.code === 'WRITE_FAILED');
  if (raw) return { kind: 'crash', detail: `WRITE_FAILED: ${raw.error?.message}` };
  return report.files.length > 0 && report.files.every((f) => f.status === 'rejected') ? { kind: 'refused' } : { kind: 'accepted' };
}

const importFile = (ctx: CaseContext) => ctx.core.dispatch('import.run', { paths: [ctx.file] }).then(fromImport);

const importFormat = (name: string, ext: string, seeds: string[], zip = false): FuzzFormat => ({ name, ext, base: 'empty', seeds, zip, run: importFile });

export const FORMATS: FuzzFormat[] = [
  importFormat('csv', '.csv', ['seeds/skjema.csv', 'seeds/enkel.csv']),
  importFormat('xlsx', '.xlsx', ['seeds/arkivliste.xlsx'], true),
  importFormat('json', '.json', ['seeds/api.json']),
  importFormat('txt', '.txt', ['seeds/brev.txt']),
  importFormat('docx', '.docx', ['seeds/brev.docx'], true),
  importFormat('pdf', '.pdf', ['seeds/brev.pdf']),
  importFormat('zip', '.zip', ['seeds/brev.zip'], true),
  importFormat('html', '.html', ['seeds/side.html']),
  {
    name: 'qdpx',
    ext: '.qdpx',
    base: 'coded',
    seeds: ['seeds/prosjekt.qdpx'],
    zip: true,
    run: (ctx) => ctx.core.dispatch('refi.importProject', { path: ctx.file }).then(fromDispatch),
  },
  {
    name: 'qdc',
    ext: '.qdc',
    base: 'coded',
    seeds: ['seeds/kodebok.qdc'],
    zip: false,
    run: (ctx) => ctx.core.dispatch('codebook.import', { fileName: 'kodebok.qdc', base64: readFileSync(ctx.file).toString('base64') }).then(fromDispatch),
  },
  {
    name: 'work-package',
    ext: '.innspillpakke',
    base: 'coded',
    seeds: ['seeds/kari.innspillpakke'],
    zip: false,
    run: (ctx) => ctx.core.dispatch('team.openPackage', { path: ctx.file, target: ctx.scratch }).then(fromDispatch),
  },
  {
    name: 'return-package',
    ext: '.innspillretur',
    base: 'master',
    seeds: ['seeds/kari.innspillretur'],
    zip: false,
    run: (ctx) => ctx.core.dispatch('team.mergeReturn', { path: ctx.file }).then(fromDispatch),
  },
  {
    name: 'mapping-preset',
    ext: '.json',
    base: 'empty',
    seeds: ['seeds/mapping.json'],
    zip: false,
    async run(ctx) {
      // The CLI's --mapping: the file read (refused with BAD_MAPPING), then used on a spreadsheet.
      let preset;
      try {
        preset = readPresetFile(ctx.file);
      } catch (e) {
        if (e instanceof ImportError || e instanceof ApiError) return { kind: 'refused' };
        return { kind: 'crash', detail: `readPresetFile: ${e instanceof Error ? e.message : String(e)}` };
      }
      return ctx.core.dispatch('import.run', { paths: [path.join(ctx.setupDir, 'seeds', 'mapping-target.csv')], preset }).then(fromImport);
    },
  },
];

export function formatNamed(name: string): FuzzFormat {
  const f = FORMATS.find((x) => x.name === name);
  if (!f) throw new Error(`no fuzz format "${name}" (${FORMATS.map((x) => x.name).join(', ')})`);
  return f;
}

// ------------------------------------------------------------------ setup

function letter(name: string, seed: number): LetterDoc {
  const lines: LetterDoc['lines'] = [
    { style: 'letterhead', text: `${name} kommune` },
    { style: 'meta', text: 'Vår dato: 12.05.2022' },
    { style: 'title', text: 'Høringssvar – bedre polititjenester og beredskap' },
  ];
  for (let q = 1; q <= 5; q++) lines.push({ style: 'heading', text: `Spørsmål ${q}` }, { style: 'p', text: text(seed + q, 200) });
  lines.push({ style: 'sign', text: `for ${name} kommune` });
  return { title: `Høringssvar fra ${name} kommune`, lines, headingLevel: 2 };
}

/** The first `rows` data lines of a CSV, as bytes (its encoding kept). */
function headOf(bytes: Buffer, rows: number): Buffer {
  let lines = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a && ++lines > rows) return bytes.subarray(0, i + 1);
  return bytes;
}

/**
 * Writes the seeds and base projects into `dir`: small valid files of each format (from the demo
 * batch and the letter renderer), a coded project with its .qdpx and .qdc, and a master with a
 * colleague's work package and return package.
 */
export async function buildSetup(dir: string): Promise<void> {
  const root = path.join(__dirname, '..', '..');
  const seeds = path.join(dir, 'seeds');
  mkdirSync(seeds, { recursive: true });
  const demo = (f: string) => readFileSync(path.join(root, 'resources', 'demo', f));
  writeFileSync(path.join(seeds, 'skjema.csv'), headOf(demo('eksempel-skjema-eksport.csv'), 6));
  const simple = ['Kommunenr.;Kommune;Mottatt;Spørsmål 1;Spørsmål 2;Spørsmål 3;Spørsmål 4;Spørsmål 5'];
  for (let i = 0; i < 6; i++) simple.push([register.municipalities[i].number, `"${register.municipalities[i].name} kommune"`, '30.05.2022', ...[1, 2, 3, 4, 5].map((q) => `"${text(i * 10 + q, 80)}"`)].join(';'));
  writeFileSync(path.join(seeds, 'enkel.csv'), simple.join('\r\n'));
  writeFileSync(path.join(seeds, 'mapping-target.csv'), simple.join('\r\n').replace('Kommunenr.;Kommune;Mottatt', 'Nr;Avsender;Dato'));
  writeFileSync(path.join(seeds, 'mapping.json'), JSON.stringify({ version: 1, name: 'Arkivliste', headerRow: 1, columns: { Nr: 'municipalityNumber', Avsender: 'respondent', Dato: 'receivedDate', 'Spørsmål 1': 'question:1', 'Spørsmål 2': 'question:2' } }, null, 2));
  writeFileSync(path.join(seeds, 'arkivliste.xlsx'), demo('eksempel-arkivliste.xlsx'));
  const api = JSON.parse(demo('eksempel-api.json').toString('utf8')) as { svar: unknown[] };
  writeFileSync(path.join(seeds, 'api.json'), JSON.stringify({ ...api, svar: api.svar.slice(0, 4) }, null, 2));
  const rng = mulberry32(7);
  const docs = [0, 1, 2].map((i) => letter(register.municipalities[10 + i].name, 100 + i * rng.int(1, 9)));
  writeFileSync(path.join(seeds, 'brev.txt'), renderTxt(docs[0], '\r\n'));
  writeFileSync(path.join(seeds, 'brev.docx'), await renderDocx(docs[1]));
  writeFileSync(path.join(seeds, 'brev.pdf'), await renderPdf(docs[2]));
  const entries: ZipSeedEntry[] = [
    { name: 'brev/a.txt', data: renderTxt(docs[0], '\n') },
    { name: 'brev/b.docx', data: await renderDocx(docs[1]) },
    { name: 'brev/c.pdf', data: await renderPdf(docs[2]) },
  ];
  writeFileSync(path.join(seeds, 'brev.zip'), await zipOf(entries));
  // A saved response page: site chrome around the response (what the HTML reader strips).
  const page = [
    '<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Høringssvar fra Bodø kommune – regjeringen.no</title></head><body>',
    '<header><nav><a href="/">Forside</a> <a href="/hoeringer">Høringer</a></nav><div class="cookie">Vi bruker informasjonskapsler</div></header>',
    '<main><article><h1>Høringssvar fra Bodø kommune</h1><p>Dato: <time datetime="2022-05-12">12.05.2022</time></p>',
    ...[1, 2, 3].map((q) => `<h2>Spørsmål ${q}</h2><p>${text(300 + q, 250)}</p>`),
    '<p>Vedlegg: <a href="vedlegg.pdf">vedlegg.pdf</a></p><p>for Bodø kommune</p></article></main>',
    '<footer>Regjeringen.no</footer><script>document.title = "x"</script></body></html>',
  ].join('\n');
  writeFileSync(path.join(seeds, 'side.html'), page);

  // The coded project: its REFI-QDA export and codebook are seeds, and .qdpx cases go into it.
  const lead = benchCore(path.join(dir, 'lead'), 'Leder Lise');
  mkdirSync(path.join(dir, 'lead'), { recursive: true });
  try {
    await call(lead, 'project.create', { path: path.join(dir, 'empty.innspill') });
    await call(lead, 'project.create', { path: path.join(dir, 'master.innspill') });
    await call(lead, 'import.run', { paths: [path.join(seeds, 'enkel.csv')] });
    await call(lead, 'codebook.adoptStarter', {});
    const answers = lead.session.requireStore().sqlite.prepare('SELECT id, question_id AS q FROM answer ORDER BY id').all() as { id: string; q: string }[];
    const codes = await call(lead, 'codebook.list', {});
    for (const [i, a] of answers.slice(0, 12).entries()) {
      const code = codes.find((c) => c.questionId === a.q) ?? codes[0];
      await call(lead, 'codings.create', { answerId: a.id, codeId: code.id, start: i, end: i + 15 });
    }
    await call(lead, 'refi.exportProject', { target: path.join(seeds, 'prosjekt.qdpx') });
    const qdc = await call(lead, 'codebook.export', { format: 'qdc' });
    writeFileSync(path.join(seeds, 'kodebok.qdc'), Buffer.from(qdc.base64, 'base64'));
    const districts = (await call(lead, 'registry.policeDistricts', {})).map((d) => d.code);
    await call(lead, 'team.assign', { assignee: 'Kollega Kari', policeDistrictCodes: districts, countyNumbers: [], respondentIds: [] });
    await call(lead, 'team.exportPackage', { assignee: 'Kollega Kari', target: path.join(seeds, 'kari.innspillpakke') });
    await call(lead, 'project.close', {});
  } finally {
    await lead.dispose();
  }
  copyFileSync(path.join(dir, 'master.innspill'), path.join(dir, 'coded.innspill'));
  const colleague = benchCore(path.join(dir, 'kari'), 'Kollega Kari');
  mkdirSync(path.join(dir, 'kari'), { recursive: true });
  try {
    await call(colleague, 'team.openPackage', { path: path.join(seeds, 'kari.innspillpakke'), target: path.join(dir, 'kari', 'kopi.innspill') });
    const answers = colleague.session.requireStore().sqlite.prepare('SELECT id, question_id AS q FROM answer ORDER BY id DESC').all() as { id: string; q: string }[];
    const codes = await call(colleague, 'codebook.list', {});
    for (const [i, a] of answers.slice(0, 8).entries()) {
      const code = codes.find((c) => c.questionId === a.q) ?? codes[0];
      await call(colleague, 'codings.create', { answerId: a.id, codeId: code.id, start: i + 2, end: i + 20 });
    }
    await call(colleague, 'team.exportReturn', { target: path.join(seeds, 'kari.innspillretur') });
  } finally {
    await colleague.dispose();
  }
}
