// Work packages: the master cuts out what one caseworker needs to code their
// respondents' responses into a package file; the caseworker opens it on
// their own laptop as a working copy (a project file of its own).
//
// A package holds the case (project, questions, the whole municipality
// register), the assigned respondents with all their responses (current and
// superseded), answers, source files and import batches, every code,
// variable, report and finding, the codings, values, memos and finding links
// on those responses, and the project and code memos. Other respondents'
// responses are left out: a working copy shows only the caseworker's own
// (its "Ikke svart" view therefore counts the others as not answered). The
// audit trail is not copied: the copy's trail starts empty, so everything in
// it is the caseworker's own work, which is exactly what a return carries.
// The base marker is the master's audit trail position when the package was
// cut, read in the same snapshot as the data.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { z } from 'zod';
import type { PackageExportResult, WorkPackageSummary } from '../../../src-shared/team';
import { ApiError } from '../../../src-shared/errors';
import { recordEvent } from '../audit/record';
import type { CoreDeps } from '../deps';
import { defaultFileName, resolveTarget, safeBaseName, writeAtomically } from '../export/files';
import { migrationProvider } from '../store/migrations';
import { APPLICATION_ID, appliedMigrations, buildNewFile, openStore, projectFilePath, type Store } from '../store/open';
import type { DB } from '../store/schema';
import { respondentsOf } from './assignments';
import { sealedIf, withPlainPackage } from './encryption';
import { checkVersions, openPackageFile, WORK_PACKAGE_APPLICATION_ID } from './files';
import { PACKAGE_FORMAT_VERSION, requireMaster } from './origin';

type Deps = Pick<CoreDeps, 'now' | 'newId' | 'author'>;

/** Tables copied whole, and how the others are cut to the assigned respondents (SQL over the attached master `m`). */
const COPY: [table: string, where: string | null][] = [
  ['project', null],
  ['police_district', null],
  ['municipality', null],
  ['question', null],
  ['question_option', null],
  ['mapping_preset', null],
  ['import_batch', `id IN (SELECT batch_id FROM m.response WHERE respondent_id IN (SELECT id FROM temp.pick)
                      UNION SELECT f.batch_id FROM m.source_file f JOIN m.response r ON r.source_file_id = f.id WHERE r.respondent_id IN (SELECT id FROM temp.pick))`],
  ['source_file', `id IN (SELECT source_file_id FROM m.response WHERE respondent_id IN (SELECT id FROM temp.pick))`],
  ['respondent', `id IN (SELECT id FROM temp.pick)`],
  ['response', `respondent_id IN (SELECT id FROM temp.pick)`],
  ['answer', `response_id IN (SELECT id FROM main.response)`],
  ['assignment', `respondent_id IN (SELECT id FROM temp.pick)`],
  ['finding_report', null],
  ['finding', null],
  ['code', null],
  ['variable', null],
  ['coding', `answer_id IN (SELECT id FROM main.answer)`],
  ['variable_value', `response_id IN (SELECT id FROM main.response)`],
  ['memo', `target_type IN ('project', 'code') OR (target_type = 'response' AND target_id IN (SELECT id FROM main.response))
            OR (target_type = 'answer' AND target_id IN (SELECT id FROM main.answer))`],
  ['finding_link', `answer_id IN (SELECT id FROM main.answer)`],
];

/** The header of a work package as this version reads it. */
const PackageOrigin = z.object({ master_title: z.string(), assignee: z.string(), format_version: z.number() });

function columnsOf(sqlite: Database.Database, table: string): string {
  const cols = sqlite.prepare<[table: string], string>(`SELECT name FROM pragma_table_info(?)`).pluck().all(table);
  return cols.map((c) => `"${c}"`).join(', ');
}

async function migrateFresh(sqlite: Database.Database): Promise<void> {
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  // Not destroyed: that would close the shared handle, which the caller still uses.
}

interface Built {
  baseSeq: number;
  respondents: number;
  responses: number;
}

