// Helpers for the REFI-QDA project tests (the .qdpx itself is read back with
// zip-entries.ts): project.qde validated against the REFI-QDA Project schema
// shipped in test/schemas/refi-qda (with xmllint compiled to WebAssembly: a
// real XSD validator, offline, no system package), and a coded project to
// export.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';
import type { Code } from '../../src-shared/coding';
import type { CodingProject } from './coding';
import { repoRoot } from './core';

export const PROJECT_XSD = path.join(repoRoot, 'test', 'schemas', 'refi-qda', 'Project-mrt2019.xsd');

export async function validateAgainstProjectXsd(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const result = await validateXML({
    xml: [{ fileName: 'project.qde', contents: xml }],
    schema: [{ fileName: 'Project-mrt2019.xsd', contents: readFileSync(PROJECT_XSD, 'utf8') }],
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage ?? e.message) };
}

export type Node = Record<string, unknown>;

const REPEATED = new Set(['User', 'Code', 'Variable', 'Case', 'VariableValue', 'SourceRef', 'TextSource', 'PlainTextSelection', 'Coding', 'NoteRef', 'Note']);

/** project.qde as objects (attributes prefixed "@_", repeatable elements always arrays, text kept as written). */
export function parseQdeForTest(xml: string): Node {
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => REPEATED.has(n), parseTagValue: false, parseAttributeValue: false, trimValues: false }).parse(xml) as Node;
  return doc.Project as Node;
}

export const arr = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v ? [v as Node] : []);

/** Every <Code> in the codebook, depth first, with its parent's guid. */
export function flatCodes(project: Node): { guid: string; name: string; parent: string | null; node: Node }[] {
  const out: { guid: string; name: string; parent: string | null; node: Node }[] = [];
  const walk = (nodes: Node[], parent: string | null) =>
    nodes.forEach((n) => {
      out.push({ guid: String(n['@_guid']), name: String(n['@_name']), parent, node: n });
      walk(arr(n.Code), String(n['@_guid']));
    });
  walk(arr(((project.CodeBook as Node | undefined)?.Codes as Node | undefined)?.Code), null);
  return out;
}

/** Code points [start, end) of a text. */
export function cpSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

// ---------------------------------------------------------------------------
// A coded project to export: codes three levels deep (one scoped to a
// question), codings by two caseworkers — one after Tromsø's 👮 (an astral
// character: two UTF-16 code units, one REFI-QDA position), one over
// Norwegian letters —, memos on the project, a response, an answer and a
// code, and closed variables (single, multiple choice, text).

export interface CodedFixture {
  codes: Record<'utfordringer' | 'rus' | 'unge' | 'vold' | 'samarbeid' | 'stasjon', Code>;
  /** The codings made: municipality number, question ordinal, code, the quoted text. */
  codings: { number: string; question: number; code: string; quote: string; start: number; end: number }[];
}

/** Offsets of `part` in `text` (no vitest here: e2e specs use this file too). */
function spanOf(text: string, part: string): { start: number; end: number } {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`"${part}" is not in "${text}"`);
  return { start, end: start + part.length };
}

export async function codeFixture(p: CodingProject): Promise<CodedFixture> {
  const api = p.api;
  const utfordringer = await api.codebook.create({ name: 'Utfordringer', description: 'Hva kommunen peker på som utfordringer.\nMed «sitat» & <tegn>.' });
  const rus = await api.codebook.create({ name: 'Rus', parentId: utfordringer.id, colour: '#ABCDEF' });
  const unge = await api.codebook.create({ name: 'Unge og rus', parentId: rus.id, description: 'Unge' });
  const vold = await api.codebook.create({ name: 'Vold', parentId: utfordringer.id });
  const samarbeid = await api.codebook.create({ name: 'Samarbeid', colour: '#117A65', questionId: p.questions.get(3)! });
  const stasjon = await api.codebook.create({ name: 'Ønsker tjenestested' });
  const codes = { utfordringer, rus, unge, vold, samarbeid, stasjon };
  const codings: CodedFixture['codings'] = [];
  const code = async (number: string, question: number, codeId: string, part?: string) => {
    const answer = p.response(number).q(question);
    const span = part === undefined ? { start: 0, end: answer.text.length } : spanOf(answer.text, part);
    await api.codings.create({ answerId: answer.id, codeId, ...span });
    codings.push({ number, question, code: codeId, quote: answer.text.slice(span.start, span.end), ...span });
  };
  await code('1804', 1, rus.id, 'Rus blant unge');
  await code('1804', 1, unge.id, 'Rus blant unge er den største utfordringen');
  await code('1804', 1, vold.id, 'Vold i nære relasjoner øker også.');
  await code('1804', 3, samarbeid.id);
  await code('1804', 5, stasjon.id, 'Ja, vi ønsker et nytt tjenestested');
  p.setAuthor('Kari Nordmann');
  // After the emoji: its REFI-QDA position is one less than its UTF-16 offset.
  await code('5401', 1, utfordringer.id, 'Politiet må være synlig.');
  await code('5401', 1, vold.id, '«særlig» om natten. 👮');
  await code('3403', 1, utfordringer.id);
  await code('0301', 3, samarbeid.id, 'Politikontakt i hver bydel.');
  p.setAuthor('Test Saksbehandler');

  await api.memos.set({ targetType: 'project', targetId: null, text: 'Prosjektnotat: se særlig Nord-Norge.' });
  await api.memos.set({ targetType: 'response', targetId: p.response('1804').id, text: 'Bodø svarer grundig.' });
  await api.memos.set({ targetType: 'answer', targetId: p.response('5401').q(1).id, text: 'Responstid 👮 – følg opp.' });
  await api.memos.set({ targetType: 'code', targetId: rus.id, text: 'Rus: også narkotika.' });

  const variables = await api.variables.list();
  const v = (key: string) => variables.find((x) => x.key === key)!.id;
  await api.variables.set({ responseId: p.response('1804').id, variableId: v('q2_satisfied'), value: 'nei' });
  await api.variables.set({ responseId: p.response('1804').id, variableId: v('q4_channels'), value: ['telefon', 'internett', 'fysisk_oppmote'] });
  await api.variables.set({ responseId: p.response('1804').id, variableId: v('q5_premises_offered'), value: 'Lokaler i rådhuset' });
  await api.variables.set({ responseId: p.response('5401').id, variableId: v('q2_satisfied'), value: 'ja' });
  return { codes, codings };
}
