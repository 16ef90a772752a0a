// «Slett besvarelse permanent»: erasure on request (issue 19). Removes one
// response — and, if asked, its respondent — with its answers, its source
// file (only when no other response came from that file: a CSV or an e-mail
// with several responses stays for the others, which still show their
// original from it), codings, finding links, variable values, memos and agreement resolutions;
// scrubs the row images of their audit events (the one change migration
// 0012's trigger allows, and only for entities recorded as erased here);
// drops them from the search index and the personal-data cache; and leaves
// an audit entry that says what was erased (ids and kinds), when and by whom,
// without the content. Then the file is rewritten (FTS5 optimize, VACUUM, WAL
// truncated) so no byte of the text is left in the project file. Not
// undoable, by design. Snapshots taken before it still hold the text: the
// caller lists them (handlers/responses.ts).
import type Database from 'better-sqlite3';
import type { ErasurePlan, ErasureResult } from '../../../src-shared/domain';
import { ApiError } from '../../../src-shared/errors';
import type { CoreDeps } from '../deps';
import { checkpointFully } from '../store/checkpointer';
import type { Store } from '../store/open';
import { parseImportReport } from '../store/reports';

type Ids = Map<string, Set<string>>;

function add(ids: Ids, type: string, values: Iterable<string>): void {
  const set = ids.get(type) ?? new Set<string>();
  for (const v of values) set.add(v);
  ids.set(type, set);
}

const list = (ids: Ids, type: string): string[] => [...(ids.get(type) ?? [])];

/** Ids from a one-column query. */
function pluck(sqlite: Database.Database, query: string, ...params: unknown[]): string[] {
  return sqlite.prepare<unknown[], string>(query).pluck().all(...params);
}

/** `column IN (?, ?, …)` for a list (never empty: an empty list matches nothing). */
function inList(values: readonly string[]): string {
  return values.length === 0 ? "(SELECT NULL WHERE 0)" : `(${values.map(() => '?').join(', ')})`;
}

/** Every row the erasure removes, by table, including rows the audit trail remembers that are already gone (split answers, deleted codings). */
function collect(sqlite: Database.Database, responseId: string, respondentId: string | null, sourceFileId: string | null): Ids {
  const ids: Ids = new Map();
  add(ids, 'response', [responseId]);
  const fromTrail = (type: string, field: string, values: readonly string[]) =>
    values.length === 0
      ? []
      : pluck(
          sqlite,
          `SELECT DISTINCT entity_id FROM event WHERE entity_type = ? AND entity_id IS NOT NULL
           AND (json_extract(before, '$.${field}') IN ${inList(values)} OR json_extract(after, '$.${field}') IN ${inList(values)})`,
          type,
          ...values,
          ...values,
        );
  add(ids, 'answer', pluck(sqlite, 'SELECT id FROM answer WHERE response_id = ?', responseId));
  add(ids, 'answer', fromTrail('answer', 'response_id', [responseId]));
  const answers = list(ids, 'answer');
  add(ids, 'coding', pluck(sqlite, `SELECT id FROM coding WHERE answer_id IN ${inList(answers)}`, ...answers));
  add(ids, 'coding', fromTrail('coding', 'answer_id', answers));
  const codings = list(ids, 'coding');
  add(ids, 'finding_link', pluck(sqlite, `SELECT id FROM finding_link WHERE answer_id IN ${inList(answers)} OR coding_id IN ${inList(codings)}`, ...answers, ...codings));
  add(ids, 'finding_link', fromTrail('finding_link', 'answer_id', answers));
  add(ids, 'variable_value', pluck(sqlite, 'SELECT id FROM variable_value WHERE response_id = ?', responseId));
  add(ids, 'variable_value', fromTrail('variable_value', 'response_id', [responseId]));
  const targets = [responseId, ...answers];
  add(ids, 'memo', pluck(sqlite, `SELECT id FROM memo WHERE target_type IN ('response', 'answer') AND target_id IN ${inList(targets)}`, ...targets));
  add(ids, 'memo', fromTrail('memo', 'target_id', targets));
  add(ids, 'agreement_resolution', pluck(sqlite, 'SELECT id FROM agreement_resolution WHERE response_id = ?', responseId));
  add(ids, 'agreement_resolution', fromTrail('agreement_resolution', 'response_id', [responseId]));
  if (sourceFileId) add(ids, 'source_file', [sourceFileId]);
  if (respondentId) {
    add(ids, 'respondent', [respondentId]);
    add(ids, 'assignment', pluck(sqlite, 'SELECT id FROM assignment WHERE respondent_id = ?', respondentId));
    add(ids, 'assignment', fromTrail('assignment', 'respondent_id', [respondentId]));
  }
  return ids;
}