/** Builds the package database at `file` from the master file, in one read snapshot of the master. */
async function buildPackage(
  file: string,
  masterPath: string,
  respondentIds: string[],
  origin: { id: string; at: string; by: string; assignee: string },
): Promise<Built> {
  const sqlite = new Database(file);
  try {
    sqlite.pragma(`application_id = ${WORK_PACKAGE_APPLICATION_ID}`);
    sqlite.pragma('foreign_keys = ON');
    await migrateFresh(sqlite);
    sqlite.prepare('ATTACH DATABASE ? AS m').run(masterPath);
    sqlite.exec('CREATE TEMP TABLE pick (id TEXT PRIMARY KEY)');
    const pick = sqlite.prepare('INSERT OR IGNORE INTO temp.pick (id) VALUES (?)');
    const built = sqlite.transaction((): Built => {
      for (const id of respondentIds) pick.run(id);
      for (const [table, where] of COPY) {
        const cols = columnsOf(sqlite, table);
        sqlite.exec(`INSERT INTO main.${table} (${cols}) SELECT ${cols} FROM m.${table}${where ? ` WHERE ${where}` : ''}`);
      }
      // Aggregates without GROUP BY always yield their one row.
      const baseSeq = sqlite.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM m.event').pluck().get() ?? 0;
      const project = sqlite.prepare<[], { id: string; title: string }>('SELECT id, title FROM main.project').get();
      if (!project) throw new ApiError('INTERNAL', 'The project file has no project row to make a work package of');
      const respondents = sqlite.prepare<[], number>('SELECT count(*) FROM main.respondent').pluck().get() ?? 0;
      const responses = sqlite.prepare<[], number>('SELECT count(*) FROM main.response WHERE is_current = 1').pluck().get() ?? 0;
      sqlite
        .prepare(
          `INSERT INTO package_origin (id, created_at, created_by, updated_at, updated_by, master_project_id, master_title, assignee,
             base_seq, local_seq, format_version, respondents, responses)
           VALUES (@id, @at, @by, @at, @by, @projectId, @title, @assignee, @baseSeq, 0, @format, @respondents, @responses)`,
        )
        .run({ ...origin, projectId: project.id, title: project.title, baseSeq, format: PACKAGE_FORMAT_VERSION, respondents, responses });
      return { baseSeq, respondents, responses };
    })();
    sqlite.exec('DETACH DATABASE m');
    const problems = sqlite.pragma('foreign_key_check');
    if (Array.isArray(problems) && problems.length > 0) throw new ApiError('INTERNAL', `The work package would refer to rows it does not hold (${JSON.stringify(problems[0])})`);
    return built;
  } finally {
    sqlite.close();
  }
}

export async function exportWorkPackage(
  store: Store,
  deps: Deps,
  workspaceDir: string,
  input: { assignee: string; target?: string; passphrase?: string },
): Promise<PackageExportResult> {
  const started = Date.now();
  await requireMaster(store.db, 'work packages are made');
  const assignee = input.assignee.trim();
  const respondentIds = await respondentsOf(store.db, assignee);
  if (respondentIds.length === 0) throw new ApiError('INVALID_INPUT', `No respondents are assigned to ${assignee}; assign some before making a work package.`);
  const project = await store.db.selectFrom('project').select('title').executeTakeFirstOrThrow();
  const at = deps.now();
  const fallback = defaultFileName(project.title, `arbeidspakke ${safeBaseName(assignee)}`, at.toISOString().slice(0, 10), 'innspillpakke');
  const target = resolveTarget(workspaceDir, input.target, fallback, 'innspillpakke');
  const packageId = deps.newId();
  // Everything written so far is in the file the package reads (the WAL is shared by connections).
  let built: Built | null = null;
  const sizeBytes = await writeAtomically(target, async (temp) => {
    await sealedIf(input.passphrase, 'work', temp, async (plain) => {
      built = await buildPackage(plain, store.path, respondentIds, { id: packageId, at: at.toISOString(), by: deps.author(), assignee });
    });
  });
  const { baseSeq, respondents, responses } = built!;
  await store.db.transaction().execute(async (trx) => {
    const by = deps.author();
    const row = {
      id: packageId,
      created_at: at.toISOString(),
      created_by: by,
      updated_at: at.toISOString(),
      updated_by: by,
      assignee,
      base_seq: baseSeq,
      respondents,
      responses,
      file_name: path.basename(target),
    };
    await trx.insertInto('work_package').values(row).execute();
    await recordEvent(trx, deps, { action: 'team.exportPackage', entityType: 'work_package', entityId: packageId, after: row });
  });
  return { path: target, fileName: path.basename(target), sizeBytes, packageId, assignee, respondents, responses, baseSeq, encrypted: Boolean(input.passphrase), durationMs: Date.now() - started };
}

