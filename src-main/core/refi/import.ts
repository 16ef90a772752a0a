// Reading a REFI-QDA project (.qdpx, or a bare project.qde) into the open
// project: its codebook (codes by guid: a code we already have is updated, a
// new one is created, with its place in the hierarchy) and the codings on
// text sources that are one of our current responses. A source is matched
// when its text is exactly the response as Innspill exports it (a round
// trip), or else when every answer of one response occurs in it (a letter
// coded in another program); line ends and Unicode normalisation do not
// matter. Positions are Unicode code points in the source and become UTF-16
// offsets into the answer; a selection over two answers is split into one
// coding per answer, text outside the answers (headings) is left out, and
// everything not imported is reported with the source's name. On request
// (sourcesAsResponses), sources no response holds first become responses
// (sourcesAsResponses.ts), in the same transaction, and are then matched.
//
// All of it is one transaction and one ChangeSet ("refi.import": one undo,
// recorded in the audit trail with a summary event); a broken or hostile file
// changes nothing. A coding already in the project (same answer, code, span)
// is not made twice, so importing the same file again changes nothing.
import type { Kysely } from 'kysely';
import type { RefiFileCounts, RefiImportReport, RefiMatchedSource, RefiNotImported, RefiSelectionNote, RefiSkipReason, RefiUnmatchedSource } from '../../../src-shared/refi';
import { ApiError } from '../../../src-shared/errors';
import { ChangeSet } from '../audit/changes';
import { recordEvent } from '../audit/record';
import { bareGuid } from './guid';
import { codeNodeFromXml, guidToId, importCodebookIn, parseRefiXml, xmlText, type CodeNode } from '../codebook/import-export';
import { createCodingIn } from '../coding/service';
import type { CoreDeps } from '../deps';
import { decodeText } from '../input/decode';
import { ImportError } from '../input/errors';
import { importLimits, type ImportLimits } from '../input/limits';
import { foldKey } from '../input/text';
import { readZipEntries } from '../zip/read-guarded';
import { xmlChild, xmlNodes, type XmlNode } from './xmlNodes';
import type { DB } from '../store/schema';
import { importCodeGroupsIn, parseSets, type ParsedSet } from './codeGroups';
import { QDE_NAMESPACE } from './export';
import { loadCurrentResponses, sourceName, type CurrentResponse } from './layout';
import { normalizeWithMap } from './positions';
import { createResponsesFromSources } from './sourcesAsResponses';
import { chooseReading, describeReading, toUtf16Offsets, type PositionUnit, type Reading } from './reading';
import { messageOf } from '../caught';

export interface ParsedSelection {
  label: string;
  /** Positions as the file wrote them (see reading.ts for their unit), end exclusive; null: the whole source (a coding on the source itself). */
  start: number | null;
  end: number | null;
  codeGuids: string[];
  /** The selection's creatingUser (a guid of the file's <Users>) and creationDateTime, where given. */
  creatingUser?: string;
  createdAt?: string;
}

export interface ParsedSource {
  name: string;
  guid: string;
  /** The source's plain text, or null with the reason it could not be read. */
  text: string | null;
  missing?: string;
  selections: ParsedSelection[];
}

export interface ParsedProject {
  /** The program that wrote the file (the origin attribute). */
  origin: string | null;
  codes: CodeNode[];
  sources: ParsedSource[];
  /** The file's <Users>: guid (bare) → name. */
  users: Map<string, string>;
  /** The file's <Notes>: guid (bare) → text. */
  notes: Map<string, string>;
  /** The file's <Sets> (the project's and its codebook's). */
  sets: ParsedSet[];
  inFile: RefiFileCounts;
  /** What the file holds that Innspill does not import. */
  notImported: RefiNotImported[];
}

