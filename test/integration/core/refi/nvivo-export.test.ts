// Export with NVivo's positions (UTF-16 code units): the selections count an
// emoji as two, the origin says so, and the round trip Innspill → .qdpx
// (NVivo positions) → Innspill gives every coding back on the same words,
// and each code's memo.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { codingProject, type CodingProject } from '../../../helpers/coding';
import { arr, codeFixture, parseQdeForTest, type Node } from '../../../helpers/refi';
import { unzipParts } from '../../../helpers/zip-entries';

let p: CodingProject;
let fresh: CodingProject;
beforeEach(async () => {
  p = await codingProject();
  fresh = await codingProject();
});
afterEach(async () => {
  await p.cleanup();
  await fresh.cleanup();
});

/** Every coding as "municipality code start-end quote coder", sorted (UTF-16 offsets into the answer). */
function codingsOf(proj: CodingProject): string[] {
  const rows = proj
    .store()
    .sqlite.prepare(
      `SELECT p.municipality_number AS number, k.code_id, k.start_offset, k.end_offset, k.created_by, a.text
       FROM coding k JOIN answer a ON a.id = k.answer_id JOIN response r ON r.id = a.response_id JOIN respondent p ON p.id = r.respondent_id`,
    )
    .all() as { number: string; code_id: string; start_offset: number; end_offset: number; created_by: string; text: string }[];
  return rows.map((r) => `${r.number} ${r.code_id} ${r.start_offset}-${r.end_offset} ${r.text.slice(r.start_offset, r.end_offset)} ${r.created_by}`).sort();
}

it('writes UTF-16 positions that NVivo reads on the same words, and reads them back as the identity on codings with emoji', async () => {
  const fixture = await codeFixture(p);
  const result = await p.api.refi.exportProject({ positions: 'utf16' });
  const parts = await unzipParts(readFileSync(result.path));
  const project = parseQdeForTest(parts.get('project.qde')!.toString('utf8'));
  expect(String(project['@_origin'])).toMatch(/^Innspill .* \(positions: UTF-16 code units, for NVivo\)$/);
  // Every selection, read as NVivo reads it (a plain string index into the source text), is the coded quote.
  const sources = arr((project.Sources as Node).TextSource);
  const quotes: string[] = [];
  let afterEmoji = 0;
  for (const s of sources) {
    const text = parts.get(`sources/${String(s['@_guid'])}.txt`)!.toString('utf8');
    for (const sel of arr(s.PlainTextSelection)) {
      if (!sel.Coding) continue;
      const start = Number(sel['@_startPosition']);
      quotes.push(text.slice(start, Number(sel['@_endPosition'])));
      if (Array.from(text.slice(0, start)).length !== start) afterEmoji++;
    }
  }
  expect(quotes.sort()).toEqual(fixture.codings.map((k) => k.quote).sort());
  expect(afterEmoji).toBeGreaterThan(0);

  const report = await fresh.api.refi.importProject({ path: result.path });
  expect(report.positions).toMatchObject({ unit: 'utf16', basis: 'origin' });
  expect(report.codings).toMatchObject({ inFile: fixture.codings.length, created: fixture.codings.length, skipped: 0 });
  expect(codingsOf(fresh)).toEqual(codingsOf(p));
  // Code memos come back as the code's memo; the others are reported as not imported.
  const codeMemos = (proj: CodingProject) => proj.store().sqlite.prepare("SELECT target_id, text FROM memo WHERE target_type = 'code' ORDER BY target_id").all();
  expect(codeMemos(p)).toHaveLength(1);
  expect(codeMemos(fresh)).toEqual(codeMemos(p));
  const memos = (p.store().sqlite.prepare('SELECT count(*) AS n FROM memo').get() as { n: number }).n;
  expect(report.notImported).toContainEqual(expect.objectContaining({ key: 'notes', count: memos - 1 }));
});
