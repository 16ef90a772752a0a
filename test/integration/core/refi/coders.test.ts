// Coders and dates from a REFI-QDA file: each selection's creatingUser
// becomes the coding's coder (a name from the file's <Users>) with its
// creation date, the same span coded by two people stays two codings, and the
// agreement screen compares the two coders of a file double-coded elsewhere;
// the import itself is the importing caseworker's action in the trail.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { codingProject, eventRows, type CodingProject } from '../../../helpers/coding';
import { addTextResponse, qde, qdpx } from '../../../helpers/refi-foreign';

let p: CodingProject;
beforeEach(async () => {
  p = await codingProject({ rows: [] });
});
afterEach(async () => {
  await p.cleanup();
});

const CODE = 'c0de0000-0000-4000-8000-000000000001';
const ANNE = 'a0000000-0000-4000-8000-00000000000a';
const BO = 'a0000000-0000-4000-8000-00000000000b';
const BODO = 'Vi ønsker et nytt tjenestested 👮 i sentrum.';
const TROMSO = 'Politiet må være synlig om natten.';
const span = (text: string, part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });

it('keeps both coders and their dates, and the agreement screen compares them', async () => {
  await addTextResponse(p, 'Bodø kommune', BODO);
  await addTextResponse(p, 'Tromsø kommune', TROMSO);
  const file = qde({
    origin: 'NVivo for Windows 12.6',
    users: [
      { guid: ANNE, name: 'Anne (NVivo)' },
      { guid: BO, name: 'Bo (NVivo)' },
    ],
    codes: [{ guid: CODE, name: 'Tjenestested' }],
    sources: [
      {
        guid: 'b0000000-0000-4000-8000-000000000001',
        name: 'Bodø',
        selections: [
          // The same words by both: two codings, one each.
          { ...span(BODO, 'nytt tjenestested'), code: CODE, user: ANNE, at: '2024-03-01T10:00:00Z' },
          { ...span(BODO, 'nytt tjenestested'), code: CODE, user: BO, at: '2024-03-02T11:30:00Z' },
        ],
      },
      // Only Anne coded Tromsø: a disagreement.
      { guid: 'b0000000-0000-4000-8000-000000000002', name: 'Tromsø', selections: [{ ...span(TROMSO, 'synlig'), code: CODE, user: ANNE, at: '2024-03-01T10:05:00Z' }] },
    ],
  });
  const bytes = await qdpx(file, { 'b0000000-0000-4000-8000-000000000001.txt': BODO, 'b0000000-0000-4000-8000-000000000002.txt': TROMSO });
  const report = await p.api.refi.importProject({ fileName: 'dobbel.qdpx', base64: bytes.toString('base64') });
  expect(report.codings).toMatchObject({ inFile: 3, created: 3, existing: 0, skipped: 0 });

  const rows = p.store().sqlite.prepare('SELECT k.created_by, k.created_at, substr(a.text, k.start_offset + 1, k.end_offset - k.start_offset) AS quote FROM coding k JOIN answer a ON a.id = k.answer_id ORDER BY k.created_at').all();
  expect(rows).toEqual([
    { created_by: 'Anne (NVivo)', created_at: '2024-03-01T10:00:00.000Z', quote: 'nytt tjenestested' },
    { created_by: 'Anne (NVivo)', created_at: '2024-03-01T10:05:00.000Z', quote: 'synlig' },
    { created_by: 'Bo (NVivo)', created_at: '2024-03-02T11:30:00.000Z', quote: 'nytt tjenestested' },
  ]);
  // The trail: every change of the import is the importing caseworker's.
  const importEvents = eventRows(p.store()).filter((e) => e.action === 'refi.import');
  expect(new Set(importEvents.map((e) => e.actor))).toEqual(new Set(['Test Saksbehandler']));

  const agreement = await p.api.agreement.report({ coders: ['Anne (NVivo)', 'Bo (NVivo)'] });
  expect(agreement.candidates).toEqual(expect.arrayContaining(['Anne (NVivo)', 'Bo (NVivo)']));
  expect(agreement.responses).toBe(1);
  expect(agreement.disagreements.open).toBe(0);
  const code = agreement.codes.find((c) => c.codeId === CODE)!;
  expect(code).toBeDefined();

  // Importing the same file again changes nothing (each coder's coding is already there).
  const again = await p.api.refi.importProject({ fileName: 'dobbel.qdpx', base64: bytes.toString('base64') });
  expect(again.codings).toMatchObject({ created: 0, existing: 3 });
});

it("marks the file's coders as from that file (and only those who coded something here)", async () => {
  await addTextResponse(p, 'Bodø kommune', BODO);
  const file = qde({
    origin: 'NVivo for Windows 12.6',
    users: [
      { guid: ANNE, name: 'Anne (NVivo)' },
      { guid: BO, name: 'Bo (NVivo)' },
    ],
    codes: [{ guid: CODE, name: 'Tjenestested' }],
    sources: [{ guid: 'b0000000-0000-4000-8000-000000000001', name: 'Bodø', selections: [{ ...span(BODO, 'sentrum'), code: CODE, user: BO, at: '2024-03-02T11:30:00Z' }] }],
  });
  const bytes = await qdpx(file, { 'b0000000-0000-4000-8000-000000000001.txt': BODO });
  await p.api.refi.importProject({ fileName: 'en.qdpx', base64: bytes.toString('base64') });
  expect(p.store().sqlite.prepare('SELECT name, file_name, guid, origin, imported_by FROM refi_user').all()).toEqual([
    { name: 'Bo (NVivo)', file_name: 'en.qdpx', guid: BO, origin: 'NVivo for Windows 12.6', imported_by: 'Test Saksbehandler' },
  ]);
});
