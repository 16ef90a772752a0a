// The crash harness's inputs, made from a seed into a temporary folder (never committed): the
// response spreadsheet (CSV), a folder of letters (one per municipality, as TXT, DOCX and PDF), and
// the projects the operations start from: a master with a colleague's return package to merge, and
// a project to code in and to export from. Built in this process through the API, before any kill.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { call, benchCore, register, writeResponsesCsv, text } from '../../bench/lib';
import { renderDocx, renderPdf, renderTxt, type LetterDoc } from '../demo/letters';
import { mulberry32 } from '../../src-shared/rng';

export interface Sizes {
  /** Rows in the CSV import (the issue: 10,000). */
  rows: number;
  /** Letters in the folder import (the issue: 356, one per municipality). */
  letters: number;
  /** Coding actions through the API (the issue: 2,000). */
  actions: number;
  /** Codings the colleague makes in the returned package. */
  returnCodings: number;
}

export const FULL_SIZES: Sizes = { rows: 10_000, letters: 356, actions: 2_000, returnCodings: 400 };

function letterDoc(name: string, seed: number): LetterDoc {
  const rng = mulberry32(seed);
  const day = String(rng.int(1, 28)).padStart(2, '0');
  const lines: LetterDoc['lines'] = [
    { style: 'letterhead', text: `${name} kommune` },
    { style: 'meta', text: `Vår dato: ${day}.05.2022` },
    { style: 'meta', text: 'Deres ref.: 22/535' },
    { style: 'title', text: 'Høringssvar – bedre polititjenester og beredskap' },
  ];
  for (let q = 1; q <= 5; q++) {
    lines.push({ style: 'heading', text: `Spørsmål ${q}` }, { style: 'p', text: text(seed * 7 + q, 150 + rng.int(0, 400)) });
  }
  lines.push({ style: 'sign', text: 'Med vennlig hilsen' }, { style: 'sign', text: `for ${name} kommune` });
  return { title: `Høringssvar fra ${name} kommune`, lines, headingLevel: 2 };
}

/** `count` letters in `dir`, one per municipality in register order, each TXT, DOCX or PDF by the seed. */
export async function writeLetters(dir: string, count: number, seed: number): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const rng = mulberry32(seed);
  for (let i = 0; i < count; i++) {
    const m = register.municipalities[i % register.municipalities.length];
    const doc = letterDoc(m.name, seed + i);
    const kind = rng.pick(['txt', 'docx', 'pdf'] as const);
    const stem = path.join(dir, `${String(i + 1).padStart(3, '0')}-${m.number}`);
    if (kind === 'txt') writeFileSync(`${stem}.txt`, renderTxt(doc, '\r\n'));
    else if (kind === 'docx') writeFileSync(`${stem}.docx`, await renderDocx(doc));
    else writeFileSync(`${stem}.pdf`, await renderPdf(doc));
  }
  return dir;
}

export interface Inputs {
  dir: string;
  csv: string;
  letters: string;
  /** A fresh project (before both imports). */
  empty: string;
  /** 356 responses and the starter codebook (before the coding actions). */
  coding: string;
  /** The lead's master before the merge, and the colleague's return package. */
  master: string;
  returnFile: string;
  /** The master after the merge (before the export). */
  merged: string;
}

/**
 * Builds every input under `dir`. The master holds one response per
 * municipality, all assigned to a colleague who codes `returnCodings` spans in
 * the working copy and sends it back.
 */
export async function buildInputs(dir: string, sizes: Sizes, seed: number): Promise<Inputs> {
  mkdirSync(dir, { recursive: true });
  const csvDir = path.join(dir, 'csv');
  mkdirSync(csvDir);
  const csv = writeResponsesCsv(csvDir, sizes.rows, 200);
  const letters = await writeLetters(path.join(dir, 'brev'), sizes.letters, seed);

  const lead = benchCore(path.join(dir, 'lead'), 'Leder Lise');
  const master = path.join(dir, 'lead', 'master.innspill');
  const empty = path.join(dir, 'empty.innspill');
  const coding = path.join(dir, 'coding.innspill');
  try {
    mkdirSync(path.join(dir, 'lead'), { recursive: true });
    await call(lead, 'project.create', { path: path.join(dir, 'lead', 'empty.innspill') });
    await call(lead, 'project.close', {});
    copyFileSync(path.join(dir, 'lead', 'empty.innspill'), empty);
    await call(lead, 'project.create', { path: master });
    const municipal = writeResponsesCsv(path.join(dir, 'lead'), 356, 300);
    await call(lead, 'import.run', { paths: [municipal] });
    await call(lead, 'codebook.adoptStarter', {});
    await call(lead, 'project.close', {});
    copyFileSync(master, coding);
    await call(lead, 'project.open', { path: master });
    const districts = (await call(lead, 'registry.policeDistricts', {})).map((d) => d.code);
    await call(lead, 'team.assign', { assignee: 'Kollega Kari', policeDistrictCodes: districts, countyNumbers: [], respondentIds: [] });
    const pkg = await call(lead, 'team.exportPackage', { assignee: 'Kollega Kari', target: path.join(dir, 'lead', 'kari.innspillpakke') });
    await call(lead, 'project.close', {});
    copyFileSync(master, path.join(dir, 'master-before-merge.innspill'));

    const colleague = benchCore(path.join(dir, 'kari'), 'Kollega Kari');
    mkdirSync(path.join(dir, 'kari'), { recursive: true });
    try {
      await call(colleague, 'team.openPackage', { path: pkg.path, target: path.join(dir, 'kari', 'arbeidskopi.innspill') });
      const store = colleague.session.requireStore();
      const answers = store.sqlite.prepare('SELECT id, question_id AS questionId, length(text) AS length FROM answer ORDER BY id').all() as { id: string; questionId: string; length: number }[];
      const codes = await call(colleague, 'codebook.list', {});
      const rng = mulberry32(seed + 1);
      for (let i = 0; i < sizes.returnCodings; i++) {
        const a = rng.pick(answers);
        const scoped = codes.filter((c) => c.questionId === a.questionId);
        const start = rng.int(0, a.length - 30);
        await call(colleague, 'codings.create', { answerId: a.id, codeId: rng.pick(scoped).id, start, end: start + rng.int(5, 25) });
      }
      const returned = await call(colleague, 'team.exportReturn', { target: path.join(dir, 'kari', 'kari.innspillretur') });
      const returnFile = returned.path;

      // The master after the merge: what the export starts from.
      const merged = path.join(dir, 'merged.innspill');
      copyFileSync(master, merged);
      await call(lead, 'project.open', { path: merged });
      await call(lead, 'team.mergeReturn', { path: returnFile });
      await call(lead, 'project.close', {});
      return { dir, csv, letters, empty, coding, master: path.join(dir, 'master-before-merge.innspill'), returnFile, merged };
    } finally {
      await colleague.dispose();
    }
  } finally {
    await lead.dispose();
  }
}
