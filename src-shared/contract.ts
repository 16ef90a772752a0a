// The API contract: one typed table of methods shared by the core (which
// implements it), the transports (Electron IPC, local HTTP host) and the UI
// (which calls it through a generated client). Every input is a zod schema and
// is parsed at the boundary; results are plain data described by a type.
import { z } from 'zod';
import { ENTITIES, type Effects, type Entity } from './entities';
import { backupSettingsSchema, type BackupList, type BackupReason, type BackupRestoreResult, type BackupSnapshot, type BackupVerifyResult } from './backup';
import type { AuditEntry, Code, CodeGroup, Coding, CodingProgress, Memo, UndoState, Variable, WorkspaceResponse } from './coding';
import type { AnswerFindingLink, Finding, FindingLink, FindingReport, FindingView } from './findings';
import type { CodeGroupResult, CodeMatrix, Cooccurrence, MatrixQuote, SharedPassagesResult, SharedTextResult, StationAnalysis, VariableAnalysis } from './analysis';
import { mappingPresetSchema, type BatchSummary, type ImportProgress, type ImportReport, type SavedPreset } from './imports';
import { searchInputSchema, type SearchResult } from './search';
import { suggestEvaluateInputSchema, suggestForResponseInputSchema, type ResponseSuggestions, type SuggestEvaluation } from './suggest';
import type { RefiImportReport } from './refi';
import { personalFilterSchema } from './personal';
import {
  agreementReportInputSchema,
  disagreementsInputSchema,
  resolveInputSchema,
  type AgreementReport,
  type AgreementResolution,
  type DisagreementList,
} from './agreement';
import {
  assignInputSchema,
  assigneeSchema,
  conflictsInputSchema,
  exportPackageInputSchema,
  openPackageInputSchema,
  passphraseSchema,
  resolveConflictInputSchema,
  unassignInputSchema,
  type AssignmentOverview,
  type AssignResult,
  type ConflictView,
  type MergeReport,
  type PackageExportResult,
  type ReturnExportResult,
  type ReturnPreview,
  type WorkPackageSummary,
} from './team';
import { CSV_TABLES, exportTargetSchema, memoOptionsSchema, workbookOptionsSchema, type ExportDefaults, type ExportResult } from './export';
import type {
  AppInfo,
  County,
  Municipality,
  OriginalView,
  OcrPageImage,
  PoliceDistrict,
  ProjectFile,
  ProjectStats,
  ProjectSummary,
  RespondentSummary,
  ResponseDetail,
  ErasurePlan,
  ErasureResult,
  ResponsePage,
  ResponseSummary,
  Settings,
  TemplateSummary,
  UnansweredSummary,
} from './domain';
import { RESPONSE_STATUSES } from './domain';

/**
 * A snapshot of the project file that dispatch takes before the handler runs
 * (outside its transaction; src-main/core/backup/auto.ts): a bulk operation's
 * reason takes one before every call, 'coding' at most one per configured
 * interval (settings: backup.codingIntervalMinutes).
 */
export type SnapshotBefore = Exclude<BackupReason, 'manual' | 'restore'>;

interface MethodOptions extends Effects {
  /** Set on every method that changes many rows at once (and on coding); such a method also `changes` 'backups'. */
  snapshotBefore?: SnapshotBefore;
}

interface MethodSpec<I extends z.ZodType, R> extends MethodOptions {
  input: I;
  /** Phantom field: carries the result type, never read at run time. */
  result: R;
}

/**
 * A method: its input schema and what it reads and changes (src-shared/entities.ts).
 * `changes` must name every entity whose tables the handler may write (a test
 * holds the handlers to it); `reads` decides which cached queries a change refetches.
 */
function method<I extends z.ZodType>(input: I, effects: MethodOptions) {
  return {
    returns<R>(): MethodSpec<I, R> {
      return { input, reads: effects.reads, changes: effects.changes, snapshotBefore: effects.snapshotBefore, result: undefined as R };
    },
  };
}

/** What the whole-case views (statistics, exports, packages) are computed from. */
const CASE: readonly Entity[] = ENTITIES.filter((e) => e !== 'settings' && e !== 'presets' && e !== 'backups');
/** What undo, redo, a merge or a conflict decision can change: every undoable table, and the trail. */
const UNDOABLE: readonly Entity[] = ['codebook', 'codings', 'variables', 'memos', 'responses', 'findings', 'team', 'agreement', 'history'];

