// REFI-QDA <Sets> of codes become code groups: from the real MAXQDA and
// ATLAS.ti files (../shared, read in place), and through a round trip
// Innspill → .qdpx / .qdc → Innspill, the exported project valid against the schema.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { codingProject, type CodingProject } from '../../../helpers/coding';
import { arr, parseQdeForTest, validateAgainstProjectXsd } from '../../../helpers/refi';
import { externalFile, qde, qdpx } from '../../../helpers/refi-foreign';
import { unzipParts } from '../../../helpers/zip-entries';

let p: CodingProject;
const others: CodingProject[] = [];
beforeEach(async () => {
  p = await codingProject({ rows: [] });
});
afterEach(async () => {
  await p.cleanup();
  for (const o of others.splice(0)) await o.cleanup();
});

const A = 'a0000000-0000-4000-8000-000000000001';
const B = 'a0000000-0000-4000-8000-000000000002';
const C = 'a0000000-0000-4000-8000-000000000003';
const GROUP = 'b0000000-0000-4000-8000-00000000000a';
const SOURCE_ONLY = 'b0000000-0000-4000-8000-00000000000b';

it("MAXQDA's two sets of documents are not made groups: each set and its ten sources are reported as not imported", async () => {
  const report = await p.api.refi.importProject({ fileName: 'maxqda.qdpx', base64: externalFile('maxqda24-ICLS_Conf_Themes_just10.qdpx').toString('base64') });
  expect(report.inFile.sets).toBe(2);
  expect(report.codeGroups).toEqual({ groups: 0, members: 0, unknownCodes: 0 });
  expect(report.notImported).toEqual(
    expect.arrayContaining([expect.objectContaining({ key: 'sets', count: 2 }), expect.objectContaining({ key: 'setMembers', count: 10 })]),
  );
  expect(await p.api.codebook.groups()).toEqual([]);
});

it("ATLAS.ti's code group in a .qdc comes in with its name, description and member code", async () => {
  const result = await p.api.codebook.import({ fileName: 'atlas.qdc', base64: externalFile('atlasti234-requal-valid.qdc').toString('base64') });
  expect(result.groups).toBe(1);
  const groups = await p.api.codebook.groups();
  expect(groups).toEqual([{ id: 'eca18d76-2b8b-4f26-bc1d-19eca19fb3f0', name: 'code group 1', description: 'kategorie 1', codeIds: ['1ff58b12-6f6f-4b0c-8be5-bbdc91f55294'] }]);
  expect((await p.api.codebook.list()).find((c) => c.id === groups[0].codeIds[0])?.name).toMatch(/^code1/);
});

const withSets = () =>
  qde({
    origin: 'QualCoder 3.5',
    codes: [
      { guid: A, name: 'Økonomi' },
      { guid: B, name: 'Avstand' },
      { guid: C, name: 'Annet' },
    ],
    sources: [],
    extra:
      `<Sets><Set guid="${GROUP}" name="Ulemper"><Description>Det kommunene frykter</Description><MemberCode targetGUID="${B}"/><MemberCode targetGUID="{${A.toUpperCase()}}"/>` +
      `<MemberCode targetGUID="c0000000-0000-4000-8000-000000000009"/><MemberSource targetGUID="d0000000-0000-4000-8000-000000000001"/></Set>` +
      `<Set guid="${SOURCE_ONLY}" name="Dokumenter"><MemberSource targetGUID="d0000000-0000-4000-8000-000000000001"/></Set></Sets>`,
  });

async function groupsAfterImportOf(fileName: string, bytes: Buffer, how: 'project' | 'codebook') {
  const q = await codingProject({ rows: [] });
  others.push(q);
  if (how === 'project') await q.api.refi.importProject({ fileName, base64: bytes.toString('base64') });
  else await q.api.codebook.import({ fileName, base64: bytes.toString('base64') });
  return q.api.codebook.groups();
}

it('keeps a set of codes through Innspill → .qdpx and .qdc → Innspill; the exported project is valid', async () => {
  const report = await p.api.refi.importProject({ fileName: 'sett.qdpx', base64: (await qdpx(withSets(), {})).toString('base64') });
  expect(report.codeGroups).toEqual({ groups: 1, members: 2, unknownCodes: 1 });
  expect(report.notImported).toEqual(
    expect.arrayContaining([expect.objectContaining({ key: 'sets', count: 1 }), expect.objectContaining({ key: 'setMembers', count: 2 })]),
  );
  const expected = [{ id: GROUP, name: 'Ulemper', description: 'Det kommunene frykter', codeIds: [A, B] }];
  expect(await p.api.codebook.groups()).toEqual(expected);

  // Importing the same file again changes nothing.
  await p.api.refi.importProject({ fileName: 'sett.qdpx', base64: (await qdpx(withSets(), {})).toString('base64') });
  expect(await p.api.codebook.groups()).toEqual(expected);

  const exported = await p.api.refi.exportProject({});
  const bytes = readFileSync(exported.path);
  const xml = (await unzipParts(bytes)).get('project.qde')!.toString('utf8');
  expect(await validateAgainstProjectXsd(xml)).toEqual({ valid: true, errors: [] });
  const sets = arr((parseQdeForTest(xml).Sets as Record<string, unknown>).Set);
  expect(sets).toHaveLength(1);
  expect(sets[0]).toMatchObject({ '@_guid': GROUP, '@_name': 'Ulemper', Description: 'Det kommunene frykter' });
  expect(arr(sets[0].MemberCode).map((m) => m['@_targetGUID'])).toEqual([A, B]);
  expect(await groupsAfterImportOf('eksport.qdpx', bytes, 'project')).toEqual(expected);

  const qdc = Buffer.from((await p.api.codebook.export({ format: 'qdc' })).base64, 'base64');
  expect(qdc.toString('utf8')).toMatch(/<\/Codes>\s*<Sets>\s*<Set guid="b0000000-0000-4000-8000-00000000000a" name="Ulemper">/);
  expect(await groupsAfterImportOf('kodebok.qdc', qdc, 'codebook')).toEqual(expected);
});

it('a code deleted leaves its group with the others, and the export stays valid', async () => {
  await p.api.refi.importProject({ fileName: 'sett.qdpx', base64: (await qdpx(withSets(), {})).toString('base64') });
  await p.api.codebook.delete({ id: A });
  expect((await p.api.codebook.groups())[0].codeIds).toEqual([B]);
  const xml = (await unzipParts(readFileSync((await p.api.refi.exportProject({})).path))).get('project.qde')!.toString('utf8');
  expect(await validateAgainstProjectXsd(xml)).toEqual({ valid: true, errors: [] });
});
