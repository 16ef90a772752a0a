// The memo as a Word document: an A4 "notat" with the title, the header
// block (Til, Fra, Dato, Saksnr., Emne) as a table, a table of contents field
// that Word fills in when the document is opened, the chosen sections in the
// chosen order, page numbers in the footer ("Side 2 av 9"), footnotes, and
// Norwegian (nb-NO) as the document's language.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { MemoMetadata } from '../../../../src-shared/export';
import { TEXT_WIDTH, type Block } from './blocks';
import type { MemoContext } from './context';
import { formatNorwegianDate } from '../../../../src-shared/norwegian';
import { packDocument } from './docx-packing';

export const LANGUAGE = 'nb-NO';
// Arial: on every Windows and Mac, and LibreOffice lays it out with the metric-compatible Liberation Sans.
const FONT = 'Arial';
const TEXT_COLOUR = '1E2B3C';

function headerBlock(metadata: MemoMetadata): Table {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const rule = { style: BorderStyle.SINGLE, size: 6, color: '1E2B3C' };
  const rows: [string, string][] = [
    ['Til:', metadata.to],
    ['Fra:', metadata.from],
    ['Dato:', formatNorwegianDate(metadata.date)],
    ['Saksnr.:', metadata.caseNumber],
    ['Emne:', metadata.subject],
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [1600, TEXT_WIDTH - 1600],
    borders: { top: none, bottom: rule, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          children: [
            new TableCell({ width: { size: 1600, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun({ text: label, bold: true })] })] }),
            new TableCell({ width: { size: TEXT_WIDTH - 1600, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun(value)] })] }),
          ],
        }),
    ),
  });
}

function front(ctx: MemoContext): Block[] {
  return [
    new Paragraph({ style: 'Title', children: [new TextRun('Notat')] }),
    headerBlock(ctx.options.metadata),
    new Paragraph({ children: [] }),
    new Paragraph({ children: [new TextRun({ text: 'Innhold', bold: true, size: 28 })] }),
    // Word fills the table in when the document is opened (updateFields); the entries docx writes are there until then.
    new TableOfContents('Innhold', { hyperlink: true, headingStyleRange: '1-2' }),
  ];
}

export async function buildDocx(ctx: MemoContext, body: Block[], date: Date): Promise<Buffer> {
  const { metadata } = ctx.options;
  const heading = (size: number, before: number) => ({
    run: { font: FONT, size, bold: true, color: TEXT_COLOUR },
    paragraph: { spacing: { before, after: 120 }, keepNext: true },
  });
  const doc = new Document({
    title: metadata.subject,
    subject: metadata.subject,
    creator: metadata.from,
    lastModifiedBy: metadata.from,
    description: `Notat ${metadata.caseNumber}`.trim(),
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: { value: LANGUAGE } }, paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: FONT, size: 48, bold: true, color: TEXT_COLOUR }, paragraph: { spacing: { after: 240 } } },
        heading1: heading(32, 360),
        heading2: heading(26, 240),
        heading3: heading(23, 200),
      },
      paragraphStyles: [
        {
          id: 'Sitat',
          name: 'Sitat',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          paragraph: { indent: { left: 567, right: 567 }, spacing: { before: 60, after: 160 } },
        },
        {
          id: 'Caption',
          name: 'caption',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, size: 20, color: '4B5563' },
          paragraph: { spacing: { after: 240 } },
        },
      ],
    },
    footnotes: ctx.notes.toDocxOption(),
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1417, bottom: 1417, left: 1417, right: 1417, header: 709, footer: 709 },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: [metadata.caseNumber && `Saksnr. ${metadata.caseNumber}`, formatNorwegianDate(metadata.date)].filter(Boolean).join(' · '), size: 18, color: '6B7079' })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['Side ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES], size: 18 })],
              }),
            ],
          }),
        },
        children: [...front(ctx), ...body],
      },
    ],
  });
  return packDocument(doc, {
    title: metadata.subject,
    subject: metadata.subject,
    creator: metadata.from,
    description: `Notat ${metadata.caseNumber}`.trim(),
    date,
    language: LANGUAGE,
  });
}
