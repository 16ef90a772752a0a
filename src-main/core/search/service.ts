// Full-text search over answers. The query is compiled to an FTS5 expression
// (query.ts) and matched against the answer index (migration 0004, kept up
// to date by indexer.ts), which gives the matching docids; the filters, the count, the order and the page
// come from the in-memory catalogue (catalog.ts); each hit on the page gets
// its hit ranges in the original text and a snippet around the first one.
import type Database from 'better-sqlite3';
import { POPULATION_BANDS } from '../../../src-shared/analysis';
import { ApiError } from '../../../src-shared/errors';
import type { SearchFilter, SearchGroup, SearchHit, SearchResult, TextRange } from '../../../src-shared/search';
import { paragraphAround, sentenceAround } from '../../../src-shared/sentences';
import type { PersonalKind } from '../../../src-shared/personal';
import { kindsByResponse, matchesPersonal, refreshPersonalData } from '../personal/scan';
import type { Store } from '../store/open';
import { catalogOf, type Catalog, type ResponseInfo } from './catalog';
import { hitRanges, snippetOf } from './highlight';
import { compileQuery, type CompiledQuery } from './query';
import { messageOf } from '../caught';
import { perConnection } from '../store/statements';

export interface SearchInput {
  query: string;
  filter?: SearchFilter;
  includeSuperseded?: boolean;
  limit?: number;
  offset?: number;
  groups?: boolean;
}

const matchStatement = perConnection((sqlite) =>
  sqlite.prepare<[match: string], string | null>('SELECT group_concat(rowid) FROM answer_fts WHERE answer_fts MATCH ?').pluck(),
);
const codedResponses = perConnection((sqlite) =>
  sqlite
    .prepare<[codeId: string], string>('SELECT DISTINCT a.response_id FROM coding k JOIN answer a ON a.id = k.answer_id WHERE k.code_id = ?')
    .pluck(),
);
// A multi-choice value is a JSON array: match any of its elements.
const responsesWithValue = perConnection((sqlite) =>
  sqlite
    .prepare<{ variableId: string; value: string | null }, string>(
      `SELECT v.response_id FROM variable_value v WHERE v.variable_id = @variableId
       AND (@value IS NULL OR v.value = json_quote(@value)
            OR EXISTS (SELECT 1 FROM json_each(CASE WHEN json_type(v.value) = 'array' THEN v.value ELSE '[]' END) j WHERE j.value = @value))`,
    )
    .pluck(),
);
const answersOfDocids = perConnection((sqlite) =>
  sqlite
    .prepare<[docids: string], [docid: number, id: string, text: string]>(
      'SELECT s.docid, a.id, a.text FROM answer_search s JOIN answer a ON a.id = s.answer_id WHERE s.docid IN (SELECT value FROM json_each(?))',
    )
    .raw(),
);

/** The docids matching an FTS5 expression, as one comma-separated string parsed here (fast for 50,000). */
function matchingDocids(sqlite: Database.Database, match: string): Int32Array {
  let list: string | null;
  try {
    list = matchStatement(sqlite).get(match) ?? null;
  } catch (e) {
    // The expression is built from quoted words only, so this should not
    // happen; if FTS5 refuses it anyway, say so instead of failing inside.
    throw new ApiError('INVALID_INPUT', `The search could not be run: ${messageOf(e)}`);
  }
  if (!list) return new Int32Array(0);
  let count = 1;
  for (let i = 0; i < list.length; i++) if (list.charCodeAt(i) === 44) count++;
  const out = new Int32Array(count);
  let n = 0;
  let k = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i);
    if (c === 44) {
      out[k++] = n;
      n = 0;
    } else {
      n = n * 10 + (c - 48);
    }
  }
  out[k] = n;
  return out;
}

/** Responses with a coding of the code, or with (or without) a variable value, as in the response list. */
function responseSet(sqlite: Database.Database, filter: SearchFilter): { codeIds?: Set<string>; variable?: { ids: Set<string>; without: boolean } } {
  const out: ReturnType<typeof responseSet> = {};
  if (filter.codeId) {
    const ids = codedResponses(sqlite).all(filter.codeId);
    out.codeIds = new Set(ids);
  }
  if (filter.variable) {
    const { variableId, value } = filter.variable;
    const ids = responsesWithValue(sqlite).all({ variableId, value });
    out.variable = { ids: new Set(ids), without: value === null };
  }
  return out;
}

/** Whether a response passes the response-level filters. */
function responseFilter(sqlite: Database.Database, input: SearchInput): (r: ResponseInfo) => boolean {
  const f = input.filter ?? {};
  const sets = responseSet(sqlite, f);
  let personal: Map<string, PersonalKind[]> | null = null;
  if (f.personal) {
    refreshPersonalData(sqlite);
    personal = kindsByResponse(sqlite);
  }
  const band = f.populationBand ? POPULATION_BANDS.find((b) => b.key === f.populationBand)! : null;
  return (r) => {
    if (!input.includeSuperseded && !r.current) return false;
    if (f.status && r.status !== f.status) return false;
    if (f.matchStatus && r.respondent.matchStatus !== f.matchStatus) return false;
    const m = r.respondent.municipality;
    if (f.policeDistrictCode && m?.districtCode !== f.policeDistrictCode) return false;
    if (f.countyNumber && m?.countyNumber !== f.countyNumber) return false;
    if (band && (!m || m.population < band.min || (band.max !== null && m.population > band.max))) return false;
    if (sets.codeIds && !sets.codeIds.has(r.id)) return false;
    if (sets.variable && sets.variable.ids.has(r.id) === sets.variable.without) return false;
    if (personal && !matchesPersonal(personal.get(r.id), f.personal)) return false;
    return true;
  };
}

