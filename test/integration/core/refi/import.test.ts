// REFI-QDA project import (.qdpx) through the typed API: a project exported
// from one Innspill project and imported into a fresh one with the same
// responses gives the same codebook and codings (one undoable action,
// recorded in the audit trail; importing it again changes nothing); a
// hand-made project as another program writes it (braced upper-case guids,
// CR LF, a BOM, decomposed letters, an emoji, a selection over two answers,
// one that takes a heading along, a coding on a whole source, sources that
// are not ours) gives its codebook
// and the codings that match our responses, and reports the rest by name;
// hostile and broken files are refused with a clear message and leave the
// database exactly as it was.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RefiImportReport } from '../../../../src-shared/refi';
import { expectApiError } from '../../../helpers/api';
import { codingProject, eventRows, workspaceDump, type CodingProject } from '../../../helpers/coding';
import { dumpDatabase, zipFile, zipWithEntryName, zipWithLyingSize } from '../../../helpers/import-fixtures';
import { codeFixture, type CodedFixture } from '../../../helpers/refi';
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

/** Every coding as (municipality, question, code, start, end, quote), sorted; offsets are UTF-16, as the quote is cut. */
function codingsOf(proj: CodingProject): string[] {
  const rows = proj
    .store()
    .sqlite.prepare(
      `SELECT p.municipality_number AS number, q.ordinal, k.code_id, k.start_offset, k.end_offset, a.text
       FROM coding k JOIN answer a ON a.id = k.answer_id JOIN response r ON r.id = a.response_id JOIN respondent p ON p.id = r.respondent_id
       LEFT JOIN question q ON q.id = a.question_id`,
    )
    .all() as { number: string; ordinal: number; code_id: string; start_offset: number; end_offset: number; text: string }[];
  return rows.map((r) => `${r.number} Q${r.ordinal} ${r.code_id} ${r.start_offset}-${r.end_offset} ${r.text.slice(r.start_offset, r.end_offset)}`).sort();
}

function codesOf(proj: CodingProject) {
  return proj.store().sqlite.prepare('SELECT id, parent_id, name, description, colour FROM code ORDER BY id').all();
}

const base64 = (bytes: Buffer) => bytes.toString('base64');

