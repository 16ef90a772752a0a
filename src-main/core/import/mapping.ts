// Understanding the columns: finds the header row (it may sit below title
// rows), maps each column to a field with a confidence and a reason, and
// applies saved mapping presets. Columns are named in many ways: "Kommunenr.",
// "Knr", "Spørsmål 1", "Svar på spørsmål 1", "1.", "Q1", or the question's own
// text, in full or shortened.
import type { ColumnMapping, FieldName, MappingPreset, TableMapping } from '../../../src-shared/imports';
import { ImportError } from '../input/errors';
import { checkPresetQuestions, plainTableColumns } from './plain-table';
import type { CellValue, TableRow } from './formats/types';
import { foldKey } from '../input/text';

export interface MappingQuestion {
  ordinal: number;
  shortLabel: string;
  text: string;
}

const RESPONDENT = new Set(['innsender', 'kommune', 'kommunenavn', 'organisasjon', 'navn', 'avsender', 'respondent', 'høringsinstans', 'instans', 'virksomhet', 'municipality', 'name', 'fra', 'kommune navn', 'navn på kommune']);
const DATE = new Set(['mottatt', 'dato', 'innsendt', 'received', 'date', 'mottatt dato', 'dato mottatt', 'innsendt dato', 'tidspunkt', 'svardato', 'registrert', 'dato innsendt', 'mottaksdato']);
const NUMBER = /^(kommune ?nr|kommunenr|kommunenummer|knr|kommune nummer|nr|municipality (no|number)|kommunenr 2022|kommunenummer 2022)$/;
const QUESTION_LABEL = /^(?:svar (?:på |til )?)?(?:spørsmål|sporsmal|spm|question|q|svar|answers?|answer to question)\s*(\d{1,2})(?:\s.*)?$/;
const BARE_NUMBER = /^(\d{1,2})$/;

function textWords(text: string): string[] {
  return foldKey(text).split(' ').filter((w) => w.length > 3);
}

function guessField(header: string, questions: MappingQuestion[]): Omit<ColumnMapping, 'index' | 'header'> {
  const key = foldKey(header);
  const ordinals = new Set(questions.map((q) => q.ordinal));
  if (!key) return { field: 'ignore', confidence: 0, reason: 'tom overskrift' };
  if (NUMBER.test(key)) return { field: 'municipalityNumber', confidence: 1, reason: 'kommunenummer' };
  if (RESPONDENT.has(key)) return { field: 'respondent', confidence: 0.95, reason: 'innsender' };
  if (DATE.has(key)) return { field: 'receivedDate', confidence: 0.9, reason: 'dato' };
  const labelled = QUESTION_LABEL.exec(key);
  if (labelled && ordinals.has(Number(labelled[1]))) {
    return { field: `question:${Number(labelled[1])}`, confidence: 0.95, reason: `spørsmål ${labelled[1]} ved nummer` };
  }
  const bare = BARE_NUMBER.exec(key);
  if (bare && ordinals.has(Number(bare[1]))) {
    return { field: `question:${Number(bare[1])}`, confidence: 0.8, reason: `spørsmål ${bare[1]} ved nummer` };
  }
  // The question's text (full or shortened) or its short label.
  const headerWords = new Set(textWords(header));
  let best: { q: MappingQuestion; score: number } | null = null;
  for (const q of questions) {
    if (foldKey(q.shortLabel) === key) return { field: `question:${q.ordinal}`, confidence: 0.85, reason: `kortnavnet til spørsmål ${q.ordinal}` };
    const words = textWords(q.text);
    if (words.length === 0 || headerWords.size === 0) continue;
    const inHeader = words.filter((w) => headerWords.has(w)).length;
    // Share of the header's words that come from the question, weighted by coverage.
    const precision = inHeader / headerWords.size;
    const recall = inHeader / words.length;
    const score = precision >= 0.6 ? Math.max(recall, Math.min(1, inHeader / 4)) : 0;
    if (!best || score > best.score) best = { q, score };
  }
  if (best && best.score >= 0.5) {
    return { field: `question:${best.q.ordinal}`, confidence: Math.min(0.99, 0.5 + best.score / 2), reason: `teksten i spørsmål ${best.q.ordinal}` };
  }
  if (key.includes('innsender') || key.includes('avsender') || key.includes('kommunenavn') || key.includes('organisasjon')) {
    return { field: 'respondent', confidence: 0.75, reason: 'innsender' };
  }
  if (key.includes('dato') || key.includes('mottatt')) return { field: 'receivedDate', confidence: 0.75, reason: 'dato' };
  return { field: 'ignore', confidence: 0, reason: 'ukjent kolonne' };
}