/** What `eraseResponse` would remove, counted from the rows as they are now (for the dialog); reads only. */
export function planErasure(store: Store, responseId: string): Omit<ErasurePlan, 'backupsHoldingIt'> & { importedAt: string } {
  const { sqlite } = store;
  const response = sqlite
    .prepare<[string], { respondent_id: string; name: string; source_file_id: string | null; created_at: string }>(
      'SELECT r.respondent_id, p.name, r.source_file_id, r.created_at FROM response r JOIN respondent p ON p.id = r.respondent_id WHERE r.id = ?',
    )
    .get(responseId);
  if (!response) throw new ApiError('NOT_FOUND', `Fant ingen besvarelse med id ${responseId} / No response with id ${responseId}`);
  const one = (query: string, ...params: unknown[]) => sqlite.prepare<unknown[], number>(query).pluck().get(...params) ?? 0;
  const answers = pluck(sqlite, 'SELECT id FROM answer WHERE response_id = ?', responseId);
  const file = response.source_file_id
    ? sqlite.prepare<[string], { name: string }>('SELECT name FROM source_file WHERE id = ?').get(response.source_file_id)
    : undefined;
  const sharedWith = response.source_file_id ? one('SELECT count(*) FROM response WHERE source_file_id = ? AND id <> ?', response.source_file_id, responseId) : 0;
  return {
    responseId,
    respondentName: response.name,
    importedAt: response.created_at,
    answers: answers.length,
    characters: one('SELECT coalesce(sum(length(text)), 0) FROM answer WHERE response_id = ?', responseId),
    codings: one(`SELECT count(*) FROM coding WHERE answer_id IN ${inList(answers)}`, ...answers),
    variableValues: one('SELECT count(*) FROM variable_value WHERE response_id = ?', responseId),
    evidenceElsewhere: one(`SELECT count(*) FROM variable_value WHERE response_id <> ? AND evidence_answer_id IN ${inList(answers)}`, responseId, ...answers),
    memos: one(`SELECT count(*) FROM memo WHERE target_type IN ('response', 'answer') AND target_id IN ${inList([responseId, ...answers])}`, responseId, ...answers),
    findingLinks: one(
      `SELECT count(*) FROM finding_link WHERE answer_id IN ${inList(answers)} OR coding_id IN (SELECT id FROM coding WHERE answer_id IN ${inList(answers)})`,
      ...answers,
      ...answers,
    ),
    sourceFile: file ? { name: file.name, sharedWith, erased: sharedWith === 0 } : null,
    respondentOtherResponses: one('SELECT count(*) FROM response WHERE respondent_id = ? AND id <> ?', response.respondent_id, responseId),
  };
}

