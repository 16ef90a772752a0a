// Codebook exchange through the typed API: a codebook exported as REFI-QDA
// (.qdc), CSV or XLSX and imported into a fresh project comes back as the
// same tree with the same ids; tables are matched by path; broken and hostile
// files are refused without changing anything.
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Code } from '../../../../src-shared/coding';
import { expectApiError } from '../../../helpers/api';
import { codingProject, count, eventRows, workspaceDump, type CodingProject } from '../../../helpers/coding';

let p: CodingProject;
let fresh: CodingProject;
beforeEach(async () => {
  p = await codingProject({ rows: [] });
  fresh = await codingProject({ rows: [] });
});
afterEach(async () => {
  await p.cleanup();
  await fresh.cleanup();
});

const DESCRIPTIONS = {
  formula: '=HYPERLINK("http://example.com";"klikk")',
  plus: '+47 22 00 00 00',
  minus: '- punkt i en liste',
  at: '@kommunen',
  quote: "'Sitat' fra brevet",
  special: 'Semikolon; «anførsel» "dobbel" <tag> & æøå\nny linje',
};

/** A four-level tree with rules, colours, scopes and shortcuts that need care in every format. */
async function buildCodebook(): Promise<Code[]> {
  const top = await p.api.codebook.create({ name: 'Utfordringer', description: DESCRIPTIONS.special, questionId: p.questions.get(1)!, shortcut: 'u' });
  const rus = await p.api.codebook.create({ name: 'Rus', parentId: top.id, description: DESCRIPTIONS.formula, colour: '#ABCDEF' });
  const unge = await p.api.codebook.create({ name: 'Unge', parentId: rus.id, description: DESCRIPTIONS.plus });
  await p.api.codebook.create({ name: 'Skole', parentId: unge.id, description: DESCRIPTIONS.minus, shortcut: '9' });
  await p.api.codebook.create({ name: 'Vold', parentId: top.id, description: DESCRIPTIONS.at });
  await p.api.codebook.create({ name: '=Formelnavn', description: DESCRIPTIONS.quote, questionId: p.questions.get(5)! });
  await p.api.codebook.create({ name: 'Samarbeid', colour: '#117A65' });
  return p.api.codebook.list();
}

const shape = (codes: Code[], fields: (keyof Code)[]) =>
  codes.map((c) => Object.fromEntries(['id', 'parentId', 'name', ...fields].map((f) => [f, c[f as keyof Code]]))).sort((a, b) => String(a.id).localeCompare(String(b.id)));
const questionOrdinals = (proj: CodingProject, codes: Code[]) => {
  const ordinal = new Map([...proj.questions].map(([o, id]) => [id, o]));
  return codes.map((c) => [c.id, c.questionId ? ordinal.get(c.questionId) : null]).sort();
};
const bytes = (file: { base64: string }) => Buffer.from(file.base64, 'base64');