/** Makes the working copy from a work package and opens it. */
export async function openWorkPackage(file: string, workspaceDir: string, target?: string, passphrase?: string): Promise<Store> {
  const full = path.resolve(workspaceDir, file);
  // An encrypted package is decrypted (and checked) into a scratch file first; nothing is created before that succeeds.
  return withPlainPackage(full, 'work', passphrase, (plain) => openPlainWorkPackage(plain, workspaceDir, target));
}

async function openPlainWorkPackage(full: string, workspaceDir: string, target?: string): Promise<Store> {
  const sqlite = openPackageFile(full, 'work');
  let origin: { master_title: string; assignee: string; format_version: number };
  try {
    const schema = appliedMigrations(sqlite);
    if (schema.length === 0) throw new ApiError('NOT_A_PACKAGE', `Not a work package (no schema): ${full}`);
    let row: typeof origin | undefined;
    try {
      // The package comes from outside: its header is checked, not trusted.
      const found = PackageOrigin.safeParse(sqlite.prepare('SELECT master_title, assignee, format_version FROM package_origin').get());
      row = found.success ? found.data : undefined;
    } catch {
      row = undefined;
    }
    // A package from a newer Innspill may lack the columns this version reads: the schema check comes first.
    checkVersions(schema, row?.format_version ?? 0, full);
    if (!row) throw new ApiError('NOT_A_PACKAGE', `Not a work package (no package header): ${full}`);
    origin = row;
  } finally {
    sqlite.close();
  }
  // The working copy's file: the target given (relative: in the workspace), else "<title> - <assignee>.innspill".
  const copy = projectFilePath(workspaceDir, target ?? `${safeBaseName(origin.master_title)} - ${safeBaseName(origin.assignee)}`);
  await buildNewFile(copy, async (temp) => {
    copyFileSync(full, temp);
    const db = new Database(temp);
    try {
      db.pragma(`application_id = ${APPLICATION_ID}`);
    } finally {
      db.close();
    }
  });
  return openStore(copy);
}

/** The work packages this master exported, newest first, with their merges and open conflicts. */
export async function listWorkPackages(db: Kysely<DB>): Promise<WorkPackageSummary[]> {
  const packages = await db.selectFrom('work_package').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  const merges = await db
    .selectFrom('package_merge')
    .select((eb) => ['package_id', eb.fn.countAll<number>().as('n'), eb.fn.max('created_at').as('last')])
    .groupBy('package_id')
    .execute();
  const open = await db
    .selectFrom('merge_conflict')
    .select((eb) => ['package_id', eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'open')
    .groupBy('package_id')
    .execute();
  const mergeBy = new Map(merges.map((m) => [m.package_id, m]));
  const openBy = new Map(open.map((o) => [o.package_id, Number(o.n)]));
  return packages.map((p) => ({
    id: p.id,
    assignee: p.assignee,
    baseSeq: p.base_seq,
    createdAt: p.created_at,
    createdBy: p.created_by,
    respondents: p.respondents,
    responses: p.responses,
    merges: Number(mergeBy.get(p.id)?.n ?? 0),
    lastMergedAt: mergeBy.get(p.id)?.last ?? null,
    openConflicts: openBy.get(p.id) ?? 0,
  }));
}