const REPEATED = new Set([
  'User',
  'Code',
  'Variable',
  'Case',
  'VariableValue',
  'SourceRef',
  'SelectionRef',
  'CodeRef',
  'TextSource',
  'PictureSource',
  'PDFSource',
  'AudioSource',
  'VideoSource',
  'PlainTextSelection',
  'PictureSelection',
  'PDFSelection',
  'AudioSelection',
  'VideoSelection',
  'Transcript',
  'TranscriptSelection',
  'SyncPoint',
  'Coding',
  'NoteRef',
  'Note',
  'Link',
  'Set',
  'MemberCode',
  'MemberSource',
  'MemberNote',
  'Graph',
  'Vertex',
  'Edge',
]);

const list = xmlNodes;

function codeGuidsOf(codings: unknown): string[] {
  return list(codings).flatMap((k) => list(k.CodeRef).map((ref) => String(ref['@_targetGUID'] ?? '')).filter(Boolean));
}

/** A position attribute: a whole number, or NaN. */
function position(value: unknown): number {
  const text = String(value ?? '').trim();
  return /^[+]?\d+$/.test(text) ? Number(text) : Number.NaN;
}

function textSource(el: XmlNode, name: string, entries: Map<string, Buffer> | null): ParsedSource {
  const selections: ParsedSelection[] = list(el.PlainTextSelection).flatMap((s) => {
    const codeGuids = codeGuidsOf(s.Coding);
    if (!codeGuids.length) return [];
    const start = position(s['@_startPosition']);
    const end = position(s['@_endPosition']);
    const label = String(s['@_name'] ?? '').trim();
    const creatingUser = String(s['@_creatingUser'] ?? '').trim();
    const createdAt = String(s['@_creationDateTime'] ?? '').trim();
    return [
      {
        label: label ? Array.from(label).slice(0, 60).join('') : `${s['@_startPosition']}–${s['@_endPosition']}`,
        start,
        end,
        codeGuids,
        ...(creatingUser ? { creatingUser: bareGuid(creatingUser) } : {}),
        ...(createdAt ? { createdAt } : {}),
      },
    ];
  });
  // A coding on the source itself codes all of it.
  const whole = codeGuidsOf(el.Coding);
  if (whole.length) selections.push({ label: '(hele kilden)', start: null, end: null, codeGuids: whole });
  const source: ParsedSource = { name, guid: String(el['@_guid'] ?? ''), text: null, selections };
  const inline = el.PlainTextContent;
  if (inline !== undefined && xmlText(inline) !== '') {
    // Positions never count a BOM (no producer we know does).
    source.text = xmlText(inline).replace(/^\uFEFF/, '');
    return source;
  }
  const pathAttr = String(el['@_plainTextPath'] ?? '').trim();
  if (!pathAttr) {
    source.missing = 'the source has no plain text (neither PlainTextContent nor plainTextPath)';
    return source;
  }
  const internal = /^internal:\/\/(.+)$/i.exec(pathAttr);
  if (!internal) {
    source.missing = `the source's text is outside the file (${pathAttr})`;
    return source;
  }
  if (!entries) {
    source.missing = `a bare .qde holds no source files (${pathAttr}); import the .qdpx`;
    return source;
  }
  const wanted = `sources/${internal[1]}`;
  const bytes = entries.get(wanted) ?? [...entries].find(([k]) => k.toLowerCase() === wanted.toLowerCase())?.[1];
  if (!bytes) {
    source.missing = `${wanted} is missing from the .qdpx`;
    return source;
  }
  try {
    source.text = decodeText(bytes).text.replace(/^\uFEFF/, '');
  } catch (e) {
    source.missing = `${wanted} is not text (${messageOf(e)})`;
  }
  return source;
}

