// The memo's building blocks in docx terms: headings with Word's own heading
// styles (so the navigation pane and the table of contents work), body
// paragraphs, tables whose header row repeats on every page, and quotes
// attributed in the text with a footnote giving their source.
import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import type { MemoContext } from './context';
import { addCount } from './context';
import { fitColumns } from './columns';
import { quoteParts, quoteText } from '../../../../src-shared/sentences';
import { attribution } from './format';
import { sourceNote } from './notes';

export type Block = FileChild;

const LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

export function heading(text: string, level: 1 | 2 | 3): Paragraph {
  return new Paragraph({ heading: LEVELS[level], keepNext: true, children: [new TextRun(text)] });
}

export function para(text: string | ParagraphChild[], options: { italics?: boolean; bold?: boolean; style?: string; keepNext?: boolean } = {}): Paragraph {
  const children = typeof text === 'string' ? [new TextRun({ text, italics: options.italics, bold: options.bold })] : text;
  return new Paragraph({ children, style: options.style, keepNext: options.keepNext });
}

/** A paragraph per line of `text` (answers keep their own line breaks). */
export function textParagraphs(text: string): Paragraph[] {
  return text
    .split(/\n\s*\n|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => new Paragraph({ children: [new TextRun(line)] }));
}

export interface Column {
  title: string;
  /** Share of the table's width, in per cent. */
  width: number;
  /** Numbers are right-aligned. */
  numeric?: boolean;
}

/** The text width of the memo's A4 page with 2.5 cm margins, in twips (tables are sized in twips: Word and LibreOffice read them alike). */
export const TEXT_WIDTH = 11906 - 2 * 1417;

const twips = (percent: number) => Math.round((percent / 100) * TEXT_WIDTH);

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: 'B8C0CC' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder, insideHorizontal: cellBorder, insideVertical: cellBorder };

/** Cell margins left and right, in twips. */
const CELL_MARGIN = 80;
/** Table text size in half-points (10 pt). */
const TABLE_SIZE = 20;

function cell(text: string, column: Column, width: number, options: { header?: boolean; bold?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: twips(width), type: WidthType.DXA },
    shading: options.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF5' } : undefined,
    margins: { top: 40, bottom: 40, left: CELL_MARGIN, right: CELL_MARGIN },
    children: [
      new Paragraph({
        alignment: column.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
        children: [new TextRun({ text, bold: options.header || options.bold, size: TABLE_SIZE })],
      }),
    ],
  });
}

/**
 * A table with a header row that repeats on every page (`tableHeader`), and
 * optionally a bold total row at the end. The columns' widths are widened
 * where a header word or a number would not fit (columns.ts).
 */
export function dataTable(columns: Column[], rows: string[][], total?: string[]): Table {
  const widths = fitColumns(
    columns.map((c, i) => ({
      width: c.width,
      unbreakable: [c.title, ...(c.numeric ? [...rows, ...(total ? [total] : [])].map((r) => r[i] ?? '') : [])],
    })),
    TEXT_WIDTH,
    2 * CELL_MARGIN,
    TABLE_SIZE,
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths.map(twips),
    borders,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.title, c, widths[i], { header: true })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: columns.map((c, i) => cell(r[i] ?? '', c, widths[i])) })),
      ...(total ? [new TableRow({ cantSplit: true, children: columns.map((c, i) => cell(total[i] ?? '', c, widths[i], { bold: true })) })] : []),
    ],
  });
}

/** Space after a table, so the next heading does not stick to it. */
export function spacer(): Paragraph {
  return new Paragraph({ children: [] });
}

export interface QuoteSource {
  responseId: string;
  /** "Steigen kommune" or the organisation's name. */
  who: string;
  questionOrdinal: number | null;
  /** The coded words. */
  text: string;
  /**
   * The rest of the coded words' sentence before and after them: a coding
   * shorter than its sentence is quoted with the sentence, the coded words in
   * bold, so a fragment is never presented as what the respondent said.
   */
  context?: { before: string; after: string };
  /** Printed before the attribution, e.g. the relation to a finding ("støtter"). */
  note?: string;
}

/**
 * «The quote» – Steigen kommune, svar på spørsmål 2¹, where the footnote
 * names the response and where it came from.
 */
export function quote(ctx: MemoContext, q: QuoteSource): Paragraph {
  const source = ctx.sources.get(q.responseId);
  const parts = quoteParts({ before: q.context?.before ?? '', coded: q.text, after: q.context?.after ?? '' });
  const children: ParagraphChild[] =
    parts.before || parts.after
      ? [
          new TextRun({ text: `«${parts.before}`, italics: true }),
          new TextRun({ text: parts.coded, italics: true, bold: true }),
          new TextRun({ text: `${parts.after}»`, italics: true }),
        ]
      : [new TextRun({ text: `«${quoteText(q.text)}»`, italics: true })];
  children.push(
    new TextRun({ text: ` – ${attribution(q.who, q.questionOrdinal)}${q.note ? ` (${q.note})` : ''}` }),
  );
  if (source) children.push(ctx.notes.add(sourceNote(source)));
  addCount(ctx, 'quotes');
  return new Paragraph({ style: 'Sitat', children });
}
