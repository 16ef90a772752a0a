// Codebook import and export as files: REFI-QDA codebook (.qdc, the XML that NVivo, ATLAS.ti,
// MAXQDA and QualCoder read) and a flat table (CSV for Excel, XLSX). Import
// merges by id (a REFI-QDA guid) or, for tables, by the code's path.
import ExcelJS from 'exceljs';
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Kysely } from 'kysely';
import Papa from 'papaparse';
import type { Code } from '../../../src-shared/coding';
import { ApiError } from '../../../src-shared/errors';
import { ChangeSet } from '../audit/changes';
import type { CoreDeps } from '../deps';
import { decodeText } from '../input/decode';
import { ImportError } from '../input/errors';
import type { DB } from '../store/schema';
import { neutralise } from '../tables/excel-csv';
import { readCsvTable, readXlsxTable } from '../tables/read';
import { createCodeIn, listCodes } from './service';
import { messageOf } from '../caught';
import { loadCodeAttributes, recordCodeAttributes, type CodeAttributes } from '../refi/codeAttributes';
import { bareGuid } from '../refi/guid';
import { isXmlNode, xmlChild, xmlNodes, type XmlNode } from '../refi/xmlNodes';
import { importCodeGroupsIn, listCodeGroups, parseSets, setsToXml, type ParsedSet } from '../refi/codeGroups';

export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CodeNode {
  id?: string;
  /** The guid as the file wrote it (also when it is not one of our ids): what codings in a REFI-QDA project refer to. */
  sourceGuid?: string;
  name: string;
  /** Undefined for a code a table names only as part of another's path: its rule is left as it is. */
  description?: string;
  colour?: string;
  questionOrdinal?: number | null;
  shortcut?: string | null;
  /** isCodable="false" in a REFI-QDA file (undefined: codable). */
  isCodable?: boolean;
  /** A REFI-QDA project's notes on the code (<NoteRef> targets). */
  noteGuids?: string[];
  children: CodeNode[];
}

export interface ExportedFile {
  fileName: string;
  mediaType: string;
  base64: string;
}

function paths(codes: Code[]): Map<string, string> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const pathOf = (c: Code): string => (c.parentId && byId.has(c.parentId) ? `${pathOf(byId.get(c.parentId)!)} > ${c.name}` : c.name);
  return new Map(codes.map((c) => [c.id, pathOf(c)]));
}

/** `isCodable` false and `colour` '' come from a REFI-QDA file's own attributes (src-main/core/refi/codeAttributes.ts). */
export type CodeTree = Code & { children: CodeTree[]; isCodable?: boolean };

/** The codebook as a tree, in the stored order. */
export function codeTree(codes: Code[], parentId: string | null = null): CodeTree[] {
  return codes.filter((c) => c.parentId === parentId).map((c) => ({ ...c, children: codeTree(codes, c.id) }));
}

/**
 * A code as a REFI-QDA <Code> element (the same in a codebook and a project).
 * REFI-QDA colours are #RRGGBB; ours too. `extra` adds children that come
 * between the description and the subcodes (a project's <NoteRef>).
 */
export function codeToXml(c: CodeTree, extra?: (c: CodeTree) => Record<string, unknown>): Record<string, unknown> {
  return {
    '@_guid': c.id,
    '@_name': c.name,
    '@_isCodable': c.isCodable === false ? 'false' : 'true',
    ...(c.colour ? { '@_color': c.colour } : {}),
    ...(c.description ? { Description: c.description } : {}),
    ...(extra ? extra(c) : {}),
    ...(c.children.length ? { Code: c.children.map((child) => codeToXml(child, extra)) } : {}),
  };
}

/** `tree`: the codes as a tree (default: as stored; an export passes one with the REFI-QDA attributes applied); `sets`: the code groups as <Sets> content. */
export function codebookToQdc(codes: Code[], origin: string, tree: CodeTree[] = codeTree(codes), sets?: Record<string, unknown>): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true, suppressBooleanAttributes: false });
  return String(
    builder.build({
      '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
      CodeBook: { '@_xmlns': QDC_NAMESPACE, '@_origin': origin, Codes: { Code: tree.map((c) => codeToXml(c)) }, ...(sets ? { Sets: sets } : {}) },
    }),
  );
}