describe('round trip: export from one project, import into a fresh one with the same responses', () => {
  let fixture: CodedFixture;
  let file: string;
  beforeEach(async () => {
    fixture = await codeFixture(p);
    file = (await p.api.refi.exportProject({})).path;
  });

  it('gives the same codebook (same ids, tree, colours, rules) and the same codings, matching every source by its text', async () => {
    const report = await fresh.api.refi.importProject({ path: file });
    expect(report.codes).toEqual({ created: 6, updated: 0, total: 6 });
    expect(report.sources).toEqual({ total: 4, matched: 4, unmatched: 0 });
    expect(report.codings).toEqual({ inFile: fixture.codings.length, inMatched: fixture.codings.length, created: fixture.codings.length, existing: 0, skipped: 0 });
    expect(report.positions).toMatchObject({ unit: 'codepoint', basis: 'origin' });
    expect(report.matched.map((m) => [m.respondent, m.how])).toEqual([
      ['Oslo kommune', 'text'],
      ['Bodø kommune', 'text'],
      ['Hamar kommune', 'text'],
      ['Tromsø kommune', 'text'],
    ]);
    expect(report.unmatched).toEqual([]);
    expect(report.notes).toEqual([]);
    expect(codesOf(fresh)).toEqual(codesOf(p));
    // Same municipality, question, code and span (in UTF-16, after the emoji too).
    expect(codingsOf(fresh)).toEqual(codingsOf(p));
    expect(codingsOf(fresh).some((c) => c.startsWith('5401 Q1') && c.endsWith('Politiet må være synlig.'))).toBe(true);
  });

  it('is one undoable action, recorded in the audit trail; importing the same file again changes nothing', async () => {
    const report = await fresh.api.refi.importProject({ fileName: 'prosjekt.qdpx', base64: base64(readFileSync(file)) });
    expect(report.fileName).toBe('prosjekt.qdpx');
    const events = eventRows(fresh.store()).filter((e) => e.action === 'refi.import');
    const summary = events.find((e) => e.entity_type === 'refi_import')!;
    expect(JSON.parse(summary.after!)).toMatchObject({ fileName: 'prosjekt.qdpx', codings: { created: fixture.codings.length } });
    expect(new Set(events.map((e) => e.group_id))).toEqual(new Set([summary.group_id]));
    expect(events.filter((e) => e.entity_type === 'coding')).toHaveLength(fixture.codings.length);
    expect(events.filter((e) => e.entity_type === 'code')).toHaveLength(6);
    expect((await fresh.api.history.state()).undo).toMatchObject({ action: 'refi.import' });

    // Again: nothing new, nothing to undo for it.
    const before = workspaceDump(fresh.store());
    const again = await fresh.api.refi.importProject({ path: file });
    expect(again.codes).toEqual({ created: 0, updated: 0, total: 6 });
    expect(again.codings).toEqual({ inFile: fixture.codings.length, inMatched: fixture.codings.length, created: 0, existing: fixture.codings.length, skipped: 0 });
    expect(workspaceDump(fresh.store())).toEqual(before);
    const last = eventRows(fresh.store()).at(-1)!;
    expect(last).toMatchObject({ action: 'refi.import', entity_type: 'refi_import', group_id: null });

    // One undo takes the whole import back; redo brings it again.
    await fresh.api.history.undo();
    expect(codingsOf(fresh)).toEqual([]);
    expect(codesOf(fresh)).toEqual([]);
    await fresh.api.history.redo();
    expect(codingsOf(fresh)).toEqual(codingsOf(p));
  });

  it('inflates only what it reads: an original document beside the text (a zip bomb, were it unpacked) is left packed', async () => {
    const entries = await unzipParts(readFileSync(file));
    const bytes = await zipFile([...[...entries].map(([name, data]) => ({ name, data })), { name: 'sources/original.docx', data: Buffer.alloc(8 * 1024 * 1024) }]);
    const report = await fresh.api.refi.importProject({ fileName: 'prosjekt.qdpx', base64: base64(bytes) });
    expect(report.codings.created).toBe(fixture.codings.length);
    expect(codingsOf(fresh)).toEqual(codingsOf(p));
  });

  it('into the project it came from: every coding is already there', async () => {
    const before = workspaceDump(p.store());
    const report = await p.api.refi.importProject({ path: file });
    expect(report.codings).toMatchObject({ created: 0, existing: fixture.codings.length, skipped: 0 });
    expect(report.codes).toMatchObject({ created: 0, updated: 0 });
    expect(workspaceDump(p.store())).toEqual(before);
  });
});

// ---------------------------------------------------------------------------
// A project as another program writes it.

/** Code point positions of `part` in `text` (the first occurrence at or after `from`). */
function cp(text: string, part: string, from = 0): { start: number; end: number } {
  const at = text.indexOf(part, from);
  if (at < 0) throw new Error(`"${part}" is not in the text`);
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(part).length };
}

const GUID = {
  utfordringer: '{6F9619FF-8B86-D011-B42D-00C04FC964FF}',
  vold: '{7A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}',
  samarbeid: 'c3d4e5f6-a7b8-4c9d-8e0f-a1b2c3d4e5f6',
  tilfredshet: 'D4E5F6A7-B8C9-4D0E-9F1A-B2C3D4E5F6A7',
  unknown: 'e5f6a7b8-c9d0-4e1f-8a2b-c3d4e5f6a7b8',
};

interface Foreign {
  bytes: Buffer;
  bodo: string;
  tromso: string;
}