/** Parses project.qde; `entries` are the archive's source files (null for a bare .qde). */
function parseQde(xml: string, entries: Map<string, Buffer> | null): ParsedProject {
  const doc = parseRefiXml(xml, 'The project file', (name) => REPEATED.has(name), { keepWhitespace: true });
  const project = xmlChild(doc, 'Project');
  if (!project) {
    if (doc.CodeBook) throw new ApiError('INVALID_INPUT', 'This is a REFI-QDA codebook, not a project: import it as a codebook (.qdc)');
    throw new ApiError('INVALID_INPUT', `Not a REFI-QDA project (expected <Project xmlns="${QDE_NAMESPACE}">)`);
  }
  if (project['@_xmlns'] && project['@_xmlns'] !== QDE_NAMESPACE) {
    throw new ApiError('INVALID_INPUT', `Not a REFI-QDA project: the namespace is "${String(project['@_xmlns'])}", expected "${QDE_NAMESPACE}"`);
  }
  const book = xmlChild(project, 'CodeBook');
  const codes = list(xmlChild(book, 'Codes')?.Code).map((c) => codeNodeFromXml(c, true));
  const sources: ParsedSource[] = [];
  const all = xmlChild(project, 'Sources') ?? {};
  for (const el of list(all.TextSource)) sources.push(textSource(el, String(el['@_name'] ?? el['@_guid'] ?? '(uten navn)'), entries));
  for (const pdf of list(all.PDFSource)) {
    const name = String(pdf['@_name'] ?? pdf['@_guid'] ?? '(uten navn)');
    const representation = list(pdf.Representation)[0];
    if (representation) sources.push(textSource(representation, name, entries));
    else sources.push({ name, guid: String(pdf['@_guid'] ?? ''), text: null, missing: 'a PDF without its text (no Representation)', selections: [] });
  }
  for (const kind of ['PictureSource', 'AudioSource', 'VideoSource'] as const) {
    for (const el of list(all[kind])) {
      sources.push({ name: String(el['@_name'] ?? el['@_guid'] ?? '(uten navn)'), guid: String(el['@_guid'] ?? ''), text: null, missing: `not a text source (${kind})`, selections: [] });
    }
  }
  const users = new Map(list(xmlChild(project, 'Users')?.User).map((u) => [bareGuid(u['@_guid']), String(u['@_name'] ?? '').trim()] as const));
  const notes = new Map(list(xmlChild(project, 'Notes')?.Note).map((n) => [bareGuid(n['@_guid']), xmlText(n.PlainTextContent).trim()] as const));
  const onCodes = new Set<string>();
  const walkCodes = (nodes: CodeNode[]) => nodes.forEach((n) => (n.noteGuids?.forEach((g) => notes.has(g) && onCodes.add(g)), walkCodes(n.children)));
  walkCodes(codes);
  const sets = [...parseSets(project.Sets, xmlText), ...parseSets(book?.Sets, xmlText)];
  return { origin: project['@_origin'] ? String(project['@_origin']) : null, codes, sources, users, notes, sets, ...countProject(project, sources, onCodes.size, sets) };
}

const countCodes = (codes: XmlNode[]): number => codes.reduce((n, c) => n + 1 + countCodes(list(c.Code)), 0);

