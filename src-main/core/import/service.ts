// Imports response batches. Each file is read and understood completely
// before the database is touched, then written in one transaction: all of it
// or nothing. A file already imported (same SHA-256) imports nothing. A
// respondent that answers again gets a new version; the newest (by date
// received, then import time) is current and older ones stay as superseded.
// The long loops let the event loop turn (eventLoop.ts), so the core keeps
// answering while a large batch imports; the gate (api/gate.ts) keeps every
// other call off the project meanwhile. A stop (options.stop) ends it after
// the file it is on, reporting the rest as not imported; a cancel
// (options.signal) stops it at once and rolls back the file being written
// (cancel.ts). Progress is counted by progress.ts. Two processes importing
// the same file at once: the second finds the first's row (UNIQUE sha256)
// and reports the file unchanged.
import path from 'node:path';
import { sql, type Insertable, type Transaction } from 'kysely';
import { formatNorwegianDateTime } from '../../../src-shared/norwegian';
import { authoredColumns, recordEvent } from '../audit/record';
import { refreshPersonalDataTurning } from '../personal/scan';
import type { CoreDeps } from '../deps';
import { runTurning, turnTaker } from '../eventLoop';
import { indexWithinTransaction } from '../search/indexer';
import { sha256Sliced } from '../input/hash';
import { cancellable, cancelledAfterSaving, isCancelled, throwIfCancelled } from './cancel';
import { ApiError } from '../../../src-shared/errors';
import type { Store } from '../store/open';
import type { AnswerTable, DB, RespondentTable, ResponseTable } from '../store/schema';
import { ImportError } from '../input/errors';
import { MEDIA_TYPES } from './formats/read';
import { readRemembered } from './ocr-readings';
import type { ParsedSource, ReadContext } from './formats/types';
import { importLimits, type ImportLimits } from '../input/limits';
import type { BatchSummary, EmailReport, FileReport, ImportProgress, ImportReport, MappingPreset } from '../../../src-shared/imports';
import type { MappingQuestion } from './mapping';
import { MunicipalityMatcher, nameKey, type MatchResult } from './match';
import { letterRecord, tableRecords, type ImportRecord, type RecordSet } from './records';
import { ImportProgressTracker } from './progress';
import { collectSources, type SourceUnit } from './sources';
import { emailRecord } from './email-record';
import { messageOf } from '../caught';
import { parseStringList } from '../store/json';
import { parseImportReport } from '../store/reports';

export interface ImportOptions {
  preset?: MappingPreset;
  label?: string;
  limits?: Partial<ImportLimits>;
  onProgress?: (progress: ImportProgress) => void;
  /** Aborted when the user stops: the import ends after the current file and reports the rest as cancelled. */
  stop?: AbortSignal;
  /** Aborted when the user cancels now: the import stops at its next turn and throws CANCELLED. */
  signal?: AbortSignal;
  /** The folder with the OCR trained data (resources/tessdata); without it scans and images are refused. */
  ocrDataDir?: string;
  /** Test hook: runs inside each file's transaction just before it commits. */
  beforeCommit?: (file: string) => void;
  /** Test hook: runs after a file is understood, before its transaction begins (where another process may write it first). */
  beforeWrite?: (file: string) => Promise<void>;
}

interface Understood {
  unit: SourceUnit & { bytes: Buffer };
  sha256: string;
  parsed: ParsedSource;
  set: RecordSet & { email?: EmailReport };
  matches: MatchResult[];
}

export async function loadMatcher(store: Pick<Store, 'db'>): Promise<MunicipalityMatcher> {
  const rows = await store.db
    .selectFrom('municipality')
    .select(['number', 'name', 'official_name', 'parallel_names', 'county_name', 'number_2024'])
    .execute();
  return new MunicipalityMatcher(
    rows.map((r) => ({
      number: r.number,
      name: r.name,
      officialName: r.official_name,
      parallelNames: parseStringList(r.parallel_names),
      countyName: r.county_name,
      number2024: r.number_2024,
    })),
  );
}