/** An ATLAS.ti/NVivo-style project: Bodø's letter (BOM, CR LF, NFD), Hamar inline and coded whole, Tromsø with 👮, and three sources that are not ours. */
async function foreignProject(p: CodingProject): Promise<Foreign> {
  const r = (n: string, q: number) => p.response(n).q(q).text;
  const bodo = [
    'Svar fra Bodø kommune',
    '',
    '1. Hvilke utfordringer ser kommunen?',
    r('1804', 1).normalize('NFD'),
    '',
    '2. Er kommunen tilfreds med politiet?',
    r('1804', 2),
    '',
    '3. Samarbeid',
    r('1804', 3),
    '',
    '4. Kanaler',
    r('1804', 4),
    '',
    '5. Tjenestested',
    r('1804', 5),
    '',
    'Med vennlig hilsen',
    'Ordføreren',
  ].join('\r\n');
  const hamar = `Hamar kommune\n\n${[1, 2, 4, 5].map((q) => r('3403', q)).join('\n\n')}\n`;
  const tromso = `Tromsø kommune 👮\n\n${[1, 2, 3, 4, 5].map((q) => `Svar ${q}:\n${r('5401', q)}`).join('\n')}`;
  expect(bodo.normalize('NFC')).not.toBe(bodo); // "også" is decomposed
  const sel = (name: string, pos: { start: number; end: number }, codes: string[]) =>
    `<PlainTextSelection guid="${crypto.randomUUID()}" name="${name}" startPosition="${pos.start}" endPosition="${pos.end}" creatingUser="11111111-2222-4333-8444-555555555555" creationDateTime="2024-03-01T10:00:00Z">${codes
      .map((c) => `<Coding guid="${crypto.randomUUID()}"><CodeRef targetGUID="${c}"/></Coding>`)
      .join('')}</PlainTextSelection>`;
  const q1 = r('1804', 1).normalize('NFD');
  const vold = 'Vold i nære relasjoner øker også.'.normalize('NFD');
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Politianalyse" origin="ATLAS.ti 24" creationDateTime="2024-03-01T09:00:00Z">
  <Users><User guid="11111111-2222-4333-8444-555555555555" name="Forsker"/></Users>
  <CodeBook>
    <Codes>
      <Code guid="${GUID.utfordringer}" name="Utfordringer" isCodable="true" color="#C00">
        <Description>
          Alt kommunen peker på.
        </Description>
        <Code guid="${GUID.vold}" name="Vold" isCodable="true" color="#00ff00"/>
      </Code>
      <Code guid="${GUID.samarbeid}" name="samarbeid" isCodable="true"/>
      <Code guid="${GUID.tilfredshet}" name="Tilfredshet" isCodable="true" color="#123456"/>
    </Codes>
  </CodeBook>
  <Sources>
    <TextSource guid="aaaaaaaa-0000-4000-8000-000000000001" name="Bodø kommune.docx" richTextPath="internal://aaaaaaaa-0000-4000-8000-000000000001.docx" plainTextPath="internal://aaaaaaaa-0000-4000-8000-000000000001.txt">
      ${sel('Vold i nære relasjoner', cp(bodo, vold), [GUID.vold])}
      ${sel('over to svar', { start: cp(bodo, 'øker også.'.normalize('NFD')).start, end: cp(bodo, 'Nei, vi er ikke fornøyd').end }, [GUID.utfordringer])}
      ${sel('bare overskriften', cp(bodo, 'Hvilke utfordringer ser kommunen?'), [GUID.utfordringer])}
      ${sel('ukjent kode', cp(bodo, q1), [GUID.unknown])}
      ${sel('med overskrift', { start: cp(bodo, '3. Samarbeid').start, end: cp(bodo, r('1804', 3)).end }, [GUID.tilfredshet])}
    </TextSource>
    <TextSource guid="aaaaaaaa-0000-4000-8000-000000000002" name="Hamar">
      <PlainTextContent>${hamar}</PlainTextContent>
      <Coding guid="bbbbbbbb-0000-4000-8000-000000000001"><CodeRef targetGUID="${GUID.samarbeid}"/></Coding>
    </TextSource>
    <TextSource guid="aaaaaaaa-0000-4000-8000-000000000003" name="Tromsø kommune" plainTextPath="internal://tromso.txt">
      ${sel('Politiet må være synlig.', cp(tromso, 'Politiet må være synlig.'), [GUID.tilfredshet])}
    </TextSource>
    <TextSource guid="aaaaaaaa-0000-4000-8000-000000000004" name="Intervju med politimesteren" plainTextPath="internal://intervju.txt">
      ${sel('intervju', { start: 0, end: 10 }, [GUID.utfordringer])}
    </TextSource>
    <TextSource guid="aaaaaaaa-0000-4000-8000-000000000005" name="Notater på disk" plainTextPath="relative:///notater.txt"/>
    <PictureSource guid="aaaaaaaa-0000-4000-8000-000000000006" name="Kart.png" path="internal://kart.png"/>
  </Sources>
</Project>`;
  const bytes = await zipFile([
    { name: 'project.qde', data: qde },
    { name: 'sources/aaaaaaaa-0000-4000-8000-000000000001.txt', data: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bodo, 'utf8')]) },
    { name: 'sources/aaaaaaaa-0000-4000-8000-000000000001.docx', data: Buffer.from('PK not really a docx') },
    { name: 'sources/tromso.txt', data: tromso },
    { name: 'sources/intervju.txt', data: 'Politimesteren forteller om beredskap i distriktet.' },
    { name: 'sources/kart.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
  ]);
  return { bytes, bodo, tromso };
}

describe('a project from another program', () => {
  let report: RefiImportReport;
  let ourSamarbeid: string;
  beforeEach(async () => {
    // Our own "Samarbeid" (at the top level): the file's "samarbeid" is the same code, by name.
    ourSamarbeid = (await fresh.api.codebook.create({ name: 'Samarbeid', description: 'Vår regel' })).id;
    const foreign = await foreignProject(fresh);
    report = await fresh.api.refi.importProject({ fileName: 'Politianalyse.qdpx', base64: base64(foreign.bytes) });
  });

  it('imports its codebook: braced upper-case guids as ids, the hierarchy, #RGB colours, a trimmed rule, a code we have merged by name', async () => {
    expect(report.codes).toEqual({ created: 3, updated: 1, total: 4 });
    const codes = await fresh.api.codebook.list();
    const byName = new Map(codes.map((c) => [c.name, c]));
    expect(byName.get('Utfordringer')).toMatchObject({ id: '6f9619ff-8b86-d011-b42d-00c04fc964ff', parentId: null, colour: '#CC0000', description: 'Alt kommunen peker på.' });
    expect(byName.get('Vold')).toMatchObject({ id: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', parentId: '6f9619ff-8b86-d011-b42d-00c04fc964ff', colour: '#00FF00' });
    expect(byName.get('Tilfredshet')).toMatchObject({ id: 'd4e5f6a7-b8c9-4d0e-9f1a-b2c3d4e5f6a7', colour: '#123456' });
    expect(codes.filter((c) => c.name.toLowerCase() === 'samarbeid')).toHaveLength(1);
    expect(byName.get('samarbeid') ?? byName.get('Samarbeid')).toMatchObject({ id: ourSamarbeid });
  });

  it('codes the responses its sources hold: through CR LF, a BOM, decomposed letters and an emoji, split over two answers, whole sources', async () => {
    expect(report.sources).toEqual({ total: 6, matched: 3, unmatched: 3 });
    expect(report.matched.map((m) => [m.source, m.respondent, m.how, m.codings])).toEqual([
      ['Bodø kommune.docx', 'Bodø kommune', 'answers', 4],
      ['Hamar', 'Hamar kommune', 'answers', 4],
      ['Tromsø kommune', 'Tromsø kommune', 'answers', 1],
    ]);
    // The whole file counted: the interview's coding too, skipped with its reason.
    expect(report.codings).toEqual({ inFile: 8, inMatched: 7, created: 9, existing: 0, skipped: 3 });
    expect(report.skippedBy).toEqual([
      { key: 'outsideAnswers', reason: 'the selection is outside the answers', codings: 1 },
      { key: 'unknownCode', reason: "the code is not in the file's codebook", codings: 1 },
      { key: 'notAResponse', reason: 'the source is not one of the current responses', codings: 1 },
    ]);
    // ATLAS.ti's unit is not known: the emoji before Tromsø's selection decides, code points (the standard) fit.
    expect(report.positions).toMatchObject({ unit: 'codepoint', crlf: 2, basis: 'detected', origin: 'ATLAS.ti 24' });
    const vold = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const utfordringer = '6f9619ff-8b86-d011-b42d-00c04fc964ff';
    const tilfredshet = 'd4e5f6a7-b8c9-4d0e-9f1a-b2c3d4e5f6a7';
    const bodo1 = fresh.response('1804').q(1).text;
    const at = (text: string, part: string) => `${text.indexOf(part)}-${text.indexOf(part) + part.length}`;
    const tromso1 = fresh.response('5401').q(1).text;
    expect(codingsOf(fresh)).toEqual(
      [
        `1804 Q1 ${vold} ${at(bodo1, 'Vold i nære relasjoner øker også.')} Vold i nære relasjoner øker også.`,
        `1804 Q1 ${utfordringer} ${at(bodo1, 'øker også.')} øker også.`,
        `1804 Q2 ${utfordringer} 0-23 Nei, vi er ikke fornøyd`,
        `1804 Q3 ${tilfredshet} 0-${fresh.response('1804').q(3).text.length} ${fresh.response('1804').q(3).text}`,
        ...[1, 2, 4, 5].map((q) => {
          const text = fresh.response('3403').q(q).text;
          return `3403 Q${q} ${ourSamarbeid} 0-${text.length} ${text}`;
        }),
        // UTF-16 offsets into our answer: the emoji before it counts two here.
        `5401 Q1 ${tilfredshet} ${at(tromso1, 'Politiet må være synlig.')} Politiet må være synlig.`,
      ].sort(),
    );
    expect(tromso1.indexOf('Politiet må være synlig.')).toBe(Array.from(tromso1.slice(0, tromso1.indexOf('Politiet'))).length + 1);
  });

  it('reports what it did not import, naming the source', async () => {
    expect(report.unmatched).toEqual([
      { source: 'Intervju med politimesteren', reason: expect.stringMatching(/no current response has this text/), selections: 1 },
      { source: 'Notater på disk', reason: expect.stringMatching(/outside the file \(relative:\/\/\/notater\.txt\)/), selections: 0 },
      { source: 'Kart.png', reason: expect.stringMatching(/not a text source \(PictureSource\)/), selections: 0 },
    ]);
    expect(report.notes).toEqual([
      { source: 'Bodø kommune.docx', selection: 'over to svar', kind: 'split', reason: expect.stringMatching(/split over 2 answers/) },
      { source: 'Bodø kommune.docx', selection: 'bare overskriften', kind: 'skipped', reason: expect.stringMatching(/outside the answers/) },
      { source: 'Bodø kommune.docx', selection: 'ukjent kode', kind: 'skipped', reason: expect.stringMatching(/e5f6a7b8-c9d0-4e1f-8a2b-c3d4e5f6a7b8 is not in the file's codebook/) },
      { source: 'Bodø kommune.docx', selection: 'med overskrift', kind: 'cut', reason: expect.stringMatching(/cut to the answer/) },
    ]);
  });

  it('importing it again creates nothing', async () => {
    const before = workspaceDump(fresh.store());
    const foreign = await foreignProject(fresh);
    const again = await fresh.api.refi.importProject({ fileName: 'Politianalyse.qdpx', base64: base64(foreign.bytes) });
    expect(again.codings).toEqual({ inFile: 8, inMatched: 7, created: 0, existing: 9, skipped: 3 });
    expect(workspaceDump(fresh.store())).toEqual(before);
  });
});

describe('a bare project.qde', () => {
  it('imports sources whose text is inline, and names those whose text was left in the .qdpx', async () => {
    // One of our codes, named by its id though the file's codebook lacks it, scoped to question 1.
    const ours = await fresh.api.codebook.create({ name: 'Utfordringer', questionId: fresh.questions.get(1)! });
    // Leading spaces count: the inline text is read exactly as written.
    const prefix = `  Oslo:\n${[1, 2].map((q) => fresh.response('0301').q(q).text).join('\n')}\n`;
    const text = fresh.response('0301').q(3).text;
    const rest = [4, 5].map((q) => fresh.response('0301').q(q).text).join('\n');
    const start = Array.from(prefix).length;
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="QualCoder">
  <CodeBook><Codes><Code guid="0f0f0f0f-1111-4222-8333-444444444444" name="Politikontakt" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="0f0f0f0f-1111-4222-8333-555555555555" name="Oslo">
      <PlainTextContent>${prefix}${text}\n${rest}</PlainTextContent>
      <PlainTextSelection guid="0f0f0f0f-1111-4222-8333-666666666666" startPosition="${start}" endPosition="${start + text.length}">
        <Coding guid="0f0f0f0f-1111-4222-8333-777777777777"><CodeRef targetGUID="0f0f0f0f-1111-4222-8333-444444444444"/></Coding>
        <Coding guid="0f0f0f0f-1111-4222-8333-999999999999"><CodeRef targetGUID="${ours.id}"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <TextSource guid="0f0f0f0f-1111-4222-8333-888888888888" name="Bodø" plainTextPath="internal://bodo.txt"/>
  </Sources>
</Project>`;
    const report = await fresh.api.refi.importProject({ fileName: 'project.qde', base64: base64(Buffer.from(qde, 'utf8')) });
    expect(report.codings).toEqual({ inFile: 2, inMatched: 2, created: 1, existing: 0, skipped: 1 });
    expect(report.notes).toEqual([{ source: 'Oslo', selection: expect.any(String), kind: 'skipped', reason: 'the code «Utfordringer» is for question 1, not this answer\'s' }]);
    expect(codingsOf(fresh)).toEqual([`0301 Q3 0f0f0f0f-1111-4222-8333-444444444444 0-${text.length} ${text}`]);
    expect(report.unmatched).toEqual([{ source: 'Bodø', reason: expect.stringMatching(/bare \.qde holds no source files/), selections: 0 }]);
  });
});