/** What the file holds, as written, and what of it Innspill leaves out. */
function countProject(project: XmlNode, sources: ParsedSource[], codeNotes: number, parsedSets: ParsedSet[]): { inFile: RefiFileCounts; notImported: RefiNotImported[] } {
  const all = xmlChild(project, 'Sources') ?? {};
  const kinds = ['TextSource', 'PDFSource', 'PictureSource', 'AudioSource', 'VideoSource'] as const;
  const sets = parsedSets.length;
  const setSources = parsedSets.reduce((n, s) => n + s.sources, 0);
  const setNotes = parsedSets.reduce((n, s) => n + s.notes, 0);
  const notes = list(xmlChild(project, 'Notes')?.Note).length;
  const cases = list(xmlChild(project, 'Cases')?.Case).length;
  const variables = list(xmlChild(project, 'Variables')?.Variable).length;
  const links = list(xmlChild(project, 'Links')?.Link).length;
  const graphs = list(xmlChild(project, 'Graphs')?.Graph).length;
  // Codings on media selections (pictures, PDF areas, audio, video): counted, never imported.
  const media = (el: XmlNode) =>
    ['PictureSelection', 'PDFSelection', 'AudioSelection', 'VideoSelection'].reduce((n, k) => n + list(el[k]).reduce((m, sel) => m + codeGuidsOf(sel.Coding).length, 0), 0);
  const mediaCodings = kinds.reduce((n, k) => n + list(all[k]).reduce((m, el) => m + media(el) + list(el.Transcript).reduce((t, tr) => t + media(tr), 0), 0), 0);
  const selections = sources.reduce((n, s) => n + s.selections.length, 0);
  const codings = sources.reduce((n, s) => n + s.selections.reduce((m, sel) => m + sel.codeGuids.length, 0), 0);
  const inFile: RefiFileCounts = {
    sources: kinds.reduce((n, k) => n + list(all[k]).length, 0),
    textSources: list(all.TextSource).length,
    codes: countCodes(list(xmlChild(xmlChild(project, 'CodeBook'), 'Codes')?.Code)),
    sets,
    selections,
    codings: codings + mediaCodings,
    notes,
    users: list(xmlChild(project, 'Users')?.User).length,
    cases,
    variables,
  };
  const notImported: RefiNotImported[] = (
    [
    { key: 'notes', kind: 'Notes', count: notes - codeNotes, why: 'only notes on codes are imported (as the code memo); write the others as notes in Innspill' },
    { key: 'cases', kind: 'Cases', count: cases, why: 'respondents come from the register and the responses, not from the file' },
    { key: 'variables', kind: 'Variables', count: variables, why: 'closed variables are defined in Innspill; their values are not imported' },
    { key: 'links', kind: 'Links', count: links, why: 'Innspill has no links between codings' },
    { key: 'graphs', kind: 'Graphs', count: graphs, why: 'Innspill has no graphs' },
    { key: 'sets', kind: 'Sets without codes', count: parsedSets.filter((s) => !s.codeGuids.length).length, why: 'Innspill groups codes only; a set of sources or notes is not made a group' },
    { key: 'setMembers', kind: 'Sources and notes in sets', count: setSources + setNotes, why: 'Innspill groups codes only; the sources and notes of a set are left out' },
    { key: 'media', kind: 'Codings on pictures, PDF areas, audio and video', count: mediaCodings, why: 'Innspill codes text only' },
    ] satisfies RefiNotImported[]
  ).filter((n) => n.count > 0);
  return { inFile, notImported };
}

/** Reads a .qdpx (or a bare .qde) with the import limits. */
export async function readRefiProjectFile(fileName: string, bytes: Buffer, limits: ImportLimits = importLimits): Promise<ParsedProject> {
  const ext = fileName.toLowerCase().split('.').pop();
  if (bytes.length > limits.maxArchiveBytes) throw new ApiError('INVALID_INPUT', `The file is over ${limits.maxArchiveBytes / 1048576} MB`);
  if (ext === 'qde' || ext === 'xml') {
    if (bytes.length > limits.maxFileBytes) throw new ApiError('INVALID_INPUT', `The file is over ${limits.maxFileBytes / 1048576} MB`);
    return parseQde(decodeXml(bytes), null);
  }
  if (ext !== 'qdpx') throw new ApiError('INVALID_INPUT', `Unsupported file "${fileName}"; use a REFI-QDA project (.qdpx or .qde)`);
  // The guarded reader of imported archives; only project.qde and the sources' text are inflated.
  const read = await readZipEntries(bytes, limits, (name) => name.toLowerCase() === 'project.qde' || /^sources\/[^/]+\.txt$/i.test(name), '.qdpx archive').catch((e: unknown) => {
    throw e instanceof ImportError ? new ApiError('INVALID_INPUT', e.message) : e;
  });
  const entries = new Map(read.map((e) => [e.name, e.bytes]));
  const qde = [...entries].find(([name]) => name.toLowerCase() === 'project.qde')?.[1];
  if (!qde) throw new ApiError('INVALID_INPUT', 'The .qdpx has no project.qde at its top level; it is not a REFI-QDA project');
  return parseQde(decodeXml(qde), entries);
}

function decodeXml(bytes: Buffer): string {
  try {
    return decodeText(bytes).text;
  } catch (e) {
    throw new ApiError('INVALID_INPUT', `The project file is not XML text (${messageOf(e)})`);
  }
}

// ---------------------------------------------------------------------------
// Finding the response a source holds.

