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
// everything not imported is reported with the source's name.
//
// All of it is one transaction and one ChangeSet ("refi.import": one undo,
// recorded in the audit trail with a summary event); a broken or hostile file
// changes nothing. A coding already in the project (same answer, code, span)
// is not made twice, so importing the same file again changes nothing.
import type { Kysely } from 'kysely';
import type { RefiImportReport, RefiMatchedSource, RefiSelectionNote, RefiUnmatchedSource } from '../../../src-shared/refi';
import { ApiError } from '../../../src-shared/errors';
import { ChangeSet } from '../audit/changes';
import { recordEvent } from '../audit/record';
import { bareGuid, codeNodeFromXml, guidToId, importCodebookIn, parseRefiXml, xmlText, type CodeNode } from '../codebook/import-export';
import { createCodingIn } from '../coding/service';
import type { CoreDeps } from '../deps';
import { decodeText } from '../input/decode';
import { ImportError } from '../input/errors';
import { importLimits, type ImportLimits } from '../input/limits';
import { foldKey } from '../input/text';
import { readZipEntries } from '../zip/read-guarded';
import type { DB } from '../store/schema';
import { QDE_NAMESPACE } from './export';
import { loadCurrentResponses, sourceName, type CurrentResponse } from './layout';
import { codePointLength, codePointsToUtf16, normalizeWithMap } from './positions';
import { messageOf } from '../caught';

type Element = Record<string, unknown>;

