// The import wizard's fields: labels (questions with their short label),
// the option list in letter order, confidence as "95 %", and presets made
// from the user's column choices (only what was chosen, or every named column).
// @vitest-environment happy-dom
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../../../../../src-shared/domain';
import type { FileReport } from '../../../../../src-shared/imports';
import nb from '../../../../../src-renderer/src/i18n/nb.json';
import {
  fieldLabel,
  fieldOptions,
  formatConfidence,
  hasChoices,
  noChoices,
  presetFromChoices,
  presetToSave,
} from '../../../../../src-renderer/src/components/import/fields';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'nb', resources: { nb: { translation: nb } }, interpolation: { escapeValue: false } });
});
const q = (ordinal: number, shortLabel: string): Question => ({ id: `q${ordinal}`, ordinal, shortLabel, text: '', options: [] });
const questions = [q(2, 'Tjenestested'), q(1, 'Utfordringer')];

describe('fieldLabel and fieldOptions', () => {
  it('labels the fixed fields and questions, with the short label when the question is known', () => {
    expect(fieldLabel(i18n.t, 'respondent', questions)).toBe('Innsender (kommune)');
    expect(fieldLabel(i18n.t, 'question:1', questions)).toBe('Spørsmål 1 – Utfordringer');
    expect(fieldLabel(i18n.t, 'question:7', questions)).toBe('Spørsmål 7');
  });

  it('lists the fixed fields, the questions in letter order, the whole letter, then "ignore"', () => {
    expect(fieldOptions(i18n.t, questions).map((o) => o.value)).toEqual([
      'respondent',
      'municipalityNumber',
      'receivedDate',
      'question:1',
      'question:2',
      'letter',
      'ignore',
    ]);
  });
});

describe('formatConfidence', () => {
  it('rounds to whole percent with a non-breaking space', () => {
    expect(formatConfidence(0.954)).toBe('95\u00a0%');
    expect(formatConfidence(1)).toBe('100\u00a0%');
    expect(formatConfidence(0)).toBe('0\u00a0%');
  });
});

describe('presets from the column choices', () => {
  it('sends no preset when nothing was chosen', () => {
    expect(hasChoices(noChoices)).toBe(false);
    expect(presetFromChoices(noChoices)).toBeUndefined();
  });

  it('sends only what the user chose, the header row included', () => {
    expect(presetFromChoices({ columns: { Kommune: 'respondent' }, headerRow: 3 })).toEqual({ version: 1, columns: { Kommune: 'respondent' }, headerRow: 3 });
    expect(presetFromChoices({ columns: {}, headerRow: 2 })).toEqual({ version: 1, columns: {}, headerRow: 2 });
  });

  it('saves every named column with its field, the user’s choices winning', () => {
    const file: FileReport = {
      path: 'svar.csv',
      status: 'ready',
      responses: 3,
      warnings: [],
      mappings: [
        {
          sheet: null,
          mapping: {
            headerRowIndex: 0,
            columns: [
              { index: 0, header: 'Kommune', field: 'respondent', confidence: 0.9, reason: '' },
              { index: 1, header: 'Svar 1', field: 'question:1', confidence: 0.6, reason: '' },
              { index: 2, header: '  ', field: 'ignore', confidence: 1, reason: '' },
            ],
          },
        },
      ],
    };
    expect(presetToSave([file], { columns: { 'Svar 1': 'question:2' } }, 'Statsforvalteren')).toEqual({
      version: 1,
      name: 'Statsforvalteren',
      columns: { Kommune: 'respondent', 'Svar 1': 'question:2' },
    });
  });
});
