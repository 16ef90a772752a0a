// The fields a column can feed, how they are labelled, and how the wizard's
// column choices become a mapping preset for the core.
import type { TFunction } from 'i18next';
import type { Question } from '../../../../src-shared/domain';
import type { FieldName, FileReport, MappingPreset } from '../../../../src-shared/imports';

/** Below this the automatic mapping is shown as uncertain. */
export const LOW_CONFIDENCE = 0.8;

export interface FieldOption {
  value: FieldName;
  label: string;
}

export function fieldLabel(t: TFunction, field: string, questions: Question[]): string {
  switch (field) {
    case 'respondent':
      return t('import.fields.respondent');
    case 'municipalityNumber':
      return t('import.fields.municipalityNumber');
    case 'receivedDate':
      return t('import.fields.receivedDate');
    case 'letter':
      return t('import.fields.letter');
    case 'ignore':
      return t('import.fields.ignore');
  }
  const ordinal = Number(field.startsWith('question:') ? field.slice('question:'.length) : NaN);
  const q = questions.find((x) => x.ordinal === ordinal);
  return q
    ? t('import.fields.questionWithLabel', { ordinal, label: q.shortLabel })
    : t('import.fields.question', { ordinal: Number.isNaN(ordinal) ? field : ordinal });
}

export function fieldOptions(t: TFunction, questions: Question[]): FieldOption[] {
  const fields: FieldName[] = [
    'respondent',
    'municipalityNumber',
    'receivedDate',
    ...[...questions].sort((a, b) => a.ordinal - b.ordinal).map((q) => `question:${q.ordinal}` as FieldName),
    'letter',
    'ignore',
  ];
  return fields.map((value) => ({ value, label: fieldLabel(t, value, questions) }));
}

/** 0.95 → "95 %" (Norwegian style, in both languages). */
export function formatConfidence(confidence: number): string {
  return `${Math.round(confidence * 100)}\u00a0%`;
}

export interface MappingChoices {
  /** Header text → field, for the columns the user changed. */
  columns: Record<string, FieldName>;
  /** 1-based header row, if the user set one. */
  headerRow?: number;
}

export const noChoices: MappingChoices = { columns: {} };

export function hasChoices(c: MappingChoices): boolean {
  return Object.keys(c.columns).length > 0 || c.headerRow !== undefined;
}

/** The preset the preview and import run with: only what the user chose. */
export function presetFromChoices(c: MappingChoices): MappingPreset | undefined {
  if (!hasChoices(c)) return undefined;
  return { version: 1, columns: { ...c.columns }, ...(c.headerRow ? { headerRow: c.headerRow } : {}) };
}

/**
 * A preset to save: every named column of the previewed tables with the field
 * it now has, so the next file laid out the same way maps the same.
 */
export function presetToSave(files: FileReport[], c: MappingChoices, name: string): MappingPreset {
  const columns: Record<string, FieldName> = {};
  for (const f of files) {
    for (const m of f.mappings ?? []) {
      for (const col of m.mapping.columns) {
        if (col.header.trim()) columns[col.header] = col.field;
      }
    }
  }
  Object.assign(columns, c.columns);
  return { version: 1, name, columns, ...(c.headerRow ? { headerRow: c.headerRow } : {}) };
}
