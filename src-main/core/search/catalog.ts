// What a search needs to know about every indexed answer besides its words:
// whose it is, which question, whether the response is current, and where it
// sorts. Loaded into memory once per connection and version of the data, so
// a search only asks FTS5 for the matching docids and does the filtering,
// counting, grouping and paging over arrays — joining 50,000 matches to
// response, respondent and municipality in SQL took several times longer.
//
// The version is PRAGMA data_version (other connections' commits) and
// total_changes() (this connection's writes, including those of triggers):
// any write makes the next search bring the index up to date and load the
// catalogue again; with no change in between, a search only reads.
import type Database from 'better-sqlite3';
import type { ResponseStatus } from '../../../src-shared/domain';
import { norwegianCompare } from '../../../src-shared/norwegian';
import { refreshSearchIndex } from './indexer';

export interface MunicipalityInfo {
  number: string;
  name: string;
  countyNumber: string;
  countyName: string;
  districtCode: string;
  districtName: string;
  population: number;
}

export interface RespondentInfo {
  id: string;
  name: string;
  matchStatus: string;
  municipality: MunicipalityInfo | null;
}

export interface ResponseInfo {
  /** Position in `Catalog.responses`. */
  index: number;
  id: string;
  respondent: RespondentInfo;
  current: boolean;
  status: ResponseStatus;
}

export interface Catalog {
  version: string;
  /** Number of rows (indexed answers), in result order. */
  size: number;
  /** docid → row, or -1. */
  rowOf: Int32Array;
  /** row → docid (answer_search maps it to the answer). */
  docid: Int32Array;
  response: ResponseInfo[];
  /** 1-based question ordinal, or 0 for unassigned text. */
  question: Int32Array;
  maxQuestion: number;
  responses: ResponseInfo[];
  responseById: Map<string, ResponseInfo>;
}

// The statements' rows as raw() returns them: one tuple per row, in the
// order of the SELECT's columns (declared once here, where the SQL is).
type AnswerRow = [docid: number, responseId: string, ordinal: number, questionOrdinal: number | null];
type ResponseRow = [id: string, respondentId: string, current: number, status: ResponseStatus, createdAt: string];
type RespondentRow = [id: string, name: string, matchStatus: string, municipalityNumber: string | null];
type MunicipalityRow = [
  number: string,
  name: string,
  countyNumber: string,
  countyName: string,
  districtCode: string,
  districtName: string,
  population: number,
];

interface Statements {
  dataVersion: Database.Statement<[], number>;
  totalChanges: Database.Statement<[], number>;
  answers: Database.Statement<[], AnswerRow>;
  responses: Database.Statement<[], ResponseRow>;
  respondents: Database.Statement<[], RespondentRow>;
  municipalities: Database.Statement<[], MunicipalityRow>;
}

const cache = new WeakMap<Database.Database, { statements: Statements; catalog: Catalog | null }>();

function entry(sqlite: Database.Database) {
  let e = cache.get(sqlite);
  if (!e) {
    e = {
      catalog: null,
      statements: {
        dataVersion: sqlite.prepare<[], number>('PRAGMA data_version').pluck(),
        totalChanges: sqlite.prepare<[], number>('SELECT total_changes()').pluck(),
        answers: sqlite
          .prepare<[], AnswerRow>('SELECT s.docid, s.response_id, s.ordinal, q.ordinal FROM answer_search s LEFT JOIN question q ON q.id = s.question_id')
          .raw(),
        responses: sqlite.prepare<[], ResponseRow>('SELECT id, respondent_id, is_current, status, created_at FROM response').raw(),
        respondents: sqlite.prepare<[], RespondentRow>('SELECT id, name, match_status, municipality_number FROM respondent').raw(),
        municipalities: sqlite
          .prepare<[], MunicipalityRow>(
            `SELECT m.number, m.name, m.county_number, m.county_name, m.police_district_code, d.name, m.population
             FROM municipality m LEFT JOIN police_district d ON d.code = m.police_district_code`,
          )
          .raw(),
      },
    };
    cache.set(sqlite, e);
  }
  return e;
}

/**
 * The catalogue for the data as it is now. After any change the index is
 * brought up to date (indexer.ts) and the catalogue loaded again.
 */
