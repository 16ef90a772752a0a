// Plain tables such as `Innsender;Mottatt;Svar`: a respondent column and one
// free-text column, read into any project (a blank one too) with the text as
// the response's whole letter, to be split or coded as a whole. Also checks a
// preset's question columns against the project's questions.
import type { ColumnMapping, MappingPreset } from '../../../src-shared/imports';
import { ImportError } from '../input/errors';
import type { MappingQuestion } from './mapping';
import { foldKey } from '../input/text';

/** Headers of a column that holds a response's whole text. */
const LETTER_HEADERS = new Set([
  'svar', 'tekst', 'svartekst', 'innspill', 'innspel', 'uttalelse', 'uttale', 'fråsegn', 'høringssvar', 'høyringssvar', 'merknad', 'merknader',
  'kommentar', 'kommentarer', 'innhold', 'brev', 'brevtekst', 'fritekst', 'høringsuttalelse', 'text', 'response', 'comment', 'comments', 'answer',
]);

/**
 * The columns of a header row read as a plain table, or null when it is not
 * one: a respondent column and exactly one free-text column (by its header).
 */
export function plainTableColumns(columns: ColumnMapping[]): ColumnMapping[] | null {
  if (!columns.some((c) => c.field === 'respondent' && c.confidence >= 0.75)) return null;
  const text = columns.filter((c) => c.field === 'ignore' && LETTER_HEADERS.has(foldKey(c.header)));
  if (text.length !== 1) return null;
  return columns.map((c) => (c === text[0] ? { ...c, field: 'letter', confidence: 0.9, reason: 'hele teksten (tabellen har ingen spørsmålskolonner)' } : c));
}

/** A preset that sends a column to a question the project does not have is an error naming both. */
export function checkPresetQuestions(preset: MappingPreset | undefined, questions: MappingQuestion[]): void {
  if (!preset) return;
  const ordinals = new Set(questions.map((q) => q.ordinal));
  for (const [header, field] of Object.entries(preset.columns)) {
    const m = /^question:(\d+)$/.exec(field);
    if (m && !ordinals.has(Number(m[1]))) {
      const have = questions.length === 0 ? 'prosjektet har ingen spørsmål' : `prosjektet har spørsmål ${[...ordinals].sort((a, b) => a - b).join(', ')}`;
      throw new ImportError('UNKNOWN_QUESTION', `Kolonnen «${header}» er koblet til spørsmål ${m[1]}, som ikke finnes (${have}); velg et annet felt for kolonnen`, `kolonne «${header}»`);
    }
  }
}
