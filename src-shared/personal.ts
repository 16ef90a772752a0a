// What the personal-data detector finds (src-main/core/personal/detect.ts):
// the kinds of finding, and the label that replaces a finding in an export
// when «Skjul personopplysninger» is on. Shared so the UI names the same kinds.
import { z } from 'zod';

export const PERSONAL_KINDS = ['fodselsnummer', 'd_nummer', 'telefon', 'epost', 'adresse'] as const;
export type PersonalKind = (typeof PERSONAL_KINDS)[number];
export const personalKindSchema = z.enum(PERSONAL_KINDS);

/** A list or search narrowed by personal data: of one kind, of any kind, or none found. */
export const personalFilterSchema = z.union([personalKindSchema, z.enum(['any', 'none'])]);
export type PersonalFilter = z.infer<typeof personalFilterSchema>;

/** One finding in an answer's text: [start, end) in UTF-16 code units, as coding offsets are. */
export interface PersonalSpan {
  kind: PersonalKind;
  start: number;
  end: number;
}

/** The label an export writes in place of a finding (bokmål: the exported files are Norwegian documents). */
export const MASK_LABELS: Record<PersonalKind, string> = {
  fodselsnummer: '[fødselsnummer fjernet]',
  d_nummer: '[D-nummer fjernet]',
  telefon: '[telefonnummer fjernet]',
  epost: '[e-postadresse fjernet]',
  adresse: '[adresse fjernet]',
};