export async function loadMappingQuestions(store: Pick<Store, 'db'>): Promise<MappingQuestion[]> {
  const rows = await store.db.selectFrom('question').select(['ordinal', 'short_label', 'text']).orderBy('ordinal').execute();
  return rows.map((q) => ({ ordinal: q.ordinal, shortLabel: q.short_label, text: q.text }));
}

function rejected(unit: SourceUnit, e: unknown): FileReport {
  const error =
    e instanceof ImportError
      ? { code: e.code, message: e.message, locator: e.locator }
      : sqliteCode(e) === 'SQLITE_BUSY'
        ? { code: 'BUSY', message: 'Saken var opptatt av en annen import for lenge; filen ble ikke importert. Prøv igjen.' }
        : { code: 'WRITE_FAILED', message: messageOf(e) };
  return { path: unit.displayPath, status: 'rejected', responses: 0, warnings: [], error };
}

function sqliteCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

/** Another process or window committed the same file (same SHA-256) between our check and our write. */
function isSameFileWrittenMeanwhile(e: unknown): boolean {
  return sqliteCode(e) === 'SQLITE_CONSTRAINT_UNIQUE' && messageOf(e).includes('source_file.sha256');
}

function unchanged(unit: SourceUnit, importedAs: string): FileReport {
  return {
    path: unit.displayPath,
    status: 'unchanged',
    responses: 0,
    warnings: [{ code: 'ALREADY_IMPORTED', message: `Filen er allerede importert (som ${importedAs}); ingenting ble endret` }],
  };
}

function skipped(unit: SourceUnit & { skipped: NonNullable<SourceUnit['skipped']> }): FileReport {
  return { path: unit.displayPath, status: 'skipped', responses: 0, warnings: [], reason: { ...unit.skipped } };
}

const NOT_REACHED = { code: 'STOPPED', message: 'Ikke importert: importen ble stoppet før denne filen' };

/** Reads, maps and matches one file without writing anything. */
async function understand(
  unit: SourceUnit & { bytes: Buffer },
  sha256: string,
  questions: MappingQuestion[],
  matcher: MunicipalityMatcher,
  limits: ImportLimits,
  preset?: MappingPreset,
  signal?: AbortSignal,
  context: ReadContext = {},
): Promise<Understood> {
  const hash = sha256;
  // A scan read with OCR for the preview is not read again when the import follows (ocr-readings.ts).
  const parsed = await readRemembered(unit.name, unit.bytes, limits, context, hash);
  const set =
    parsed.kind === 'table'
      ? await tableRecords(parsed, questions, limits, preset)
      : parsed.kind === 'email'
        ? await emailRecord(unit.name, parsed, questions, matcher, limits, context)
        : letterRecord(unit.name, parsed, questions, matcher, limits);
  throwIfCancelled(signal);
  const turn = cancellable(turnTaker(), signal);
  const matches: MatchResult[] = [];
  for (const r of set.records) {
    await turn();
    const m = r.match ?? matcher.match(r.respondentName, r.municipalityNumber);
    matches.push(m);
    if (m.status === 'matched' && m.warning) set.warnings.push({ code: 'NAME_NUMBER_MISMATCH', message: m.warning, locator: r.locator });
    if (r.municipalityNumber && !(m.status === 'matched' && m.how !== 'name')) {
      set.warnings.push({ code: 'UNKNOWN_NUMBER', message: `Kommunenummer «${r.municipalityNumber}» finnes ikke i kommuneregisteret`, locator: r.locator });
    }
    if (m.status === 'ambiguous') {
      set.warnings.push({ code: 'AMBIGUOUS', message: `«${r.respondentName}» passer med flere kommuner (${m.candidates.join(', ')}); velg riktig kommune`, locator: r.locator });
    } else if (m.status === 'unmatched' && isCountyCouncil(r, m)) {
      set.warnings.push({ code: 'COUNTY_COUNCIL', message: `«${r.respondentName}» er en fylkeskommune; lagret som fylkeskommune, utenfor tallene for kommunene`, locator: r.locator });
    } else if (m.status === 'unmatched') {
      set.warnings.push({ code: 'UNMATCHED', message: `«${r.respondentName}» finnes ikke i kommuneregisteret; lagret som annen innsender`, locator: r.locator });
    }
  }
  return { unit, sha256: hash, parsed, set, matches };
}

