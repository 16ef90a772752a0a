// Sources of a REFI-QDA project that are no current response, imported as
// responses (refi.importProject with sourcesAsResponses): NVivo 12's real file
// into an empty project gives its 2 sources as responses with all 303
// codings on the words NVivo marked, and a second import creates nothing; a
// source named «Bodø kommune» is Bodø of the register; a failure half-way
// leaves the store as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRefiProjectFile } from '../../../../src-main/core/refi/import';
import { codingProject, type CodingProject } from '../../../helpers/coding';
import { externalFile, qde, qdpx } from '../../../helpers/refi-foreign';

let p: CodingProject;
beforeEach(async () => {
  p = await codingProject({ rows: [] });
});
afterEach(async () => {
  await p.cleanup();
});

const count = (table: string) => (p.store().sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const counts = () => Object.fromEntries(['respondent', 'response', 'answer', 'coding', 'code', 'source_file', 'import_batch'].map((t) => [t, count(t)]));

/** Every coding as "code|coder|quote", sorted. */
function codings(): string[] {
  const rows = p.store().sqlite.prepare('SELECT k.code_id, k.created_by, k.start_offset, k.end_offset, a.text FROM coding k JOIN answer a ON a.id = k.answer_id').all() as {
    code_id: string;
    created_by: string;
    start_offset: number;
    end_offset: number;
    text: string;
  }[];
  return rows.map((r) => `${r.code_id}|${r.created_by}|${r.text.slice(r.start_offset, r.end_offset)}`).sort();
}

/** The quote a selection marks in NVivo: its UTF-16 positions in the text without the BOM, as Innspill stores text. */
const nvivoQuote = (raw: string, start: number, end: number) => raw.slice(start, end).replace(/\r\n/g, '\n').normalize('NFC');

describe("NVivo 12's own file (nvivo12-oltas0517.qdpx, MIT) into an empty project", () => {
  it('makes its 2 sources responses with every coding on the words NVivo marked, and a second import creates nothing', async () => {
    const bytes = externalFile('nvivo12-oltas0517.qdpx');
    const parsed = await readRefiProjectFile('nvivo12-oltas0517.qdpx', bytes);
    const expected = new Map<string, string>();
    for (const s of parsed.sources) {
      for (const sel of s.selections) {
        const user = parsed.users.get(sel.creatingUser!)!;
        for (const g of sel.codeGuids) expected.set(`${s.guid}|${g}|${user}|${sel.start}-${sel.end}`, `${g}|${user}|${nvivoQuote(s.text!, sel.start!, sel.end!)}`);
      }
    }
    expect(count('response')).toBe(0);

    // Without the option nothing matches: the report says so, and nothing is made.
    const without = await p.api.refi.importProject({ fileName: 'nvivo12-oltas0517.qdpx', base64: bytes.toString('base64') });
    expect(without.sources).toEqual({ total: 2, matched: 0, unmatched: 2 });
    expect(without.responses.created).toBe(0);
    expect(count('response')).toBe(0);

    const report = await p.api.refi.importProject({ fileName: 'nvivo12-oltas0517.qdpx', base64: bytes.toString('base64'), sourcesAsResponses: true });
    expect(report.responses.created).toBe(2);
    expect(report.sources).toEqual({ total: 2, matched: 2, unmatched: 0 });
    expect(report.codings.skipped).toBe(0);
    expect(report.codings.created + report.codings.existing).toBe(303);
    expect(report.codings.created).toBe(expected.size);
    expect(count('response')).toBe(2);
    expect(codings()).toEqual([...expected.values()].sort());
    // Each response's text is its source's, and its provenance names the file and the source.
    const rows = p.store().sqlite.prepare('SELECT r.locator, f.name, p.name AS respondent FROM response r JOIN source_file f ON f.id = r.source_file_id JOIN respondent p ON p.id = r.respondent_id ORDER BY p.name').all() as {
      locator: string;
      name: string;
      respondent: string;
    }[];
    expect(rows.map((r) => r.name)).toEqual(['nvivo12-oltas0517.qdpx', 'nvivo12-oltas0517.qdpx']);
    expect(rows.map((r) => r.locator).sort()).toEqual(parsed.sources.map((s) => `nvivo12-oltas0517.qdpx: kilde «${s.name}» (${s.guid})`).sort());
    // The respondent is named as a letter's file name is read ("videos_selection" → "videos selection").
    expect(rows.map((r) => r.respondent).sort()).toEqual(parsed.sources.map((s) => s.name.replace(/_/g, ' ')).sort());
    const texts = (p.store().sqlite.prepare('SELECT text FROM answer ORDER BY ordinal').all() as { text: string }[]).map((a) => a.text).join('');
    for (const s of parsed.sources) expect(texts).toContain(s.text!.replace(/\r\n/g, '\n').normalize('NFC').trim().slice(0, 200));

    const before = counts();
    const again = await p.api.refi.importProject({ fileName: 'nvivo12-oltas0517.qdpx', base64: bytes.toString('base64'), sourcesAsResponses: true });
    expect(again.responses.created).toBe(0);
    expect(again.codings.created).toBe(0);
    expect(again.codings.existing).toBe(303);
    expect(counts()).toEqual(before);
  }, 180_000);
});

const CODE = 'c0de0000-0000-4000-8000-000000000001';
const SOURCE = '50000000-0000-4000-8000-000000000001';
const TEXT = 'Vi i Bodø mener at politiet må være synlige i sentrum om natten.';

async function bodoFile(): Promise<Buffer> {
  const start = TEXT.indexOf('politiet');
  return qdpx(qde({ origin: 'Test 1', codes: [{ guid: CODE, name: 'Synlighet' }], sources: [{ guid: SOURCE, name: 'Bodø kommune', selections: [{ start, end: start + 'politiet må være synlige'.length, code: CODE }] }] }), {
    [`${SOURCE}.txt`]: TEXT,
  });
}

describe('a source named after a municipality', () => {
  it('is a response from that municipality of the register, with its coding', async () => {
    const bytes = await bodoFile();
    const report = await p.api.refi.importProject({ fileName: 'bodo.qdpx', base64: bytes.toString('base64'), sourcesAsResponses: true });
    expect(report.responses).toEqual({ created: 1, matched: 1, unmatched: 0, ambiguous: 0 });
    const who = p.store().sqlite.prepare('SELECT p.match_status, m.name FROM respondent p JOIN municipality m ON m.number = p.municipality_number').all();
    expect(who).toEqual([{ match_status: 'matched', name: 'Bodø' }]);
    expect(codings()).toEqual([`${CODE}|Test Saksbehandler|politiet må være synlige`]);
  });

  it('changes nothing when the import fails half-way (after the responses, at the codings)', async () => {
    const bytes = await bodoFile();
    const before = counts();
    p.store().sqlite.exec("CREATE TRIGGER fail_coding BEFORE INSERT ON coding BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    await expect(p.api.refi.importProject({ fileName: 'bodo.qdpx', base64: bytes.toString('base64'), sourcesAsResponses: true })).rejects.toThrow(/disk full/);
    p.store().sqlite.exec('DROP TRIGGER fail_coding');
    expect(counts()).toEqual(before);
    // And then it works.
    const report = await p.api.refi.importProject({ fileName: 'bodo.qdpx', base64: bytes.toString('base64'), sourcesAsResponses: true });
    expect(report.responses.created).toBe(1);
    expect(count('coding')).toBe(1);
  });
});
