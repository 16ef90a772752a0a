// The export dialog's state and how it becomes an API request: the kinds of
// export, the memo's sections as an ordered list that can be switched on and
// off, Norwegian dates typed as dd.mm.åååå, and the "all or some" choices of
// questions, police districts and codes. Kept free of React so it can be
// tested on its own.
import { formatNorwegianDate, parseNorwegianDate } from '../../../../src-shared/norwegian';
import { typedTarget } from '../../lib/format';
import { MEMO_SECTION_IDS, type CsvTable, type ExportDefaults, type MemoOptionsInput, type MemoSectionId, type WorkbookOptions } from '../../../../src-shared/export';

// Kept importable from here for the export forms; it lives with the other Norwegian formats.
export { parseNorwegianDate };

/** The whole project as REFI-QDA (.qdpx) is the fourth kind: users look for it here, not in the codebook. */
export const EXPORT_KINDS = ['docx', 'xlsx', 'csvSvar', 'csvKoding', 'qdpx', 'qdpxNvivo'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export function extensionOf(kind: ExportKind): 'docx' | 'xlsx' | 'csv' | 'qdpx' {
  return kind === 'qdpxNvivo' ? 'qdpx' : kind === 'docx' || kind === 'xlsx' || kind === 'qdpx' ? kind : 'csv';
}

export function csvTableOf(kind: 'csvSvar' | 'csvKoding'): CsvTable {
  return kind === 'csvSvar' ? 'svar' : 'koding';
}

export interface SectionRow {
  id: MemoSectionId;
  on: boolean;
}

/** The default sections in their order, then the rest (the appendix) switched off. */
export function initialSections(defaults: readonly MemoSectionId[]): SectionRow[] {
  const on = defaults.map((id) => ({ id, on: true }));
  const off = MEMO_SECTION_IDS.filter((id) => !defaults.includes(id)).map((id) => ({ id, on: false }));
  return [...on, ...off];
}

/** Moves row `index` one step up (-1) or down (+1); out of range leaves the list as it is. */
export function moveSection(rows: readonly SectionRow[], index: number, delta: -1 | 1): SectionRow[] {
  const to = index + delta;
  if (index < 0 || index >= rows.length || to < 0 || to >= rows.length) return [...rows];
  const out = [...rows];
  [out[index], out[to]] = [out[to], out[index]];
  return out;
}

export function toggleSection(rows: readonly SectionRow[], id: MemoSectionId, on: boolean): SectionRow[] {
  return rows.map((r) => (r.id === id ? { ...r, on } : r));
}

/**
 * A choice of "all" (null) or some of the options. Choosing every option is
 * the same as all, so a filter that happens to list everything is sent as
 * "all" and the export names no filter.
 */
export type Choice = string[] | null;

export function toggleChoice(choice: Choice, all: readonly string[], value: string, on: boolean): Choice {
  const current = choice ?? all;
  const next = on ? all.filter((v) => v === value || current.includes(v)) : current.filter((v) => v !== value);
  return next.length === all.length ? null : next;
}

export function isChosen(choice: Choice, value: string): boolean {
  return choice === null || choice.includes(value);
}

/** A choice that leaves nothing to export. */
export function isEmptyChoice(choice: Choice, all: readonly string[]): boolean {
  return all.length > 0 && choice !== null && choice.length === 0;
}

export interface MemoForm {
  to: string;
  from: string;
  /** As typed: dd.mm.åååå. */
  date: string;
  caseNumber: string;
  subject: string;
  sections: SectionRow[];
  questionIds: Choice;
  districtCodes: Choice;
  codeIds: Choice;
  topCodes: number;
  quotesPerItem: number;
}

export interface WorkbookForm {
  questionIds: Choice;
  districtCodes: Choice;
}

export const TOP_CODES = { min: 1, max: 50 } as const;
export const QUOTES_PER_ITEM = { min: 0, max: 10 } as const;

export function initialMemoForm(defaults: ExportDefaults): MemoForm {
  const { metadata } = defaults;
  return {
    to: metadata.to,
    from: metadata.from,
    date: formatNorwegianDate(metadata.date),
    caseNumber: metadata.caseNumber,
    subject: metadata.subject,
    sections: initialSections(defaults.sections),
    questionIds: null,
    districtCodes: null,
    codeIds: null,
    topCodes: 8,
    quotesPerItem: 2,
  };
}

export type MemoProblem = 'date' | 'sections' | 'questions' | 'districts' | 'codes' | 'topCodes' | 'quotesPerItem';

export interface ChoiceUniverse {
  questionIds: readonly string[];
  districtCodes: readonly string[];
  codeIds: readonly string[];
}

/** What keeps the memo form from being exported, field by field. */
export function memoProblems(form: MemoForm, all: ChoiceUniverse): Set<MemoProblem> {
  const out = new Set<MemoProblem>();
  if (parseNorwegianDate(form.date) === null) out.add('date');
  if (!form.sections.some((s) => s.on)) out.add('sections');
  if (isEmptyChoice(form.questionIds, all.questionIds)) out.add('questions');
  if (isEmptyChoice(form.districtCodes, all.districtCodes)) out.add('districts');
  if (isEmptyChoice(form.codeIds, all.codeIds)) out.add('codes');
  if (!inRange(form.topCodes, TOP_CODES)) out.add('topCodes');
  if (!inRange(form.quotesPerItem, QUOTES_PER_ITEM)) out.add('quotesPerItem');
  return out;
}

function inRange(n: number, range: { min: number; max: number }): boolean {
  return Number.isInteger(n) && n >= range.min && n <= range.max;
}

/** The memo options for `export.memo`; call only when memoProblems is empty. */
export function memoOptions(form: MemoForm): MemoOptionsInput {
  const date = parseNorwegianDate(form.date);
  if (date === null) throw new Error(`not a date: ${form.date}`);
  return {
    metadata: { to: form.to.trim(), from: form.from.trim(), date, caseNumber: form.caseNumber.trim(), subject: form.subject.trim() },
    sections: form.sections.filter((s) => s.on).map((s) => s.id),
    questionIds: form.questionIds,
    policeDistrictCodes: form.districtCodes,
    codeIds: form.codeIds,
    topCodes: form.topCodes,
    quotesPerItem: form.quotesPerItem,
  };
}

export function workbookOptions(form: WorkbookForm): WorkbookOptions {
  return { questionIds: form.questionIds, policeDistrictCodes: form.districtCodes };
}

/**
 * The target to send: nothing when the suggested name is kept (the core then
 * picks a free name and never overwrites), else the typed name with the
 * kind's extension added when it is missing.
 */
export function exportTarget(typed: string, suggested: string, kind: ExportKind): string | undefined {
  return typed.trim() === suggested ? undefined : typedTarget(typed, `.${extensionOf(kind)}`);
}