const COUNTY_COUNCIL_NAME = /\bfylkeskommune$/iu;

/**
 * A county council (fylkeskommune) is its own kind of respondent: a letter's
 * sender found as one, or a table row named «… fylkeskommune». Never one that
 * matched a municipality.
 */
export function isCountyCouncil(record: Pick<ImportRecord, 'respondentName' | 'sender'>, match: MatchResult): boolean {
  if (match.status === 'matched') return false;
  if (record.sender) return record.sender.status === 'found' && record.sender.kind === 'fylkeskommune';
  return COUNTY_COUNCIL_NAME.test(record.respondentName.trim());
}

/** Finds or creates the respondent for a record, within the transaction. */
class RespondentResolver {
  /** "m:<number>" or "<status>:<name key>" → respondent id; loaded once per file. */
  private known: Map<string, string> | null = null;

  constructor(
    private readonly trx: Transaction<DB>,
    private readonly deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>,
  ) {}

  private static key(name: string, match: MatchResult): string {
    return match.status === 'matched' ? `m:${match.number}` : `${match.status}:${nameKey(name)}`;
  }

  private async load(): Promise<Map<string, string>> {
    const rows = await this.trx.selectFrom('respondent').select(['id', 'name', 'match_status', 'municipality_number']).execute();
    const known = new Map<string, string>();
    for (const r of rows) {
      const key = r.municipality_number ? `m:${r.municipality_number}` : `${r.match_status}:${nameKey(r.name)}`;
      if (!known.has(key)) known.set(key, r.id);
    }
    return known;
  }

  /** New respondents, inserted together by the caller before their responses. */
  readonly created: Insertable<RespondentTable>[] = [];

  async resolve(record: ImportRecord, match: MatchResult): Promise<{ id: string; created: boolean }> {
    this.known ??= await this.load();
    const key = RespondentResolver.key(record.respondentName, match);
    // An ambiguous name ("Herøy") does not say who wrote: two such responses
    // may come from two municipalities, so neither is taken for a version of
    // the other. The caseworker's resolution merges them where they belong.
    const existing = match.status === 'ambiguous' ? undefined : this.known.get(key);
    if (existing) return { id: existing, created: false };
    const row = {
      ...authoredColumns(this.deps),
      name: record.respondentName,
      municipality_number: match.status === 'matched' ? match.number : null,
      match_status: match.status,
      match_candidates: JSON.stringify(match.status === 'ambiguous' ? match.candidates : []),
      county_council: isCountyCouncil(record, match) ? 1 : 0,
    };
    this.created.push(row);
    this.known.set(key, row.id);
    return { id: row.id, created: true };
  }
}

/**
 * Marks the newest response of each respondent current and the rest
 * superseded: newest by date received (a missing date counts as the import
 * day), then by import time. `turn` is the import's turn taker (only an
 * exclusive call may turn inside a transaction, see api/gate.ts).
 */
/** The order that makes a respondent's response current: newest received (a missing date counts as the import day), then newest imported. */
export const NEWEST_FIRST = sql`coalesce(received_date, substr(created_at, 1, 10)) DESC, created_at DESC, id DESC`;