describe('hostile and broken files', () => {
  const project = (body: string) => `<?xml version="1.0" encoding="utf-8"?>\n${body}`;
  const qdpx = (qde: string) => zipFile([{ name: 'project.qde', data: qde }]);
  const cases: [string, () => Promise<Buffer>, RegExp, string?][] = [
    [
      'entity expansion ("billion laughs")',
      () =>
        qdpx(
          project(
            '<!DOCTYPE Project [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n<Project xmlns="urn:QDA-XML:project:1.0" name="&lol2;"/>',
          ),
        ),
      /DOCTYPE/,
    ],
    ['an external entity', () => qdpx(project('<!DOCTYPE p SYSTEM "file:///etc/passwd">\n<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>')), /DOCTYPE/],
    ['malformed XML', () => qdpx(project('<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes></CodeBook></Project>')), /not valid XML/],
    ['a codebook instead of a project', () => qdpx(project('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>')), /codebook, not a project/],
    ['another namespace', () => qdpx(project('<Project xmlns="urn:example:other" name="x"/>')), /namespace/],
    ['a code without a name', () => qdpx(project('<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes><Code guid="0f0f0f0f-1111-4222-8333-444444444444" isCodable="true"/></Codes></CodeBook></Project>')), /no name/],
    ['not a ZIP at all', async () => Buffer.from('Dette er ikke et arkiv.'), /not a ZIP|damaged/],
    ['a ZIP without project.qde', () => zipFile([{ name: 'sources/a.txt', data: 'tekst' }]), /no project\.qde/],
    ['a path that climbs out', () => zipWithEntryName('../evil.txt', 'ondsinnet', [{ name: 'project.qde', data: project('<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>') }]), /unsafe path/],
    ['a zip bomb (compression ratio)', () => zipFile([{ name: 'project.qde', data: project('<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>') }, { name: 'sources/big.txt', data: Buffer.alloc(4 * 1024 * 1024) }]), /zip bomb/],
    ['a header that lies about the size', () => zipWithLyingSize('project.qde', Buffer.from(project(`<Project xmlns="urn:QDA-XML:project:1.0" name="${'x'.repeat(5000)}"/>`)), 100), /inconsistent|zip bomb/],
    ['another kind of file', async () => Buffer.from('x'), /Unsupported file/, 'notater.docx'],
  ];

  for (const [name, make, message, fileName] of cases) {
    it(`refuses ${name} and leaves the database as it was`, async () => {
      await fresh.api.codebook.create({ name: 'Finnes fra før' });
      const before = dumpDatabase(fresh.file);
      const bytes = await make();
      const error = await expectApiError(fresh.api.refi.importProject({ fileName: fileName ?? 'fil.qdpx', base64: base64(bytes) }), 'INVALID_INPUT');
      expect(error).toMatch(message);
      expect(dumpDatabase(fresh.file)).toEqual(before);
    });
  }

  it('refuses a path that does not exist', async () => {
    await expectApiError(fresh.api.refi.importProject({ path: path.join(fresh.dir, 'finnes-ikke.qdpx') }), 'NOT_FOUND');
  });

  it('a failure half-way (a coding the database refuses) rolls the whole import back', async () => {
    // The codebook goes in first, then the codings: make the database refuse
    // codings (a trigger on this connection only), so the import fails after
    // it has already written codes.
    fresh.store().sqlite.exec("CREATE TEMP TRIGGER refuse_coding BEFORE INSERT ON coding BEGIN SELECT RAISE(ABORT, 'refused for the test'); END");
    const foreign = await foreignProject(fresh);
    const before = dumpDatabase(fresh.file);
    await expect(fresh.api.refi.importProject({ fileName: 'Politianalyse.qdpx', base64: base64(foreign.bytes) })).rejects.toThrow();
    expect(dumpDatabase(fresh.file)).toEqual(before);
    expect((await fresh.api.codebook.list()).length).toBe(0);
  });
});

it('writes a file that can be read back from disk by path (relative to the workspace)', async () => {
  await codeFixture(p);
  const exported = await p.api.refi.exportProject({ target: 'rundtur.qdpx' });
  const copy = path.join(fresh.dir, 'rundtur.qdpx');
  writeFileSync(copy, readFileSync(exported.path));
  const report = await fresh.api.refi.importProject({ path: 'rundtur.qdpx' });
  expect(report.sources.matched).toBe(4);
});
