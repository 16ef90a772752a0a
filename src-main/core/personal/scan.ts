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
import { detectPersonalData } from './detect';

const BATCH = 2000;
const prepared = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(sqlite: Database.Database) {
  return {
    counts: sqlite.prepare('SELECT (SELECT count(*) FROM answer) AS answers, (SELECT count(*) FROM personal_scan) AS scanned'),
    // Rows whose answer went without the trigger (only if the triggers were bypassed).
    orphans: sqlite.prepare('DELETE FROM personal_scan WHERE answer_id NOT IN (SELECT id FROM answer)'),
    orphanSpans: sqlite.prepare('DELETE FROM personal_span WHERE answer_id NOT IN (SELECT id FROM answer)'),
    unscanned: sqlite.prepare(
      `SELECT a.id, a.text FROM answer a WHERE NOT EXISTS (SELECT 1 FROM personal_scan s WHERE s.answer_id = a.id) LIMIT ${BATCH}`,
    ),
    scanned: sqlite.prepare('INSERT INTO personal_scan (answer_id, findings) VALUES (?, ?)'),
    span: sqlite.prepare('INSERT INTO personal_span (answer_id, kind, start_offset, end_offset) VALUES (?, ?, ?, ?)'),
    spansOf: sqlite.prepare('SELECT kind, start_offset AS start, end_offset AS "end" FROM personal_span WHERE answer_id = ? ORDER BY start_offset'),
  };
}

function statements(sqlite: Database.Database) {
  let s = prepared.get(sqlite);
  if (!s) prepared.set(sqlite, (s = prepare(sqlite)));
  return s;
}

/** Scans the answers the cache lacks; returns how many. */
export function refreshPersonalData(sqlite: Database.Database): number {
  const s = statements(sqlite);
  const { answers, scanned } = s.counts.get() as { answers: number; scanned: number };
  if (answers === scanned) return 0;
  return sqlite
    .transaction(() => {
      s.orphanSpans.run();
      s.orphans.run();
      let total = 0;
      for (;;) {
        const rows = s.unscanned.all() as { id: string; text: string }[];
        for (const row of rows) {
          const spans = detectPersonalData(row.text);
          s.scanned.run(row.id, spans.length);
          for (const span of spans) s.span.run(row.id, span.kind, span.start, span.end);
        }
        total += rows.length;
        if (rows.length < BATCH) return total;
      }
    })
    .immediate();
}

/** The findings in one answer (the cache must be fresh: call refreshPersonalData first). */
export function spansOfAnswer(sqlite: Database.Database, answerId: string): PersonalSpan[] {
  return statements(sqlite).spansOf.all(answerId) as PersonalSpan[];
}

/** The findings of many answers, by answer id (fresh cache; answers without findings are absent). */
export function spansOfAnswers(sqlite: Database.Database, answerIds: readonly string[]): Map<string, PersonalSpan[]> {
  const out = new Map<string, PersonalSpan[]>();
  for (let i = 0; i < answerIds.length; i += 500) {
    const chunk = answerIds.slice(i, i + 500);
    const rows = sqlite
      .prepare(`SELECT answer_id, kind, start_offset AS start, end_offset AS "end" FROM personal_span WHERE answer_id IN (${chunk.map(() => '?').join(',')}) ORDER BY answer_id, start_offset`)
      .all(...chunk) as ({ answer_id: string } & PersonalSpan)[];
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
  const rows = sqlite
    .prepare('SELECT DISTINCT a.response_id AS response, s.kind FROM personal_span s JOIN answer a ON a.id = s.answer_id')
    .all() as { response: string; kind: PersonalKind }[];
  const wanted = responseIds ? new Set(responseIds) : null;
  const out = new Map<string, Set<PersonalKind>>();
  for (const r of rows) {
    if (wanted && !wanted.has(r.response)) continue;
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
