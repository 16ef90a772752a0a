// From a parsed file to import records: one per response, with the respondent
// as written, the answers per question, and where each came from.
import path from 'node:path';
import { ImportError, type ImportWarning } from '../input/errors';
import type { ImportLimits } from '../input/limits';
import { letterDate, parseDate } from './dates';
import type { MappingPreset, TableMapping } from '../../../src-shared/imports';
import { cellText, detectMapping, type MappingQuestion } from './mapping';
import type { ParsedLetter, ParsedTable } from './formats/types';
import { MunicipalityMatcher } from './match';
import { splitLetter } from './split';
import { isBlank, normalizeText } from '../input/text';
import { turnTaker } from '../eventLoop';

export interface ImportRecord {
  locator: string;
  respondentName: string;
  municipalityNumber: string | null;
  receivedDate: string | null;
  /** Answers in order; question null = text not assigned to a question. */
  answers: { question: number | null; text: string }[];
  needsSplitting: boolean;
}

export interface RecordSet {
  records: ImportRecord[];
  warnings: ImportWarning[];
  /** The column mapping per sheet, for the preview. */
  mappings: { sheet: string | null; mapping: TableMapping }[];
}

function checkLength(text: string, locator: string, limits: ImportLimits): void {
  if (text.length > limits.maxCellChars) {
    throw new ImportError('CELL_TOO_LONG', `A cell holds ${text.length} characters; the limit is ${limits.maxCellChars}`, locator);
  }
}

/** Async only to let the event loop turn between rows (a table may hold 10,000 responses). */
export async function tableRecords(table: ParsedTable, questions: MappingQuestion[], limits: ImportLimits, preset?: MappingPreset): Promise<RecordSet> {
  const turn = turnTaker();
  const records: ImportRecord[] = [];
  const warnings: ImportWarning[] = [...table.warnings];
  const mappings: RecordSet['mappings'] = [];
  const nonEmpty = table.sheets.filter((s) => s.rows.length > 0);
  if (nonEmpty.length === 0) throw new ImportError('NO_ROWS', 'The file holds no rows');
  let lastError: ImportError | null = null;
  for (const sheet of nonEmpty) {
    let mapping: TableMapping;
    try {
      mapping = detectMapping(sheet.rows, questions, limits.headerSearchRows, preset);
    } catch (e) {
      // With several sheets, a sheet without responses (a cover page) is skipped.
      if (table.sheets.length > 1 && e instanceof ImportError) {
        lastError = e;
        continue;
      }
      throw e;
    }
    mappings.push({ sheet: sheet.name, mapping });
    const col = (field: string) => mapping.columns.find((c) => c.field === field)?.index;
    const respondentCol = col('respondent');
    const numberCol = col('municipalityNumber');
    const dateCol = col('receivedDate');
    const questionCols = mapping.columns
      .filter((c) => c.field.startsWith('question:'))
      .map((c) => ({ index: c.index, question: Number(c.field.slice('question:'.length)) }))
      .sort((a, b) => a.question - b.question);
    for (const c of mapping.columns) {
      if (c.field === 'ignore' && c.header) {
        warnings.push({ code: 'COLUMN_IGNORED', message: `Kolonnen «${c.header}» ble ikke brukt (${c.reason})`, locator: sheet.name ? `ark «${sheet.name}»` : undefined });
      }
    }
    const dataRows = sheet.rows.slice(mapping.headerRowIndex + 1);
    if (records.length + dataRows.length > limits.maxRows) {
      throw new ImportError('TOO_MANY_ROWS', `The file has more than ${limits.maxRows} rows`);
    }
    for (const row of dataRows) {
      await turn();
      const text = (i: number | undefined) => (i === undefined ? '' : normalizeText(cellText(row.values[i])));
      const answers = questionCols
        .map(({ index, question }) => ({ question, text: text(index) }))
        .filter((a) => !isBlank(a.text));
      for (const a of answers) checkLength(a.text, row.locator, limits);
      const name = text(respondentCol).trim();
      const number = text(numberCol).trim();
      if (answers.length === 0) {
        if (name || number) warnings.push({ code: 'NO_ANSWERS', message: `Raden for «${name || number}» har ingen svar og ble hoppet over`, locator: row.locator });
        continue;
      }
      const rawDate = dateCol === undefined ? null : row.values[dateCol];
      const receivedDate = parseDate(rawDate);
      if (rawDate !== null && rawDate !== undefined && rawDate !== '' && !receivedDate) {
        warnings.push({ code: 'BAD_DATE', message: `Datoen «${cellText(rawDate)}» ble ikke forstått`, locator: row.locator });
      }
      records.push({
        locator: row.locator,
        respondentName: name || (number ? `Kommunenummer ${number}` : `Ukjent innsender (${row.locator})`),
        municipalityNumber: number || null,
        receivedDate,
        answers,
        needsSplitting: false,
      });
    }
  }
  if (mappings.length === 0 && lastError) throw lastError;
  if (records.length === 0) throw new ImportError('NO_ROWS', 'The file has a header but no responses with answers');
  return { records, warnings, mappings };
}

/** Who wrote a letter: from the file name, else from its opening lines. */
function letterRespondent(fileName: string, text: string, matcher: MunicipalityMatcher): { name: string; number: string | null } {
  const base = path.basename(fileName, path.extname(fileName));
  const number = /(?:^|\D)(\d{4})(?:\D|$)/.exec(base)?.[1] ?? null;
  const fromName = base.replace(/(?:^|[\s_-])\d{4}(?=$|[\s_-])/g, ' ').replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim();
  const byFile = matcher.match(fromName, number);
  if (byFile.status !== 'unmatched') return { name: fromName || base, number };
  for (const line of text.split('\n').slice(0, 20)) {
    const candidate = /([A-ZÆØÅ][\p{L}'’.-]*(?:[ -][A-ZÆØÅ]?[\p{L}'’.-]+){0,3}\s+kommune)\b/u.exec(line)?.[1];
    if (candidate && matcher.match(candidate).status !== 'unmatched') return { name: candidate, number: null };
  }
  return { name: fromName || base, number };
}

export function letterRecord(fileName: string, letter: ParsedLetter, questions: MappingQuestion[], matcher: MunicipalityMatcher, limits: ImportLimits): RecordSet {
  const text = normalizeText(letter.text);
  if (isBlank(text)) throw new ImportError('NO_ROWS', 'The letter contains no text');
  checkLength(text, letter.pages ? `${letter.pages} sider` : 'hele brevet', limits);
  const split = splitLetter(text, questions);
  const respondent = letterRespondent(fileName, text, matcher);
  const warnings: ImportWarning[] = [...letter.warnings];
  if (split.needsSplitting) {
    warnings.push({ code: 'NEEDS_SPLITTING', message: 'Brevet har ingen tydelige spørsmålsoverskrifter; hele teksten er lagret som ufordelt og må deles opp manuelt' });
  }
  return {
    records: [
      {
        locator: letter.pages ? `${letter.pages} sider` : 'hele brevet',
        respondentName: respondent.name,
        municipalityNumber: respondent.number,
        receivedDate: letterDate(text),
        answers: split.parts.filter((p) => !isBlank(p.text)),
        needsSplitting: split.needsSplitting,
      },
    ],
    warnings,
    mappings: [],
  };
}