/** A message quoting the file, cut to a readable length. */
function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)} …` : text;
}

/**
 * Parses REFI-QDA XML (a codebook or a project) safely. `what` names the file
 * in messages ("The codebook file"); `isArray` names the elements that may repeat.
 */
export function parseRefiXml(
  xml: string,
  what: string,
  isArray: (name: string) => boolean,
  /** Keep text exactly (a project's inline source text, whose positions count every character). */
  options: { keepWhitespace?: boolean } = {},
): XmlNode {
  // No DTDs: REFI-QDA files have none, and the parser would otherwise
  // read entity declarations from one ("billion laughs", or a name such as
  // "&lol9;" left unexpanded). Only XML's own entities (&amp; …) are decoded.
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    throw new ApiError('INVALID_INPUT', `${what} declares a DOCTYPE; REFI-QDA files have none, and it is refused for safety`);
  }
  // The parser itself is lenient (it accepts unclosed and mismatched tags).
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) {
    // The validator's message may quote a name of any length (a fuzzed file had one of 12 MB).
    throw new ApiError('INVALID_INPUT', `${what} is not valid XML: ${clip(valid.err.msg)} (line ${valid.err.line})`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray,
    processEntities: true,
    // Also decodes character references (&#229; &#xE5; &#10;), which other programs write.
    htmlEntities: true,
    allowBooleanAttributes: true,
    // Text is data here: "007" stays a string.
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: !options.keepWhitespace,
  });
  try {
    const doc: unknown = parser.parse(xml);
    return isXmlNode(doc) ? doc : {};
  } catch (e) {
    throw new ApiError('INVALID_INPUT', `${what} is not valid XML: ${clip(messageOf(e))}`);
  }
}

/** The text of an element that may have attributes (then the parser gives { '#text': … }). */
export function xmlText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isXmlNode(value)) return xmlText(value['#text'] ?? '');
  return '';
}


/** A REFI-QDA guid (with or without braces, any case) as one of our ids, or undefined. */
export function guidToId(guid: unknown): string | undefined {
  const bare = bareGuid(guid);
  return UUID.test(bare) ? bare : undefined;
}

/** A parsed <Code> element (codebook or project) and its subcodes; `keepGuid`: with the guid as written (sourceGuid). */
export function codeNodeFromXml(node: XmlNode, keepGuid = false): CodeNode {
  const name = String(node['@_name'] ?? '').trim();
  if (!name) throw new ApiError('INVALID_INPUT', 'A code in the codebook has no name');
  const colour = String(node['@_color'] ?? '').trim();
  // #RGB is allowed by the schema; ours are #RRGGBB.
  const long = /^#[0-9a-f]{3}$/i.test(colour) ? `#${[...colour.slice(1)].map((d) => d + d).join('')}` : colour;
  return {
    id: guidToId(node['@_guid']),
    sourceGuid: keepGuid ? String(node['@_guid'] ?? '') : undefined,
    name,
    // Trimmed: other programs indent the description inside its element.
    description: xmlText(node.Description).trim(),
    colour: /^#[0-9a-f]{6}$/i.test(long) ? long.toUpperCase() : undefined,
    ...(String(node['@_isCodable'] ?? '').trim() === 'false' ? { isCodable: false } : {}),
    ...(keepGuid && node.NoteRef ? { noteGuids: xmlNodes([node.NoteRef].flat()).map((r) => bareGuid(r['@_targetGUID'])) } : {}),
    children: xmlNodes(node.Code).map((child) => codeNodeFromXml(child, keepGuid)),
  };
}

export function qdcToTree(xml: string): CodeNode[] {
  const doc = parseRefiXml(xml, 'The codebook file', (name) => name === 'Code');
  const book = xmlChild(doc, 'CodeBook');
  if (!book || (book['@_xmlns'] && book['@_xmlns'] !== QDC_NAMESPACE)) {
    throw new ApiError('INVALID_INPUT', `Not a REFI-QDA codebook (expected <CodeBook xmlns="${QDC_NAMESPACE}">)`);
  }
  return xmlNodes(xmlChild(book, 'Codes')?.Code).map((code) => codeNodeFromXml(code));
}

const TABLE_COLUMNS = ['id', 'sti', 'navn', 'beskrivelse', 'farge', 'spørsmål', 'hurtigtast'] as const;

async function tableRows(db: Kysely<DB>, codes: Code[]): Promise<string[][]> {
  const questionOrdinal = new Map((await db.selectFrom('question').select(['id', 'ordinal']).execute()).map((q) => [q.id, q.ordinal]));
  const pathOf = paths(codes);
  const ordered: Code[] = [];
  const walk = (nodes: CodeTree[]) => nodes.forEach((n) => (ordered.push(n), walk(n.children)));
  walk(codeTree(codes));
  return ordered.map((c) => [
    c.id,
    pathOf.get(c.id)!,
    c.name,
    c.description,
    c.colour,
    c.questionId ? String(questionOrdinal.get(c.questionId) ?? '') : '',
    c.shortcut ?? '',
  ]);
}