const none = z.object({}).strict();
const filePath = z.string().trim().min(1, 'Mangler filsti').max(4096);
const id = z.string().min(1).max(64);
/** A caller's own name for a long call (import, export), so task.cancel can stop that very call. */
const taskId = z.string().min(1).max(100).optional();
const municipalityNumber = z.string().regex(/^\d{4}$/, 'four digits');
const importPaths = z.array(filePath).min(1).max(10_000);
const colour = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'a colour like #1E6FA8');
const shortcut = z.string().regex(/^[a-z0-9]$/, 'one letter or digit').nullable();
const offset = z.number().int().min(0);
/** A code's own fields (create takes them, update any of them). */
const codeFields = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).optional(),
  colour: colour.optional(),
  questionId: id.nullable().optional(),
  shortcut: shortcut.optional(),
});
const responseStatus = z.enum(RESPONSE_STATUSES);
const memoTarget = z.enum(['project', 'response', 'answer', 'code']);
const evidence = z.object({ answerId: id, start: offset, end: offset }).strict();
const exportedFile = z.object({ fileName: z.string().min(1).max(300), base64: z.string().max(50_000_000) }).strict();
/** REFI-QDA selection positions: Unicode code points (the standard) or UTF-16 code units (NVivo). */
const refiPositionUnit = z.enum(['codepoint', 'utf16']);
const refiImportOptions = { positions: refiPositionUnit.optional(), sourcesAsResponses: z.boolean().optional() };
const analysisGroupBy = z.enum(['policeDistrict', 'county', 'populationBand']);
const variableOptions = z.array(z.object({ value: z.string().regex(/^[a-z0-9_]+$/), label: z.string().min(1).max(300) }).strict()).max(50);

/** The response list's filters (responses.list and responses.page). */
const responseFilter = z
  .object({
    status: responseStatus.optional(),
    codeId: id.optional(),
    variable: z.object({ variableId: id, value: z.string().max(200).nullable() }).strict().optional(),
    coder: z.string().max(120).optional(),
    includeSuperseded: z.boolean().optional(),
    policeDistrictCode: z.string().regex(/^p\d{2}$/).optional(),
    countyNumber: z.string().regex(/^\d{2}$/).optional(),
    needsSplitting: z.boolean().optional(),
    matchStatus: z.enum(['matched', 'unmatched', 'ambiguous']).optional(),
    query: z.string().max(200).optional(),
    /** Responses of respondents assigned to this caseworker; 'none': unassigned. */
    assignee: assigneeSchema.optional(),
    /** Responses with personal data found: of this kind, or of any kind ('any'); 'none': without. */
    personal: personalFilterSchema.optional(),
  })
  .strict();
const RESPONSE_LIST_READS: readonly Entity[] = ['responses', 'respondents', 'registry', 'batches', 'codebook', 'codings', 'variables', 'team', 'project'];

export const templateIdSchema = z.enum(['brev-kommunene-2022', 'blank']);
export const localeSchema = z.enum(['nb', 'en']);

