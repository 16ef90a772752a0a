// The export tables without a project: the order of respondents, the
// Norwegian date of a coding, the CSV lines for Norwegian Excel, and the
// columns of Svar and Koding.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { excelCsvLines } from '../../../../src-main/core/tables/excel-csv';
import { compareRespondents, norwegianDateOf, type CodingRow, type RespondentRow } from '../../../../src-main/core/export/table-data';
import { kodingTable, sentenceQuote, svarTable } from '../../../../src-main/core/export/tables';

function respondent(name: string, district: string | null, number = '0000', id = name): RespondentRow {
  return {
    responseId: id,
    respondentId: id,
    name,
    respondentName: name,
    municipality: district
      ? { number, name, countyNumber: '00', countyName: 'Fylke', policeDistrictCode: district, policeDistrictName: district, population: 1000 }
      : null,
    receivedDate: '2022-05-30',
    status: 'ferdig',
    needsSplitting: false,
  };
}

describe('export tables', () => {
  it('orders municipalities by police district, then by name with æ, ø, å last; other respondents after them', () => {
    const rows = [
      respondent('Politiets Fellesforbund', null),
      respondent('Ål', 'p04', '3041'),
      respondent('Øvre Eiker', 'p04', '3048'),
      respondent('Drammen', 'p04', '3005'),
      respondent('Bodø', 'p10', '1804'),
      respondent('Oslo', 'p01', '0301'),
      respondent('Advokatforeningen', null),
      respondent('Herøy', 'p08', '1515'),
      respondent('Herøy', 'p08', '1818'),
      respondent('Zeta', 'p04', '9999'),
    ];
    expect(rows.sort(compareRespondents).map((r) => `${r.name} ${r.municipality?.number ?? ''}`.trim())).toEqual([
      'Oslo 0301',
      'Drammen 3005',
      'Zeta 9999',
      'Øvre Eiker 3048',
      'Ål 3041',
      'Herøy 1515',
      'Herøy 1818',
      'Bodø 1804',
      'Advokatforeningen',
      'Politiets Fellesforbund',
    ]);
  });

  it('dates a coding by the Norwegian calendar day it was made', () => {
    expect(norwegianDateOf('2022-06-01T21:59:59.000Z')).toBe('2022-06-01');
    expect(norwegianDateOf('2022-06-01T22:30:00.000Z')).toBe('2022-06-02'); // 00:30 summer time
    expect(norwegianDateOf('2022-12-31T23:30:00.000Z')).toBe('2023-01-01'); // 00:30 winter time
    expect(norwegianDateOf('2022-12-31T22:30:00.000Z')).toBe('2022-12-31');
  });

  it('writes CSV lines every field quoted, ";" and CRLF, that parse back to the same text (formulas neutralised)', () => {
    const rows = [
      ['a;b', 'sier "ja"', 'linje 1\nlinje 2'],
      ['=SUM(A1)', '-1', 'Kåfjord'],
    ];
    const text = excelCsvLines(rows);
    expect(text).toBe('"a;b";"sier ""ja""";"linje 1\nlinje 2"\r\n"\'=SUM(A1)";"\'-1";"Kåfjord"');
    expect(Papa.parse<string[]>(text, { delimiter: ';', newline: '\r\n' }).data).toEqual([rows[0], ["'=SUM(A1)", "'-1", 'Kåfjord']]);
  });

  it('Svar has a column per question and one for unassigned text only when asked', () => {
    const questions = [
      { id: 'q1', ordinal: 1, shortLabel: 'Utfordringer', text: '' },
      { id: 'q2', ordinal: 2, shortLabel: 'Tilfredshet', text: '' },
    ];
    const withText = svarTable(questions, true);
    expect(withText.columns.map((c) => c.header).slice(7)).toEqual(['Spørsmål 1: Utfordringer', 'Spørsmål 2: Tilfredshet', 'Ufordelt tekst']);
    expect(svarTable(questions, false).columns).toHaveLength(9);
    const row = { ...respondent('Politiets Fellesforbund', null), answers: new Map([['q2', 'Nei.']]), unassigned: '' };
    expect(withText.cells(row)).toEqual([null, 'Politiets Fellesforbund', null, null, null, '2022-05-30', 'Ferdig', null, 'Nei.', null]);
    expect(withText.columns.map((c) => c.kind).slice(4, 6)).toEqual(['number', 'date']);
  });

  it('Koding gives the code path, the quote and the memo mark', () => {
    const coding: CodingRow = {
      codingId: 'k1',
      respondent: respondent('Bodø', 'p10', '1804'),
      answerId: 'a1',
      questionId: 'q1',
      questionOrdinal: 1,
      codeId: 'c1',
      codePath: ['Utfordringer', 'Rus'],
      start: 0,
      end: 3,
      quote: 'Rus',
      quoteContext: { before: '', after: '' },
      coder: 'Kari',
      createdAt: '2022-06-01T22:30:00.000Z',
      createdDate: '2022-06-02',
      useInMemo: true,
    };
    expect(kodingTable().cells(coding)).toEqual(['1804', 'Bodø', 'p10', 1, 'Utfordringer > Rus', 'Rus', 'Rus', 'Kari', '2022-06-02', 'ja']);
  });

  it('Koding quotes a coding shorter than its sentence with the sentence, the coded words marked', () => {
    const row = { quote: 'tjenestested', quoteContext: { before: 'Vi ønsker et nytt\n', after: ' i Alvdal.' } };
    expect(sentenceQuote(row)).toEqual({
      parts: [
        { text: 'Vi ønsker et nytt ', marked: false },
        { text: 'tjenestested', marked: true },
        { text: ' i Alvdal.', marked: false },
      ],
    });
    expect(sentenceQuote({ quote: ' Hele setningen. ', quoteContext: { before: '', after: '' } })).toBe('Hele setningen.');
  });
});
