// What every section of the memo reads: the options, the project and its
// selected questions, the units the analyses count (current responses), the
// police district scope, where each response came from (for footnotes), and
// the running counters (footnotes, images, what went in).
import type { Kysely } from 'kysely';
import type { MemoOptions } from '../../../../src-shared/export';
import type { ProjectSummary, Question } from '../../../../src-shared/domain';
import { ApiError } from '../../../../src-shared/errors';
import { loadUnits, type Unit, type Units } from '../../analysis/units';
import type { ReferenceData } from '../../reference/load';
import type { DB } from '../../store/schema';
import { Footnotes, type ResponseSource } from './notes';
import { listJoin } from './format';
import { memoPrivacy, type MemoPrivacy } from './privacy';

/** The police districts the memo is limited to (all when `districts` is null). */
export interface MemoScope {
  /** Selected districts in code order (p01…), or null for all. */
  districts: { code: string; name: string }[] | null;
  /** Whether a unit is counted and quoted: a municipality in a selected district; other respondents only without a filter. */
  includes(unit: Unit): boolean;
  includesDistrict(code: string): boolean;
  /** "Oslo og Øst politidistrikt", or null without a filter. */
  label: string | null;
}

export interface MemoContext {
  db: Kysely<DB>;
  options: MemoOptions;
  project: ProjectSummary;
  /** The questions in the memo, by ordinal. */
  questions: Question[];
  units: Units;
  scope: MemoScope;
  sources: Map<string, ResponseSource>;
  notes: Footnotes;
  ref: ReferenceData;
  /** Folder with the fonts the charts are drawn with. */
  fontsDir: string;
  /** Counts for the result (quotes, images, …). */
  counts: Record<string, number>;
  /** The next drawing id (Word wants one per image; docx would draw them from a global counter). */
  nextImageId(): number;
  /** Masking of personal data and the naming of private persons. */
  privacy: MemoPrivacy;
}

/**
 * A result shared between sections (the charts draw what the question
 * sections count), computed once per memo and key. Each kind of result makes
 * its own, so what it keeps has its type.
 */
export function oncePerMemo<T>(): (ctx: MemoContext, key: string, compute: () => Promise<T>) => Promise<T> {
  const byMemo = new WeakMap<MemoContext, Map<string, Promise<T>>>();
  return (ctx, key, compute) => {
    let values = byMemo.get(ctx);
    if (!values) byMemo.set(ctx, (values = new Map()));
    let value = values.get(key);
    if (!value) {
      value = compute();
      values.set(key, value);
    }
    return value;
  };
}

async function resolveScope(db: Kysely<DB>, codes: string[] | null | undefined): Promise<MemoScope> {
  if (!codes || codes.length === 0) {
    return { districts: null, includes: () => true, includesDistrict: () => true, label: null };
  }
  const all = await db.selectFrom('police_district').select(['code', 'name']).orderBy('code').execute();
  const wanted = new Set(codes);
  for (const code of wanted) {
    if (!all.some((d) => d.code === code)) throw new ApiError('NOT_FOUND', `No police district with code ${code}`);
  }
  const districts = all.filter((d) => wanted.has(d.code));
  return {
    districts,
    includes: (unit) => unit.municipality !== null && wanted.has(unit.municipality.policeDistrictCode),
    includesDistrict: (code) => wanted.has(code),
    label: `${listJoin(districts.map((d) => d.name))} politidistrikt`,
  };
}

async function loadSources(db: Kysely<DB>, privacy: MemoPrivacy): Promise<Map<string, ResponseSource>> {
  const rows = await db
    .selectFrom('response as r')
    .innerJoin('respondent as p', 'p.id', 'r.respondent_id')
    .leftJoin('source_file as f', 'f.id', 'r.source_file_id')
    .select(['r.id', 'p.name', 'p.municipality_number', 'r.received_date', 'f.name as file_name', 'r.locator'])
    .execute();
  // The import keeps the path the file was read from; the memo names the file itself (no local folders).
  const baseName = (name: string | null) => (name === null ? null : (name.split(/[\\/]/).pop() ?? name));
  return new Map(rows.map((r) => [r.id, { responseId: r.id, respondentName: privacy.name(r.name, r.municipality_number), receivedDate: r.received_date, fileName: baseName(r.file_name), locator: r.locator }]));
}

export interface ContextInput {
  db: Kysely<DB>;
  options: MemoOptions;
  project: ProjectSummary;
  ref: ReferenceData;
  fontsDir: string;
}

export async function createContext({ db, options, project, ref, fontsDir }: ContextInput): Promise<MemoContext> {
  let questions = [...project.questions].sort((a, b) => a.ordinal - b.ordinal);
  if (options.questionIds) {
    const known = new Set(questions.map((q) => q.id));
    const missing = options.questionIds.find((id) => !known.has(id));
    if (missing) throw new ApiError('NOT_FOUND', `No question with id ${missing}`);
    const wanted = new Set(options.questionIds);
    questions = questions.filter((q) => wanted.has(q.id));
  }
  if (options.codeIds) {
    const codes = new Set((await db.selectFrom('code').select('id').execute()).map((c) => c.id));
    const missing = options.codeIds.find((id) => !codes.has(id));
    if (missing) throw new ApiError('NOT_FOUND', `No code with id ${missing}`);
  }
  let imageId = 0;
  const privacy = await memoPrivacy(db, options);
  return {
    db,
    options,
    project,
    questions,
    units: await loadUnits(db),
    scope: await resolveScope(db, options.policeDistrictCodes),
    sources: await loadSources(db, privacy),
    notes: new Footnotes(),
    ref,
    fontsDir,
    counts: {},
    nextImageId: () => ++imageId,
    privacy,
  };
}

export function addCount(ctx: MemoContext, key: string, n = 1): void {
  ctx.counts[key] = (ctx.counts[key] ?? 0) + n;
}
