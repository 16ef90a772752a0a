// From an e-mail to one response: the letter is the attachment (PDF, DOCX,
// TXT) that splits into the case's questions — the first readable one when
// none does — and the body when there is no readable attachment. The other
// attachments stay in the stored e-mail as the response's source files
// (listed, not imported as text). The sender is weighed as for any letter,
// with the e-mail's sender address and subject as evidence
// (sender.ts), and the received date is the day the e-mail was sent.
import path from 'node:path';
import { formatNorwegianDateTime } from '../../../src-shared/norwegian';
import type { EmailAttachmentReport, EmailReport } from '../../../src-shared/imports';
import { ImportError, type ImportWarning } from '../input/errors';
import type { ImportLimits } from '../input/limits';
import { isBlank, normalizeText } from '../input/text';
import { messageOf } from '../caught';
import { readSource } from './formats/read';
import { readRemembered } from './ocr-readings';
import type { EmailFacts, ParsedEmail, ParsedLetter, ReadContext } from './formats/types';
import { isCancelled } from './cancel';
import type { MappingQuestion } from './mapping';
import type { MunicipalityMatcher } from './match';
import { letterRecord, type RecordSet } from './records';
import { splitLetter } from './split';

/** Attachments that may be the letter: those a letter reader exists for. */
export const LETTER_EXTENSIONS = ['.pdf', '.docx', '.txt'];

/** The day (yyyy-mm-dd) a moment falls on in Norway. */
export function osloDay(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

function fromLine(facts: EmailFacts): string | null {
  if (!facts.fromAddress && !facts.fromName) return null;
  return facts.fromAddress ? `${facts.fromName ?? ''} <${facts.fromAddress}>`.trim() : facts.fromName;
}

interface Candidate {
  attachment: string | null;
  letter: ParsedLetter;
  facts: EmailFacts;
  splits: boolean;
}

export interface EmailRecordSet extends RecordSet {
  email: EmailReport;
}

export async function emailRecord(
  fileName: string,
  email: ParsedEmail,
  questions: MappingQuestion[],
  matcher: MunicipalityMatcher,
  limits: ImportLimits,
  /** The file's read context: a scanned PDF attachment is read with OCR like a scanned file. */
  context: ReadContext = {},
): Promise<EmailRecordSet> {
  const warnings: ImportWarning[] = [...email.warnings];
  const reports: EmailAttachmentReport[] = [];
  const candidates: Candidate[] = [];
  for (const a of email.attachments) {
    const report: EmailAttachmentReport = { name: a.name, mediaType: a.mediaType, bytes: a.bytes.length, role: a.inline ? 'inline' : 'kept' };
    reports.push(report);
    if (a.inline || !LETTER_EXTENSIONS.includes(path.extname(a.name).toLowerCase())) continue;
    try {
      // A scanned attachment read with OCR for the preview is not read again at import (ocr-readings.ts).
      const parsed = await readRemembered(a.name, a.bytes, limits, context);
      if (parsed.kind !== 'letter' || isBlank(parsed.text)) continue;
      const splits = questions.length > 0 && !splitLetter(normalizeText(parsed.text), questions).needsSplitting;
      candidates.push({ attachment: a.name, letter: parsed, facts: email.messages[a.message ?? 0], splits });
    } catch (e) {
      // A stop during an attachment's OCR stops the import; it does not make the attachment unreadable.
      if (isCancelled(e)) throw e;
      const why = e instanceof ImportError ? e.message : messageOf(e);
      report.note = `kunne ikke leses: ${why}`;
      warnings.push({ code: 'ATTACHMENT_UNREADABLE', message: `Vedlegget «${a.name}» kunne ikke leses (${why}); det ligger ved e-posten, men er ikke importert som tekst`, locator: a.name });
    }
  }
  let chosen = candidates.find((c) => c.splits) ?? candidates[0];
  if (!chosen) {
    // No readable attachment: the body is the letter — the innermost message's, for a forwarded one.
    const index = email.bodies.map((b, i) => (isBlank(b) ? -1 : i)).filter((i) => i >= 0).pop();
    if (index === undefined) throw new ImportError('NO_ROWS', 'E-posten har verken tekst eller et vedlegg som kan leses som brev', 'e-posten');
    chosen = { attachment: null, letter: { kind: 'letter', format: 'txt', text: email.bodies[index], warnings: [] }, facts: email.messages[index], splits: false };
  }
  for (const r of reports) {
    if (r.name === chosen.attachment && r.role === 'kept') r.role = 'letter';
    else if (r.role === 'kept' && !r.note && candidates.some((c) => c.attachment === r.name)) r.note = 'kan leses, men er ikke brevet (brevet er det vedlegget som deles i spørsmålene)';
  }
  const letter: ParsedLetter = { ...chosen.letter, emailFrom: fromLine(chosen.facts), emailSubject: chosen.facts.subject ?? email.message.subject };
  const set = letterRecord(chosen.attachment ?? fileName, letter, questions, matcher, limits);
  const record = set.records[0];
  const where = chosen.attachment ? `vedlegg «${chosen.attachment}»` : 'e-postens tekst';
  record.locator = chosen.letter.pages ? `${where}, ${chosen.letter.pages} sider` : where;
  // The day the letter's own message was sent (the original of a forwarded one) is the day it came in.
  const sent = chosen.facts.date ?? email.message.date;
  if (sent) {
    record.receivedDate = osloDay(sent);
    record.dateReason = `E-posten ble sendt ${formatNorwegianDateTime(new Date(sent))}`;
    set.warnings = set.warnings.filter((w) => w.code !== 'NO_DATE');
  }
  return {
    ...set,
    warnings: [...warnings, ...set.warnings],
    email: {
      format: email.format,
      fromName: email.message.fromName,
      fromAddress: email.message.fromAddress,
      date: email.message.date,
      subject: email.message.subject,
      messageId: email.message.messageId,
      letter: chosen.attachment,
      letterReason: chosen.attachment === null ? 'body' : chosen.splits ? 'splits' : 'first-readable',
      attachments: reports,
      innerMessages: email.messages.length - 1,
    },
  };
}

/**
 * The text a stored e-mail's response was read from, for the original view:
 * the attachment its locator names (vedlegg «…»), or the body, under the
 * e-mail's own From/Sent/Subject lines.
 */
export async function emailOriginalText(email: ParsedEmail, locator: string, limits: ImportLimits): Promise<string> {
  const facts = email.message;
  const head = [
    `Fra: ${fromLine(facts) ?? '–'}`,
    `Sendt: ${facts.date ? formatNorwegianDateTime(new Date(facts.date)) : '–'}`,
    `Emne: ${facts.subject ?? '–'}`,
  ].join('\n');
  const name = /^vedlegg «(.+?)»/.exec(locator)?.[1];
  const attachment = name ? email.attachments.find((a) => a.name === name) : undefined;
  if (attachment) {
    const parsed = await readSource(attachment.name, attachment.bytes, limits);
    if (parsed.kind === 'letter') return `${head}\nVedlegg: ${attachment.name}\n\n${parsed.text}`;
  }
  const body = email.bodies.filter((b) => !isBlank(b)).pop() ?? '';
  return `${head}\n\n${body}`;
}