/** An answer located in the (normalised) source text, UTF-16 offsets. */
interface Placed {
  answerId: string;
  questionId: string | null;
  start: number;
  end: number;
}

interface Match {
  response: CurrentResponse;
  placed: Placed[];
  how: 'text' | 'answers';
}

/** Characters of an answer's start used to find candidate responses quickly (not every response against every source). */
const KEY = 24;

const isBreak = (ch: string | undefined) => ch === undefined || /\s/.test(ch);

/** The first occurrence at or after `from`, preferring one that stands on its own (between white space or text ends). */
function find(text: string, part: string, from: number): number {
  let first = -1;
  for (let at = text.indexOf(part, from); at >= 0; at = text.indexOf(part, at + 1)) {
    if (first < 0) first = at;
    if (isBreak(text[at - 1]) && isBreak(text[at + part.length])) return at;
  }
  return first;
}

/** Where each (non-blank) answer of `r` stands in `text`, in order where possible; null when one is missing. */
function locate(text: string, r: CurrentResponse): Placed[] | null {
  const placed: Placed[] = [];
  let from = 0;
  for (const p of r.layout.parts) {
    const answer = r.layout.text.slice(p.start, p.end);
    if (answer.trim() === '') continue;
    let at = find(text, answer, from);
    if (at < 0) at = find(text, answer, 0);
    if (at < 0) return null;
    placed.push({ answerId: p.answerId, questionId: p.questionId, start: at, end: at + answer.length });
    from = at + answer.length;
  }
  return placed.length ? placed : null;
}

class ResponseMatcher {
  private readonly byText = new Map<string, CurrentResponse[]>();
  private readonly byKey = new Map<string, CurrentResponse[]>();
  private readonly unkeyed: CurrentResponse[] = [];

  constructor(responses: CurrentResponse[]) {
    for (const r of responses) {
      if (!r.layout.parts.length) continue;
      const t = r.layout.text.trimEnd();
      this.byText.set(t, [...(this.byText.get(t) ?? []), r]);
      const longest = r.layout.parts.map((p) => r.layout.text.slice(p.start, p.end)).reduce((a, b) => (b.trim().length > a.trim().length ? b : a), '');
      if (longest.length >= KEY) {
        const k = longest.slice(0, KEY);
        this.byKey.set(k, [...(this.byKey.get(k) ?? []), r]);
      } else if (longest.trim() !== '') {
        this.unkeyed.push(r);
      }
    }
  }

  match(text: string, source: { name: string; guid: string }): Match | { reason: string } {
    const exact = this.byText.get(text.trimEnd());
    if (exact?.length) {
      const chosen = pick(
        exact.map((r) => ({ response: r, covered: 0 })),
        source,
      );
      if ('reason' in chosen) return chosen;
      const r = chosen.response;
      return { response: r, how: 'text', placed: r.layout.parts.map((p) => ({ answerId: p.answerId, questionId: p.questionId, start: p.start, end: p.end })) };
    }
    const candidates = new Set<CurrentResponse>(this.unkeyed);
    for (let i = 0; i + KEY <= text.length; i++) {
      const hit = this.byKey.get(text.substr(i, KEY));
      if (hit) for (const r of hit) candidates.add(r);
    }
    const found: { response: CurrentResponse; covered: number; placed: Placed[] }[] = [];
    for (const r of candidates) {
      const placed = locate(text, r);
      if (placed) found.push({ response: r, placed, covered: placed.reduce((n, p) => n + p.end - p.start, 0) });
    }
    if (!found.length) return { reason: 'no current response has this text (the answers were not found in it)' };
    const most = Math.max(...found.map((f) => f.covered));
    const chosen = pick(
      found.filter((f) => f.covered === most),
      source,
    );
    if ('reason' in chosen) return chosen;
    return { response: chosen.response, how: 'answers', placed: chosen.placed };
  }
}

