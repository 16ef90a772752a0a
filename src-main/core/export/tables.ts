// The columns of the tables the workbook and the CSV files share (Svar and
// Koding), defined once so a sheet and its CSV file always agree. A column
// says what kind of value it holds; each writer renders the kind its way
// (a real date cell in Excel, dd.mm.åååå text in CSV).
import type { ResponseStatus } from '../../../src-shared/domain';
import type { FindingRelation } from '../../../src-shared/findings';
import { codePathText, type CodingRow, type ExportQuestion, type RespondentRow, type ResponseWithAnswers } from './table-data';

export type ColumnKind = 'text' | 'longText' | 'number' | 'date';

export interface Column {
  header: string;
  kind: ColumnKind;
  /** Width in Excel's character units. */
  width: number;
}

/** Text with some words marked (the coded words in their sentence): bold in Excel, plain in CSV. */
export interface MarkedText {
  parts: { text: string; marked: boolean }[];
}

/** A cell: text, a number, an ISO date (yyyy-mm-dd) in a date column, marked text, or empty. */
export type CellValue = string | number | MarkedText | null;

/** Marked text as plain text. */
export function plainText(value: MarkedText): string {
  return value.parts.map((p) => p.text).join('');
}

/**
 * The Koding sheet's quote: the coded words with the rest of their sentence,
 * the coded words marked (a coding shorter than its sentence is never shown
 * as a bare fragment); white space collapsed as in the memo.
 */
export function sentenceQuote(k: Pick<CodingRow, 'quote' | 'quoteContext'>): MarkedText | string {
  const collapse = (s: string) => s.replace(/\s+/g, ' ');
  const before = collapse(k.quoteContext.before).trimStart();
  const after = collapse(k.quoteContext.after).trimEnd();
  const coded = collapse(k.quote);
  if (!before && !after) return coded.trim();
  return { parts: [{ text: before, marked: false }, { text: coded, marked: true }, { text: after, marked: false }].filter((p) => p.text) };
}

export interface Table<Row> {
  columns: Column[];
  cells(row: Row): CellValue[];
}

export const STATUS_LABELS: Record<ResponseStatus, string> = {
  ikke_startet: 'Ikke startet',
  under_arbeid: 'Under arbeid',
  ferdig: 'Ferdig',
  kvalitetssikret: 'Kvalitetssikret',
};

/** A finding link's relation as the workbook's headers and the memo name it. */
export const RELATION_LABELS: Record<FindingRelation, string> = {
  stotter: 'Støtter',
  motsier: 'Motsier',
  nyanserer: 'Nyanserer',
  nytt_forhold: 'Nytt forhold',
};

/** The columns that say who answered: number (empty for others), name, county, police district. */
export const RESPONDENT_COLUMNS: Column[] = [
  { header: 'Kommunenummer', kind: 'text', width: 15 },
  { header: 'Kommune / innsender', kind: 'text', width: 28 },
  { header: 'Fylke', kind: 'text', width: 20 },
  { header: 'Politidistrikt', kind: 'text', width: 22 },
];

export function respondentCells(r: RespondentRow): CellValue[] {
  return [r.municipality?.number ?? null, r.name, r.municipality?.countyName ?? null, r.municipality?.policeDistrictName ?? null];
}

export const questionHeader = (q: Pick<ExportQuestion, 'ordinal' | 'shortLabel'>): string => `Spørsmål ${q.ordinal}: ${q.shortLabel}`;
/** Text not assigned to a question, named as the coding view names it (also the REFI-QDA sources' heading). */
export const UNASSIGNED_HEADER = 'Ufordelt tekst';

/** Svar: one row per current response, one column per question (and one for unassigned text when there is any). */
export function svarTable(questions: ExportQuestion[], withUnassigned: boolean): Table<ResponseWithAnswers> {
  return {
    columns: [
      ...RESPONDENT_COLUMNS,
      { header: 'Innbyggere', kind: 'number', width: 12 },
      { header: 'Mottatt', kind: 'date', width: 12 },
      { header: 'Status', kind: 'text', width: 16 },
      ...questions.map((q): Column => ({ header: questionHeader(q), kind: 'longText', width: 60 })),
      ...(withUnassigned ? [{ header: UNASSIGNED_HEADER, kind: 'longText', width: 60 } satisfies Column] : []),
    ],
    cells: (r) => [
      ...respondentCells(r),
      r.municipality?.population ?? null,
      r.receivedDate,
      STATUS_LABELS[r.status],
      ...questions.map((q) => r.answers.get(q.id) ?? null),
      ...(withUnassigned ? [r.unassigned || null] : []),
    ],
  };
}

/** Koding: one row per coding on a current response. */
export function kodingTable(): Table<CodingRow> {
  return {
    columns: [
      { header: 'Kommunenummer', kind: 'text', width: 15 },
      { header: 'Kommune / innsender', kind: 'text', width: 28 },
      { header: 'Politidistrikt', kind: 'text', width: 22 },
      { header: 'Spørsmål', kind: 'number', width: 10 },
      { header: 'Kode', kind: 'text', width: 40 },
      { header: 'Sitat', kind: 'longText', width: 70 },
      { header: 'Kodet tekst', kind: 'longText', width: 40 },
      { header: 'Koder', kind: 'text', width: 22 },
      { header: 'Dato', kind: 'date', width: 12 },
      { header: 'Til notat', kind: 'text', width: 10 },
    ],
    cells: (k) => [
      k.respondent.municipality?.number ?? null,
      k.respondent.name,
      k.respondent.municipality?.policeDistrictName ?? null,
      k.questionOrdinal,
      codePathText(k.codePath),
      sentenceQuote(k),
      k.quote,
      k.coder,
      k.createdDate,
      k.useInMemo ? 'ja' : null,
    ],
  };
}