export const contract = {
  'app.info': method(none, { reads: [], changes: [] }).returns<AppInfo>(),

  'settings.get': method(none, { reads: ['settings'], changes: [] }).returns<Settings>(),
  'settings.update': method(
    z
      .object({
        userName: z.string().trim().min(1).max(120).optional(),
        locale: localeSchema.optional(),
        /** Only the backup settings given change. */
        backup: backupSettingsSchema.partial().optional(),
      })
      .strict(),
    { reads: ['settings'], changes: ['settings'] },
  ).returns<Settings>(),

  'project.templates': method(none, { reads: [], changes: [] }).returns<TemplateSummary[]>(),
  'project.list': method(none, { reads: [], changes: [] }).returns<ProjectFile[]>(),
  'project.create': method(
    z
      .object({
        path: filePath,
        template: templateIdSchema.default('brev-kommunene-2022'),
        title: z.string().trim().min(1).max(300).optional(),
      })
      .strict(),
    { reads: [], changes: [] },
  ).returns<ProjectSummary>(),
  'project.open': method(z.object({ path: filePath }).strict(), { reads: [], changes: [] }).returns<ProjectSummary>(),
  'project.close': method(none, { reads: [], changes: [] }).returns<null>(),
  'project.current': method(none, { reads: ['project', 'registry', 'team'], changes: [] }).returns<ProjectSummary | null>(),

  'registry.municipalities': method(
    z
      .object({
        query: z.string().max(200).optional(),
        countyNumber: z.string().regex(/^\d{2}$/).optional(),
        policeDistrictCode: z.string().regex(/^p\d{2}$/).optional(),
      })
      .strict(),
    { reads: ['registry'], changes: [] },
  ).returns<Municipality[]>(),
  'registry.policeDistricts': method(none, { reads: ['registry'], changes: [] }).returns<PoliceDistrict[]>(),
  'registry.counties': method(none, { reads: ['registry'], changes: [] }).returns<County[]>(),
  'registry.unanswered': method(none, { reads: ['registry', 'respondents', 'responses'], changes: [] }).returns<UnansweredSummary>(),

  /** Bytes from a browser's file picker or drop, staged for import by path. */
  'import.stage': method(
    z
      .object({
        files: z
          .array(z.object({ name: z.string().min(1).max(1000), base64: z.string().max(180_000_000) }).strict())
          .min(1)
          .max(2000),
      })
      .strict(),
    { reads: [], changes: [] },
  ).returns<{ paths: string[] }>(),
  'import.preview': method(z.object({ paths: importPaths, preset: mappingPresetSchema.optional() }).strict(), { reads: ['project', 'registry', 'batches', 'respondents', 'responses'], changes: [] }).returns<ImportReport>(),
  'import.run': method(
    z.object({ paths: importPaths, preset: mappingPresetSchema.optional(), label: z.string().trim().min(1).max(200).optional(), taskId }).strict(),
    { reads: ['project', 'registry', 'batches', 'respondents', 'responses'], changes: ['batches', 'respondents', 'responses', 'history', 'backups'], snapshotBefore: 'import' },
  ).returns<ImportReport>(),
  'import.batches': method(none, { reads: ['batches', 'responses'], changes: [] }).returns<BatchSummary[]>(),
  'import.presets': method(none, { reads: ['presets'], changes: [] }).returns<SavedPreset[]>(),
  'import.savePreset': method(z.object({ name: z.string().trim().min(1).max(200), preset: mappingPresetSchema }).strict(), { reads: ['presets'], changes: ['presets', 'history'] }).returns<SavedPreset>(),
  /** Creates a project and loads the synthetic demo batch into it. */
  'import.demo': method(z.object({ path: filePath, taskId }).strict(), { reads: [], changes: ['batches', 'respondents', 'responses', 'history'] }).returns<{ project: ProjectSummary; report: ImportReport }>(),
  /**
   * Stops a long task: the call whose `taskId` the caller chose (it may still
   * be waiting or not yet started: it then starts stopped, so one cancel is
   * enough), or else the running task named as in its progress events. An
   * import stops after the file it is on (that file goes in whole) and reports
   * the rest as not imported; with `now` it stops at once, ends with CANCELLED
   * and the open file's transaction rolls back. An export always stops at
   * once: CANCELLED, its half-written file removed. Answers at once, even
   * while the task holds the project (api/gate.ts FREE_METHODS).
   */
'task.cancel': method(
    z
      .object({ task: z.enum(['import', 'export']).optional(), taskId, now: z.boolean().optional() })
      .strict()
      .refine((v) => v.task !== undefined || v.taskId !== undefined, { message: 'task or taskId is required', path: ['task'] }),
    { reads: [], changes: [] },
  ).returns<{ cancelled: boolean; message: string }>(),

  'respondents.list': method(z.object({ status: z.enum(['matched', 'unmatched', 'ambiguous']).optional() }).strict(), { reads: ['respondents', 'registry', 'responses'], changes: [] }).returns<RespondentSummary[]>(),
  'respondents.resolve': method(
    z.object({ respondentId: id, municipalityNumber: municipalityNumber.nullable() }).strict(),
    { reads: ['respondents', 'registry'], changes: ['respondents', 'responses', 'history'] },
  ).returns<RespondentSummary>(),

  'responses.list': method(responseFilter, { reads: RESPONSE_LIST_READS, changes: [] }).returns<ResponseSummary[]>(),
  /**
   * One page of the response list, filtered and sorted in SQL (Norwegian order, ties by date imported, newest
   * first, then id), with the whole list's count. `cursor` is the previous page's `nextCursor`.
   */
  'responses.page': method(
    responseFilter
      .extend({
        sort: z.object({ key: z.enum(['name', 'county', 'district', 'received']), direction: z.enum(['ascending', 'descending']) }).strict().optional(),
        cursor: z.string().min(1).max(4000).nullable().optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
    { reads: RESPONSE_LIST_READS, changes: [] },
  ).returns<ResponsePage>(),
  'responses.get': method(z.object({ id }).strict(), { reads: ['responses', 'respondents', 'registry', 'batches', 'project'], changes: [] }).returns<ResponseDetail>(),
  'responses.setStatus': method(z.object({ id, status: responseStatus }).strict(), { reads: ['responses'], changes: ['responses', 'history'] }).returns<null>(),
  /** Corrects the date a response was received (null: not known); audited and undoable. */
  'responses.setReceived': method(z.object({ responseId: id, date: z.iso.date().nullable() }).strict(), { reads: ['responses'], changes: ['responses', 'history'] }).returns<ResponseDetail>(),
  'responses.progress': method(none, { reads: ['responses', 'codings'], changes: [] }).returns<CodingProgress>(),
  'responses.original': method(z.object({ id }).strict(), { reads: ['responses', 'batches'], changes: [] }).returns<OriginalView>(),
  /** What `responses.erase` would remove (counts for its dialog); changes nothing. */
  'responses.erasePlan': method(z.object({ id }).strict(), {
    reads: ['responses', 'respondents', 'batches', 'codings', 'variables', 'memos', 'findings', 'backups'],
    changes: [],
  }).returns<ErasurePlan>(),
  /** A page of a response read with OCR, drawn from its stored source file, with the words read with low confidence (the first page read with OCR when none is named). */
  'responses.ocrPage': method(z.object({ id, page: z.number().int().min(1).max(100_000).optional() }).strict(), { reads: ['responses', 'batches'], changes: [] }).returns<OcrPageImage>(),
  /**
   * «Slett besvarelse permanent»: erases one response (and its respondent if asked) with its source file, codings,
   * links, values and memos, scrubs its text from the audit trail and the search index, and records what was erased.
   * Not undoable; `confirm` must be true (the dialog's explicit confirmation).
   */
  'responses.erase': method(z.object({ id, withRespondent: z.boolean().default(false), confirm: z.literal(true) }).strict(), {
    reads: ['responses', 'backups'],
    changes: ['responses', 'respondents', 'batches', 'codings', 'variables', 'memos', 'findings', 'history', 'team', 'agreement'],
  }).returns<ErasureResult>(),
  /** Moves selected text of an answer part to a question (null: unassigned). */
  'answers.assign': method(
    z
      .object({ answerId: id, start: z.number().int().min(0), end: z.number().int().min(1), questionId: id.nullable() })
      .strict()
      .refine((v) => v.end > v.start, { message: 'end must be after start', path: ['end'] }),
    { reads: ['responses', 'project'], changes: ['responses', 'history'] },
  ).returns<ResponseDetail>(),

  'stats.get': method(none, { reads: CASE, changes: [] }).returns<ProjectStats>(),

  /** Full-text search over answers (query syntax: src-shared/search.ts). */
  'search.query': method(searchInputSchema, { reads: ['responses', 'respondents', 'registry', 'project', 'codebook', 'codings'], changes: [] }).returns<SearchResult>(),

  /** The coding assistant (src-shared/suggest.ts): code suggestions for one response's uncoded answers; read-only, never codes. */
  'suggest.forResponse': method(suggestForResponseInputSchema, { reads: ['responses', 'codebook', 'codings', 'project'], changes: [] }).returns<ResponseSuggestions>(),
  /** The assistant's cross-validated precision, recall and F1 per code on the project's own codings. */
  'suggest.evaluate': method(suggestEvaluateInputSchema, { reads: ['responses', 'codebook', 'codings', 'project'], changes: [] }).returns<SuggestEvaluation>(),

  'codebook.list': method(none, { reads: ['codebook', 'codings', 'responses'], changes: [] }).returns<Code[]>(),
  'codebook.create': method(codeFields.extend({ parentId: id.nullable().optional() }).strict(), { reads: ['codebook'], changes: ['codebook', 'history'] }).returns<Code>(),
  'codebook.update': method(codeFields.partial().extend({ id }).strict(), { reads: ['codebook'], changes: ['codebook', 'history'] }).returns<Code>(),
  'codebook.move': method(z.object({ id, parentId: id.nullable(), index: z.number().int().min(0) }).strict(), { reads: ['codebook'], changes: ['codebook', 'history'] }).returns<null>(),
  'codebook.merge': method(z.object({ sourceId: id, targetId: id }).strict(), { reads: ['codebook', 'codings'], changes: ['codebook', 'codings', 'history', 'backups'], snapshotBefore: 'codebookMerge' }).returns<{ moved: number; duplicates: number }>(),
  'codebook.deletePreview': method(z.object({ id }).strict(), { reads: ['codebook', 'codings'], changes: [] }).returns<{ codes: number; codings: number }>(),
  'codebook.delete': method(z.object({ id }).strict(), { reads: ['codebook', 'codings'], changes: ['codebook', 'codings', 'history', 'backups'], snapshotBefore: 'codebookDelete' }).returns<{ codes: number; codings: number }>(),
  'codebook.adoptStarter': method(none, { reads: ['codebook', 'project'], changes: ['codebook', 'history'] }).returns<{ added: number }>(),
  'codebook.export': method(z.object({ format: z.enum(['qdc', 'csv', 'xlsx']) }).strict(), { reads: ['codebook', 'codings', 'project', 'responses'], changes: [] }).returns<{ fileName: string; mediaType: string; base64: string }>(),
  /** groups: code groups (a .qdc's <Sets> of codes) created or updated. */
  'codebook.import': method(exportedFile, { reads: ['codebook'], changes: ['codebook', 'history'] }).returns<{ created: number; updated: number; groups: number }>(),
  'codebook.groups': method(none, { reads: ['codebook'], changes: [] }).returns<CodeGroup[]>(),

  'codings.create': method(z.object({ answerId: id, codeId: id, start: offset.optional(), end: offset.optional() }).strict(), { reads: ['codings', 'codebook', 'responses'], changes: ['codings', 'history', 'backups'], snapshotBefore: 'coding' }).returns<Coding>(),
  'codings.update': method(
    z.object({ id, start: offset.optional(), end: offset.optional(), useInMemo: z.boolean().optional(), codeId: id.optional() }).strict(),
    { reads: ['codings', 'codebook', 'responses'], changes: ['codings', 'history', 'backups'], snapshotBefore: 'coding' },
  ).returns<Coding>(),
  'codings.delete': method(z.object({ id }).strict(), { reads: ['codings'], changes: ['codings', 'history', 'backups'], snapshotBefore: 'coding' }).returns<null>(),

  'variables.list': method(none, { reads: ['variables'], changes: [] }).returns<Variable[]>(),
  'variables.set': method(
    z
      .object({
        responseId: id,
        variableId: id,
        value: z.union([z.string().max(5000), z.array(z.string().max(200)).max(50)]).nullable(),
        evidence: evidence.nullable().optional(),
      })
      .strict(),
    { reads: ['variables', 'responses'], changes: ['variables', 'history'] },
  ).returns<null>(),
  'variables.define': method(
    z
      .object({
        id: id.optional(),
        key: z.string().regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and _').max(60),
        label: z.string().trim().min(1).max(300),
        questionId: id.nullable(),
        kind: z.enum(['single', 'multi', 'text']),
        options: variableOptions,
        shortcut: shortcut.optional(),
      })
      .strict(),
    { reads: ['variables'], changes: ['variables', 'history'] },
  ).returns<Variable>(),
  'variables.remove': method(z.object({ id }).strict(), { reads: ['variables'], changes: ['variables', 'history'] }).returns<{ values: number }>(),

  'memos.get': method(z.object({ targetType: memoTarget, targetId: id.nullable() }).strict(), { reads: ['memos'], changes: [] }).returns<Memo | null>(),
  'memos.set': method(z.object({ targetType: memoTarget, targetId: id.nullable(), text: z.string().max(100_000) }).strict(), { reads: ['memos'], changes: ['memos', 'history'] }).returns<null>(),

  'workspace.response': method(z.object({ id }).strict(), { reads: ['responses', 'respondents', 'registry', 'batches', 'project', 'codebook', 'codings', 'variables', 'memos', 'team'], changes: [] }).returns<WorkspaceResponse>(),

  'findings.reports': method(none, { reads: ['findings'], changes: [] }).returns<FindingReport[]>(),
  'findings.list': method(z.object({ query: z.string().max(200).optional(), reportId: id.optional(), theme: z.string().max(200).optional() }).strict(), { reads: ['findings'], changes: [] }).returns<Finding[]>(),
  'findings.saveReport': method(
    z
      .object({
        id: id.optional(),
        key: z.string().trim().min(1).max(200),
        title: z.string().trim().min(1).max(1000),
        publisher: z.string().trim().min(1).max(300),
        published: z.string().max(40).nullable().optional(),
        url: z.string().max(2000).nullable().optional(),
        verified: z.boolean().optional(),
        notes: z.string().max(20_000).optional(),
      })
      .strict(),
    { reads: ['findings'], changes: ['findings', 'history'] },
  ).returns<FindingReport>(),
  'findings.deleteReport': method(z.object({ id, confirm: z.boolean().default(false) }).strict(), { reads: ['findings'], changes: ['findings', 'history'] }).returns<{ findings: number; links: number }>(),
  'findings.save': method(
    z
      .object({
        id: id.optional(),
        reportId: id.nullable(),
        statement: z.string().trim().min(1).max(5000),
        reference: z.string().max(300).nullable().optional(),
        theme: z.string().max(200).nullable().optional(),
        verified: z.boolean().optional(),
      })
      .strict(),
    { reads: ['findings'], changes: ['findings', 'history'] },
  ).returns<Finding>(),
  'findings.delete': method(z.object({ id, confirm: z.boolean().default(false) }).strict(), { reads: ['findings'], changes: ['findings', 'history'] }).returns<{ links: number }>(),
  'findings.link': method(
    z
      .object({
        findingId: id,
        answerId: id.optional(),
        codingId: id.nullable().optional(),
        relation: z.enum(['stotter', 'motsier', 'nyanserer', 'nytt_forhold']),
        comment: z.string().max(5000).nullable().optional(),
      })
      .strict()
      .refine((v) => v.answerId || v.codingId, { message: 'answerId or codingId is required', path: ['answerId'] }),
    { reads: ['findings', 'codings', 'responses'], changes: ['findings', 'history'] },
  ).returns<FindingLink>(),
  'findings.updateLink': method(
    z.object({ id, relation: z.enum(['stotter', 'motsier', 'nyanserer', 'nytt_forhold']).optional(), comment: z.string().max(5000).nullable().optional() }).strict(),
    { reads: ['findings'], changes: ['findings', 'history'] },
  ).returns<FindingLink>(),
  'findings.unlink': method(z.object({ id }).strict(), { reads: ['findings'], changes: ['findings', 'history'] }).returns<null>(),
  'findings.view': method(z.object({ id }).strict(), { reads: ['findings', 'codings', 'codebook', 'responses', 'respondents', 'registry', 'project'], changes: [] }).returns<FindingView>(),
  'findings.forResponse': method(z.object({ responseId: id }).strict(), { reads: ['findings', 'codings', 'responses', 'project'], changes: [] }).returns<AnswerFindingLink[]>(),
  'findings.export': method(z.object({ format: z.enum(['csv', 'xlsx']) }).strict(), { reads: ['findings'], changes: [] }).returns<{ fileName: string; mediaType: string; base64: string }>(),
  'findings.import': method(exportedFile, { reads: ['findings'], changes: ['findings', 'history'] }).returns<{ reports: number; findings: number }>(),

  'history.state': method(none, { reads: ['history'], changes: [] }).returns<UndoState>(),
  'history.undo': method(none, { reads: ['history'], changes: UNDOABLE }).returns<UndoState>(),
  'history.redo': method(none, { reads: ['history'], changes: UNDOABLE }).returns<UndoState>(),
  'history.entity': method(z.object({ entityType: z.string().max(40), entityId: id }).strict(), { reads: ['history'], changes: [] }).returns<AuditEntry[]>(),

  /** Analyses count municipalities (respondents) on current responses; see src-shared/analysis.ts. */
  'analysis.matrix': method(
    z.object({ groupBy: analysisGroupBy, codeIds: z.array(id).max(5000).optional(), questionId: id.optional() }).strict(),
    { reads: ['codings', 'codebook', 'responses', 'respondents', 'registry', 'project'], changes: [] },
  ).returns<CodeMatrix>(),
  'analysis.matrixCell': method(
    z
      .object({ groupBy: analysisGroupBy, codeId: id, groupKey: z.string().min(1).max(40).optional(), questionId: id.optional(), withDescendants: z.boolean().optional() })
      .strict(),
    { reads: ['codings', 'codebook', 'responses', 'respondents', 'registry', 'project'], changes: [] },
  ).returns<MatrixQuote[]>(),
  'analysis.cooccurrence': method(
    z.object({ questionId: id.optional(), codeIds: z.array(id).max(5000).optional(), withDescendants: z.boolean().optional() }).strict(),
    { reads: ['codings', 'codebook', 'responses', 'respondents', 'registry', 'project'], changes: [] },
  ).returns<Cooccurrence>(),
  'analysis.variables': method(z.object({ groupBy: analysisGroupBy.optional() }).strict(), { reads: ['variables', 'responses', 'respondents', 'registry', 'project'], changes: [] }).returns<VariableAnalysis>(),
  'analysis.stationCandidates': method(none, { reads: ['codings', 'codebook', 'responses', 'respondents', 'registry', 'variables'], changes: [] }).returns<StationAnalysis>(),
  'analysis.sharedText': method(
    z.object({ threshold: z.number().min(0.5).max(1).optional(), minLength: z.number().int().min(1).max(200_000).optional() }).strict(),
    { reads: ['responses', 'respondents', 'registry', 'project', 'codings', 'codebook'], changes: [] },
  ).returns<SharedTextResult>(),
  'analysis.codeGroup': method(z.object({ groupAnswerIds: z.array(id).min(1).max(10_000), codeId: id }).strict(), { reads: ['codings', 'codebook', 'responses'], changes: ['codings', 'history', 'backups'], snapshotBefore: 'codeGroup' }).returns<CodeGroupResult>(),
  'analysis.sharedPassages': method(z.object({ minWords: z.number().int().min(8).max(1000).optional() }).strict(), {
    reads: ['project', 'registry', 'responses', 'respondents'],
    changes: [],
  }).returns<SharedPassagesResult>(),
  /** Codes each member span of a passage group, as one action (one undo). */
  'analysis.codePassages': method(
    z
      .object({ spans: z.array(z.object({ answerId: id, start: z.number().int().min(0), end: z.number().int().min(1) }).strict()).min(1).max(10_000), codeId: id })
      .strict(),
    { reads: ['codings', 'codebook', 'responses'], changes: ['codings', 'history', 'backups'], snapshotBefore: 'codeGroup' },
  ).returns<CodeGroupResult>(),

  /** Exports write a file (see src-shared/export.ts) and report progress as task "export". */
  'export.defaults': method(none, { reads: ['project', 'settings', 'registry', 'team'], changes: [] }).returns<ExportDefaults>(),
  'export.memo': method(z.object({ options: memoOptionsSchema, target: exportTargetSchema, taskId }).strict(), { reads: CASE, changes: [] }).returns<ExportResult>(),
  'export.workbook': method(z.object({ options: workbookOptionsSchema.default({}), target: exportTargetSchema, taskId }).strict(), { reads: CASE, changes: [] }).returns<ExportResult>(),
  'export.csv': method(z.object({ table: z.enum(CSV_TABLES), target: exportTargetSchema, maskPersonal: z.boolean().default(false), taskId }).strict(), { reads: CASE, changes: [] }).returns<ExportResult>(),
  /** Opens a file this session exported, or shows it in its folder; other paths are refused. */
  'export.open': method(z.object({ path: filePath, reveal: z.boolean().default(false) }).strict(), { reads: [], changes: [] }).returns<{ opened: boolean }>(),

  /** REFI-QDA project exchange (src-main/core/refi): the whole project as .qdpx for NVivo, ATLAS.ti, MAXQDA and QualCoder; a .qdpx's codebook and codings back in. */
  // positions: the unit selections are counted in (refiPositionUnit); import: the file's, when the user knows it better than the file says.
  // sourcesAsResponses: text sources that are no current response become responses (the .qdpx their source file), with their codings.
  // maskPersonal, namePrivatePersons: the memo's rule (findings masked, private persons «privatperson») unless switched off.
  'refi.exportProject': method(
    z
      .object({ target: exportTargetSchema, positions: refiPositionUnit.optional(), maskPersonal: z.boolean().default(true), namePrivatePersons: z.boolean().default(false), taskId })
      .strict(),
    { reads: CASE, changes: [] },
  ).returns<ExportResult>(),
  'refi.importProject': method(
    z.union([z.object({ path: filePath, ...refiImportOptions }).strict(), exportedFile.extend(refiImportOptions).strict()]),
    {
      reads: ['codebook', 'codings', 'responses', 'respondents', 'registry', 'project'],
      changes: ['codebook', 'codings', 'history', 'batches', 'respondents', 'responses', 'backups'],
      snapshotBefore: 'import',
    },
  ).returns<RefiImportReport>(),

  /** Automatic backups (src-shared/backup.ts): snapshots of the project file; projectPath (default: the open project) also reaches one that will not open. */
  'backup.list': method(z.object({ projectPath: filePath.optional() }).strict(), { reads: ['backups'], changes: [] }).returns<BackupList>(),
  'backup.create': method(none, { reads: [], changes: ['backups'] }).returns<BackupSnapshot>(),
  'backup.verify': method(z.object({ id, projectPath: filePath.optional() }).strict(), { reads: ['backups'], changes: [] }).returns<BackupVerifyResult>(),
  /** The newest snapshot that verifies, offered when a project will not open. */
  'backup.newestGood': method(z.object({ projectPath: filePath }).strict(), { reads: ['backups'], changes: [] }).returns<BackupSnapshot | null>(),
  /** Writes the snapshot as a new project file beside the original (never over it) and opens it (open: false leaves it closed, for the user to open). */
  'backup.restore': method(z.object({ id, projectPath: filePath.optional(), open: z.boolean().default(true) }).strict(), { reads: [], changes: ['backups'] }).returns<BackupRestoreResult>(),

  /** Team work offline (src-shared/team.ts): assignments, work packages, return packages, merge and conflicts. */
  'team.assignments': method(none, { reads: ['team', 'respondents', 'responses', 'registry'], changes: [] }).returns<AssignmentOverview>(),
  'team.assign': method(assignInputSchema, { reads: ['team', 'respondents'], changes: ['team', 'history'] }).returns<AssignResult>(),
  'team.unassign': method(unassignInputSchema, { reads: ['team'], changes: ['team', 'history'] }).returns<{ removed: number }>(),
  'team.packages': method(none, { reads: ['team'], changes: [] }).returns<WorkPackageSummary[]>(),
  /** Master: writes the assignee's work package (.innspillpakke). */
  'team.exportPackage': method(exportPackageInputSchema, { reads: CASE, changes: ['team', 'history'] }).returns<PackageExportResult>(),
  /** Creates a working copy (.innspill) from a work package and opens it. */
  'team.openPackage': method(openPackageInputSchema, { reads: [], changes: [] }).returns<ProjectSummary>(),
  /** Working copy: what a return package would carry now. */
  'team.returnPreview': method(none, { reads: CASE, changes: [] }).returns<ReturnPreview>(),
  /** Working copy: writes the return package (.innspillretur). */
  'team.exportReturn': method(z.object({ target: filePath.optional(), passphrase: passphraseSchema.optional() }).strict(), { reads: CASE, changes: [] }).returns<ReturnExportResult>(),
  /** Master: merges a return package; collisions become conflicts. */
  'team.mergeReturn': method(z.object({ path: filePath, passphrase: z.string().min(1).max(1024).optional() }).strict(), { reads: CASE, changes: [...UNDOABLE, 'backups'], snapshotBefore: 'merge' }).returns<MergeReport>(),
  'team.conflicts': method(conflictsInputSchema, { reads: ['team', 'codebook', 'codings', 'variables', 'memos', 'responses', 'findings', 'project', 'registry', 'respondents'], changes: [] }).returns<ConflictView[]>(),
  'team.resolveConflict': method(resolveConflictInputSchema, { reads: ['team'], changes: UNDOABLE }).returns<ConflictView>(),

  /** Inter-coder agreement of double-coded responses (src-shared/agreement.ts): per code and closed variable, units = answers. */
  'agreement.report': method(agreementReportInputSchema, { reads: ['codings', 'codebook', 'variables', 'agreement', 'responses', 'respondents', 'team', 'history', 'project'], changes: [] }).returns<AgreementReport>(),
  /** The units on which the coders differ, both sides side by side, with their resolution. */
  'agreement.disagreements': method(disagreementsInputSchema, { reads: ['codings', 'codebook', 'variables', 'agreement', 'responses', 'respondents', 'registry', 'team', 'history', 'project'], changes: [] }).returns<DisagreementList>(),
  /** The lead decides which coding or value stands; applied and recorded as one undoable action. */
  'agreement.resolve': method(resolveInputSchema, { reads: ['codings', 'variables', 'agreement'], changes: ['codings', 'variables', 'agreement', 'history'] }).returns<AgreementResolution>(),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (before defaults are applied). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (after parsing and defaults). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = Contract[M]['result'];

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events pushed from the core to every connected UI. */
export interface EventMap {
  /** The open project changed (opened, created, closed). */
  'project.changed': { path: string | null };
  /** Data changed (the method's declared `changes`); queries whose method reads one of these refetch. */
  'data.changed': { entities: Entity[] };
  /** Progress of a long task (import, export). */
  progress: { task: string; /** The caller's own id for the call (taskId), when it gave one. */ taskId?: string; done: number; total: number; message?: string; import?: ImportProgress };
}

export type EventName = keyof EventMap;
export const eventNames: EventName[] = ['project.changed', 'data.changed', 'progress'];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (eventNames as string[]).includes(name);
}

/** The single object the preload exposes and the HTTP client imitates. */
export interface InnspillBridge {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}
