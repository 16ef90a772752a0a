// «Skjul personopplysninger» and «privatperson» in the memo: quotes and answer
// texts with each finding replaced by its label (the same masking as the
// workbook and CSV: personal/mask.ts, so a quote touching a finding carries
// the whole label), and private persons named «privatperson» unless the
// caseworker chose to name them (namePrivatePersons).
import type { Kysely } from 'kysely';
import type { MunicipalityFacts } from '../../../../src-shared/domain';
import { sentenceAround } from '../../../../src-shared/sentences';
import { maskedPassage, maskText, type MaskedText } from '../../personal/mask';
import { PRIVATE_PERSON, privatePersonTest } from '../../personal/respondent';
import type { DB } from '../../store/schema';
import { personalSpans } from '../table-data';
import { respondentLabel } from './format';

export { PRIVATE_PERSON };

export interface MemoPrivacy {
  /** Findings are masked (the cache must be fresh: refreshPersonalData before the memo). */
  readonly mask: boolean;
  /** Passage [start, end) of an answer as the memo prints it; without offsets, the whole answer. */
  passage(answerId: string, start: number | null, end: number | null): Promise<string>;
  /** A coded passage as the memo quotes it: the masked words and the rest of their sentence (blocks.ts QuoteSource). */
  quote(answerId: string, start: number, end: number): Promise<{ text: string; context: { before: string; after: string } }>;
  /** A finding's evidence: its coding's passage quoted as above, or the whole answer without a coding. */
  codingQuote(answerId: string, codingId: string | null): Promise<{ text: string; context: { before: string; after: string } }>;
  /** The respondent's name as the memo prints it: «Steigen kommune», an organisation's name, or «privatperson». */
  who(municipality: Pick<MunicipalityFacts, 'name'> | null, respondentName: string): string;
  /** The name alone (footnotes, «Innsender:»): the respondent's own name, or «privatperson». */
  name(respondentName: string, municipalityNumber: string | null): string;
}

export async function memoPrivacy(db: Kysely<DB>, options: { maskPersonal: boolean; namePrivatePersons: boolean }): Promise<MemoPrivacy> {
  const texts = new Map<string, Promise<MaskedText & { original: string }>>();
  /** Each answer's text, masked when asked (read once per memo). */
  const answer = (answerId: string): Promise<MaskedText & { original: string }> => {
    let found = texts.get(answerId);
    if (!found) {
      found = (async () => {
        const row = await db.selectFrom('answer').select('text').where('id', '=', answerId).executeTakeFirst();
        const text = row?.text ?? '';
        const spans = options.maskPersonal ? ((await personalSpans(db, [answerId])).get(answerId) ?? []) : [];
        return { ...maskText(text, spans), original: text };
      })();
      texts.set(answerId, found);
    }
    return found;
  };
  const passage = async (answerId: string, start: number | null, end: number | null): Promise<string> => {
    const m = await answer(answerId);
    return start === null || end === null ? m.text : maskedPassage(m, start, end).text;
  };
  // The sentence is found in the original text (a label has no sentence ends) and its edges moved into the masked one.
  const quote = async (answerId: string, start: number, end: number) => {
    const m = await answer(answerId);
    const sentence = sentenceAround(m.original, start, end);
    const coded = maskedPassage(m, start, end);
    const from = Math.min(coded.start, m.at(sentence.start, 'start'));
    const to = Math.max(coded.end, m.at(sentence.end, 'end'));
    return { text: coded.text, context: { before: m.text.slice(from, coded.start), after: m.text.slice(coded.end, to) } };
  };
  const hidden = await privatePersonTest(db, options.namePrivatePersons);
  return {
    mask: options.maskPersonal,
    passage,
    quote,
    async codingQuote(answerId, codingId) {
      const coding = codingId ? await db.selectFrom('coding').select(['start_offset', 'end_offset']).where('id', '=', codingId).executeTakeFirst() : undefined;
      if (!coding) return { text: await passage(answerId, null, null), context: { before: '', after: '' } };
      return quote(answerId, coding.start_offset, coding.end_offset);
    },
    who: (municipality, respondentName) => (municipality === null && hidden(respondentName, null) ? PRIVATE_PERSON : respondentLabel(municipality, respondentName)),
    name: (respondentName, municipalityNumber) => (hidden(respondentName, municipalityNumber) ? PRIVATE_PERSON : respondentName),
  };
}