export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

const FIELD_NAME = /^(respondent|municipalityNumber|receivedDate|letter|ignore|question:\d+)$/;
const isFieldName = (f: string): f is FieldName => FIELD_NAME.test(f);

/** Maps one candidate header row; a field claimed twice goes to the surer column. */
export function mapHeader(headerValues: CellValue[], questions: MappingQuestion[], preset?: MappingPreset): ColumnMapping[] {
  // The preset's schema admits only field names (src-shared/imports), so none is dropped here.
  const presetColumns = new Map(Object.entries(preset?.columns ?? {}).flatMap(([h, f]) => (isFieldName(f) ? [[foldKey(h), f] as const] : [])));
  const columns = headerValues.map((value, index): ColumnMapping => {
    const header = cellText(value).trim();
    const fromPreset = presetColumns.get(foldKey(header));
    if (fromPreset) return { index, header, field: fromPreset, confidence: 1, reason: 'forhåndsvalg' };
    return { index, header, ...guessField(header, questions) };
  });
  const owner = new Map<FieldName, ColumnMapping>();
  for (const c of columns) {
    if (c.field === 'ignore') continue;
    const current = owner.get(c.field);
    if (!current || c.confidence > current.confidence) owner.set(c.field, c);
  }
  return columns.map((c) =>
    c.field !== 'ignore' && owner.get(c.field) !== c
      ? { ...c, field: 'ignore', reason: `dobbel: «${owner.get(c.field)!.header}» brukes for samme felt` }
      : c,
  );
}

function score(columns: ColumnMapping[]): number {
  const useful = columns.filter((c) => c.field !== 'ignore' && c.confidence >= 0.75);
  const hasQuestion = useful.some((c) => c.field.startsWith('question:') || c.field === 'letter');
  return hasQuestion ? useful.length : 0;
}

/**
 * Finds the header row among the first rows (below any title rows) and maps
 * its columns. A "Kommune" column that holds numbers is taken as the number.
 */
export function detectMapping(
  rows: TableRow[],
  questions: MappingQuestion[],
  searchRows: number,
  preset?: MappingPreset,
): TableMapping {
  checkPresetQuestions(preset, questions);
  let best: TableMapping | null = null;
  let bestScore = 0;
  const candidates = preset?.headerRow ? [preset.headerRow - 1] : [...Array(Math.min(searchRows, rows.length)).keys()];
  for (const i of candidates) {
    if (!rows[i]) continue;
    const columns = mapHeader(rows[i].values, questions, preset);
    const s = score(columns);
    if (s > bestScore) {
      best = { headerRowIndex: i, columns };
      bestScore = s;
    }
  }
  // No question columns: a plain table (respondent and one text column) is read as letters.
  for (const i of best ? [] : candidates) {
    const plain = rows[i] ? plainTableColumns(mapHeader(rows[i].values, questions, preset)) : null;
    if (plain) {
      best = { headerRowIndex: i, columns: plain };
      break;
    }
  }
  if (!best) {
    throw new ImportError(
      'NO_HEADER',
      `Found no header row with question columns in the first ${searchRows} rows (expected headings such as «Kommune», «Kommunenummer», «Spørsmål 1» or the questions' text); choose the columns by hand or use a mapping preset`,
    );
  }
  return sniffNumberColumn(best, rows);
}

function sniffNumberColumn(mapping: TableMapping, rows: TableRow[]): TableMapping {
  if (mapping.columns.some((c) => c.field === 'municipalityNumber')) return mapping;
  const respondent = mapping.columns.find((c) => c.field === 'respondent');
  if (!respondent) return mapping;
  const values = rows
    .slice(mapping.headerRowIndex + 1)
    .map((r) => cellText(r.values[respondent.index]).trim())
    .filter(Boolean);
  if (values.length > 0 && values.every((v) => /^\d{3,4}$/.test(v))) {
    return {
      ...mapping,
      columns: mapping.columns.map((c) => (c === respondent ? { ...c, field: 'municipalityNumber', reason: 'kolonnen inneholder kommunenummer' } : c)),
    };
  }
  return mapping;
}
