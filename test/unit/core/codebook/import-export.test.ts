// Codebook exchange without a project: the REFI-QDA codebook XML we write
// (namespace, attributes, nesting), what we read back, and what we refuse —
// malformed XML, another root or namespace, and hostile DTDs (entity
// expansion, external entities) — and the flat table's formula neutralising.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { codebookToQdc, MAX_CODEBOOK_BYTES, qdcToTree, QDC_NAMESPACE, readCodebookFile } from '../../../../src-main/core/codebook/import-export';
import { neutralise } from '../../../../src-main/core/tables/excel-csv';
import type { Code } from '../../../../src-shared/coding';
import { ApiError } from '../../../../src-shared/errors';

const guid = (n: number) => `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const code = (n: number, name: string, parent: number | null, extra: Partial<Code> = {}): Code => ({
  id: guid(n),
  parentId: parent === null ? null : guid(parent),
  name,
  description: '',
  colour: '#1E6FA8',
  questionId: null,
  shortcut: null,
  sortOrder: n,
  codingCount: 0,
  ...extra,
});

const CODES: Code[] = [
  code(1, 'Utfordringer', null, { description: 'Hva kommunen ser som utfordringer.' }),
  code(2, 'Rus & vold', 1, { colour: '#C0392B', description: 'Bruk ved «rus» <eller> "vold" — også \'sitat\'.' }),
  code(3, 'Unge', 2),
  code(4, 'Skole', 3, { description: 'Fjerde nivå' }),
  code(5, 'Samarbeid', null, { colour: '#117A65' }),
];

function refused(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe('INVALID_INPUT');
    return (e as ApiError).message;
  }
  throw new Error('expected INVALID_INPUT');
}

describe('codebookToQdc', () => {
  const xml = codebookToQdc(CODES, 'Innspill test');
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'Code' }).parse(xml) as {
    CodeBook: Record<string, unknown> & { Codes: { Code: Record<string, unknown>[] } };
  };

  it('writes well-formed XML in the REFI-QDA codebook namespace', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(doc.CodeBook['@_xmlns']).toBe(QDC_NAMESPACE);
    expect(QDC_NAMESPACE).toBe('urn:QDA-XML:codebook:1.0');
    expect(doc.CodeBook['@_origin']).toBe('Innspill test');
  });

  it('gives every code guid, name, isCodable="true" and color, nests subcodes and writes rules as Description', () => {
    const [top, other] = doc.CodeBook.Codes.Code;
    expect(top).toMatchObject({ '@_guid': guid(1), '@_name': 'Utfordringer', '@_isCodable': 'true', '@_color': '#1E6FA8', Description: 'Hva kommunen ser som utfordringer.' });
    expect(other).toMatchObject({ '@_guid': guid(5), '@_name': 'Samarbeid', '@_isCodable': 'true', '@_color': '#117A65' });
    expect(other.Description).toBeUndefined();
    const child = (top.Code as Record<string, unknown>[])[0];
    expect(child).toMatchObject({ '@_guid': guid(2), '@_name': 'Rus & vold', '@_color': '#C0392B' });
    expect(xml).toContain('name="Rus &amp; vold"');
    const grandchild = (child.Code as Record<string, unknown>[])[0];
    const greatGrandchild = (grandchild.Code as Record<string, unknown>[])[0];
    expect([grandchild['@_name'], greatGrandchild['@_name'], greatGrandchild.Description]).toEqual(['Unge', 'Skole', 'Fjerde nivå']);
    // Description comes before the subcodes, as the schema's sequence has it
    const rus = xml.slice(xml.indexOf(`guid="${guid(2)}"`));
    expect(rus.indexOf('<Description>')).toBeLessThan(rus.indexOf('<Code '));
    // text is escaped, never raw markup
    expect(xml).not.toContain('<eller>');
  });

  it('reads back the same tree, ids and text', () => {
    const tree = qdcToTree(xml);
    expect(tree.map((n) => n.id)).toEqual([guid(1), guid(5)]);
    const rus = tree[0].children[0];
    expect(rus).toMatchObject({ id: guid(2), name: 'Rus & vold', colour: '#C0392B', description: CODES[1].description });
    expect(rus.children[0].children[0]).toMatchObject({ id: guid(4), name: 'Skole', description: 'Fjerde nivå', children: [] });
  });
});

describe('qdcToTree', () => {
  const ok = (codes: string) => `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="${QDC_NAMESPACE}"><Codes>${codes}</Codes></CodeBook>`;

  it('reads codes written by other programs: self-closing, without guid or colour, booleans, lower-case colours', () => {
    const tree = qdcToTree(ok(`<Code name="A" isCodable="true" color="#abcdef"/><Code name="B" guid="not-a-guid" isCodable><Code name=" C " guid="${guid(9).toUpperCase()}"/></Code>`));
    expect(tree).toEqual([
      { id: undefined, name: 'A', description: '', colour: '#ABCDEF', children: [] },
      { id: undefined, name: 'B', description: '', colour: undefined, children: [{ id: guid(9), name: 'C', description: '', colour: undefined, children: [] }] },
    ]);
    expect(qdcToTree(`<CodeBook xmlns="${QDC_NAMESPACE}"/>`)).toEqual([]);
  });

  it('refuses malformed XML', () => {
    for (const xml of [
      ok('<Code name="A">'),
      ok('<Code name="A"></Codes>'),
      `<CodeBook xmlns="${QDC_NAMESPACE}"><Codes><Code name="A"/></Codes>`,
      '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code name="A" name="B"/></Codes></CodeBook>',
      'dette er ikke XML',
      '',
    ]) {
      expect(refused(() => qdcToTree(xml)), xml).toMatch(/not valid XML/);
    }
  });

  it('refuses another root element or namespace, and a code without a name', () => {
    expect(refused(() => qdcToTree('<Project xmlns="urn:QDA-XML:project:1.0"><CodeBook><Codes/></CodeBook></Project>'))).toMatch(/REFI-QDA codebook/);
    expect(refused(() => qdcToTree('<CodeBook xmlns="urn:example:other"><Codes/></CodeBook>'))).toMatch(/REFI-QDA codebook/);
    expect(refused(() => qdcToTree(ok('<Code guid="x" name="  "/>')))).toMatch(/no name/);
  });

  const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n ')}
]>
<CodeBook xmlns="${QDC_NAMESPACE}"><Codes><Code name="&lol9;" isCodable="true"><Description>&lol9;&lol9;</Description></Code></Codes></CodeBook>`;

  it('refuses a "billion laughs" DTD at once, expanding nothing', () => {
    expect(laughs).toContain('<!ENTITY lol9 "&lol8;&lol8;');
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    expect(refused(() => qdcToTree(laughs))).toMatch(/DOCTYPE/);
    expect(performance.now() - started).toBeLessThan(500);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses external and internal entity declarations alike; XML\'s own entities are read', () => {
    const external = `<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]><CodeBook xmlns="${QDC_NAMESPACE}"><Codes><Code name="&x;"/></Codes></CodeBook>`;
    const internal = `<!DOCTYPE c [<!ENTITY x "utvidet">]><CodeBook xmlns="${QDC_NAMESPACE}"><Codes><Code name="&x;"/></Codes></CodeBook>`;
    const lower = `<!doctype c><CodeBook xmlns="${QDC_NAMESPACE}"><Codes><Code name="A"/></Codes></CodeBook>`;
    for (const xml of [external, internal, lower]) expect(refused(() => qdcToTree(xml))).toMatch(/DOCTYPE/);
    expect(qdcToTree(ok('<Code name="Rus &amp; vold &lt;3&gt; &#229;&#xE6;"><Description>&quot;sitat&quot; &apos;x&apos;&#10;linje 2</Description></Code>'))).toEqual([
      { id: undefined, name: 'Rus & vold <3> åæ', description: '"sitat" \'x\'\nlinje 2', colour: undefined, children: [] },
    ]);
  });

  it('refuses the same files through readCodebookFile, by extension', async () => {
    await expect(readCodebookFile('kodebok.qdc', Buffer.from(laughs))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(readCodebookFile('kodebok.xml', Buffer.from('<CodeBook><Codes>'))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(readCodebookFile('kodebok.xlsx', Buffer.from('ikke en zip'))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(readCodebookFile('kodebok.docx', Buffer.from('x'))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(readCodebookFile('kodebok.csv', Buffer.from('sti;beskrivelse\r\n;uten navn\r\n'))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('tables', () => {
  it('neutralises text Excel would run as a formula, and a leading apostrophe', () => {
    expect(['=SUM(A1)', '+47 123', '-1', '@cmd', '\tx', '\rx', "'sitat'"].map(neutralise)).toEqual([
      "'=SUM(A1)",
      "'+47 123",
      "'-1",
      "'@cmd",
      "'\tx",
      "'\rx",
      "''sitat'",
    ]);
    for (const safe of ['Rus', ' =ikke først', '#1E6FA8', '1 + 1', '']) expect(neutralise(safe)).toBe(safe);
  });

  it('reads a hand-made CSV by path, with ; or , and an optional BOM', async () => {
    for (const csv of [
      '\uFEFFsti;beskrivelse;farge;spørsmål;hurtigtast\r\nUtfordringer;Regel;#abcdef;1;u\r\nUtfordringer > Rus > Unge;"Med ""sitat""; og semikolon";;;\r\n',
      'sti,beskrivelse\nUtfordringer,Regel\nUtfordringer > Rus > Unge,"Med ""sitat""; og semikolon"\n',
    ]) {
      const tree = await readCodebookFile('kodebok.csv', Buffer.from(csv, 'utf8'));
      expect(tree).toHaveLength(1);
      expect(tree[0]).toMatchObject({ name: 'Utfordringer', description: 'Regel' });
      const rus = tree[0].children[0];
      // a code named only in another's path has no rule of its own in the table (an existing one is kept)
      expect(rus).toMatchObject({ name: 'Rus', children: [{ name: 'Unge', description: 'Med "sitat"; og semikolon' }] });
      expect(rus.description).toBeUndefined();
    }
    const [withColumns] = await readCodebookFile('kodebok.csv', Buffer.from('\uFEFFsti;beskrivelse;farge;spørsmål;hurtigtast\r\nA;;#abcdef;3;ux\r\n'));
    expect(withColumns).toMatchObject({ colour: '#ABCDEF', questionOrdinal: 3, shortcut: 'u' });
  });
});

// What the fuzzer found (npm run fuzz; the inputs are kept under test/fixtures/fuzz/qdc/ and replayed
// in test/integration/scripts/fuzz-fixtures.test.ts): each is now the API's clear refusal.
describe('readCodebookFile, the fuzzer\'s findings', () => {
  const refusal = async (fileName: string, bytes: Buffer): Promise<ApiError> => {
    const error: unknown = await readCodebookFile(fileName, bytes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  };

  it('refuses a .qdc that is not text as INVALID_INPUT (it was INTERNAL, naming CSV files)', async () => {
    const qdc = codebookToQdc(CODES, 'Innspill');
    // UTF-16 without a BOM, with one byte damaged: binary to the decoder.
    const bytes = Buffer.from(qdc, 'utf16le');
    bytes[5] = 0x01;
    for (const b of [bytes, Buffer.concat([Buffer.from([0, 1, 2, 3, 0, 0, 7]), Buffer.from(qdc)])]) {
      const e = await refusal('kodebok.qdc', b);
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toMatch(/not text/);
      expect(e.message).not.toMatch(/CSV/);
    }
  });

  it('refuses a codebook over the size limit before parsing it, and says the limit', async () => {
    const qdc = codebookToQdc(CODES, 'Innspill');
    const huge = Buffer.from(qdc.replace('<Codes>', `<Codes>${';'.repeat(MAX_CODEBOOK_BYTES)}`));
    const e = await refusal('kodebok.qdc', huge);
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/limit is 4 MB/);
    expect((await refusal('kodebok.csv', Buffer.alloc(MAX_CODEBOOK_BYTES + 1, 'a'))).message).toMatch(/limit/);
  });

  it('refuses a damaged codebook table as INVALID_INPUT, not INTERNAL', async () => {
    const e = await refusal('kodebok.csv', Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 0, 0]));
    expect(e.code).toBe('INVALID_INPUT');
  });

  it('cuts a validator message that quotes a huge name to a readable length', async () => {
    const e = await refusal('kodebok.qdc', Buffer.from(`<?xml version="1.0"?><CodeBook xmlns="${QDC_NAMESPACE}"><Codes ${'a'.repeat(100_000)}="x" ="y"></Codes></CodeBook>`));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message.length).toBeLessThan(400);
  });
});
