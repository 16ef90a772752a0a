// Real Word footnotes: each quote's source (respondent, date received,
// response id, file and place in the file). Numbered in the order the
// quotes appear, so the same data gives the same notes.
import { FootnoteReferenceRun, Paragraph, TextRun } from 'docx';
import { formatNorwegianDate } from '../../../../src-shared/norwegian';

/** Where a response came from, as its footnote cites it. */
export interface ResponseSource {
  responseId: string;
  respondentName: string;
  receivedDate: string | null;
  fileName: string | null;
  locator: string;
}

export class Footnotes {
  private readonly notes: { id: number; text: string }[] = [];

  get count(): number {
    return this.notes.length;
  }

  /** Adds a note and returns the reference to place after the text it belongs to. */
  add(text: string): FootnoteReferenceRun {
    const id = this.notes.length + 1;
    this.notes.push({ id, text });
    return new FootnoteReferenceRun(id);
  }

  /** The notes as docx's Document option `footnotes`. */
  toDocxOption(): Record<string, { children: Paragraph[] }> {
    return Object.fromEntries(this.notes.map((n) => [String(n.id), { children: [new Paragraph({ children: [new TextRun(n.text)] })] }]));
  }
}

/**
 * "Svar fra Steigen kommune, mottatt 30.05.2022 (svar-id …). Kilde: svar.csv, rad 3."
 * The respondent's name is as received, so a reader can find the response in the case file.
 */
export function sourceNote(source: ResponseSource): string {
  const received = source.receivedDate ? `mottatt ${formatNorwegianDate(source.receivedDate)}` : 'mottaksdato ukjent';
  const file = source.fileName ? `${source.fileName}, ${source.locator}` : source.locator || 'ikke oppgitt';
  return `Svar fra ${source.respondentName}, ${received} (svar-id ${source.responseId}). Kilde: ${file}.`;
}