export function catalogOf(sqlite: Database.Database): Catalog {
  const e = entry(sqlite);
  const version = () => `${e.statements.dataVersion.get()}:${e.statements.totalChanges.get()}`;
  if (e.catalog?.version !== version()) {
    refreshSearchIndex(sqlite);
    e.catalog = load(e.statements, version());
  }
  return e.catalog;
}

function load(s: Statements, version: string): Catalog {
  const municipalities = new Map<string, MunicipalityInfo>();
  for (const [number, name, countyNumber, countyName, districtCode, districtName, population] of s.municipalities.all()) {
    municipalities.set(number, { number, name, countyNumber, countyName, districtCode, districtName, population });
  }
  const respondents = new Map<string, RespondentInfo>();
  for (const [id, name, matchStatus, number] of s.respondents.all()) {
    respondents.set(id, { id, name, matchStatus, municipality: number ? (municipalities.get(number) ?? null) : null });
  }
  const responseRows = s.responses.all();
  const responses: ResponseInfo[] = [];
  const created: string[] = [];
  for (const [id, respondentId, current, status, createdAt] of responseRows) {
    const respondent = respondents.get(respondentId);
    if (!respondent) continue;
    created.push(createdAt);
    responses.push({ index: created.length - 1, id, respondent, current: current === 1, status });
  }
  // As the response list sorts: by municipality name (else respondent name),
  // Norwegian order; a respondent's versions together, current first, newest first.
  const names = [...new Set(responses.map((r) => r.respondent.municipality?.name ?? r.respondent.name))].sort(norwegianCompare);
  const nameRank = new Map(names.map((n, i) => [n, i]));
  const rank = new Int32Array(responses.length);
  for (const r of responses) rank[r.index] = nameRank.get(r.respondent.municipality?.name ?? r.respondent.name)!;
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  responses.sort(
    (a, b) =>
      rank[a.index] - rank[b.index] ||
      cmp(a.respondent.id, b.respondent.id) ||
      Number(b.current) - Number(a.current) ||
      cmp(created[b.index], created[a.index]) ||
      cmp(a.id, b.id),
  );
  const responseById = new Map<string, ResponseInfo>();
  responses.forEach((r, i) => {
    r.index = i;
    responseById.set(r.id, r);
  });

  // Then by question (unassigned text last) and the part's place in the
  // response: a counting sort by response, then each response's few parts.
  const answers = s.answers.all();
  const n = answers.length;
  const responseOf = new Int32Array(n).fill(-1);
  const key = new Float64Array(n);
  const start = new Int32Array(responses.length + 1);
  let maxDocid = 0;
  for (let i = 0; i < n; i++) {
    const a = answers[i];
    const r = responseById.get(a[1]);
    if (!r) continue;
    responseOf[i] = r.index;
    key[i] = (a[3] ?? 999) * 1_000_000 + a[2];
    start[r.index + 1]++;
    if (a[0] > maxDocid) maxDocid = a[0];
  }
  for (let i = 1; i < start.length; i++) start[i] += start[i - 1];
  const size = start[responses.length];
  const order = new Int32Array(size);
  const next = start.slice(0, responses.length);
  for (let i = 0; i < n; i++) if (responseOf[i] >= 0) order[next[responseOf[i]]++] = i;
  for (let r = 0; r < responses.length; r++) {
    // Insertion sort: a response has a handful of parts.
    for (let j = start[r] + 1; j < start[r + 1]; j++) {
      const x = order[j];
      let k = j - 1;
      while (k >= start[r] && key[order[k]] > key[x]) {
        order[k + 1] = order[k];
        k--;
      }
      order[k + 1] = x;
    }
  }
  const rowOf = new Int32Array(maxDocid + 1).fill(-1);
  const docid = new Int32Array(size);
  const response: ResponseInfo[] = new Array(size);
  const question = new Int32Array(size);
  let maxQuestion = 0;
  for (let row = 0; row < size; row++) {
    const a = answers[order[row]];
    rowOf[a[0]] = row;
    docid[row] = a[0];
    response[row] = responses[responseOf[order[row]]];
    question[row] = a[3] ?? 0;
    if (question[row] > maxQuestion) maxQuestion = question[row];
  }
  return { version, size, rowOf, docid, response, question, maxQuestion, responses, responseById };
}
