// Understanding a table's columns: the many ways a municipality or an
// export tool names them, the header row found below title rows, a field
// claimed twice, presets that override the guess — and the dates found in
// the "received" column.
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../../src-main/core/import/dates';
import { receivedDate } from '../../../../src-main/core/import/received-date';
import type { TableRow } from '../../../../src-main/core/import/formats/types';
import { detectMapping, mapHeader } from '../../../../src-main/core/import/mapping';
import { ImportError } from '../../../../src-main/core/input/errors';
import { QUESTIONS } from '../../../helpers/import-fixtures';

const [Q1, Q2, Q3, , Q5] = QUESTIONS.map((q) => q.text);
const guess = (header: string) => {
  const [c] = mapHeader([header], QUESTIONS);
  return { field: c.field, confidence: c.confidence };
};
const rows = (...values: (string | number | Date | null)[][]): TableRow[] => values.map((v, i) => ({ locator: `rad ${i + 1}`, values: v }));

describe('column names', () => {
  it.each([
    ['Innsender', 'respondent', 0.95],
    ['Kommune', 'respondent', 0.95],
    ['Organisasjon', 'respondent', 0.95],
    ['Navn', 'respondent', 0.95],
    ['KOMMUNE', 'respondent', 0.95],
    ['Høringsinstans', 'respondent', 0.95],
    ['Kommunenummer', 'municipalityNumber', 1],
    ['Kommunenr.', 'municipalityNumber', 1],
    ['Kommunenr', 'municipalityNumber', 1],
    ['Kommune nr', 'municipalityNumber', 1],
    ['Knr', 'municipalityNumber', 1],
    ['Mottatt', 'receivedDate', 0.9],
    ['Dato', 'receivedDate', 0.9],
    ['Innsendt', 'receivedDate', 0.9],
    ['Dato mottatt', 'receivedDate', 0.9],
    ['Spørsmål 1', 'question:1', 0.95],
    ['Svar på spørsmål 1', 'question:1', 0.95],
    ['spørsmål 2', 'question:2', 0.95],
    ['Spm. 3', 'question:3', 0.95],
    ['Q1', 'question:1', 0.95],
    ['Q 2', 'question:2', 0.95],
    ['Svar 5', 'question:5', 0.95],
    ['Spørsmål 4 – tilgjengelighet', 'question:4', 0.95],
    ['1.', 'question:1', 0.8],
    ['5', 'question:5', 0.8],
    ['Utfordringer', 'question:1', 0.85],
    ['Tilfredshet', 'question:2', 0.85],
    ['Samarbeid og ressurser', 'question:3', 0.85],
    ['Tilgjengelighet', 'question:4', 0.85],
    ['Nytt tjenestested', 'question:5', 0.85],
  ])('%j → %s (%d)', (header, field, confidence) => {
    expect(guess(header)).toEqual({ field, confidence });
  });

  it('recognises the full question text', () => {
    for (const q of QUESTIONS) expect(guess(q.text)).toEqual({ field: `question:${q.ordinal}`, confidence: 0.99 });
  });

  it('recognises a shortened question text, less surely the shorter it gets', () => {
    expect(guess('Hvilke utfordringer mener dere kommunen vil stå overfor?')).toEqual({ field: 'question:1', confidence: 0.99 });
    const short = guess('Er kommunen tilfreds med politiets bemanningsutvikling?');
    expect(short.field).toBe('question:2');
    expect(short.confidence).toBeGreaterThanOrEqual(0.75);
    expect(short.confidence).toBeLessThan(0.99);
    expect(guess('Ønsker kommunen et nytt tjenestested i politiet?').field).toBe('question:5');
  });

  it.each(['Kommentar', 'Saksbehandler', 'Løpenummer', '', 'Spørsmål 9', '7.'])('leaves %j unmapped', (header) => {
    expect(guess(header)).toEqual({ field: 'ignore', confidence: 0 });
  });

  it('gives every column its reason', () => {
    const columns = mapHeader(['Kommune', 'Knr', 'Mottatt', Q1, 'Q2', 'Kommentar'], QUESTIONS);
    expect(columns.map((c) => [c.index, c.header, c.field])).toEqual([
      [0, 'Kommune', 'respondent'],
      [1, 'Knr', 'municipalityNumber'],
      [2, 'Mottatt', 'receivedDate'],
      [3, Q1, 'question:1'],
      [4, 'Q2', 'question:2'],
      [5, 'Kommentar', 'ignore'],
    ]);
    for (const c of columns) expect(c.reason).not.toBe('');
  });
});

