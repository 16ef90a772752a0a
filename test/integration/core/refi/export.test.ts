// REFI-QDA project export (.qdpx) through the typed API: the archive holds
// project.qde and one text file per current response; project.qde is valid
// against the REFI-QDA Project schema (validated with xmllint, WebAssembly
// build); its codes, sources, selections, codings, notes and cases are the
// database's; selection positions are Unicode code points into the source
// text (astral characters count once); the same data gives the same bytes.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectApiError, UUID } from '../../../helpers/api';
import { codingProject, count, CSV_HEADER, type CodingProject } from '../../../helpers/coding';
import { toCsv } from '../../../helpers/import-fixtures';
import { arr, codeFixture, cpSlice, flatCodes, parseQdeForTest, validateAgainstProjectXsd, type CodedFixture, type Node } from '../../../helpers/refi';
import { unzipParts } from '../../../helpers/zip-entries';

let p: CodingProject;
let fixture: CodedFixture;
beforeEach(async () => {
  p = await codingProject();
  fixture = await codeFixture(p);
});
afterEach(async () => {
  await p.cleanup();
});

async function exported(target?: string) {
  const result = await p.api.refi.exportProject(target === undefined ? {} : { target });
  const entries = await unzipParts(readFileSync(result.path));
  const qde = entries.get('project.qde')!.toString('utf8');
  return { result, entries, qde, project: parseQdeForTest(qde) };
}

const sourcesOf = (project: Node) => arr((project.Sources as Node).TextSource);
const selectionsOf = (source: Node) => arr(source.PlainTextSelection);
const codingsOf = (project: Node) => sourcesOf(project).flatMap((s) => selectionsOf(s).flatMap((sel) => arr(sel.Coding).map((k) => ({ source: s, selection: sel, coding: k }))));

