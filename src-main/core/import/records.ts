// From a parsed file to import records: one per response, with the respondent
// as written, the answers per question, and where each came from.
import { ImportError, type ImportWarning } from '../input/errors';
import type { ImportLimits } from '../input/limits';
import { parseDate } from './dates';
import type { LetterSplitPreview, MappingPreset, SenderReport, TableMapping } from '../../../src-shared/imports';
import type { OcrReading } from '../../../src-shared/domain';
import { cellText, detectMapping, type MappingQuestion } from './mapping';
import type { ParsedLetter, ParsedTable } from './formats/types';
import type { MatchResult, MunicipalityMatcher } from './match';
import { receivedDate } from './received-date';
import { cleanRespondentName } from './respondent-name';
import { detectSender } from './sender';
import { splitLetter, type SplitResult } from './split';
import { isBlank, normalizeText } from '../input/text';
import { turnTaker } from '../eventLoop';
import { LOW_CONFIDENCE } from './ocr/engine';

export interface ImportRecord {
  locator: string;
  respondentName: string;
  municipalityNumber: string | null;
  receivedDate: string | null;
  /** Answers in order; question null = text not assigned to a question. */
  answers: { question: number | null; text: string }[];
  needsSplitting: boolean;
  /** Letters: the sender as weighed from evidence (overrides matching the name). */
  match?: MatchResult;
  sender?: SenderReport;
  dateReason?: string;
  /** Letters: how the text was split, for the preview. */
  split?: LetterSplitPreview;
  /** Letters read with OCR: stored with the response («lest med OCR»). */
  ocr?: OcrReading;
}

const EXCERPT_WORDS = 12;

/** The first words of a text, for showing where a part begins («Vi støtter forslaget om …»). */
export function firstWords(text: string, count = EXCERPT_WORDS): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.slice(0, count).join(' ') + (words.length > count ? ' …' : '');
}

export function splitPreview(split: SplitResult): LetterSplitPreview {
  return {
    method: split.method,
    parts: split.parts.filter((p) => !isBlank(p.text)).map((p) => ({ question: p.question, excerpt: firstWords(p.text) })),
  };
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
  // Every cell's length first, before the mapping folds headers and values: the fuzzer found that a
  // 12-million-character cell held the core for many seconds before the per-answer check refused it.
  for (const sheet of nonEmpty) {
    for (const row of sheet.rows) {
      row.values.forEach((v, i) => {
        if (typeof v === 'string') checkLength(v, `${row.locator}, kolonne ${i + 1}`, limits);
      });
    }
  }
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
    const letterCol = col('letter');
    if (letterCol !== undefined) {
      const header = mapping.columns.find((c) => c.index === letterCol)!.header;
      warnings.push({
        code: 'PLAIN_TABLE',
        message: `Teksten i kolonnen «${header}» lagres som hele svaret fra hver innsender (ufordelt), til å deles opp på spørsmål eller kodes som helhet`,
        locator: sheet.name ? `ark «${sheet.name}»` : undefined,
      });
    }
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
      const answers: ImportRecord['answers'] = questionCols
        .map(({ index, question }) => ({ question, text: text(index) }))
        .filter((a) => !isBlank(a.text));
      const letterText = text(letterCol);
      if (!isBlank(letterText)) answers.push({ question: null, text: letterText });
      for (const a of answers) checkLength(a.text, row.locator, limits);
      const cleaned = cleanRespondentName(text(respondentCol));
      const name = cleaned.name;
      if (cleaned.label) warnings.push({ code: 'LISTING_LABEL', message: `Merknaden «${cleaned.label}» er tatt av navnet «${name}» og lagret her`, locator: row.locator });
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
        // A whole letter in a project with questions waits to be split; without questions it is coded as it is.
        needsSplitting: !isBlank(letterText) && questions.length > 0,
      });
    }
  }
  if (mappings.length === 0 && lastError) throw lastError;
  if (records.length === 0) throw new ImportError('NO_ROWS', 'The file has a header but no responses with answers');
  return { records, warnings, mappings };
}

export function letterRecord(fileName: string, letter: ParsedLetter, questions: MappingQuestion[], matcher: MunicipalityMatcher, limits: ImportLimits): RecordSet {
  const text = normalizeText(letter.text);
  if (isBlank(text)) throw new ImportError('NO_ROWS', 'The letter contains no text');
  checkLength(text, letter.pages ? `${letter.pages} sider` : 'hele brevet', limits);
  const split = splitLetter(text, questions);
  const sender = detectSender({ fileName, text, emailFrom: letter.emailFrom, emailSubject: letter.emailSubject }, matcher);
  const date = letter.pageDate ? { date: letter.pageDate.date, reason: `«${letter.pageDate.line}» (sidens dato)` } : receivedDate(text);
  const warnings: ImportWarning[] = [...letter.warnings];
  if (sender.status === 'uavklart') {
    const names = sender.candidates.map((c) => `${c.name} (${c.score})`).join(', ');
    warnings.push({ code: 'SENDER_UNRESOLVED', message: `Avsenderen er uavklart (sikkerhet ${sender.confidence}): ${names || 'ingen kandidater'}; velg riktig innsender under Svar` });
  }
  if (sender.label) warnings.push({ code: 'LISTING_LABEL', message: `Merknaden «${sender.label}» er tatt av navnet og lagret her` });
  if (!date.date) warnings.push({ code: 'NO_DATE', message: date.reason });
  if (letter.ocr) {
    const { pages, confidence, lowWords } = letter.ocr;
    warnings.push({
      code: 'READ_WITH_OCR',
      message: `Lest med OCR (${pages === 1 ? '1 side' : `${pages} sider`}), gjennomsnittlig ordsikkerhet ${confidence} %; ${lowWords === 1 ? '1 ord' : `${lowWords} ord`} under ${LOW_CONFIDENCE} % er merket for kontroll`,
    });
  }
  if (split.needsSplitting) {
    warnings.push({ code: 'NEEDS_SPLITTING', message: 'Brevet har ingen tydelige spørsmålsoverskrifter; hele teksten er lagret som ufordelt og må deles opp manuelt' });
  }
  return {
    records: [
      {
        locator: letter.pages ? `${letter.pages} sider` : 'hele brevet',
        respondentName: sender.name,
        municipalityNumber: null,
        receivedDate: date.date,
        match: sender.match,
        dateReason: date.reason,
        sender: {
          status: sender.status,
          kind: sender.kind,
          confidence: sender.confidence,
          label: sender.label,
          evidence: sender.candidates[0]?.evidence ?? [],
          candidates: sender.candidates.map((c) => ({ name: c.name, kind: c.kind, score: c.score })),
        },
        answers: split.parts.filter((p) => !isBlank(p.text)),
        needsSplitting: split.needsSplitting,
        split: splitPreview(split),
        ...(letter.ocr ? { ocr: { ...letter.ocr, text } } : {}),
      },
    ],
    warnings,
    mappings: [],
  };
}