describe('a field claimed by two columns', () => {
  it('goes to the surer column; the other is ignored and says why', () => {
    const columns = mapHeader(['Kommune', 'Spørsmål 1', Q1, '1'], QUESTIONS);
    expect(columns.map((c) => c.field)).toEqual(['respondent', 'ignore', 'question:1', 'ignore']);
    expect(columns[1].reason).toContain(Q1);
    expect(columns[3].reason).toMatch(/^dobbel/);
  });

  it('keeps the first of two equally sure columns', () => {
    const columns = mapHeader(['Kommune', 'Innsender', 'Q1'], QUESTIONS);
    expect(columns.map((c) => c.field)).toEqual(['respondent', 'ignore', 'question:1']);
  });
});

describe('finding the header row', () => {
  it('looks below title rows', () => {
    const table = rows(
      ['Høringssvar – brev til kommunene 2022'],
      ['Eksportert 15.06.2022', null, null],
      [],
      ['Kommune', 'Mottatt', 'Spørsmål 1', 'Spørsmål 2'],
      ['Bodø', '30.05.2022', 'Rus.', 'Nei.'],
    );
    const mapping = detectMapping(table, QUESTIONS, 30);
    expect(mapping.headerRowIndex).toBe(3);
    expect(mapping.columns.map((c) => c.field)).toEqual(['respondent', 'receivedDate', 'question:1', 'question:2']);
  });

  it('only searches the first rows it is told to', () => {
    const table = rows(['Tittel'], ['Undertittel'], ['Kommune', 'Spørsmål 1'], ['Bodø', 'Ja']);
    expect(() => detectMapping(table, QUESTIONS, 2)).toThrow(ImportError);
    expect(detectMapping(table, QUESTIONS, 3).headerRowIndex).toBe(2);
  });

  it('refuses a table without question columns, naming what it expected', () => {
    const table = rows(['Navn', 'Adresse'], ['Bodø', 'Rådhuset']);
    let error: unknown;
    try {
      detectMapping(table, QUESTIONS, 30);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe('NO_HEADER');
    expect((error as ImportError).message).toMatch(/Spørsmål 1/);
  });

  it('prefers the row with more understood columns over a title that mentions a question', () => {
    const table = rows(['Spørsmål 1', null], ['Kommune', 'Spørsmål 1', 'Spørsmål 2'], ['Bodø', 'Ja', 'Nei']);
    expect(detectMapping(table, QUESTIONS, 30).headerRowIndex).toBe(1);
  });
});

describe('a "Kommune" column that holds numbers', () => {
  it('is read as the municipality number', () => {
    const mapping = detectMapping(rows(['Kommune', 'Spørsmål 1'], ['301', 'Ja'], [4601, 'Nei'], ['', 'Kanskje']), QUESTIONS, 30);
    expect(mapping.columns[0]).toMatchObject({ field: 'municipalityNumber', reason: 'kolonnen inneholder kommunenummer' });
  });

  it('stays the respondent when any value is a name', () => {
    const mapping = detectMapping(rows(['Kommune', 'Spørsmål 1'], ['301', 'Ja'], ['Bergen', 'Nei']), QUESTIONS, 30);
    expect(mapping.columns[0].field).toBe('respondent');
  });

  it('stays the respondent when there is a number column too', () => {
    const mapping = detectMapping(rows(['Kommune', 'Knr', 'Spørsmål 1'], ['301', '0301', 'Ja']), QUESTIONS, 30);
    expect(mapping.columns.map((c) => c.field)).toEqual(['respondent', 'municipalityNumber', 'question:1']);
  });
});

describe('mapping presets', () => {
  const table = rows(['Eksport'], ['Avsender (org.)', 'Felt A', 'Felt B', 'Spørsmål 1'], ['Bodø', 'Ja', 'Nei', 'Kanskje']);

  it('override the guess with full confidence, and leave the other columns to it', () => {
    const mapping = detectMapping(table, QUESTIONS, 30, { version: 1, columns: { 'avsender (org.)': 'respondent', 'Felt A': 'question:2', 'Felt B': 'question:3' } });
    expect(mapping.headerRowIndex).toBe(1);
    expect(mapping.columns.map((c) => [c.field, c.confidence, c.reason])).toEqual([
      ['respondent', 1, 'forhåndsvalg'],
      ['question:2', 1, 'forhåndsvalg'],
      ['question:3', 1, 'forhåndsvalg'],
      ['question:1', 0.95, 'spørsmål 1 ved nummer'],
    ]);
  });

  it('can switch a guessed column off', () => {
    const mapping = detectMapping(table, QUESTIONS, 30, { version: 1, columns: { 'Spørsmål 1': 'ignore', 'Felt A': 'question:1' } });
    expect(mapping.columns.map((c) => c.field)).toEqual(['respondent', 'question:1', 'ignore', 'ignore']);
  });

  it('win a field over a surer guess', () => {
    const mapping = detectMapping(table, QUESTIONS, 30, { version: 1, columns: { 'Felt B': 'question:1' } });
    expect(mapping.columns.map((c) => c.field)).toEqual(['respondent', 'ignore', 'question:1', 'ignore']);
  });

  it('name the header row when it cannot be found', () => {
    const plain = rows(['Avsender', 'A', 'B'], ['Bodø', 'Ja', 'Nei']);
    expect(() => detectMapping(plain, QUESTIONS, 30)).toThrow(ImportError);
    const mapping = detectMapping(plain, QUESTIONS, 30, { version: 1, headerRow: 1, columns: { A: 'question:1', B: 'question:2' } });
    expect(mapping.headerRowIndex).toBe(0);
    expect(mapping.columns.map((c) => c.field)).toEqual(['respondent', 'question:1', 'question:2']);
  });
});

describe('parseDate', () => {
  it.each([
    [new Date(Date.UTC(2022, 4, 30)), '2022-05-30'],
    [44711, '2022-05-30'],
    [44711.75, '2022-05-30'],
    ['30.05.2022', '2022-05-30'],
    ['30.5.2022', '2022-05-30'],
    ['1.6.2022', '2022-06-01'],
    ['30.05.22', '2022-05-30'],
    ['30.05.2022 kl. 14:03', '2022-05-30'],
    ['2022-05-30', '2022-05-30'],
    ['2022-05-30T12:00:00Z', '2022-05-30'],
    ['2022-05-30 12:00', '2022-05-30'],
    ['1. juni 2022', '2022-06-01'],
    ['1 juni 2022', '2022-06-01'],
    ['15. Mai 2022', '2022-05-15'],
    ['3. des. 2021', '2021-12-03'],
    [' 30.05.2022 ', '2022-05-30'],
  ])('%j → %s', (value, iso) => {
    expect(parseDate(value)).toBe(iso);
  });

  it.each([
    ['31.02.2022'],
    ['30.13.2022'],
    ['2022-02-30'],
    ['hei'],
    ['1. smarch 2022'],
    [''],
    [null],
    [undefined],
    [1],
    [true],
    [new Date(Number.NaN)],
  ])('%j → null', (value) => {
    expect(parseDate(value as never)).toBeNull();
  });

  it('finds the date in a letter\'s opening lines', () => {
    expect(receivedDate('Bodø kommune\nDato: 30.05.2022\n\nSpørsmål 1').date).toBe('2022-05-30');
    expect(receivedDate('Bodø, 1. juni 2022\nTil departementet').date).toBe('2022-06-01');
    expect(receivedDate('Ingen dato her').date).toBeNull();
  });
});

it('uses the letter\'s own questions: Q2, Q3 and Q5 are told apart by their text', () => {
  expect(mapHeader([Q2, Q3, Q5], QUESTIONS).map((c) => c.field)).toEqual(['question:2', 'question:3', 'question:5']);
});