/** Erases the response (and its respondent if `withRespondent`); see the file's head. */
export function eraseResponse(store: Store, deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>, responseId: string, withRespondent: boolean): ErasureResult {
  const { sqlite } = store;
  const at = deps.now().toISOString();
  const actor = deps.author();
  const erasureId = deps.newId();
  const result = sqlite
    .transaction((): ErasureResult => {
      const response = sqlite
        .prepare<[string], { respondent_id: string; source_file_id: string | null; created_at: string }>('SELECT respondent_id, source_file_id, created_at FROM response WHERE id = ?')
        .get(responseId);
      if (!response) throw new ApiError('NOT_FOUND', `Fant ingen besvarelse med id ${responseId} / No response with id ${responseId}`);
      const otherResponses = pluck(sqlite, 'SELECT id FROM response WHERE respondent_id = ? AND id <> ?', response.respondent_id, responseId);
      if (withRespondent && otherResponses.length > 0) {
        throw new ApiError(
          'CONFLICT',
          `Innsenderen har ${otherResponses.length} andre besvarelse(r); slett dem først, eller behold innsenderen / The respondent has ${otherResponses.length} other response(s)`,
        );
      }
      const file = response.source_file_id
        ? sqlite.prepare<[string], { id: string; name: string }>('SELECT id, name FROM source_file WHERE id = ?').get(response.source_file_id)
        : undefined;
      const sharedWith = file ? pluck(sqlite, 'SELECT id FROM response WHERE source_file_id = ? AND id <> ?', file.id, responseId) : [];
      // A file other responses came from is theirs too: it goes only with the last response that refers to it.
      const fileErased = file !== undefined && sharedWith.length === 0;
      const ids = collect(sqlite, responseId, withRespondent ? response.respondent_id : null, fileErased ? file.id : null);
      const counts = Object.fromEntries([...ids].map(([type, set]) => [type, set.size]));

      // The record first: the trail's trigger lets only recorded entities' images go, up to this point.
      const upToSeq = sqlite.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM event').pluck().get() ?? 0;
      sqlite
        .prepare('INSERT INTO erasure (id, at, actor, response_id, respondent_id, up_to_seq, summary) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(erasureId, at, actor, responseId, withRespondent ? response.respondent_id : null, upToSeq, JSON.stringify({ counts, sourceFileSharedWith: sharedWith.length }));
      const record = sqlite.prepare('INSERT INTO erased_entity (erasure_id, entity_type, entity_id) VALUES (?, ?, ?)');
      for (const [type, set] of ids) for (const id of set) record.run(erasureId, type, id);
      sqlite
        .prepare(
          `UPDATE event SET before = NULL, after = NULL
           WHERE seq <= ? AND (before IS NOT NULL OR after IS NOT NULL)
             AND EXISTS (SELECT 1 FROM erased_entity x WHERE x.erasure_id = ? AND x.entity_type = event.entity_type AND x.entity_id = event.entity_id)`,
        )
        .run(upToSeq, erasureId);

      // The rows, children first (foreign keys).
      const del = (table: string, type = table) => {
        const values = list(ids, type);
        for (let i = 0; i < values.length; i += 500) {
          const chunk = values.slice(i, i + 500);
          sqlite.prepare(`DELETE FROM ${table} WHERE id IN ${inList(chunk)}`).run(...chunk);
        }
      };
      const answers = list(ids, 'answer');
      // Another response's value whose evidence lay in these answers keeps its value, not the evidence.
      sqlite
        .prepare(`UPDATE variable_value SET evidence_answer_id = NULL, evidence_start = NULL, evidence_end = NULL WHERE evidence_answer_id IN ${inList(answers)} AND response_id <> ?`)
        .run(...answers, responseId);
      for (const table of ['finding_link', 'coding', 'memo', 'variable_value', 'agreement_resolution', 'answer']) del(table);
      del('response');
      // Team bookkeeping that keeps row images of the erased rows.
      const everything = [...ids.values()].flatMap((set) => [...set]);
      for (let i = 0; i < everything.length; i += 400) {
        const chunk = everything.slice(i, i + 400);
        sqlite.prepare(`DELETE FROM merge_conflict WHERE entity_id IN ${inList(chunk)}`).run(...chunk);
        sqlite.prepare(`DELETE FROM merged_change WHERE entity_key IN ${inList(chunk)}`).run(...chunk);
      }
      if (fileErased) {
        del('source_file');
        scrubBatchReports(sqlite, file.name);
      }
      if (withRespondent) {
        del('assignment');
        del('respondent');
      } else if (otherResponses.length > 0) {
        // The respondent's newest remaining response becomes the current one.
        sqlite
          .prepare(
            `UPDATE response SET is_current = (id = (SELECT id FROM response WHERE respondent_id = ?
               ORDER BY received_date IS NULL, received_date DESC, created_at DESC LIMIT 1)) WHERE respondent_id = ?`,
          )
          .run(response.respondent_id, response.respondent_id);
      }
      // The search index's deleted entries leave its segments only when they are merged.
      sqlite.exec("INSERT INTO answer_fts (answer_fts) VALUES ('optimize')");

      const summary = {
        erasure: erasureId,
        response: responseId,
        respondent: withRespondent ? response.respondent_id : null,
        erased: Object.fromEntries([...ids].map(([type, set]) => [type, [...set]])),
        sourceFileSharedWith: sharedWith,
      };
      sqlite
        .prepare('INSERT INTO event (id, at, actor, action, entity_type, entity_id, before, after, group_id) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL)')
        .run(deps.newId(), at, actor, 'response.erase', 'erasure', erasureId, JSON.stringify(summary));
      return {
        erasureId,
        at,
        by: actor,
        responseId,
        importedAt: response.created_at,
        respondentId: withRespondent ? response.respondent_id : null,
        counts,
        sourceFile: file ? { name: file.name, sharedWith: sharedWith.length, erased: fileErased } : null,
        backupsHoldingIt: [],
      };
    })
    .immediate();
  wipeFreedSpace(sqlite);
  return result;
}

/** The import report names the file: the name goes too (a letter's file name may be a person's name). */
function scrubBatchReports(sqlite: Database.Database, fileName: string): void {
  const rows = sqlite.prepare<[string], { id: string; report: string }>('SELECT id, report FROM import_batch WHERE instr(report, ?) > 0').all(JSON.stringify(fileName).slice(1, -1));
  for (const row of rows) {
    const report = parseImportReport(row.report);
    for (const f of report.files) {
      if (f.path !== fileName) continue;
      f.path = '[slettet kildefil]';
      f.warnings = [];
      delete f.matches;
    }
    sqlite.prepare('UPDATE import_batch SET report = ? WHERE id = ?').run(JSON.stringify(report), row.id);
  }
}

/** Rewrites the file without free pages and empties the WAL, so deleted text is nowhere in the bytes. */
function wipeFreedSpace(sqlite: Database.Database): void {
  sqlite.exec('VACUUM');
  checkpointFully(sqlite);
}