export async function recomputeCurrent(trx: Transaction<DB>, respondentIds: Iterable<string>, turn: () => Promise<void> | undefined = () => undefined): Promise<void> {
  const ids = [...respondentIds];
  for (let i = 0; i < ids.length; i += 500) {
    await turn();
    const slice = ids.slice(i, i + 500);
    const list = sql.join(slice);
    await sql`
      UPDATE response SET is_current = (id IN (
        SELECT id FROM (
          SELECT id, row_number() OVER (
            PARTITION BY respondent_id
            ORDER BY ${NEWEST_FIRST}
          ) AS rank
          FROM response WHERE respondent_id IN (${list})
        ) WHERE rank = 1))
      WHERE respondent_id IN (${list})`.execute(trx);
  }
}

/**
 * Bulk insert with one prepared statement reused for every row: the import's
 * hot path (kysely would compile and prepare a statement per chunk). Runs on
 * the same connection, inside the caller's kysely transaction.
 */
async function insertMany<T extends keyof DB>(store: Store, table: T, rows: Insertable<DB[T]>[], turn: () => Promise<void> | undefined): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const statement = store.sqlite.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`,
  );
  for (const row of rows) {
    await turn();
    statement.run(row);
  }
}

/** The tables insertRecordsIn writes through its `insert`. */
export type RecordTable = 'respondent' | 'response' | 'answer';

/**
 * Writes import records as responses (with their respondents, found or made
 * by the register match) inside the caller's transaction, and marks the
 * newest response of each touched respondent current. Shared by the file
 * import and the REFI-QDA import of sources as responses.
 */
export async function insertRecordsIn(
  trx: Transaction<DB>,
  deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>,
  records: ImportRecord[],
  matches: MatchResult[],
  where: { batchId: string; sourceFileId: string },
  insert: <T extends RecordTable>(table: T, rows: Insertable<DB[T]>[]) => Promise<void> | void,
  /** Lets the event loop turn (and a cancel be noticed) between records; a file import passes its own. */
  turn: () => Promise<void> | undefined = () => undefined,
  /** Called with the number of records done, for progress. */
  onRecord?: (done: number, total: number) => void,
): Promise<{ counts: { matched: number; unmatched: number; ambiguous: number }; responses: Insertable<ResponseTable>[]; answers: Insertable<AnswerTable>[] }> {
  const questionIds = new Map((await trx.selectFrom('question').select(['id', 'ordinal']).execute()).map((q) => [q.ordinal, q.id]));
  const resolver = new RespondentResolver(trx, deps);
  const touched = new Set<string>();
  const counts = { matched: 0, unmatched: 0, ambiguous: 0 };
  const responses: Insertable<ResponseTable>[] = [];
  const answers: Insertable<AnswerTable>[] = [];
  for (const [i, record] of records.entries()) {
    onRecord?.(i, records.length);
    await turn();
    const match = matches[i];
    const respondent = await resolver.resolve(record, match);
    if (respondent.created) counts[match.status]++;
    touched.add(respondent.id);
    const response = {
      ...authoredColumns(deps),
      respondent_id: respondent.id,
      batch_id: where.batchId,
      source_file_id: where.sourceFileId,
      locator: record.locator,
      received_date: record.receivedDate,
      is_current: 0,
      needs_splitting: record.needsSplitting ? 1 : 0,
      ocr_confidence: record.ocr ? record.ocr.confidence : null,
      ocr_reading: record.ocr ? JSON.stringify(record.ocr) : null,
    };
    responses.push(response);
    record.answers.forEach((a, ordinal) => {
      answers.push({
        ...authoredColumns(deps),
        response_id: response.id,
        question_id: a.question === null ? null : (questionIds.get(a.question) ?? null),
        ordinal: ordinal + 1,
        text: a.text,
      });
    });
  }
  await insert('respondent', resolver.created);
  await insert('response', responses);
  await insert('answer', answers);
  await recomputeCurrent(trx, touched, turn);
  onRecord?.(records.length, records.length);
  return { counts, responses, answers };
}

type WriteOptions = ImportOptions & { onRecord?: (done: number, total: number) => void; saveReport: boolean };

/**
 * Writes one understood file in its own transaction and returns its report entry. With `saveReport`
 * the batch's report (the files so far, this one included) is written in the same transaction, so a
 * crash right after the commit does not leave imported rows under a batch whose report lacks them.
 */
async function write(store: Store, deps: CoreDeps, u: Understood, batch: { id: string | null; label: string }, earlier: FileReport[], options: WriteOptions): Promise<FileReport> {
  const newBatch = !batch.id;
  try {
    return await writeFile(store, deps, u, batch, earlier, options);
  } catch (e) {
    // The batch row was made in the transaction that failed and is gone with
    // it: the next file must make it again.
    if (newBatch) batch.id = null;
    throw e;
  }
}

async function writeFile(store: Store, deps: CoreDeps, u: Understood, batch: { id: string | null; label: string }, earlier: FileReport[], options: WriteOptions): Promise<FileReport> {
  return store.db.transaction().execute(async (trx) => {
    if (!batch.id) {
      const row = { ...authoredColumns(deps), label: batch.label, report: '{}' };
      await trx.insertInto('import_batch').values(row).execute();
      batch.id = row.id;
    }
    const ext = path.extname(u.unit.name).toLowerCase();
    const file = {
      ...authoredColumns(deps),
      batch_id: batch.id,
      name: u.unit.displayPath,
      sha256: u.sha256,
      size_bytes: u.unit.bytes.length,
      media_type: MEDIA_TYPES[ext] ?? 'application/octet-stream',
      content: u.unit.bytes,
      // An e-mail's sender, date, subject, Message-ID and attachments: what was read from it.
      email: u.set.email ? JSON.stringify(u.set.email) : null,
    };
    await trx.insertInto('source_file').values(file).execute();

    const turn = cancellable(turnTaker(), options.signal);
    const { counts, responses, answers } = await insertRecordsIn(
      trx,
      deps,
      u.set.records,
      u.matches,
      { batchId: batch.id, sourceFileId: file.id },
      (table, rows) => insertMany(store, table, rows, turn),
      turn,
      options.onRecord,
    );
    // The file's answers go into the search index in the same transaction: the
    // first search after the import finds them at once, and a file that rolls
    // back leaves no index rows behind.
    await indexWithinTransaction(store.sqlite, turn);
    await recordEvent(trx, deps, {
      action: 'import.file',
      entityType: 'source_file',
      entityId: file.id,
      after: { file: u.unit.displayPath, sha256: u.sha256, batch: batch.id, responses: responses.length, answers: answers.length },
    });
    const entry: FileReport = {
      ...describe(u),
      status: 'imported',
      responses: responses.length,
      respondents: { matched: counts.matched, unmatched: counts.unmatched, ambiguous: counts.ambiguous },
    };
    if (options.saveReport) {
      const report: ImportReport = { batchId: batch.id, files: [...earlier, entry] };
      await trx.updateTable('import_batch').set({ report: JSON.stringify(report) }).where('id', '=', batch.id).execute();
    }
    options.beforeCommit?.(u.unit.displayPath);
    // The last chance to stop before this file commits.
    throwIfCancelled(options.signal);
    return entry;
  });
}

type Evaluated =
  | { kind: 'done'; report: FileReport }
  | { kind: 'ready'; understood: Understood };

interface RunContext {
  store: Store;
  questions: MappingQuestion[];
  matcher: MunicipalityMatcher;
  limits: ImportLimits;
  preset?: MappingPreset;
  signal?: AbortSignal;
  ocrDataDir?: string;
  /** Page progress while a file is read with OCR. */
  onOcrPage?: (unit: SourceUnit, page: number, pages: number) => void;
}

/** Everything short of writing: unreadable, already imported, or understood. */
async function evaluate(ctx: RunContext, unit: SourceUnit): Promise<Evaluated> {
  if (unit.skipped) return { kind: 'done', report: skipped({ ...unit, skipped: unit.skipped }) };
  if (unit.error || !unit.bytes) return { kind: 'done', report: rejected(unit, unit.error) };
  const withBytes = { ...unit, bytes: unit.bytes };
  // Hashed once, in slices: a 10 MB file would otherwise hold the core.
  const sha256 = await runTurning(sha256Sliced(withBytes.bytes), cancellable(turnTaker(), ctx.signal));
  const seen = await importedAs(ctx.store, sha256);
  if (seen) return { kind: 'done', report: unchanged(unit, seen) };
  try {
    const context: ReadContext = ctx.ocrDataDir
      ? { ocr: { langPath: ctx.ocrDataDir, signal: ctx.signal, onPage: (page, pages) => ctx.onOcrPage?.(unit, page, pages) } }
      : {};
    return { kind: 'ready', understood: await understand(withBytes, sha256, ctx.questions, ctx.matcher, ctx.limits, ctx.preset, ctx.signal, context) };
  } catch (e) {
    if (isCancelled(e)) throw e;
    return { kind: 'done', report: rejected(unit, e) };
  }
}

async function importedAs(store: Store, hash: string): Promise<string | undefined> {
  return (await store.db.selectFrom('source_file').select('name').where('sha256', '=', hash).executeTakeFirst())?.name;
}

function describe(u: Understood): Omit<FileReport, 'status' | 'responses'> {
  const { parsed, set } = u;
  return {
    path: u.unit.displayPath,
    format: parsed.format,
    encoding: parsed.encoding,
    delimiter: parsed.kind === 'table' ? parsed.delimiter : undefined,
    mappings: set.mappings,
    needsSplitting: set.records.filter((r) => r.needsSplitting).length,
    ...(set.email ? { email: set.email } : {}),
    warnings: set.warnings,
  };
}

async function runContext(store: Store, options: ImportOptions): Promise<RunContext> {
  return {
    store,
    questions: await loadMappingQuestions(store),
    matcher: await loadMatcher(store),
    limits: { ...importLimits, ...options.limits },
    preset: options.preset,
    signal: options.signal,
    ocrDataDir: options.ocrDataDir,
  };
}

/** What an import would do, without writing anything: for the wizard's preview. */
export async function previewPaths(store: Store, inputs: string[], options: ImportOptions & { displayRoot?: string } = {}): Promise<ImportReport> {
  const ctx = await runContext(store, options);
  const files: FileReport[] = [];
  for (const unit of await collectSources(inputs, ctx.limits, options.displayRoot)) {
    const evaluated = await evaluate(ctx, unit);
    if (evaluated.kind === 'done') {
      files.push(evaluated.report);
      continue;
    }
    const u = evaluated.understood;
    files.push({
      ...describe(u),
      status: 'ready',
      responses: u.set.records.length,
      matches: u.set.records.map((r, i) => {
        const m = u.matches[i];
        const number = m.status === 'matched' ? m.number : null;
        return {
          locator: r.locator,
          respondentName: r.respondentName,
          status: m.status,
          municipalityNumber: number,
          municipalityName: number ? (ctx.matcher.entry(number)?.name ?? null) : null,
          candidates: m.status === 'ambiguous' ? m.candidates : [],
          ...(r.sender ? { sender: r.sender, receivedDate: r.receivedDate, dateReason: r.dateReason } : {}),
          ...(r.split ? { split: r.split } : {}),
        };
      }),
    });
  }
  return { batchId: null, files };
}

export async function importPaths(
  store: Store,
  inputs: string[],
  deps: CoreDeps,
  options: ImportOptions & { displayRoot?: string } = {},
): Promise<ImportReport> {
  const ctx = await runContext(store, options);
  const units = await collectSources(inputs, ctx.limits, options.displayRoot);
  const batch: { id: string | null; label: string } = { id: null, label: options.label ?? `Import ${formatNorwegianDateTime(deps.now())}` };
  const files: FileReport[] = [];
  const progress = new ImportProgressTracker(
    units.map((u) => u.bytes?.length ?? 0),
    () => deps.now().getTime(),
    (p) => options.onProgress?.(p),
  );
  // A scan's pages read with OCR are the current file's steps (page 2 of 3).
  ctx.onOcrPage = (_unit, page, pages) => progress.stepTo('pages', page - 1, pages);
  let stopped = false;
  // Turns after the last file's commit, which held the core already (so its first turn comes at once).
  const afterCommit = turnTaker();
  try {
    await importUnits();
  } catch (e) {
    if (!isCancelled(e)) throw e;
    const saved = files.filter((f) => f.status === 'imported');
    if (saved.length === 0) throw e;
    // Files before the cancel committed in their own transactions and stay;
    // their batch keeps a report and the user is told which they are.
    await saveReport({ batchId: batch.id, files });
    throw new ApiError('CANCELLED', cancelledAfterSaving(saved.map((f) => f.path)));
  }
  const report: ImportReport = { batchId: batch.id, files, ...(stopped ? { stopped } : {}) };
  await saveReport(report);
  // Personal data is looked for at import (the list and exports would otherwise scan on first use),
  // turning: 50,000 new answers take seconds to read.
  await refreshPersonalDataTurning(store.sqlite, afterCommit);
  return report;

  async function saveReport(report: ImportReport): Promise<void> {
    if (!batch.id) return;
    await store.db.updateTable('import_batch').set({ report: JSON.stringify(report) }).where('id', '=', batch.id).execute();
  }

  function finish(report: FileReport): void {
    files.push(report);
    progress.finishFile(report);
  }

  async function importUnits(): Promise<void> {
    for (const [n, unit] of units.entries()) {
      throwIfCancelled(options.signal);
      if (options.stop?.aborted) {
        // Stopped after the file before: the rest is listed, not imported; what would be skipped anyway
        // (a README.md, a link out of the folder) is said to be skipped, so «the rest» holds only what can go in.
        stopped = true;
        for (const rest of units.slice(n)) files.push(rest.skipped ? skipped({ ...rest, skipped: rest.skipped }) : { path: rest.displayPath, status: 'cancelled', responses: 0, warnings: [], reason: NOT_REACHED });
        return;
      }
      progress.startFile(n, unit.displayPath);
      const evaluated = await evaluate(ctx, unit);
      throwIfCancelled(options.signal);
      if (evaluated.kind === 'done') {
        finish(evaluated.report);
        continue;
      }
      try {
        await options.beforeWrite?.(unit.displayPath);
        // The report so far goes with every file of a batch of up to 200 (the crash harness's letters);
        // beyond that with every 50th and the last, so a 5,000-letter ZIP does not rewrite it 5,000 times.
        const saveReport = units.length <= 200 || n === units.length - 1 || files.length % 50 === 0;
        const entry = await write(store, deps, evaluated.understood, batch, files, {
          ...options,
          saveReport,
          onRecord: (done, total) => progress.stepTo('rows', done, total),
        });
        finish(entry);
      } catch (e) {
        if (isCancelled(e)) throw e;
        const raced = isSameFileWrittenMeanwhile(e) ? await importedAs(store, evaluated.understood.sha256) : undefined;
        finish(raced ? unchanged(unit, raced) : rejected(unit, e));
      }
    }
  }
}

export async function listBatches(store: Store): Promise<BatchSummary[]> {
  const rows = await store.db.selectFrom('import_batch').selectAll().orderBy('created_at', 'desc').execute();
  return rows.map((r) => ({ id: r.id, label: r.label, createdAt: r.created_at, createdBy: r.created_by, report: parseImportReport(r.report) }));
}
