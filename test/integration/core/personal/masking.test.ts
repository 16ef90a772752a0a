// «Skjul personopplysninger» in the exports, read back from the files: the
// CSV tables and the workbook carry each finding's label instead of the
// finding, a coded quote that contains part of a finding is quoted with the
// whole label, and without the option the text is exported as it stands.
// The memo masks by default and names a private person «privatperson»
// (in headings, «Innsender:» and footnotes) unless asked to name them.
import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codingProject, CSV_HEADER, ROWS, type CodingProject } from '../../../helpers/coding';
import { toCsv } from '../../../helpers/import-fixtures';
import { everyCell, readWorkbook } from '../../../helpers/workbook';
import { PRIVATE_ROW } from '../../../helpers/personal-corpus';
import { METADATA } from '../../../helpers/memo-fixture';
import { docxParagraphs, unzipPartsOf } from '../../../helpers/zip-entries';

const SECRETS = ['01010750160', '912 34 567', 'kari.nordmann@online.no', 'Storgata 5, 8006 Bodø'];
const LABELS = ['[fødselsnummer fjernet]', '[telefonnummer fjernet]', '[e-postadresse fjernet]', '[adresse fjernet]'];

let p: CodingProject;
beforeAll(async () => {
  p = await codingProject({ rows: ROWS });
  const csv = path.join(p.dir, 'privat.csv');
  writeFileSync(csv, toCsv([CSV_HEADER, PRIVATE_ROW], { delimiter: ';' }));
  await p.api.import.run({ paths: [csv] });
  const kari = (await p.api.responses.list({})).find((r) => r.respondentName === 'Kari Nordmann')!;
  const detail = await p.api.responses.get({ id: kari.id });
  const q2 = detail.answers.find((a) => a.questionOrdinal === 2)!;
  const code = await p.api.codebook.create({ name: 'Kontakt' });
  // «Ring meg på 912 34» — ends inside the phone number.
  await p.api.codings.create({ answerId: q2.id, codeId: code.id, start: 0, end: q2.text.indexOf(' 567') });
});
afterAll(() => p.cleanup());

const read = (file: string) => readFileSync(file, 'utf8');

describe('masking in exports', () => {
  it('writes the CSV answer table with labels instead of findings, and as it stands without the option', async () => {
    const masked = read((await p.api.export.csv({ table: 'svar', target: 'svar-skjult.csv', maskPersonal: true })).path);
    for (const s of SECRETS) expect(masked).not.toContain(s);
    for (const l of LABELS) expect(masked).toContain(l);
    expect(masked).toContain('Mitt fødselsnummer er [fødselsnummer fjernet], og jeg er bekymret');
    const plain = read((await p.api.export.csv({ table: 'svar', target: 'svar-hel.csv' })).path);
    for (const s of SECRETS) expect(plain).toContain(s);
  });

  it('quotes a coding that touches a finding with the whole label', async () => {
    const masked = read((await p.api.export.csv({ table: 'koding', target: 'koding-skjult.csv', maskPersonal: true })).path);
    expect(masked).toContain('Ring meg på [telefonnummer fjernet]');
    expect(masked).not.toContain('912 34');
  });

  it('writes the workbook with labels instead of findings', async () => {
    const result = await p.api.export.workbook({ options: { maskPersonal: true }, target: 'bok-skjult.xlsx' });
    const texts = everyCell(await readWorkbook(result.path)).map((c) => String(c.text ?? ''));
    const all = texts.join('\n');
    for (const s of SECRETS) expect(all).not.toContain(s);
    expect(all).toContain('Ring meg på [telefonnummer fjernet]');
    expect(all).toContain('[adresse fjernet]');
  });

  /** The memo's body paragraphs and footnotes as one text. */
  async function memoText(file: string): Promise<string> {
    const parts = await unzipPartsOf(file);
    const body = docxParagraphs(parts.get('word/document.xml')!.toString('utf8'));
    const notes = parts.get('word/footnotes.xml')?.toString('utf8') ?? '';
    return [...body, notes].join('\n');
  }

  it("the memo masks by default: answers, quotes and the private person's name", async () => {
    // A municipality's answer coded «Kontakt» too, so the code is among the question's top codes and Kari's coding is quoted under it.
    const kontakt = (await p.api.codebook.list()).find((c) => c.name === 'Kontakt')!;
    await p.api.codings.create({ answerId: p.response('1804').q(2).id, codeId: kontakt.id });
    const result = await p.api.export.memo({ options: { metadata: METADATA, sections: ['questions', 'findings', 'appendix'], quotesPerItem: 10 }, target: 'notat-skjult.docx' });
    const text = await memoText(result.path);
    for (const s of SECRETS) expect(text).not.toContain(s);
    expect(text).toContain('Mitt fødselsnummer er [fødselsnummer fjernet], og jeg er bekymret');
    expect(text).toContain('[e-postadresse fjernet]');
    expect(text).not.toContain('Kari Nordmann');
    expect(text).toContain('Innsender: privatperson.');
    // Kari's coding ends inside the phone number: quoted with the whole label (and the rest of its sentence, masked too), her name in the footnote hidden.
    expect(text).toMatch(/«Ring meg på \[telefonnummer fjernet\] eller skriv til \[e-postadresse fjernet\]\.?»/);
    expect(text).toContain('Svar fra privatperson');
    // Municipalities keep their names.
    expect(text).toContain('Bodø kommune');
  });

  it('the memo as it stands when the caseworker turns masking off and names private persons', async () => {
    const result = await p.api.export.memo({
      options: { metadata: METADATA, sections: ['appendix'], maskPersonal: false, namePrivatePersons: true },
      target: 'notat-hel.docx',
    });
    const text = await memoText(result.path);
    for (const s of SECRETS) expect(text).toContain(s);
    expect(text).toContain('Innsender: Kari Nordmann.');
    expect(text).not.toContain('privatperson');
  });
});
