// The memo as a reader gets it: converted to PDF by LibreOffice (headless,
// with a fresh profile), it has several pages, its headings, a quote, the
// footnote naming the source, and the page numbers from the footer's fields.
// Needs LibreOffice Writer; without it the test fails saying how to install it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../helpers/core';
import { memoProject, METADATA, type MemoProject } from '../../../../helpers/memo-fixture';

const INSTALL = 'LibreOffice is not installed (no soffice on PATH): install it with "sudo apt-get install -y --no-install-recommends libreoffice-writer"';

function soffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return null;
}

let p: MemoProject;
let tmp: { dir: string; cleanup: () => void };

beforeAll(async () => {
  p = await memoProject();
  tmp = tempDir('innspill-memo-pdf-');
}, 60_000);
afterAll(async () => {
  await p?.cleanup();
  tmp?.cleanup();
});

describe('the memo converted to PDF by LibreOffice', () => {
  it('has several pages with the headings, a quote, its footnote and page numbers', async () => {
    const bin = soffice();
    if (!bin) throw new Error(INSTALL);
    const memo = await p.api.export.memo({ options: { metadata: METADATA, sections: ['summary', 'questions', 'findings', 'stations', 'charts', 'appendix'] }, target: 'notat.docx' });

    const started = performance.now();
    const run = spawnSync(
      bin,
      [`-env:UserInstallation=${pathToFileURL(path.join(tmp.dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp.dir, memo.path],
      { encoding: 'utf8', timeout: 150_000, env: { ...process.env, HOME: tmp.dir } },
    );
    const seconds = (performance.now() - started) / 1000;
    const pdfPath = path.join(tmp.dir, 'notat.pdf');
    expect(existsSync(pdfPath), `soffice exited ${run.status} after ${seconds.toFixed(1)} s: ${run.stderr}`).toBe(true);
    const bytes = readFileSync(pdfPath);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { totalPages, text } = await extractText(pdf, { mergePages: true });
    expect(totalPages).toBeGreaterThanOrEqual(2);
    const flat = (text as string).replace(/\s+/g, ' ');
    for (const heading of [
      'Notat',
      'Sammendrag',
      'Svar per politidistrikt',
      'Spørsmål 2: Tilfredshet',
      'Funn fra DFØs evalueringer',
      'Kandidater for nye tjenestesteder',
      'Figurer',
      'Vedlegg: alle svar',
    ]) {
      expect(flat).toContain(heading);
    }
    expect(flat).toContain('6 av 356 kommuner har svart');
    expect(flat).toContain('«Vi ønsker lensmannskontoret i Leinesfjord tilbake; folk føler seg utrygge.»');
    expect(flat).toContain('Svar fra Steigen kommune, mottatt 15.06.2022');
    expect(flat).toContain(`Side 2 av ${totalPages}`);
  }, 180_000);
});
