// A code's REFI-QDA attributes survive a round trip: isCodable="false", a
// colour only where the file gave one, descriptions and code memos; a colour
// a caseworker picks later is exported.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { codingProject, type CodingProject } from '../../../helpers/coding';
import { flatCodes, parseQdeForTest } from '../../../helpers/refi';
import { qde, qdpx } from '../../../helpers/refi-foreign';
import { unzipParts } from '../../../helpers/zip-entries';

let p: CodingProject;
beforeEach(async () => {
  p = await codingProject({ rows: [] });
});
afterEach(async () => {
  await p.cleanup();
});

const FOLDER = 'f0000000-0000-4000-8000-000000000001';
const CHILD = 'f0000000-0000-4000-8000-000000000002';
const GREEN = 'f0000000-0000-4000-8000-000000000003';

async function exportedCodes(proj: CodingProject) {
  const result = await proj.api.refi.exportProject({});
  const parts = await unzipParts(readFileSync(result.path));
  return flatCodes(parseQdeForTest(parts.get('project.qde')!.toString('utf8')));
}

it('keeps isCodable="false", writes colours only where given, keeps descriptions', async () => {
  const file = qde({
    origin: 'NVivo for Windows 12.6',
    codes: [
      { guid: FOLDER, name: 'Mappe', extra: ` isCodable="false"><Description>Bare en mappe</Description><Code guid="${CHILD}" name="Barn" isCodable="true"/></Code>` },
      { guid: GREEN, name: 'Grønn', extra: ' color="#00AA00"/>' },
    ],
    sources: [],
  }).replace(`name="Mappe" isCodable="true" isCodable="false"`, 'name="Mappe" isCodable="false"');
  const report = await p.api.refi.importProject({ fileName: 'koder.qdpx', base64: (await qdpx(file, {})).toString('base64') });
  expect(report.codes).toEqual({ created: 3, updated: 0, total: 3 });
  const codes = new Map((await exportedCodes(p)).map((c) => [c.guid, c.node]));
  expect(codes.get(FOLDER)).toMatchObject({ '@_isCodable': 'false', Description: 'Bare en mappe' });
  expect(codes.get(FOLDER)!['@_color']).toBeUndefined();
  expect(codes.get(CHILD)).toMatchObject({ '@_isCodable': 'true' });
  expect(codes.get(CHILD)!['@_color']).toBeUndefined();
  expect(codes.get(GREEN)).toMatchObject({ '@_isCodable': 'true', '@_color': '#00AA00' });

  // A colour chosen in Innspill afterwards is the caseworker's: exported.
  await p.api.codebook.update({ id: CHILD, colour: '#112233' });
  expect((await exportedCodes(p)).find((c) => c.guid === CHILD)!.node['@_color']).toBe('#112233');
  // The codebook (.qdc) export says the same.
  const qdc = Buffer.from((await p.api.codebook.export({ format: 'qdc' })).base64, 'base64').toString('utf8');
  expect(qdc).toMatch(new RegExp(`guid="${FOLDER}" name="Mappe" isCodable="false"(?![^>]*color)`));
});