export interface ParsedSelection {
  label: string;
  /** Code point positions, end exclusive; null: the whole source (a coding on the source itself). */
  start: number | null;
  end: number | null;
  codeGuids: string[];
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
  codes: CodeNode[];
  sources: ParsedSource[];
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

const list = (value: unknown): Element[] => (Array.isArray(value) ? (value as Element[]) : value && typeof value === 'object' ? [value as Element] : []);

function codeGuidsOf(codings: unknown): string[] {
  return list(codings).flatMap((k) => list(k.CodeRef).map((ref) => String(ref['@_targetGUID'] ?? '')).filter(Boolean));
}

/** A position attribute: a whole number, or NaN. */
function position(value: unknown): number {
  const text = String(value ?? '').trim();
  return /^[+]?\d+$/.test(text) ? Number(text) : Number.NaN;
}

function textSource(el: Element, name: string, entries: Map<string, Buffer> | null): ParsedSource {
  const selections: ParsedSelection[] = list(el.PlainTextSelection).flatMap((s) => {
    const codeGuids = codeGuidsOf(s.Coding);
    if (!codeGuids.length) return [];
    const start = position(s['@_startPosition']);
    const end = position(s['@_endPosition']);
    const label = String(s['@_name'] ?? '').trim();
    return [{ label: label ? Array.from(label).slice(0, 60).join('') : `${s['@_startPosition']}–${s['@_endPosition']}`, start, end, codeGuids }];
  });
  // A coding on the source itself codes all of it.
  const whole = codeGuidsOf(el.Coding);
  if (whole.length) selections.push({ label: '(hele kilden)', start: null, end: null, codeGuids: whole });
  const source: ParsedSource = { name, guid: String(el['@_guid'] ?? ''), text: null, selections };
  const inline = el.PlainTextContent;
  if (inline !== undefined && xmlText(inline) !== '') {
    source.text = xmlText(inline);
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
    source.text = decodeText(bytes).text;
  } catch (e) {
    source.missing = `${wanted} is not text (${messageOf(e)})`;
  }
  return source;
}

/** Parses project.qde; `entries` are the archive's source files (null for a bare .qde). */
function parseQde(xml: string, entries: Map<string, Buffer> | null): ParsedProject {
  const doc = parseRefiXml(xml, 'The project file', (name) => REPEATED.has(name), { keepWhitespace: true });
  const project = doc.Project as Element | undefined;
  if (!project || typeof project !== 'object') {
    if (doc.CodeBook) throw new ApiError('INVALID_INPUT', 'This is a REFI-QDA codebook, not a project: import it as a codebook (.qdc)');
    throw new ApiError('INVALID_INPUT', `Not a REFI-QDA project (expected <Project xmlns="${QDE_NAMESPACE}">)`);
  }
  if (project['@_xmlns'] && project['@_xmlns'] !== QDE_NAMESPACE) {
    throw new ApiError('INVALID_INPUT', `Not a REFI-QDA project: the namespace is "${String(project['@_xmlns'])}", expected "${QDE_NAMESPACE}"`);
  }
  const book = project.CodeBook as Element | undefined;
  const codes = list((book?.Codes as Element | undefined)?.Code).map((c) => codeNodeFromXml(c, true));
  const sources: ParsedSource[] = [];
  const all = (project.Sources as Element | undefined) ?? {};
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
  return { codes, sources };
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

export async function importRefiProject(
  db: Kysely<DB>,
  deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>,
  parsed: ParsedProject,
  fileName: string,
): Promise<RefiImportReport> {
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
    const codeRows = new Map((await trx.selectFrom('code').select(['id', 'name', 'question_id']).execute()).map((r) => [r.id, r]));
    const questionOrdinal = new Map((await trx.selectFrom('question').select(['id', 'ordinal']).execute()).map((q) => [q.id, q.ordinal]));
    const matcher = new ResponseMatcher(await loadCurrentResponses(trx));

    const matched: RefiMatchedSource[] = [];
    const unmatched: RefiUnmatchedSource[] = [];
    const notes: RefiSelectionNote[] = [];
    const codings = { inFile: 0, created: 0, existing: 0, skipped: 0 };
    const selectionCodings = (list: ParsedSelection[]) => list.reduce((n, s) => n + s.codeGuids.length, 0);

    for (const source of parsed.sources) {
      if (source.text === null) {
        unmatched.push({ source: source.name, reason: source.missing ?? 'the source has no text', selections: source.selections.length });
        continue;
      }
      const raw = source.text.replace(/^\uFEFF/, '');
      const norm = normalizeWithMap(raw);
      const found = matcher.match(norm.text, source);
      if ('reason' in found) {
        unmatched.push({ source: source.name, reason: found.reason, selections: source.selections.length });
        continue;
      }
      const entry: RefiMatchedSource = { source: source.name, responseId: found.response.id, respondent: found.response.respondentName, how: found.how, codings: 0 };
      matched.push(entry);
      codings.inFile += selectionCodings(source.selections);
      const length = codePointLength(raw);
      const wanted = source.selections.flatMap((s) => [s.start ?? 0, s.end ?? length]).filter((p) => Number.isInteger(p) && p >= 0 && p <= length);
      const mapped = codePointsToUtf16(raw, wanted);
      const utf16 = new Map(wanted.map((p, i) => [p, mapped[i]]));

      for (const s of source.selections) {
        const cpStart = s.start ?? 0;
        const cpEnd = s.end ?? length;
        const note = (kind: RefiSelectionNote['kind'], reason: string) => notes.push({ source: source.name, selection: s.label, kind, reason });
        const skip = (reason: string) => {
          codings.skipped += s.codeGuids.length;
          note('skipped', reason);
        };
        if (!(Number.isInteger(cpStart) && Number.isInteger(cpEnd) && cpStart >= 0 && cpEnd > cpStart && cpEnd <= length)) {
          skip(`the positions ${String(s.start)}–${String(s.end)} are outside the text (${length} characters)`);
          continue;
        }
        const start = norm.map(utf16.get(cpStart)!);
        const end = norm.map(utf16.get(cpEnd)!);
        const pieces = found.placed.filter((p) => Math.max(start, p.start) < Math.min(end, p.end));
        if (!pieces.length) {
          skip('the selection is outside the answers (a heading or other text that is not an answer)');
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
        for (const guid of s.codeGuids) {
          // A code of the file's codebook, or one of ours named by its id.
          const codeId = codeFor.get(bareGuid(guid)) ?? guidToId(guid);
          const code = codeId ? codeRows.get(codeId) : undefined;
          if (!code) {
            codings.skipped++;
            note('skipped', `the code ${guid} is not in the file's codebook`);
            continue;
          }
          for (const p of pieces) {
            // A code for one question, on a whole source: the answers to that question.
            if (s.start === null && code.question_id && code.question_id !== p.questionId) continue;
            if (code.question_id && code.question_id !== p.questionId) {
              codings.skipped++;
              note('skipped', `the code «${code.name}» is for question ${questionOrdinal.get(code.question_id) ?? '?'}, not this answer's`);
              continue;
            }
            const before = c.changes;
            await createCodingIn(c, { answerId: p.answerId, codeId: code.id, start: Math.max(start, p.start) - p.start, end: Math.min(end, p.end) - p.start });
            if (c.changes > before) {
              codings.created++;
              entry.codings++;
            } else {
              codings.existing++;
            }
          }
        }
      }
    }

    const report: RefiImportReport = {
      fileName,
      codes: { created: book.created, updated: book.updated, total: codeTotal },
      sources: { total: parsed.sources.length, matched: matched.length, unmatched: unmatched.length },
      codings,
      matched,
      unmatched,
      notes,
    };
    // The import itself in the audit trail: with the changes (one undo) when there are any.
    await recordEvent(trx, deps, {
      action: 'refi.import',
      entityType: 'refi_import',
      entityId: null,
      after: { fileName, codes: report.codes, sources: report.sources, codings: report.codings },
      groupId: c.changes > 0 ? c.groupId : null,
    });
    return report;
  });
}