/** Marks the catalogue rows that are hits; returns the marks and their count. */
function hitRows(catalog: Catalog, docids: Int32Array, passes: (r: ResponseInfo) => boolean, question: number | undefined) {
  const marks = new Uint8Array(catalog.size);
  // Response-level filters once per response: 0 unknown, 1 passes, 2 fails.
  const verdict = new Uint8Array(catalog.responses.length);
  let total = 0;
  for (let i = 0; i < docids.length; i++) {
    const docid = docids[i];
    const row = docid < catalog.rowOf.length ? catalog.rowOf[docid] : -1;
    if (row < 0) continue;
    if (question !== undefined && catalog.question[row] !== question) continue;
    const r = catalog.response[row];
    let v = verdict[r.index];
    if (v === 0) v = verdict[r.index] = passes(r) ? 1 : 2;
    if (v === 2) continue;
    marks[row] = 1;
    total++;
  }
  return { marks, total };
}

/** Counts by question ordinal (slot 0: unassigned text) as the API lists them. */
function questionCounts(counts: Int32Array, used: number[]): { question: number | null; count: number }[] {
  return used
    .sort((a, b) => (a || Infinity) - (b || Infinity))
    .map((q) => ({ question: q || null, count: counts[q] }));
}

function groupsOf(catalog: Catalog, marks: Uint8Array): Pick<SearchResult, 'groups' | 'byQuestion'> {
  const groups: SearchGroup[] = [];
  const slots = catalog.maxQuestion + 1;
  const overall = new Int32Array(slots);
  const overallUsed: number[] = [];
  const counts = new Int32Array(slots);
  let used: number[] = [];
  // The group being counted is the last one in `groups`.
  const close = (g: SearchGroup | undefined) => {
    if (!g) return;
    g.byQuestion = questionCounts(counts, used);
    for (const q of used) counts[q] = 0;
    used = [];
  };
  for (let row = 0; row < marks.length; row++) {
    if (!marks[row]) continue;
    const respondent = catalog.response[row].respondent;
    let group = groups.at(-1);
    if (group?.respondentId !== respondent.id) {
      close(group);
      group = {
        respondentId: respondent.id,
        kommunenummer: respondent.municipality?.number ?? null,
        municipalityName: respondent.municipality?.name ?? null,
        respondent: respondent.name,
        count: 0,
        byQuestion: [],
      };
      groups.push(group);
    }
    const q = catalog.question[row];
    group.count++;
    if (counts[q]++ === 0) used.push(q);
    if (overall[q]++ === 0) overallUsed.push(q);
  }
  close(groups.at(-1));
  return { groups, byQuestion: questionCounts(overall, overallUsed) };
}

/**
 * Searches the answers. Runs while holding the store's one connection
 * (kysely's connection lock), so it never reads or writes in the middle of
 * another request's transaction, such as an import.
 */
export async function searchAnswers(store: Store, input: SearchInput): Promise<SearchResult> {
  const compiled = compileQuery(input.query);
  return store.db.connection().execute(async () => searchNow(store, input, compiled));
}

/** The spans *Kod* offers around a hit: its sentence, its paragraph, the hit alone. */
function codingSpans(text: string, hit: TextRange | undefined): SearchHit['spans'] {
  if (!hit) return null;
  const span = (r: TextRange) => ({ start: r.start, end: r.end, text: text.slice(r.start, r.end) });
  return { sentence: span(sentenceAround(text, hit.start, hit.end)), paragraph: span(paragraphAround(text, hit.start, hit.end)), hit: span(hit) };
}

function searchNow(store: Store, input: SearchInput, compiled: CompiledQuery): SearchResult {
  const limit = input.limit ?? 50;
  const offset = input.offset ?? 0;
  const sqlite = store.sqlite;
  const catalog = catalogOf(sqlite);
  const docids = matchingDocids(sqlite, compiled.match);
  const { marks, total } = hitRows(catalog, docids, responseFilter(sqlite, input), input.filter?.question);

  const rows: number[] = [];
  for (let row = 0, seen = 0; row < marks.length && rows.length < limit; row++) {
    if (marks[row] && seen++ >= offset) rows.push(row);
  }
  const answers = new Map<number, { id: string; text: string }>();
  if (rows.length > 0) {
    const found = answersOfDocids(sqlite).all(JSON.stringify(rows.map((row) => catalog.docid[row])));
    for (const [docid, id, text] of found) answers.set(docid, { id, text });
  }
  const hits: SearchHit[] = rows.map((row) => {
    const { id: answerId, text } = answers.get(catalog.docid[row])!;
    const r = catalog.response[row];
    const m = r.respondent.municipality;
    const ranges = hitRanges(text, compiled.positive);
    const snippet = snippetOf(text, ranges);
    return {
      answerId,
      responseId: r.id,
      respondentId: r.respondent.id,
      kommunenummer: m?.number ?? null,
      respondent: r.respondent.name,
      municipalityName: m?.name ?? null,
      countyName: m?.countyName ?? null,
      policeDistrictName: m?.districtName ?? null,
      question: catalog.question[row] === 0 ? null : catalog.question[row],
      isCurrent: r.current,
      snippet: snippet.text,
      snippetStart: snippet.start,
      snippetEnd: snippet.end,
      textLength: text.length,
      highlights: snippet.highlights,
      hitRanges: ranges,
      spans: codingSpans(text, ranges[0]),
    };
  });
  const result: SearchResult = { total, hits };
  if (input.groups) Object.assign(result, groupsOf(catalog, marks));
  return result;
}