/** One of several equally good responses: the one with the source's guid, else the one the source is named after. */
function pick<T extends { response: CurrentResponse }>(options: T[], source: { name: string; guid: string }): T | { reason: string } {
  if (options.length === 1) return options[0];
  const id = guidToId(source.guid);
  const byGuid = options.filter((o) => o.response.id === id);
  if (byGuid.length === 1) return byGuid[0];
  const name = ` ${foldKey(source.name)} `;
  const byName = options.filter((o) => [o.response.municipality?.name, o.response.respondentName].some((n) => n && name.includes(` ${foldKey(n)} `)));
  if (byName.length === 1) return byName[0];
  const names = options.slice(0, 5).map((o) => sourceName(o.response));
  return { reason: `the text matches several responses equally (${names.join('; ')}${options.length > 5 ? ' …' : ''}); name the source after the municipality` };
}

// ---------------------------------------------------------------------------
// The import.

/** Each reason codings are skipped for, in English (the UI translates the key). */
const SKIP_REASONS: Record<RefiSkipReason, string> = {
  noText: 'the source has no text Innspill can read',
  notAResponse: 'the source is not one of the current responses',
  noReading: "the file's positions fit no reading of its text",
  positionsMismatch: "the positions do not fit the source's text",
  outsideAnswers: 'the selection is outside the answers',
  unknownCode: "the code is not in the file's codebook",
  otherQuestion: "the code is for another question than the answer's",
};

export interface RefiImportOptions {
  /** The unit the file's positions are counted in, when the user knows it better than the file says. */
  positions?: PositionUnit;
  /**
   * Text sources that are no current response become responses (with the
   * .qdpx's bytes kept as their source file), and their codings land on them.
   */
  sourcesAsResponses?: { bytes: Buffer };
}

/**
 * A code's notes in the file become its memo (several joined by a blank
 * line), where the code has none yet; one it has is left as it stands.
 */
async function importCodeMemos(c: ChangeSet, parsed: ParsedProject, ids: Map<CodeNode, string>): Promise<void> {
  for (const [node, codeId] of ids) {
    const text = (node.noteGuids ?? []).flatMap((g) => (parsed.notes.get(g) ? [parsed.notes.get(g)!] : [])).join('\n\n');
    if (!text) continue;
    const existing = await c.trx.selectFrom('memo').select('id').where('target_type', '=', 'code').where('target_id', '=', codeId).executeTakeFirst();
    if (!existing) await c.insert('memo', { ...c.authored(), target_type: 'code', target_id: codeId, text });
  }
}