describe('REFI-QDA codebook (.qdc)', () => {
  it('exports XML in the codebook namespace with guid, name, isCodable, color, Description and nested Codes', async () => {
    const codes = await buildCodebook();
    const file = await p.api.codebook.export({ format: 'qdc' });
    expect(file).toMatchObject({ fileName: 'kodebok.qdc', mediaType: 'application/xml' });
    const xml = bytes(file).toString('utf8');
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'Code' }).parse(xml) as { CodeBook: { '@_xmlns': string; '@_origin': string; Codes: { Code: Record<string, unknown>[] } } };
    expect(doc.CodeBook['@_xmlns']).toBe('urn:QDA-XML:codebook:1.0');
    expect(doc.CodeBook['@_origin']).toMatch(/^Innspill /);
    const flat: Record<string, unknown>[] = [];
    const walk = (nodes: Record<string, unknown>[], depth: number) =>
      nodes.forEach((n) => {
        flat.push({ ...n, depth });
        walk((n.Code as Record<string, unknown>[] | undefined) ?? [], depth + 1);
      });
    walk(doc.CodeBook.Codes.Code, 0);
    expect(flat).toHaveLength(codes.length);
    for (const node of flat) {
      const c = codes.find((x) => x.id === node['@_guid'])!;
      expect(node).toMatchObject({ '@_name': c.name, '@_isCodable': 'true', '@_color': c.colour });
      if (c.description) expect(String(node.Description)).toBe(c.description);
    }
    expect(Math.max(...flat.map((n) => n.depth as number))).toBe(3);
  });

  it('round-trips into a fresh project: the same tree, ids, names, rules and colours', async () => {
    const codes = await buildCodebook();
    const file = await p.api.codebook.export({ format: 'qdc' });
    expect(await fresh.api.codebook.import({ fileName: file.fileName, base64: file.base64 })).toEqual({ created: codes.length, updated: 0, groups: 0 });
    const imported = await fresh.api.codebook.list();
    expect(shape(imported, ['description', 'colour'])).toEqual(shape(codes, ['description', 'colour']));
    // importing again changes nothing
    const before = workspaceDump(fresh.store());
    expect(await fresh.api.codebook.import({ fileName: file.fileName, base64: file.base64 })).toEqual({ created: 0, updated: 0, groups: 0 });
    expect(workspaceDump(fresh.store())).toEqual(before);
  });

  it('updates codes it knows by guid, and adds the rest', async () => {
    const codes = await buildCodebook();
    const file = await p.api.codebook.export({ format: 'qdc' });
    const rus = codes.find((c) => c.name === 'Rus')!;
    await p.api.codebook.update({ id: rus.id, name: 'Rusmidler', description: 'Endret' });
    await p.api.codebook.create({ name: 'Bare her' });
    expect(await p.api.codebook.import({ fileName: 'kodebok.qdc', base64: file.base64 })).toEqual({ created: 0, updated: 1, groups: 0 });
    const after = await p.api.codebook.list();
    expect(after.find((c) => c.id === rus.id)).toMatchObject({ name: 'Rus', description: DESCRIPTIONS.formula });
    expect(after).toHaveLength(codes.length + 1);
  });

  it('refuses malformed XML, another root and a hostile DTD, changing nothing', async () => {
    await buildCodebook();
    const before = workspaceDump(p.store());
    const events = eventRows(p.store()).length;
    const laughs = `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code name="&g;" isCodable="true"/></Codes></CodeBook>`;
    const files: [string, string][] = [
      ['brutt.qdc', '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code name="Ny"></Codes></CodeBook>'],
      ['prosjekt.qdc', '<Project xmlns="urn:QDA-XML:project:1.0"><CodeBook><Codes><Code name="Ny" guid="x"/></Codes></CodeBook></Project>'],
      ['latter.qdc', laughs],
      ['ekstern.xml', '<!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code name="&x;"/></Codes></CodeBook>'],
      ['tom.qdc', ''],
    ];
    for (const [fileName, content] of files) {
      await expectApiError(p.api.codebook.import({ fileName, base64: Buffer.from(content).toString('base64') }), 'INVALID_INPUT');
    }
    expect(workspaceDump(p.store())).toEqual(before);
    expect(eventRows(p.store())).toHaveLength(events);
  });
});