describe('refi.exportProject', () => {
  it('writes a .qdpx into the export folder: project.qde valid against the REFI-QDA Project schema, and the sources as text files', async () => {
    const { result, entries, qde } = await exported();
    expect(path.dirname(result.path)).toBe(path.join(p.dir, 'Eksport'));
    expect(result.fileName).toMatch(/ - prosjekt \d{4}-\d{2}-\d{2}\.qdpx$/);
    expect(result.sizeBytes).toBe(statSync(result.path).size);
    const responses = await p.api.responses.list({});
    expect([...entries.keys()]).toEqual(['project.qde', ...[...responses].sort((a, b) => (a.municipality!.number < b.municipality!.number ? -1 : 1)).map((r) => `sources/${r.id}.txt`)]);
    expect(qde.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const validation = await validateAgainstProjectXsd(qde);
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);
  });

  it('the validator is real: a project.qde that breaks the schema is reported invalid', async () => {
    const { qde } = await exported();
    const broken = qde.replace(/startPosition="\d+"/, 'startPosition="fem"').replace(/<Users>/, '<Users><Unknown/>');
    const validation = await validateAgainstProjectXsd(broken);
    expect(validation.valid).toBe(false);
    expect(validation.errors.join('\n')).toMatch(/startPosition/);
    expect(validation.errors.join('\n')).toMatch(/Unknown/);
  });

  it('holds what the database holds: codes with their hierarchy, sources, selections, codings, notes, users and cases', async () => {
    const { result, project } = await exported();
    const store = p.store();
    const currentCodings = count(store, 'coding k JOIN answer a ON a.id = k.answer_id JOIN response r ON r.id = a.response_id', 'r.is_current = 1');
    expect(result.counts).toEqual({
      codes: count(store, 'code'),
      sources: count(store, 'response', 'is_current = 1'),
      // One per coding, and one over the answer that has a memo.
      selections: currentCodings + 1,
      codings: currentCodings,
      notes: count(store, 'memo'),
      users: 2,
      cases: 4,
      variables: 4 + count(store, 'variable'),
      skippedCodings: 0,
    });
    expect(result.counts.codings).toBe(fixture.codings.length);

    const codes = flatCodes(project);
    expect(codes).toHaveLength(result.counts.codes);
    const byGuid = new Map(codes.map((c) => [c.guid, c]));
    const { utfordringer, rus, unge, vold, samarbeid } = fixture.codes;
    expect(byGuid.get(rus.id)).toMatchObject({ name: 'Rus', parent: utfordringer.id });
    expect(byGuid.get(unge.id)).toMatchObject({ name: 'Unge og rus', parent: rus.id });
    expect(byGuid.get(vold.id)!.parent).toBe(utfordringer.id);
    expect(byGuid.get(samarbeid.id)!.parent).toBeNull();
    expect(byGuid.get(rus.id)!.node).toMatchObject({ '@_color': '#ABCDEF', '@_isCodable': 'true' });
    expect(byGuid.get(utfordringer.id)!.node.Description).toBe('Hva kommunen peker på som utfordringer.\nMed «sitat» & <tegn>.');

    expect(sourcesOf(project)).toHaveLength(result.counts.sources);
    expect(sourcesOf(project).flatMap(selectionsOf)).toHaveLength(result.counts.selections);
    expect(codingsOf(project)).toHaveLength(result.counts.codings);
    expect(arr((project.Notes as Node).Note)).toHaveLength(result.counts.notes);
    expect(arr((project.Users as Node).User).map((u) => u['@_name'])).toEqual(['Kari Nordmann', 'Test Saksbehandler']);
    expect(arr((project.Cases as Node).Case).map((c) => c['@_name'])).toEqual(['Oslo', 'Bodø', 'Hamar', 'Tromsø']);
    expect(project['@_name']).toBe((await p.api.project.current())!.title);
    expect(project['@_origin']).toMatch(/^Innspill \d+\.\d+\.\d+/);
    expect(project['@_xmlns']).toBe('urn:QDA-XML:project:1.0');
    // Every coding's code, and who made it when.
    const users = new Map(arr((project.Users as Node).User).map((u) => [u['@_name'], u['@_guid']]));
    for (const { coding } of codingsOf(project)) {
      expect(byGuid.has(String((coding.CodeRef as Node)['@_targetGUID']))).toBe(true);
      expect(coding['@_guid']).toMatch(UUID);
      expect(coding['@_creationDateTime']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
    const kari = codingsOf(project).filter(({ coding }) => coding['@_creatingUser'] === users.get('Kari Nordmann'));
    expect(kari).toHaveLength(4);
  });

  it('places every coding by Unicode code points in its source text: after an emoji one less than in UTF-16, Norwegian letters one each', async () => {
    const { project, entries } = await exported();
    const text = (source: Node) => entries.get(`sources/${String(source['@_guid'])}.txt`)!.toString('utf8');
    for (const k of fixture.codings) {
      const response = p.response(k.number);
      const source = sourcesOf(project).find((s) => s['@_guid'] === response.id)!;
      const hits = selectionsOf(source).filter((sel) => arr(sel.Coding).some((c) => (c.CodeRef as Node)['@_targetGUID'] === k.code));
      const quotes = hits.map((sel) => cpSlice(text(source), Number(sel['@_startPosition']), Number(sel['@_endPosition'])));
      expect(quotes, `${k.number} ${k.quote}`).toContain(k.quote);
    }
    // Tromsø: "Politiet må være synlig." stands after 👮 (U+1F46E, two UTF-16 code units).
    const tromso = sourcesOf(project).find((s) => s['@_guid'] === p.response('5401').id)!;
    const full = text(tromso);
    const quote = 'Politiet må være synlig.';
    const utf16 = full.indexOf(quote);
    const selection = selectionsOf(tromso).find((sel) => sel['@_name'] === quote)!;
    expect(Number(selection['@_startPosition'])).toBe(utf16 - 1);
    expect(Number(selection['@_endPosition'])).toBe(utf16 - 1 + quote.length);
    // The emoji itself inside a selection: "«særlig» om natten. 👮" is 21 code points, 22 UTF-16 code units.
    const withEmoji = selectionsOf(tromso).find((sel) => sel['@_name'] === '«særlig» om natten. 👮')!;
    expect('«særlig» om natten. 👮'.length).toBe(22);
    expect(Number(withEmoji['@_endPosition']) - Number(withEmoji['@_startPosition'])).toBe(21);
    // The source text: a heading per question, then the answer; Hamar left question 3 empty (no heading for it).
    expect(full).toBe(
      [1, 2, 3, 4, 5].map((q) => `Spørsmål ${q}: ${['Utfordringer', 'Tilfredshet', 'Samarbeid og ressurser', 'Tilgjengelighet', 'Nytt tjenestested'][q - 1]}\n${p.response('5401').q(q).text}`).join('\n\n'),
    );
    const hamar = entries.get(`sources/${p.response('3403').id}.txt`)!.toString('utf8');
    expect(hamar).not.toMatch(/Spørsmål 3/);
    expect(sourcesOf(project).find((s) => s['@_guid'] === p.response('1804').id)).toMatchObject({
      '@_name': 'Bodø – 30.05.2022',
      '@_plainTextPath': `internal://${p.response('1804').id}.txt`,
    });
  });

  it('memos become notes, referred to from the project, the source, a selection over the answer and the code', async () => {
    const { project, entries } = await exported();
    const notes = arr((project.Notes as Node).Note);
    const memo = (text: string) => notes.find((n) => n.PlainTextContent === text)!;
    const projectNote = memo('Prosjektnotat: se særlig Nord-Norge.');
    expect(arr(project.NoteRef).map((r) => r['@_targetGUID'])).toEqual([projectNote['@_guid']]);
    const bodo = sourcesOf(project).find((s) => s['@_guid'] === p.response('1804').id)!;
    expect(arr(bodo.NoteRef).map((r) => r['@_targetGUID'])).toEqual([memo('Bodø svarer grundig.')['@_guid']]);
    const rus = flatCodes(project).find((c) => c.guid === fixture.codes.rus.id)!;
    expect(arr(rus.node.NoteRef).map((r) => r['@_targetGUID'])).toEqual([memo('Rus: også narkotika.')['@_guid']]);
    const tromso = sourcesOf(project).find((s) => s['@_guid'] === p.response('5401').id)!;
    const over = selectionsOf(tromso).find((sel) => arr(sel.NoteRef).length > 0)!;
    expect(arr(over.NoteRef)[0]['@_targetGUID']).toBe(memo('Responstid 👮 – følg opp.')['@_guid']);
    expect(over.Coding).toBeUndefined();
    const text = entries.get(`sources/${p.response('5401').id}.txt`)!.toString('utf8');
    expect(cpSlice(text, Number(over['@_startPosition']), Number(over['@_endPosition']))).toBe(p.response('5401').q(1).text);
  });

  it('makes one case per municipality with the register facts and the closed variables of its response', async () => {
    const { project } = await exported();
    const variables = new Map(arr((project.Variables as Node).Variable).map((v) => [v['@_guid'], v]));
    const bodo = arr((project.Cases as Node).Case).find((c) => c['@_name'] === 'Bodø')!;
    expect(arr(bodo.SourceRef).map((r) => r['@_targetGUID'])).toEqual([p.response('1804').id]);
    const values = Object.fromEntries(
      arr(bodo.VariableValue).map((v) => {
        const variable = variables.get((v.VariableRef as Node)['@_targetGUID'])!;
        return [variable['@_name'], v.TextValue ?? v.IntegerValue];
      }),
    );
    const m = p.store().sqlite.prepare("SELECT m.county_name, m.population, d.name AS district FROM municipality m JOIN police_district d ON d.code = m.police_district_code WHERE m.number = '1804'").get() as {
      county_name: string;
      population: number;
      district: string;
    };
    expect(values).toEqual({
      Kommunenummer: '1804',
      Fylke: m.county_name,
      Politidistrikt: m.district,
      Innbyggere: String(m.population),
      'Tilfreds med bemanning, tjenestestedstruktur og tjenestetilbud': 'Nei',
      'Ønskede kanaler til politiet': 'Via fysisk oppmøte; Via telefon; Via internett',
      'Hva kommunen tilbyr (lokaler, samlokalisering)': 'Lokaler i rådhuset',
    });
    const innbyggere = [...variables.values()].find((v) => v['@_name'] === 'Innbyggere')!;
    expect(innbyggere['@_typeOfVariable']).toBe('Integer');
    const oslo = arr((project.Cases as Node).Case).find((c) => c['@_name'] === 'Oslo')!;
    expect(arr(oslo.VariableValue)).toHaveLength(4);
  });

  it('is deterministic: the same data gives a byte-identical project.qde and .qdpx, also after reopening', async () => {
    const a = await exported('a.qdpx');
    const b = await exported('b.qdpx');
    expect(b.qde).toBe(a.qde);
    expect(readFileSync(b.result.path).equals(readFileSync(a.result.path))).toBe(true);
    await p.reopen();
    const c = await exported('c.qdpx');
    expect(readFileSync(c.result.path).equals(readFileSync(a.result.path))).toBe(true);
    // A change shows.
    await p.api.memos.set({ targetType: 'project', targetId: null, text: 'Endret.' });
    const d = await exported('d.qdpx');
    expect(d.qde).not.toBe(a.qde);
  });

  it('leaves out superseded responses and their codings, and characters XML cannot carry', async () => {
    // Hamar answers again: its coded response is superseded.
    const csv = path.join(p.dir, 'svar2.csv');
    writeFileSync(csv, toCsv([CSV_HEADER, ['3403', 'Hamar kommune', '15.06.2022', 'Nytt svar om \u0007 bjelle.', 'Nei.', '', '', '']], { delimiter: ';' }));
    expect((await p.api.import.run({ paths: [csv] })).files[0].status).toBe('imported');
    await p.api.memos.set({ targetType: 'project', targetId: null, text: 'Kontrolltegn \u0001 og \uFFFF borte.' });
    const { result, project, qde, entries } = await exported();
    expect(result.counts.skippedCodings).toBe(1);
    expect(result.counts.codings).toBe(fixture.codings.length - 1);
    expect(result.counts.sources).toBe(4);
    const hamar = (await p.api.responses.list({})).find((r) => r.municipality?.number === '3403')!;
    expect(sourcesOf(project).some((s) => s['@_guid'] === hamar.id)).toBe(true);
    // The text file keeps the text as stored; the XML drops what it cannot hold.
    expect(entries.get(`sources/${hamar.id}.txt`)!.toString('utf8')).toContain('Nytt svar om \u0007 bjelle.');
    expect(arr((project.Notes as Node).Note).map((n) => n.PlainTextContent)).toContain('Kontrolltegn  og  borte.');
    expect((await validateAgainstProjectXsd(qde)).errors).toEqual([]);
  });

  it('writes to a named target (overwriting it), refuses another extension, and export.open may open what it wrote', async () => {
    const first = await p.api.refi.exportProject({ target: 'til-nvivo.qdpx' });
    expect(first.path).toBe(path.join(p.dir, 'Eksport', 'til-nvivo.qdpx'));
    const again = await p.api.refi.exportProject({ target: 'til-nvivo.qdpx' });
    expect(again.path).toBe(first.path);
    await expectApiError(p.api.refi.exportProject({ target: 'til-nvivo.zip' }), 'INVALID_INPUT');
    await expectApiError(p.api.refi.exportProject({ target: path.join(p.dir, 'finnes-ikke', 'x.qdpx') }), 'NOT_FOUND');
    expect(await p.api.export.open({ path: first.path })).toEqual({ opened: true });
  });
});

describe('a project with nothing in it yet', () => {
  it('still exports a valid project (users, the register variables, no sources)', async () => {
    const empty = await codingProject({ rows: [], template: 'blank' });
    try {
      const result = await empty.api.refi.exportProject({});
      const entries = await unzipParts(readFileSync(result.path));
      expect([...entries.keys()]).toEqual(['project.qde']);
      const qde = entries.get('project.qde')!.toString('utf8');
      expect((await validateAgainstProjectXsd(qde)).errors).toEqual([]);
      expect(result.counts).toMatchObject({ codes: 0, sources: 0, selections: 0, codings: 0, notes: 0, cases: 0, users: 1 });
    } finally {
      await empty.cleanup();
    }
  });
});