/** A date as we store it (ISO with milliseconds), or null when the file's is not a date. */
function isoDate(value: string | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export async function importRefiProject(
  db: Kysely<DB>,
  deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>,
  parsed: ParsedProject,
  fileName: string,
  options: RefiImportOptions = {},
): Promise<RefiImportReport> {
  // The file's reading, from all its text sources (matched to a response or not).
  const withText = parsed.sources.filter((s): s is ParsedSource & { text: string } => s.text !== null);
  const positioned = withText.map((s) => ({
    text: s.text,
    positions: s.selections.flatMap((sel) => (sel.start !== null && sel.end !== null && Number.isInteger(sel.start) && Number.isInteger(sel.end) ? [{ start: sel.start, end: sel.end }] : [])),
  }));
  const positions = chooseReading(parsed.origin, positioned, options.positions);
  const reading: Reading = { unit: positions.unit, crlf: positions.crlf };

  return db.transaction().execute(async (trx) => {
    const c = new ChangeSet(trx, deps, 'refi.import');
    const book = await importCodebookIn(c, parsed.codes);
    const codeFor = new Map<string, string>();
    let codeTotal = 0;
    const walk = (nodes: CodeNode[]) =>
      nodes.forEach((n) => {
        codeTotal++;
        const id = book.ids.get(n);
        if (id && n.sourceGuid) codeFor.set(bareGuid(n.sourceGuid), id);
        walk(n.children);
      });
    walk(parsed.codes);
    await importCodeMemos(c, parsed, book.ids);
    const groups = await importCodeGroupsIn(trx, deps, parsed.sets, (guid) => codeFor.get(guid));
    const codeRows = new Map((await trx.selectFrom('code').select(['id', 'name', 'question_id']).execute()).map((r) => [r.id, r]));
    const questionOrdinal = new Map((await trx.selectFrom('question').select(['id', 'ordinal']).execute()).map((q) => [q.id, q.ordinal]));
    let matcher = new ResponseMatcher(await loadCurrentResponses(trx));
    const responses = { created: 0, matched: 0, unmatched: 0, ambiguous: 0 };
    if (options.sourcesAsResponses) {
      // Only sources no current response holds: a second import of the same file finds the ones made the first time.
      const fresh = parsed.sources.flatMap((s) => {
        if (s.text === null) return [];
        const text = normalizeWithMap(s.text).text;
        return text.trim() !== '' && 'reason' in matcher.match(text, s) ? [{ name: s.name, guid: s.guid, text }] : [];
      });
      const made = await createResponsesFromSources(trx, deps, { name: fileName, bytes: options.sourcesAsResponses.bytes }, fresh);
      Object.assign(responses, { created: made.responses, ...made.respondents });
      if (made.responses) matcher = new ResponseMatcher(await loadCurrentResponses(trx));
    }

    const matched: RefiMatchedSource[] = [];
    const unmatched: RefiUnmatchedSource[] = [];
    const notes: RefiSelectionNote[] = [];
    const codings = { inFile: parsed.inFile.codings, inMatched: 0, created: 0, existing: 0, skipped: 0 };
    const skippedBy = new Map<RefiSkipReason, number>();
    const skipCodings = (key: RefiSkipReason, n: number) => {
      if (n <= 0) return;
      codings.skipped += n;
      skippedBy.set(key, (skippedBy.get(key) ?? 0) + n);
    };
    const selectionCodings = (list: ParsedSelection[]) => list.reduce((n, s) => n + s.codeGuids.length, 0);
    const coders = new Set<string>();

    for (const source of parsed.sources) {
      if (source.text === null) {
        unmatched.push({ source: source.name, reason: source.missing ?? 'the source has no text', selections: source.selections.length });
        skipCodings('noText', selectionCodings(source.selections));
        continue;
      }
      const raw = source.text;
      const norm = normalizeWithMap(raw);
      const found = matcher.match(norm.text, source);
      if ('reason' in found) {
        unmatched.push({ source: source.name, reason: found.reason, selections: source.selections.length });
        skipCodings('notAResponse', selectionCodings(source.selections));
        continue;
      }
      const entry: RefiMatchedSource = { source: source.name, responseId: found.response.id, respondent: found.response.respondentName, how: found.how, codings: 0 };
      matched.push(entry);
      codings.inMatched += selectionCodings(source.selections);
      const wanted = source.selections.flatMap((s) => (s.start !== null && s.end !== null ? [s.start, s.end] : []));
      const mapped = toUtf16Offsets(raw, wanted, reading);
      const utf16 = new Map(wanted.map((p, i) => [p, mapped[i]]));

      for (const s of source.selections) {
        const note = (kind: RefiSelectionNote['kind'], reason: string) => notes.push({ source: source.name, selection: s.label, kind, reason });
        const skip = (kind: 'skipped' | 'refused', why: string, key: RefiSkipReason) => {
          skipCodings(key, s.codeGuids.length);
          note(kind, why);
        };
        let start: number;
        let end: number;
        if (s.start === null || s.end === null) {
          start = 0;
          end = norm.text.length;
        } else {
          if (positions.basis === 'refused') {
            skip('refused', `the file's positions fit no reading of its text: ${positions.explanation}`, 'noReading');
            continue;
          }
          const a = Number.isInteger(s.start) ? (utf16.get(s.start) ?? -1) : -1;
          const b = Number.isInteger(s.end) ? (utf16.get(s.end) ?? -1) : -1;
          // Verified against the source's own text: both ends inside it, on character boundaries, in order.
          if (a < 0 || b < 0 || b <= a) {
            skip(
              'refused',
              `the positions ${String(s.start)}–${String(s.end)} do not fit the source's text read as ${describeReading(reading)} (${a < 0 || b < 0 ? 'outside the text or inside a character' : 'empty or reversed'})`,
              'positionsMismatch',
            );
            continue;
          }
          start = norm.map(a);
          end = norm.map(b);
        }
        const pieces = found.placed.filter((p) => Math.max(start, p.start) < Math.min(end, p.end));
        if (!pieces.length) {
          skip('skipped', 'the selection is outside the answers (a heading or other text that is not an answer)', 'outsideAnswers');
          continue;
        }
        // (A coding of the whole source codes each answer: nothing to tell.)
        if (s.start !== null && pieces.length > 1) {
          note('split', `split over ${pieces.length} answers: one coding in each, the text between them left out`);
        } else if (s.start !== null) {
          const p = pieces[0];
          const outside = norm.text.slice(start, Math.max(start, p.start)) + norm.text.slice(Math.min(end, p.end), end);
          if (outside.trim() !== '') note('cut', 'cut to the answer: the part outside it (a heading or other text) is left out');
        }
        // The coder and date of the file, where it names them: double coding made elsewhere stays two coders' work.
        const coder = s.creatingUser ? parsed.users.get(s.creatingUser) : undefined;
        const madeBy = coder ? { by: coder, at: isoDate(s.createdAt) ?? deps.now().toISOString() } : undefined;
        for (const guid of s.codeGuids) {
          // A code of the file's codebook, or one of ours named by its id.
          const codeId = codeFor.get(bareGuid(guid)) ?? guidToId(guid);
          const code = codeId ? codeRows.get(codeId) : undefined;
          if (!code) {
            skipCodings('unknownCode', 1);
            note('skipped', `the code ${guid} is not in the file's codebook`);
            continue;
          }
          for (const p of pieces) {
            // A code for one question, on a whole source: the answers to that question.
            if (s.start === null && code.question_id && code.question_id !== p.questionId) continue;
            if (code.question_id && code.question_id !== p.questionId) {
              skipCodings('otherQuestion', 1);
              note('skipped', `the code «${code.name}» is for question ${questionOrdinal.get(code.question_id) ?? '?'}, not this answer's`);
              continue;
            }
            const before = c.changes;
            await createCodingIn(c, { answerId: p.answerId, codeId: code.id, start: Math.max(start, p.start) - p.start, end: Math.min(end, p.end) - p.start }, madeBy);
            if (c.changes > before) {
              codings.created++;
              entry.codings++;
              if (madeBy) coders.add(madeBy.by);
            } else {
              codings.existing++;
            }
          }
        }
      }
    }

    // The file's coders become known names, marked with the file they came from (a mark, not a change to undo).
    for (const [guid, name] of parsed.users) {
      if (!coders.has(name)) continue;
      await trx
        .insertInto('refi_user')
        .values({ name, file_name: fileName, guid, origin: parsed.origin, imported_at: deps.now().toISOString(), imported_by: deps.author() })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }

    const report: RefiImportReport = {
      fileName,
      inFile: parsed.inFile,
      positions,
      codes: { created: book.created, updated: book.updated, total: codeTotal },
      codeGroups: { groups: groups.groups, members: groups.members, unknownCodes: groups.unknownCodes },
      sources: { total: parsed.sources.length, matched: matched.length, unmatched: unmatched.length },
      responses,
      codings,
      skippedBy: [...skippedBy].map(([key, n]) => ({ key, reason: SKIP_REASONS[key], codings: n })),
      notImported: parsed.notImported,
      matched,
      unmatched,
      notes,
    };
    // The import itself in the audit trail, as the importing caseworker's action: with the changes (one undo) when there are any.
    await recordEvent(trx, deps, {
      action: 'refi.import',
      entityType: 'refi_import',
      entityId: null,
      after: { fileName, origin: parsed.origin, positions: { unit: positions.unit, crlf: positions.crlf, basis: positions.basis }, codes: report.codes, sources: report.sources, responses, codings: report.codings, coders: [...coders].sort() },
      groupId: c.changes > 0 ? c.groupId : null,
    });
    return report;
  });
}