export async function exportCodebook(db: Kysely<DB>, format: 'qdc' | 'csv' | 'xlsx', origin: string): Promise<ExportedFile> {
  const codes = await listCodes(db);
  if (format === 'qdc') {
    const attributes = await loadCodeAttributes(db);
    const qdc = codebookToQdc(codes, origin, withRefiAttributes(codeTree(codes), attributes), setsToXml(await listCodeGroups(db)));
    return { fileName: 'kodebok.qdc', mediaType: 'application/xml', base64: Buffer.from(qdc, 'utf8').toString('base64') };
  }
  const rows = await tableRows(db, codes);
  if (format === 'csv') {
    // UTF-8 with BOM and ";" so Norwegian Excel opens it as columns; nothing is a formula.
    const csv = Papa.unparse([[...TABLE_COLUMNS], ...rows.map((r) => r.map(neutralise))], { delimiter: ';', newline: '\r\n', quotes: true });
    return { fileName: 'kodebok.csv', mediaType: 'text/csv', base64: Buffer.from('\uFEFF' + csv, 'utf8').toString('base64') };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Kodebok', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = TABLE_COLUMNS.map((header) => ({ header, key: header, width: header === 'beskrivelse' ? 60 : header === 'sti' ? 40 : 14 }));
  for (const r of rows) sheet.addRow(r);
  sheet.getRow(1).font = { bold: true };
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: 'kodebok.xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buffer.toString('base64') };
}

/** The tree with each code's REFI-QDA attributes: isCodable, and no colour where Innspill invented it. */
export function withRefiAttributes(tree: CodeTree[], attributes: (codeId: string) => CodeAttributes): CodeTree[] {
  return tree.map((c) => {
    const a = attributes(c.id);
    return { ...c, isCodable: a.isCodable, colour: a.colour(c.colour) ?? '', children: withRefiAttributes(c.children, attributes) };
  });
}

/** `csv`: cells were neutralised on export, so one leading apostrophe is taken off (XLSX cells are kept as they are). */
function tableToTree(rows: Record<string, string>[], csv: boolean): CodeNode[] {
  const unquote = (text: string) => (csv ? text.replace(/^'/, '') : text);
  const roots: CodeNode[] = [];
  const byPath = new Map<string, CodeNode>();
  for (const [i, row] of rows.entries()) {
    const path = unquote(row['sti'] || row['navn'] || '').trim();
    if (!path) throw new ApiError('INVALID_INPUT', `Row ${i + 2}: the code has no name (columns "sti" or "navn")`);
    const parts = path.split('>').map((p) => p.trim()).filter(Boolean);
    let siblings = roots;
    let prefix = '';
    for (const [depth, name] of parts.entries()) {
      prefix = prefix ? `${prefix} > ${name}` : name;
      let node = byPath.get(prefix);
      if (!node) {
        node = { name, children: [] };
        byPath.set(prefix, node);
        siblings.push(node);
      }
      if (depth === parts.length - 1) {
        const id = (row['id'] ?? '').trim();
        node.id = UUID.test(id) ? id.toLowerCase() : undefined;
        node.description = unquote(row['beskrivelse'] ?? '');
        const colour = (row['farge'] ?? '').trim();
        node.colour = /^#[0-9a-f]{6}$/i.test(colour) ? colour.toUpperCase() : undefined;
        const q = Number((row['spørsmål'] ?? '').trim());
        node.questionOrdinal = Number.isInteger(q) && q > 0 ? q : null;
        node.shortcut = (row['hurtigtast'] ?? '').trim().slice(0, 1) || null;
      }
      siblings = node.children;
    }
  }
  return roots;
}

/**
 * Largest codebook file read. A codebook of 5,000 codes with long descriptions is under 3 MB; a larger
 * file is refused before it is parsed (the fuzzer found that checking 12 MB of XML holds the core for
 * many seconds).
 */
export const MAX_CODEBOOK_BYTES = 4 * 1024 * 1024;

/** The file's size checked, and a reader's own error (not text, a damaged table) as the API's clear refusal. */
async function readingCodebook<T>(bytes: Buffer, read: () => T | Promise<T>): Promise<T> {
  if (bytes.length > MAX_CODEBOOK_BYTES) {
    throw new ApiError('INVALID_INPUT', `The codebook file is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_CODEBOOK_BYTES / 1048576} MB`);
  }
  try {
    return await read();
  } catch (e) {
    if (e instanceof ImportError) throw new ApiError('INVALID_INPUT', `The codebook file cannot be read: ${e.message}`);
    throw e;
  }
}

/** A .qdc's text: REFI-QDA codebooks are XML, so binary content is refused as such (not as a CSV). */
function qdcText(bytes: Buffer): string {
  try {
    return decodeText(bytes).text;
  } catch (e) {
    if (e instanceof ImportError && e.code === 'NOT_TEXT') throw new ApiError('INVALID_INPUT', 'The codebook file is not text (it contains binary data); a .qdc codebook is XML');
    throw e;
  }
}

export async function readCodebookFile(fileName: string, bytes: Buffer): Promise<CodeNode[]> {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'qdc' || ext === 'xml') return readingCodebook(bytes, () => qdcToTree(qdcText(bytes)));
  if (ext === 'csv') return readingCodebook(bytes, () => tableToTree(readCsvTable(bytes), true));
  if (ext === 'xlsx') return readingCodebook(bytes, async () => tableToTree(await readXlsxTable(bytes), false));
  throw new ApiError('INVALID_INPUT', `Unsupported codebook file "${fileName}"; use .qdc, .csv or .xlsx`);
}

/** The code groups (<Sets>) of a .qdc; other codebook files have none. */
export function readCodebookSets(fileName: string, bytes: Buffer): ParsedSet[] {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext !== 'qdc' && ext !== 'xml') return [];
  // Read after readCodebookFile, which has checked the size and that it is text.
  const doc = parseRefiXml(qdcText(bytes), 'The codebook file', (name) => name === 'Set' || name === 'MemberCode' || name === 'MemberSource' || name === 'MemberNote');
  return parseSets(xmlChild(doc, 'CodeBook')?.Sets, xmlText);
}

/** Adds or updates codes from a tree: by id where given, else by name at the same place; then the file's code groups, by their codes' guids. */
export async function importCodebook(
  db: Kysely<DB>,
  deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>,
  nodes: CodeNode[],
  sets: ParsedSet[] = [],
): Promise<{ created: number; updated: number; groups: number }> {
  return db.transaction().execute(async (trx) => {
    const { created, updated, ids } = await importCodebookIn(new ChangeSet(trx, deps, 'codebook.import'), nodes);
    const byGuid = new Map([...ids].flatMap(([node, id]) => (node.id ? [[node.id, id] as const] : [])));
    const { groups } = await importCodeGroupsIn(trx, deps, sets, (guid) => byGuid.get(guid));
    return { created, updated, groups };
  });
}

/**
 * importCodebook within a caller's ChangeSet (a REFI-QDA project import is one
 * action). `ids` tells which of our codes each node became.
 */
export async function importCodebookIn(c: ChangeSet, nodes: CodeNode[]): Promise<{ created: number; updated: number; ids: Map<CodeNode, string> }> {
  const trx = c.trx;
  const ids = new Map<CodeNode, string>();
  const questions = new Map((await trx.selectFrom('question').select(['id', 'ordinal']).execute()).map((q) => [q.ordinal, q.id]));
  const existing = await trx.selectFrom('code').select(['id', 'parent_id', 'name', 'shortcut']).execute();
  const shortcuts = new Set(existing.flatMap((e) => (e.shortcut ? [e.shortcut] : [])));
  let created = 0;
  let updated = 0;
  const createdIds = new Set<string>();
  const add = async (list: CodeNode[], parentId: string | null) => {
    for (const node of list) {
      const same =
        (node.id && existing.find((e) => e.id === node.id)) ||
        existing.find((e) => e.parent_id === parentId && e.name.toLocaleLowerCase('nb') === node.name.toLocaleLowerCase('nb'));
      const questionId = node.questionOrdinal ? (questions.get(node.questionOrdinal) ?? null) : undefined;
      let id: string;
      if (same) {
        id = same.id;
        const changesBefore = c.changes;
        await c.update('code', id, {
          name: node.name,
          ...(node.description !== undefined ? { description: node.description } : {}),
          ...(node.colour ? { colour: node.colour } : {}),
          ...(questionId !== undefined ? { question_id: questionId } : {}),
        });
        // Counted only when something changed (update records nothing otherwise).
        if (c.changes > changesBefore) updated++;
      } else {
        const shortcut = node.shortcut && !shortcuts.has(node.shortcut) ? node.shortcut : null;
        if (shortcut) shortcuts.add(shortcut);
        const row = await createCodeIn(c, { id: node.id, name: node.name, parentId, description: node.description, colour: node.colour, questionId: questionId ?? null, shortcut });
        id = row.id;
        createdIds.add(id);
        existing.push({ id, parent_id: parentId, name: node.name, shortcut });
        created++;
      }
      ids.set(node, id);
      await add(node.children, id);
    }
  };
  await add(nodes, null);
  await recordCodeAttributes(trx, ids, createdIds);
  return { created, updated, ids };
}
