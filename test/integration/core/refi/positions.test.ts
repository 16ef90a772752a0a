// Selection positions of REFI-QDA files from other programs, read in the
// producer's unit and verified against the file's own text: NVivo 12's real
// file (UTF-16 code units, CR LF as two, a BOM, 892 emoji) with its sources
// imported as responses puts every coding on the words NVivo shows; small
// files written here for each case: UTF-16 positions after emoji, CR LF
// counted as one, positions that fit no reading (refused, nothing created),
// a selection inside an emoji (refused, the rest coded).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRefiProjectFile } from '../../../../src-main/core/refi/import';
import { toUtf16Offsets } from '../../../../src-main/core/refi/reading';
import { codingProject, type CodingProject } from '../../../helpers/coding';
import { addTextResponse, externalFile, qde, qdpx } from '../../../helpers/refi-foreign';

let p: CodingProject;
beforeEach(async () => {
  p = await codingProject({ rows: [] });
});
afterEach(async () => {
  await p.cleanup();
});

const base64 = (b: Buffer) => b.toString('base64');

/** Every coding as "code|coder|quote", sorted. */
function codings(proj: CodingProject): string[] {
  const rows = proj.store().sqlite.prepare('SELECT k.code_id, k.created_by, k.start_offset, k.end_offset, a.text FROM coding k JOIN answer a ON a.id = k.answer_id').all() as {
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

describe("NVivo 12's own file (nvivo12-oltas0517.qdpx, MIT)", () => {
  it('codes every selection on the words NVivo marked, with its coder and date, and says how it read the positions', async () => {
    const bytes = externalFile('nvivo12-oltas0517.qdpx');
    const parsed = await readRefiProjectFile('nvivo12-oltas0517.qdpx', bytes);
    // The expected codings, computed here from the file's text and NVivo's reading.
    // Keyed by the raw positions: the same code on the same span by the same coder is one coding.
    const expected = new Map<string, string>();
    for (const s of parsed.sources) {
      expect(s.text).not.toBeNull();
      await addTextResponse(p, s.name, s.text!);
      for (const sel of s.selections) {
        const user = parsed.users.get(sel.creatingUser!)!;
        for (const g of sel.codeGuids) expected.set(`${s.guid}|${g}|${user}|${sel.start}-${sel.end}`, `${g}|${user}|${nvivoQuote(s.text!, sel.start!, sel.end!)}`);
      }
    }
    expect(parsed.sources.reduce((n, s) => n + s.selections.length, 0)).toBe(303);
    const report = await p.api.refi.importProject({ fileName: 'nvivo12-oltas0517.qdpx', base64: base64(bytes) });
    expect(report.positions).toMatchObject({ unit: 'utf16', crlf: 2, basis: 'origin', origin: 'NVivo for Windows 12.6' });
    expect(report.inFile).toEqual({ sources: 2, textSources: 2, codes: 152, sets: 0, selections: 303, codings: 303, notes: 0, users: 2, cases: 0, variables: 0 });
    expect(report.sources).toEqual({ total: 2, matched: 2, unmatched: 0 });
    // NVivo codes the same words with the same code twice at times (one coding here); nothing is refused or skipped.
    expect(report.codings.inFile).toBe(303);
    expect(report.codings.skipped).toBe(0);
    expect(report.codings.created + report.codings.existing).toBe(303);
    expect(report.codings.created).toBe(expected.size);
    // NVivo's guids are UUIDs: they are our code ids.
    expect(codings(p)).toEqual([...expected.values()].sort());
    // Read as code points (the standard's unit), most of these would land elsewhere: the test above would catch it.
    const shifted = parsed.sources.flatMap((s) =>
      s.selections.filter((sel) => {
        const [a, b] = toUtf16Offsets(s.text!, [sel.start!, sel.end!], { unit: 'codepoint', crlf: 2 });
        return a !== sel.start || b !== sel.end;
      }),
    );
    expect(shifted.length).toBeGreaterThan(250);
    // Two coders, as in NVivo.
    const coders = p.store().sqlite.prepare('SELECT created_by, count(*) AS n FROM coding GROUP BY created_by ORDER BY created_by').all();
    expect(coders.map((c) => (c as { created_by: string }).created_by)).toEqual(['floriansipos', 'Gergo'].sort());
    // With NVivo's dates; the import itself is the importing caseworker's action in the trail.
    const first = p.store().sqlite.prepare("SELECT created_at FROM coding WHERE created_by = 'Gergo' ORDER BY created_at LIMIT 1").get() as { created_at: string };
    expect(first.created_at).toMatch(/^2025-0[0-9]-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    const actors = p.store().sqlite.prepare("SELECT DISTINCT actor FROM event WHERE action = 'refi.import'").all() as { actor: string }[];
    expect(actors).toEqual([{ actor: 'Test Saksbehandler' }]);
    // 303 codings through the ChangeSet: 11–16 s on an idle machine, more on a busy one.
  }, 90_000);
});

const CODE = 'c0de0000-0000-4000-8000-000000000001';
const USER = 'a0000000-0000-4000-8000-000000000001';

/** Positions of `part` in `text` under a unit (first occurrence). */
function at(text: string, part: string, unit: 'utf16' | 'codepoint', crlf: 1 | 2 = 2) {
  const i = text.indexOf(part);
  if (i < 0) throw new Error(`${part} not in text`);
  const count = (s: string) => {
    const t = crlf === 1 ? s.replace(/\r\n/g, '\n') : s;
    return unit === 'utf16' ? t.length : Array.from(t).length;
  };
  return { start: count(text.slice(0, i)), end: count(text.slice(0, i + part.length)) };
}

const TEXT = 'Politiet 👮 må være synlig 🚓 om natten.\r\nLange avstander 😀 gir lang responstid.\r\nVi ønsker et nytt tjenestested.';
const PARTS = ['synlig', 'natten', 'Lange avstander', 'responstid', 'nytt tjenestested'];

async function importWith(origin: string, unit: 'utf16' | 'codepoint', crlf: 1 | 2 = 2, options: { positions?: 'utf16' | 'codepoint' } = {}) {
  const { answerText } = await addTextResponse(p, 'Bodø kommune', TEXT);
  const file = qde({
    origin,
    users: [{ guid: USER, name: 'Forsker' }],
    codes: [{ guid: CODE, name: 'Synlighet' }],
    sources: [{ guid: 'b0000000-0000-4000-8000-000000000001', name: 'Bodø', selections: PARTS.map((part) => ({ ...at(TEXT, part, unit, crlf), code: CODE, user: USER, at: '2024-03-01T10:00:00Z' })) }],
  });
  const bytes = await qdpx(file, { 'b0000000-0000-4000-8000-000000000001.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]) });
  const report = await p.api.refi.importProject({ fileName: 'test.qdpx', base64: base64(bytes), ...options });
  return { report, answerText };
}

describe('small files, one case each', () => {
  it('UTF-16 positions with emoji before the selections, origin NVivo: every coding on the same words', async () => {
    const { report } = await importWith('NVivo for Windows 12.6', 'utf16');
    expect(report.positions).toMatchObject({ unit: 'utf16', basis: 'origin' });
    expect(report.codings).toMatchObject({ inFile: 5, created: 5, skipped: 0 });
    expect(codings(p)).toEqual(PARTS.map((q) => `${CODE}|Forsker|${q}`).sort());
  });

  it('the same file from an unknown program: the reading is detected from the text', async () => {
    const { report } = await importWith('Some QDA 1.0', 'utf16');
    expect(report.positions).toMatchObject({ unit: 'utf16', crlf: 2, basis: 'detected' });
    expect(codings(p)).toEqual(PARTS.map((q) => `${CODE}|Forsker|${q}`).sort());
  });

  it('code points with CR LF counted as one: detected too', async () => {
    const { report } = await importWith('Some QDA 1.0', 'codepoint', 1);
    expect(report.positions).toMatchObject({ unit: 'codepoint', crlf: 1, basis: 'detected' });
    expect(codings(p)).toEqual(PARTS.map((q) => `${CODE}|Forsker|${q}`).sort());
  });

  it('positions that fit no reading: refused with a clear report, nothing created', async () => {
    const { answerText } = await addTextResponse(p, 'Bodø kommune', TEXT);
    expect(answerText).toContain('synlig');
    const file = qde({
      origin: 'Some QDA 1.0',
      codes: [{ guid: CODE, name: 'Synlighet' }],
      sources: [{ guid: 'b0000000-0000-4000-8000-000000000002', name: 'Bodø', selections: PARTS.map((part) => ({ start: at(TEXT, part, 'utf16').start + 2, end: at(TEXT, part, 'utf16').end - 1, code: CODE })) }],
    });
    const bytes = await qdpx(file, { 'b0000000-0000-4000-8000-000000000002.txt': TEXT });
    const report = await p.api.refi.importProject({ fileName: 'skjev.qdpx', base64: base64(bytes) });
    expect(report.positions.basis).toBe('refused');
    expect(report.codings).toMatchObject({ inFile: 5, inMatched: 5, created: 0, skipped: 5 });
    expect(report.skippedBy).toEqual([{ key: 'noReading', reason: "the file's positions fit no reading of its text", codings: 5 }]);
    expect(report.notes.every((n) => n.kind === 'refused')).toBe(true);
    expect(codings(p)).toEqual([]);
  });

  it('a selection that ends inside an emoji is refused, the others coded', async () => {
    await addTextResponse(p, 'Bodø kommune', TEXT);
    const emoji = TEXT.indexOf('👮');
    const file = qde({
      origin: 'NVivo for Windows 12.6',
      codes: [{ guid: CODE, name: 'Synlighet' }],
      sources: [
        {
          guid: 'b0000000-0000-4000-8000-000000000003',
          name: 'Bodø',
          selections: [...PARTS.map((part) => ({ ...at(TEXT, part, 'utf16'), code: CODE })), { start: 0, end: emoji + 1, code: CODE }],
        },
      ],
    });
    const bytes = await qdpx(file, { 'b0000000-0000-4000-8000-000000000003.txt': TEXT });
    const report = await p.api.refi.importProject({ fileName: 'halv.qdpx', base64: base64(bytes) });
    expect(report.codings).toMatchObject({ inFile: 6, created: 5, skipped: 1 });
    expect(report.notes).toEqual([{ source: 'Bodø', selection: `0–${emoji + 1}`, kind: 'refused', reason: expect.stringMatching(/inside a character/) }]);
  });
});
