// «Skjul personopplysninger» in an export: each finding in an answer's text
// is replaced by its label («[fødselsnummer fjernet]»), and every position
// into the original text (a coding, a quote, a variable's evidence) is moved
// to the same place in the masked text, so a coded passage stays the passage
// it was. A position inside a finding moves to the label's edge, so a quote
// that contains part of a finding contains the whole label instead.
import { MASK_LABELS, type PersonalSpan } from '../../../src-shared/personal';

export interface MaskedText {
  text: string;
  /** Where an original offset lands in the masked text; a start inside a finding goes to its label's start, an end to its label's end. */
  at(offset: number, side: 'start' | 'end'): number;
}

/** The text with the spans (sorted, not overlapping, as detectPersonalData returns them) replaced by their labels. */
export function maskText(text: string, spans: readonly PersonalSpan[]): MaskedText {
  if (spans.length === 0) return { text, at: (offset) => offset };
  const parts: string[] = [];
  // Per span: its original range and its label's range in the masked text.
  const moved: { start: number; end: number; labelStart: number; labelEnd: number }[] = [];
  let cursor = 0;
  let length = 0;
  for (const span of spans) {
    const before = text.slice(cursor, span.start);
    parts.push(before);
    length += before.length;
    const label = MASK_LABELS[span.kind];
    parts.push(label);
    moved.push({ start: span.start, end: span.end, labelStart: length, labelEnd: length + label.length });
    length += label.length;
    cursor = span.end;
  }
  parts.push(text.slice(cursor));
  return {
    text: parts.join(''),
    at(offset, side) {
      // The last span that starts before the offset decides the shift.
      let shift = 0;
      for (const m of moved) {
        if (offset <= m.start) break;
        if (offset < m.end) return side === 'start' ? m.labelStart : m.labelEnd;
        shift = m.labelEnd - m.end;
      }
      return offset + shift;
    },
  };
}

/** A passage [start, end) of the original text, as it reads in the masked text. */
export function maskedPassage(masked: MaskedText, start: number, end: number): { start: number; end: number; text: string } {
  const s = masked.at(start, 'start');
  const e = Math.max(s, masked.at(end, 'end'));
  return { start: s, end: e, text: masked.text.slice(s, e) };
}
