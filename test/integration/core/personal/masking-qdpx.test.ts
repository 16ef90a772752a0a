// «Skjul personopplysninger» and «privatperson» in the .qdpx export, read back
// from the file: by default (the memo's rule) no finding and no private
// person's name is in any of its entries, a coding that touches a finding
// covers the whole label in the masked source text, and with both switches
// off the project goes out as it stands.
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codingProject, CSV_HEADER, ROWS, type CodingProject } from '../../../helpers/coding';
import { toCsv } from '../../../helpers/import-fixtures';
import { PRIVATE_ROW } from '../../../helpers/personal-corpus';
import { unzipPartsOf } from '../../../helpers/zip-entries';

const SECRETS = ['01010750160', '912 34 567', 'kari.nordmann@online.no', 'Storgata 5, 8006 Bodø'];
const LABELS = ['[fødselsnummer fjernet]', '[telefonnummer fjernet]', '[e-postadresse fjernet]', '[adresse fjernet]'];
const NAME = ['Kari Nordmann', 'Nordmann'];

let p: CodingProject;
let kariId: string;
beforeAll(async () => {
  p = await codingProject({ rows: ROWS });
  const csv = path.join(p.dir, 'privat.csv');
  writeFileSync(csv, toCsv([CSV_HEADER, PRIVATE_ROW], { delimiter: ';' }));
  await p.api.import.run({ paths: [csv] });
  kariId = (await p.api.responses.list({})).find((r) => r.respondentName === 'Kari Nordmann')!.id;
  const detail = await p.api.responses.get({ id: kariId });
  const q2 = detail.answers.find((a) => a.questionOrdinal === 2)!;
  const code = await p.api.codebook.create({ name: 'Kontakt' });
  // «Ring meg på 912 34» — ends inside the phone number; and a coding after it, «eller skriv til».
  await p.api.codings.create({ answerId: q2.id, codeId: code.id, start: 0, end: q2.text.indexOf(' 567') });
  const after = q2.text.indexOf('eller skriv til');
  await p.api.codings.create({ answerId: q2.id, codeId: code.id, start: after, end: after + 'eller skriv til'.length });
  await p.api.memos.set({ targetType: 'response', targetId: kariId, text: 'Følges opp.' });
});
afterAll(() => p.cleanup());

/** Every entry of the archive as text. */
async function entries(file: string): Promise<Map<string, string>> {
  return new Map([...(await unzipPartsOf(file))].map(([name, data]) => [name, data.toString('utf8')]));
}

/** The text each PlainTextSelection of the source covers (positions in code points, end exclusive). */
function selections(qde: string, sourceText: string, sourceId: string): string[] {
  const source = qde.slice(qde.indexOf(`<TextSource guid="${sourceId}"`));
  const body = source.slice(0, source.indexOf('</TextSource>'));
  const chars = Array.from(sourceText);
  return [...body.matchAll(/<PlainTextSelection [^>]*startPosition="(\d+)" endPosition="(\d+)"/g)].map((m) => chars.slice(Number(m[1]), Number(m[2])).join(''));
}

describe('masking in the .qdpx export', () => {
  it('masks findings and names a private person «privatperson» by default', async () => {
    const result = await p.api.refi.exportProject({ target: 'prosjekt-skjult.qdpx' });
    const files = await entries(result.path);
    const all = [...files.values()].join('\n');
    for (const s of [...SECRETS, ...NAME]) expect(all, s).not.toContain(s);
    for (const l of LABELS) expect(all).toContain(l);
    const qde = files.get('project.qde')!;
    expect(qde).toContain('name="privatperson – 03.06.2022"');
    expect(qde).toContain('<Description>privatperson, mottatt 03.06.2022</Description>');
    expect(qde).toContain('Notat om privatperson – 03.06.2022');
    // Municipalities keep their names.
    expect(qde).toContain('Bodø');
    // The codings cover the same words in the masked text: the one ending inside the number takes the whole label.
    const text = files.get(`sources/${kariId}.txt`)!;
    expect(text).toContain('Ring meg på [telefonnummer fjernet] eller skriv til [e-postadresse fjernet].');
    expect(selections(qde, text, kariId)).toEqual(['Ring meg på [telefonnummer fjernet]', 'eller skriv til']);
  });

  it('exports the text and names as they stand with both switches off (NVivo positions too)', async () => {
    for (const positions of ['codepoint', 'utf16'] as const) {
      const result = await p.api.refi.exportProject({ target: `prosjekt-hel-${positions}.qdpx`, positions, maskPersonal: false, namePrivatePersons: true });
      const files = await entries(result.path);
      const all = [...files.values()].join('\n');
      for (const s of [...SECRETS, ...NAME]) expect(all, s).toContain(s);
      const text = files.get(`sources/${kariId}.txt`)!;
      expect(selections(files.get('project.qde')!, text, kariId)).toEqual(['Ring meg på 912 34', 'eller skriv til']);
    }
  });

  it('masks the findings but names the person when only that switch is on', async () => {
    const result = await p.api.refi.exportProject({ target: 'prosjekt-navn.qdpx', namePrivatePersons: true });
    const all = [...(await entries(result.path)).values()].join('\n');
    for (const s of SECRETS) expect(all).not.toContain(s);
    expect(all).toContain('Kari Nordmann');
  });
});
