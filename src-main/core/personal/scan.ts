// Keeps the personal-data cache (migration 0011) up to date and reads it.
// Answers without a scan row — new, changed, or written before the cache
// existed — are read by the detector and their findings stored; deleted and
// changed answers leave the cache through triggers. Called at the end of an
// import and before anything reads the findings (the response list, the
// coding view, search, exports), so an existing project is scanned on first
// use and an unchanged one costs two counts.
import type Database from 'better-sqlite3';
import type { PersonalFilter, PersonalKind, PersonalSpan } from '../../../src-shared/personal';
import { PERSONAL_KINDS } from '../../../src-shared/personal';
import { runAtOnce, runTurning, type Sliced, type Turn } from '../eventLoop';
import { detectPersonalData } from './detect';

const BATCH = 500;
const prepared = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(sqlite: Database.Database) {
  return {
    counts: sqlite.prepare<[], { answers: number; scanned: number }>('SELECT (SELECT count(*) FROM answer) AS answers, (SELECT count(*) FROM personal_scan) AS scanned'),
    // Rows whose answer went without the trigger (only if the triggers were bypassed).
    orphans: sqlite.prepare('DELETE FROM personal_scan WHERE answer_id NOT IN (SELECT id FROM answer)'),
    orphanSpans: sqlite.prepare('DELETE FROM personal_span WHERE answer_id NOT IN (SELECT id FROM answer)'),
    // In rowid order from where the last batch ended: each batch reads only its own rows
    // (without the cursor every batch would step over all the answers scanned before it).
    unscanned: sqlite.prepare<[number], { at: number; id: string; text: string }>(
      `SELECT a.rowid AS at, a.id, a.text FROM answer a
       WHERE a.rowid > ? AND NOT EXISTS (SELECT 1 FROM personal_scan s WHERE s.answer_id = a.id)
       ORDER BY a.rowid LIMIT ${BATCH}`,
    ),
    scanned: sqlite.prepare('INSERT INTO personal_scan (answer_id, findings) VALUES (?, ?)'),
    span: sqlite.prepare('INSERT INTO personal_span (answer_id, kind, start_offset, end_offset) VALUES (?, ?, ?, ?)'),
    spansOf: sqlite.prepare<[string], PersonalSpan>('SELECT kind, start_offset AS start, end_offset AS "end" FROM personal_span WHERE answer_id = ? ORDER BY start_offset'),
  };
}

function statements(sqlite: Database.Database) {
  let s = prepared.get(sqlite);
  if (!s) prepared.set(sqlite, (s = prepare(sqlite)));
  return s;
}

/** Scans the answers the cache lacks, yielding after each; returns how many (run inside a transaction). */
function* scanUnscanned(s: ReturnType<typeof prepare>): Sliced<number> {
  s.orphanSpans.run();
  s.orphans.run();
  yield;
  let total = 0;
  let after = 0;
  for (;;) {
    const rows = s.unscanned.all(after);
    for (const row of rows) {
      after = row.at;
      const spans = detectPersonalData(row.text);
      s.scanned.run(row.id, spans.length);
      for (const span of spans) s.span.run(row.id, span.kind, span.start, span.end);
      yield;
    }
    total += rows.length;
    if (rows.length < BATCH) return total;
  }
}

/** Whether every answer has a scan row (two counts). */
function upToDate(s: ReturnType<typeof prepare>): boolean {
  const { answers, scanned } = s.counts.get() ?? { answers: 0, scanned: 0 };
  return answers === scanned;
}

/** Scans the answers the cache lacks; returns how many. */
export function refreshPersonalData(sqlite: Database.Database): number {
  const s = statements(sqlite);
  if (upToDate(s)) return 0;
  return sqlite.transaction(() => runAtOnce(scanUnscanned(s))).immediate();
}

/**
 * As refreshPersonalData, awaiting `turn` between answers: an import's
 * 50,000 new answers take seconds to scan. Pass a turn taker that has not
 * turned for a while (the import's own), so the first turn comes at once. The transaction stays open across
 * the turns, so only a call that holds the project alone (api/gate.ts) may
 * use it; a failure rolls the scan back (the next refresh does it again).
 */
export async function refreshPersonalDataTurning(sqlite: Database.Database, turn: Turn): Promise<number> {
  const s = statements(sqlite);
  await turn();
  if (upToDate(s)) return 0;
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const total = await runTurning(scanUnscanned(s), turn);
    sqlite.exec('COMMIT');
    return total;
  } catch (e) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw e;
  }
}

/** The findings in one answer (the cache must be fresh: call refreshPersonalData first). */
export function spansOfAnswer(sqlite: Database.Database, answerId: string): PersonalSpan[] {
  return statements(sqlite).spansOf.all(answerId);
}

/** The findings of many answers, by answer id (fresh cache; answers without findings are absent). */
export function spansOfAnswers(sqlite: Database.Database, answerIds: readonly string[]): Map<string, PersonalSpan[]> {
  const out = new Map<string, PersonalSpan[]>();
  for (let i = 0; i < answerIds.length; i += 500) {
    const chunk = answerIds.slice(i, i + 500);
    const rows = sqlite
      .prepare<string[], { answer_id: string } & PersonalSpan>(`SELECT answer_id, kind, start_offset AS start, end_offset AS "end" FROM personal_span WHERE answer_id IN (${chunk.map(() => '?').join(',')}) ORDER BY answer_id, start_offset`)
      .all(...chunk);
    for (const { answer_id, ...span } of rows) {
      const list = out.get(answer_id) ?? [];
      list.push(span);
      out.set(answer_id, list);
    }
  }
  return out;
}

/** The kinds found in each response's answers (responses without findings are absent). */
export function kindsByResponse(sqlite: Database.Database, responseIds?: readonly string[]): Map<string, PersonalKind[]> {
  const all = 'SELECT DISTINCT a.response_id AS response, s.kind FROM personal_span s JOIN answer a ON a.id = s.answer_id';
  let rows: { response: string; kind: PersonalKind }[];
  if (!responseIds) rows = sqlite.prepare<[], { response: string; kind: PersonalKind }>(all).all();
  else {
    // A page of the list: only its responses' answers are read (by answer_response), a few hundred at a time.
    rows = [];
    for (let i = 0; i < responseIds.length; i += 500) {
      const chunk = responseIds.slice(i, i + 500);
      const statement = sqlite.prepare<string[], { response: string; kind: PersonalKind }>(`${all} WHERE a.response_id IN (${chunk.map(() => '?').join(',')})`);
      rows.push(...statement.all(...chunk));
    }
  }
  const out = new Map<string, Set<PersonalKind>>();
  for (const r of rows) {
    const set = out.get(r.response) ?? new Set<PersonalKind>();
    set.add(r.kind);
    out.set(r.response, set);
  }
  return new Map([...out].map(([id, set]) => [id, PERSONAL_KINDS.filter((k) => set.has(k))]));
}

/** Whether a response with these kinds of personal data found passes the filter. */
export function matchesPersonal(kinds: readonly PersonalKind[] | undefined, filter: PersonalFilter | undefined): boolean {
  if (filter === undefined) return true;
  const found = kinds ?? [];
  if (filter === 'any') return found.length > 0;
  if (filter === 'none') return found.length === 0;
  return found.includes(filter);
}
