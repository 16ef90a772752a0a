// Letters as municipalities send them: a small document model (label,
// letterhead, reference lines, title, sections) rendered to DOCX (docx, real
// Word headings), PDF (pdf-lib, standard font with a real text layer) or
// plain UTF-8 text.
import { AlignmentType, Document, Header, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { normalizeOoxml } from './zip';

export const LETTER_LABEL = 'SYNTETISKE EKSEMPELDATA – ikke et ekte høringssvar';

export type LineStyle = 'label' | 'letterhead' | 'meta' | 'title' | 'heading' | 'p' | 'li' | 'sign';

export interface Line {
  style: LineStyle;
  text: string;
}

export interface LetterDoc {
  /** Document title for the file's metadata. */
  title: string;
  lines: Line[];
  /** Word heading level for the question headings (2 or 3). */
  headingLevel: 2 | 3;
}

/** Fixed metadata time for generated documents (no clock reads). */
export const DOC_TIME_ISO = '2022-06-15T10:00:00Z';

export async function renderDocx(doc: LetterDoc): Promise<Buffer> {
  const paragraphs = doc.lines.map((line) => {
    switch (line.style) {
      case 'label':
        return new Paragraph({ children: [new TextRun({ text: line.text, bold: true, color: 'C00000' })], spacing: { after: 240 } });
      case 'letterhead':
        return new Paragraph({ children: [new TextRun({ text: line.text, bold: true, size: 32 })], spacing: { after: 240 } });
      case 'meta':
        return new Paragraph({ children: [new TextRun({ text: line.text, size: 20 })] });
      case 'title':
        return new Paragraph({ text: line.text, heading: HeadingLevel.HEADING_1, spacing: { before: 360, after: 240 } });
      case 'heading':
        return new Paragraph({ text: line.text, heading: doc.headingLevel === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, spacing: { before: 240, after: 120 } });
      case 'li':
        return new Paragraph({ text: line.text, indent: { left: 360 }, spacing: { after: 60 } });
      case 'sign':
        return new Paragraph({ text: line.text, spacing: { after: 0 } });
      default:
        return new Paragraph({ text: line.text, spacing: { after: 160 }, alignment: AlignmentType.LEFT });
    }
  });
  const document = new Document({
    creator: 'Innspill demo-generator',
    title: doc.title,
    description: LETTER_LABEL,
    lastModifiedBy: 'Innspill demo-generator',
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: LETTER_LABEL, color: 'C00000', size: 16 })] })] }) },
        children: paragraphs,
      },
    ],
  });
  return normalizeOoxml(await Packer.toBuffer(document), DOC_TIME_ISO);
}

const PAGE = { width: 595.28, height: 841.89, margin: 64 };

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines;
}

export async function renderPdf(doc: LetterDoc): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const fixed = new Date(DOC_TIME_ISO);
  pdf.setTitle(doc.title);
  pdf.setAuthor('Innspill demo-generator');
  pdf.setSubject(LETTER_LABEL);
  pdf.setCreator('Innspill demo-generator (scripts/make-demo-batch.ts)');
  pdf.setProducer('pdf-lib');
  pdf.setCreationDate(fixed);
  pdf.setModificationDate(fixed);
  pdf.setLanguage('nb-NO');

  const width = PAGE.width - 2 * PAGE.margin;
  let page: PDFPage = pdf.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  const style: Record<LineStyle, { font: PDFFont; size: number; before: number; after: number; indent?: number; color?: [number, number, number] }> = {
    label: { font: bold, size: 9.5, before: 0, after: 14, color: [0.75, 0, 0] },
    letterhead: { font: bold, size: 16, before: 0, after: 14 },
    meta: { font: regular, size: 9.5, before: 0, after: 1 },
    title: { font: bold, size: 14, before: 18, after: 10 },
    heading: { font: bold, size: 11.5, before: 12, after: 4 },
    p: { font: regular, size: 10.5, before: 0, after: 7 },
    li: { font: regular, size: 10.5, before: 0, after: 3, indent: 14 },
    sign: { font: regular, size: 10.5, before: 0, after: 1 },
  };
  for (const line of doc.lines) {
    const s = style[line.style];
    const leading = s.size * 1.3;
    y -= s.before;
    for (const text of wrap(line.text, s.font, s.size, width - (s.indent ?? 0))) {
      if (y - leading < PAGE.margin) {
        page = pdf.addPage([PAGE.width, PAGE.height]);
        y = PAGE.height - PAGE.margin;
      }
      y -= leading;
      page.drawText(text, { x: PAGE.margin + (s.indent ?? 0), y, size: s.size, font: s.font, color: rgb(...(s.color ?? [0, 0, 0])) });
    }
    y -= s.after;
  }
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

export function renderTxt(doc: LetterDoc, eol: '\n' | '\r\n'): Buffer {
  const out: string[] = [];
  doc.lines.forEach((line, i) => {
    const prev = doc.lines[i - 1];
    // A blank line between blocks, except inside runs of list lines, reference lines and the signature.
    const tight = prev && ((line.style === 'li' && prev.style === 'li') || (line.style === 'meta' && prev.style === 'meta') || (line.style === 'sign' && prev.style === 'sign'));
    if (i > 0 && !tight) out.push('');
    out.push(line.text);
  });
  return Buffer.from(out.join(eol) + eol, 'utf8');
}
