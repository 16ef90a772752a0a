// Recognises the parts of a letter that are no one's answer: the letterhead
// (sender, recipient's address, «Deres ref.», date, the subject line and a
// formal «Vi viser til …» opening) and the closing (“Med hilsen”, name and
// title lines, «Dokumentet er elektronisk godkjent», page footers). Such text
// is kept and shown, but it is not answer text waiting to be distributed to a
// question, so it is not counted as «ufordelt». The rules are deliberately
// strict: a part is a block only when every line of it is letter furniture,
// and a letterhead must hold at least one line that only a letterhead has
// (a reference, a date, a postal address, a phone number, …); any sentence of
// substance keeps the whole part counted, since a missed answer is worse than
// an extra look. Shared by the core (counts) and the screens (labels).
import { sentenceSpans } from './sentences';

export type LetterBlockKind = 'letterhead' | 'signature';

/** A letter's closing phrase at the start of a line ("Med vennlig hilsen", nynorsk "Med venleg helsing", "Mvh"). */
export const CLOSING = /^[ \t]*(?:med[ \t]+(?:vennlig|vennleg|venleg|beste)[ \t]+(?:hilsen|helsing)|(?:vennlig|vennleg|venleg|beste)[ \t]+(?:hilsen|helsing)|med[ \t]+(?:hilsen|helsing)|mvh\.?)(?![\p{L}])/imu;

/** Lines only a letterhead or a signature has: references, dates, addresses, contact details, labelled fields, page footers. */
const META: RegExp[] = [
  // «Deres ref.: 22/535», «Vår ref.», «HK-dirs ref.: 24/00075», «Referanse: …»
  /^[\p{L}-]*\s*(?:ref\.?|referanse|referanser|saksnr\.?|saksnummer|arkivsak|arkivkode|journalpost(?:id)?)\s*(?:nr\.?)?\s*:/iu,
  /^(?:deres|vår|var|dykkar)\s+(?:ref|referanse|dato)\b/iu,
  // «Dato: 27.05.2022», «Oslo, 15.04.2024», «Oslo, 15. april 2024», «27. mai 2022»
  /^(?:dato\s*:?\s*)?(?:[\p{L} .-]{2,30},\s*)?(?:den\s+)?\d{1,2}\.\s*(?:\d{1,2}\.\s*|[\p{L}]+\s+)\d{4}\.?$/iu,
  /^dato\s*:/iu,
  // Postal address: «0030 OSLO», «Postboks 8005 Dep», «Pb. 123»
  /^(?:no-)?\d{4}\s+\p{L}[\p{L} .-]*$/iu,
  /^(?:postboks|pb\.?|postadresse|besøksadresse|besøksadr\.?|adresse|fakturaadresse)\b/iu,
  // Contact details and labelled fields
  /^(?:tlf\.?|telefon|telefaks|faks|mobil|sentralbord|e-?post|epost|e-mail|internett|nettside|web|org\.?\s*nr\.?|organisasjonsnummer|bankkonto|kontonr\.?|saksbehandler|sakshandsamar|kontaktperson|til|fra|frå|kopi(?:\s+til)?|gradering|emne|sak|vedlegg)\s*[.:]/iu,
  /^\+?\d[\d ()-]{6,}\d$/u,
  /^\+\d{2}\s/u,
  /^\S+@\S+\.\p{L}{2,}$/u,
  /^(?:https?:\/\/|www\.)\S+$/iu,
  // Page footers: «Side 1 av 4», «1/4», «- 2 -»
  /^(?:side|page)\s+\d+\s*(?:av|of|\/)\s*\d+$/iu,
  /^\d{1,3}\s*\/\s*\d{1,3}$/u,
  /^[-–]?\s*\d{1,3}\s*[-–]?$/u,
  // «Dokumentet er elektronisk godkjent og har derfor ingen signatur.»
  /\belektronisk\s+(?:godkjent|godkjend|signert|signert)\b/iu,
];

/** Formal sentences of a letter's opening, which answer nothing: «Vi viser til …», «Kommunen takker for muligheten …». */
const FORMAL: RegExp[] = [
  /^(?:[\p{L}.-]+\s+){0,4}(?:viser|vises|syner|visast)\s+(?:det\s+)?til\b/iu,
  /\btakk(?:er|ar)\s+for\s+(?:muligheten|moglegheita|høvet|anledningen|invitasjonen|henvendelsen|brevet)\b/iu,
  /\b(?:behandlet|behandla|handsama|handsamet|vedtatt|vedteke|vedtok)\s+(?:i|av)\s+(?:formannskapet|kommunestyret|bystyret|fylkestinget|kommunedirektøren|rådmannen|\p{L}*utval(?:g|get|et)?)\b/iu,
  /\b(?:gir|gjev|inngir|oversender|sender|avgir)\b.{0,40}\b(?:følgende|fylgjande|sitt|sine|vårt|våre|herved|med\s+dette)\b.{0,40}\b(?:svar|innspill|innspel|uttalelse|uttale|fråsegn|merknader|høringssvar|høyringssvar)\b/iu,
];

/** Sentence-final punctuation inside a line: a line that holds sentences is not a name or a heading. */
const SENTENCE_INSIDE = /[.!?]\s+\p{Lu}/u;

function isMeta(line: string): boolean {
  return META.some((re) => re.test(line));
}

/** A name, title, organisation, or heading line: short, no sentence in it, not a question. */
function isShortLine(line: string): boolean {
  // «HØR IN G S S VA R TIL HK-DIR …»: a letter-spaced heading in capitals is a heading whatever its length.
  if (!/\p{Ll}/u.test(line) && /\p{Lu}/u.test(line) && line.length <= 160) return true;
  // «(Sendes kun per e-post til post@hkdir.no)»
  if (/^\(.*\)$/u.test(line) && line.split(/\s+/).length <= 12) return true;
  const words = line.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length > 0 && words.length <= 9 && !/[?]$/.test(line) && !SENTENCE_INSIDE.test(line) && !/[.!]$/.test(line.replace(/\b(?:dep|kommune|as|asa|sa|ks|iks)\.$/iu, ''));
}

/** Every sentence of the line is a formal opening sentence. */
function isFormal(line: string): boolean {
  const sentences = sentenceSpans(line)
    .map((s) => line.slice(s.start, s.end).trim())
    .filter(Boolean);
  return sentences.length > 0 && sentences.length <= 3 && sentences.every((s) => FORMAL.some((re) => re.test(s)) || /^\(.*\)\.?$/u.test(s));
}

/**
 * What kind of letter furniture a part of a letter not assigned to a
 * question is, or null when it holds (or may hold) answer text.
 */
export function letterBlockKind(text: string): LetterBlockKind | null {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length === 0) return null;
  if (CLOSING.test(lines[0])) {
    return lines.slice(1).every((l) => isMeta(l) || isShortLine(l)) ? 'signature' : null;
  }
  let strong = false;
  for (const line of lines) {
    if (isMeta(line)) strong = true;
    else if (!isShortLine(line) && !isFormal(line)) return null;
  }
  return strong ? 'letterhead' : null;
}

/** True when a part not assigned to a question holds text that may be an answer (not a letterhead or a signature). */
export function isUndistributedAnswerText(text: string): boolean {
  return text.trim().length > 0 && letterBlockKind(text) === null;
}