describe('tables (CSV and XLSX)', () => {
  it('exports CSV for Norwegian Excel: UTF-8 with BOM, ";", every field quoted, formulas neutralised', async () => {
    const codes = await buildCodebook();
    const file = await p.api.codebook.export({ format: 'csv' });
    expect(file).toMatchObject({ fileName: 'kodebok.csv', mediaType: 'text/csv' });
    const raw = bytes(file);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8').slice(1);
    const [header] = text.split('\r\n');
    expect(header).toBe('"id";"sti";"navn";"beskrivelse";"farge";"spørsmål";"hurtigtast"');
    expect(text).toContain(`"'=HYPERLINK(""http://example.com"";""klikk"")"`);
    expect(text).toContain(`"'+47 22 00 00 00"`);
    expect(text).toContain(`"'- punkt i en liste"`);
    expect(text).toContain(`"'@kommunen"`);
    expect(text).toContain(`"''Sitat' fra brevet"`);
    expect(text).toContain(`"'=Formelnavn"`);
    expect(text).toContain('"Utfordringer > Rus > Unge > Skole"');
    // no cell starts with a formula character
    const cells = text.split('\r\n').slice(1).filter(Boolean).flatMap((line) => line.split('";"').map((c) => c.replace(/^"|"$/g, '')));
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(codes.length + 1); // a line break inside a rule is "\n", quoted
  });

  for (const format of ['csv', 'xlsx'] as const) {
    it(`round-trips ${format.toUpperCase()} into a fresh project: same tree, ids, rules, colours, scopes and shortcuts`, async () => {
      const codes = await buildCodebook();
      const file = await p.api.codebook.export({ format });
      expect(await fresh.api.codebook.import({ fileName: file.fileName, base64: file.base64 })).toEqual({ created: codes.length, updated: 0, groups: 0 });
      const imported = await fresh.api.codebook.list();
      expect(shape(imported, ['description', 'colour', 'shortcut'])).toEqual(shape(codes, ['description', 'colour', 'shortcut']));
      expect(questionOrdinals(fresh, imported)).toEqual(questionOrdinals(p, codes));
      expect(await fresh.api.codebook.import({ fileName: file.fileName, base64: file.base64 })).toEqual({ created: 0, updated: 0, groups: 0 });
    });
  }

  it('matches rows by path when there are no ids, creating missing parents', async () => {
    await buildCodebook();
    const csv = '\uFEFFsti;beskrivelse\r\nUtfordringer > Rus;Ny regel for rus\r\nUtfordringer > Digital > Svindel;Svindel mot eldre\r\nHelt ny;\r\n';
    const result = await p.api.codebook.import({ fileName: 'endret.csv', base64: Buffer.from(csv).toString('base64') });
    const codes = await p.api.codebook.list();
    const byName = (name: string) => codes.find((c) => c.name === name)!;
    expect(byName('Rus').description).toBe('Ny regel for rus');
    expect(byName('Svindel').parentId).toBe(byName('Digital').id);
    expect(byName('Digital').parentId).toBe(byName('Utfordringer').id);
    expect(codes.filter((c) => c.name === 'Utfordringer' || c.name === 'Rus')).toHaveLength(2);
    expect(result).toEqual({ created: 3, updated: 1, groups: 0 });
    // A code named only as part of a path keeps its rule, colour and scope; rows not in the table are kept.
    expect(byName('Utfordringer')).toMatchObject({ description: DESCRIPTIONS.special, questionId: p.questions.get(1), shortcut: 'u' });
    expect(byName('Unge').parentId).toBe(byName('Rus').id);
    expect(byName('Rus').colour).toBe('#ABCDEF');
  });

  it('reads an XLSX made by hand (header in any case, numbers as numbers)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Ark1');
    sheet.addRow(['Sti', 'Beskrivelse', 'Spørsmål', 'Farge']);
    sheet.addRow(['Tilgjengelighet', 'Om kanaler', 4, '#2874a6']);
    sheet.addRow(['Tilgjengelighet > Telefon', '', null, null]);
    const base64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    expect(await fresh.api.codebook.import({ fileName: 'hand.xlsx', base64 })).toEqual({ created: 2, updated: 0, groups: 0 });
    const codes = await fresh.api.codebook.list();
    expect(codes.find((c) => c.name === 'Tilgjengelighet')).toMatchObject({ description: 'Om kanaler', colour: '#2874A6', questionId: fresh.questions.get(4) });
    expect(codes.find((c) => c.name === 'Telefon')!.parentId).toBe(codes.find((c) => c.name === 'Tilgjengelighet')!.id);
  });

  it('refuses a damaged XLSX and an unsupported file, changing nothing', async () => {
    await buildCodebook();
    const before = workspaceDump(p.store());
    await expectApiError(p.api.codebook.import({ fileName: 'kodebok.xlsx', base64: Buffer.from('PK\u0003\u0004 ødelagt').toString('base64') }), 'INVALID_INPUT');
    await expectApiError(p.api.codebook.import({ fileName: 'kodebok.pdf', base64: Buffer.from('%PDF-1.7').toString('base64') }), 'INVALID_INPUT');
    await expectApiError(p.api.codebook.import({ fileName: 'kodebok.csv', base64: Buffer.from('sti;beskrivelse\r\n;ingen sti\r\n').toString('base64') }), 'INVALID_INPUT');
    expect(workspaceDump(p.store())).toEqual(before);
    expect(count(p.store(), 'code')).toBe(7);
  });
});
