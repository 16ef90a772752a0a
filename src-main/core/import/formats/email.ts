// Reads an e-mail — MIME (.eml, with postal-mime) or Outlook (.msg, with
// @kenjiuno/msgreader) — into its facts (sender, date, subject, Message-ID),
// its body as text and its attachments, opening messages inside the message
// (forwarded e-mails) up to a bound. Which attachment is the letter is decided
// later (email-record.ts), where the case's questions are known. Hostile
// messages (deep nesting, thousands of parts, huge headers, attachments named
// to climb out of a folder, a broken compound file) are refused whole.
import path from 'node:path';
import PostalMime from 'postal-mime';
import MsgReaderModule from '@kenjiuno/msgreader';
import { ImportError } from '../../input/errors';
import type { ImportLimits } from '../../input/limits';
import { codeOf, messageOf } from '../../caught';
import { checkCompoundFile } from './compound-file';
import { htmlToText } from './html-text';
import type { EmailAttachment, EmailFacts, ParsedEmail } from './types';

// The package's CommonJS build puts the class on `default`; its ES build is the class.
const MsgReader = readerClass(MsgReaderModule);

function readerClass(module: typeof MsgReaderModule): typeof MsgReaderModule {
  const inner: unknown = 'default' in module ? module.default : undefined;
  return isReaderClass(inner) ? inner : module;
}

/** A class whose instances read a .msg file (getFileData): msgreader's, found on `default`. */
function isReaderClass(value: unknown): value is typeof MsgReaderModule {
  return typeof value === 'function' && typeof value.prototype === 'object' && value.prototype !== null && 'getFileData' in value.prototype;
}

/** Every Outlook .msg is an OLE compound file and starts with these eight bytes. */
export const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** One message read, before its inner messages are merged in. */
interface Read {
  facts: EmailFacts;
  body: string;
  attachments: EmailAttachment[];
  /** Outlook messages inside this one (.msg only; an .eml's come back as attachments). */
  inner?: Buffer[];
}

/** A date the message states, as ISO 8601; null when absent or not a date. */
function isoDate(value: string | undefined | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/**
 * An attachment's name as shown: the last path segment. A name that climbs
 * («../», a drive or an absolute path) is refused — the same rule as a ZIP
 * entry (zip/read-guarded.ts) — though nothing is ever written under it.
 */
function safeName(raw: string | null | undefined, fallback: string, where: string): string {
  const name = (raw ?? '').trim();
  if (!name) return fallback;
  if (/(^|[\\/])\.\.([\\/]|$)/.test(name) || /^([\\/]|[a-z]:)/i.test(name) || name.includes('\0')) {
    throw new ImportError('UNSAFE_EMAIL', `Vedlegget «${name}» har et navn som peker ut av mappen; e-posten er avvist`, where);
  }
  return path.posix.basename(name.replace(/\\/g, '/'));
}

/** The extension a media type implies, for attachments without a name. */
function extensionFor(mediaType: string): string {
  const known: Record<string, string> = {
    'application/pdf': '.pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
    'text/plain': '.txt',
    'message/rfc822': '.eml',
    'application/vnd.ms-outlook': '.msg',
  };
  return known[mediaType.toLowerCase()] ?? '';
}

const POSTAL_MIME_CODES: Record<string, string> = {
  EMAXNESTINGDEPTH: 'E-posten har deler nestet dypere enn grensen på {depth} nivåer',
  EMAXPARTCOUNT: 'E-posten har flere enn {parts} deler',
  EMAXHEADERSIZE: 'E-postens hoder er større enn grensen på {headers} kB',
  EMAXFORWARDEDADDRESSES: 'E-posten har for mange videresendte adresser',
};

async function readEmlOne(bytes: Buffer, limits: ImportLimits, where: string): Promise<Read> {
  let email;
  try {
    email = await PostalMime.parse(bytes, {
      // Forwarded messages come back as attachments, opened below with the same bounds.
      rfc822Attachments: true,
      maxNestingDepth: limits.maxEmailDepth,
      maxPartCount: limits.maxEmailParts,
      maxHeadersSize: limits.maxEmailHeaderBytes,
      maxRfc822NestingDepth: 0,
    });
  } catch (e) {
    const code = codeOf(e);
    const template = POSTAL_MIME_CODES[code];
    if (template) {
      const message = template
        .replace('{depth}', String(limits.maxEmailDepth))
        .replace('{parts}', String(limits.maxEmailParts))
        .replace('{headers}', String(Math.round(limits.maxEmailHeaderBytes / 1024)));
      throw new ImportError('UNSAFE_EMAIL', `${message}; den er avvist`, where);
    }
    throw new ImportError('BAD_EMAIL', `E-posten kunne ikke leses (${messageOf(e)})`, where);
  }
  const hasHeaders = email.headers.some((h) => ['from', 'date', 'subject', 'message-id', 'content-type'].includes(h.key));
  if (!hasHeaders) throw new ImportError('BAD_EMAIL', 'Filen har ingen e-posthoder (From, Date, Subject); den er ikke en e-post', where);
  const attachments = email.attachments.map((a, i): EmailAttachment => {
    const content = a.content;
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content instanceof ArrayBuffer ? new Uint8Array(content) : content);
    const mediaType = (a.mimeType || 'application/octet-stream').toLowerCase();
    return {
      name: safeName(a.filename, `vedlegg-${i + 1}${extensionFor(mediaType)}`, where),
      mediaType,
      bytes: data,
      inline: Boolean(a.related) || (a.disposition === 'inline' && mediaType.startsWith('image/')),
    };
  });
  const from = email.from && 'address' in email.from ? email.from : null;
  return {
    facts: {
      fromName: from?.name?.trim() || null,
      fromAddress: from?.address?.trim() || null,
      date: isoDate(email.date),
      subject: email.subject?.trim() || null,
      messageId: email.messageId?.trim() || null,
    },
    body: email.text?.trim() ? email.text : email.html ? htmlToText(email.html) : '',
    attachments,
  };
}

type MsgFields = ReturnType<InstanceType<typeof MsgReaderModule>['getFileData']>;

/** A header's value from the transport headers an Outlook message may keep. */
function headerValue(headers: string | undefined, name: string): string | null {
  if (!headers) return null;
  const m = new RegExp(`^${name}:[ \\t]*((?:.*)(?:\\r?\\n[ \\t].*)*)`, 'im').exec(headers);
  return m ? m[1].replace(/\r?\n[ \t]+/g, ' ').trim() : null;
}

function readMsgOne(bytes: Buffer, where: string): Read & { inner: Buffer[] } {
  if (bytes.length < 512 || !bytes.subarray(0, 8).equals(CFB_SIGNATURE)) {
    throw new ImportError('BAD_EMAIL', 'Filen er ikke en Outlook-melding (.msg-filer er sammensatte OLE-filer, og denne er ikke det)', where);
  }
  // msgreader follows the file's chains without bounds: the structure is checked first.
  checkCompoundFile(bytes);
  let reader: InstanceType<typeof MsgReaderModule>;
  let data: MsgFields;
  try {
    // A copy in an ArrayBuffer of its own (a Buffer may be a view into a larger, shared pool).
    reader = new MsgReader(new Uint8Array(bytes).buffer);
    data = reader.getFileData();
  } catch (e) {
    throw new ImportError('BAD_EMAIL', `Outlook-meldingen er skadet (${messageOf(e)})`, where);
  }
  if (data.error) throw new ImportError('BAD_EMAIL', `Outlook-meldingen er skadet (${data.error})`, where);
  if (data.dataType !== 'msg') throw new ImportError('BAD_EMAIL', 'Filen er ikke en Outlook-melding', where);
  const attachments: EmailAttachment[] = [];
  const inner: Buffer[] = [];
  for (const [i, a] of (data.attachments ?? []).entries()) {
    let content: Uint8Array;
    let fileName: string;
    try {
      ({ content, fileName } = reader.getAttachment(a));
    } catch (e) {
      throw new ImportError('BAD_EMAIL', `Vedlegg ${i + 1} i Outlook-meldingen er skadet (${messageOf(e)})`, where);
    }
    if (a.innerMsgContent) {
      inner.push(Buffer.from(content));
      continue;
    }
    const mediaType = (a.attachMimeTag || 'application/octet-stream').toLowerCase();
    attachments.push({
      name: safeName(a.fileName ?? fileName, `vedlegg-${i + 1}${extensionFor(mediaType)}`, where),
      mediaType,
      bytes: Buffer.from(content),
      inline: Boolean(a.attachmentHidden) || (Boolean(a.pidContentId) && mediaType.startsWith('image/')),
    });
  }
  const headers = data.headers;
  const address = data.senderSmtpAddress || (data.senderAddressType === 'SMTP' ? data.senderEmail : null) || /<([^>]+)>/.exec(headerValue(headers, 'From') ?? '')?.[1] || null;
  return {
    facts: {
      fromName: data.senderName?.trim() || headerValue(headers, 'From')?.replace(/<[^>]*>/, '').replace(/"/g, '').trim() || null,
      fromAddress: address?.trim() || null,
      date: isoDate(data.clientSubmitTime) ?? isoDate(headerValue(headers, 'Date')) ?? isoDate(data.messageDeliveryTime),
      subject: data.subject?.trim() || null,
      messageId: data.messageId?.trim() || headerValue(headers, 'Message-ID'),
    },
    body: data.body?.trim() ? data.body : data.bodyHtml ? htmlToText(data.bodyHtml) : '',
    attachments,
    inner,
  };
}

function isMessage(a: EmailAttachment): 'eml' | 'msg' | null {
  if (a.bytes.subarray(0, 8).equals(CFB_SIGNATURE) && (a.mediaType === 'application/vnd.ms-outlook' || a.name.toLowerCase().endsWith('.msg'))) return 'msg';
  if (a.mediaType === 'message/rfc822' || a.name.toLowerCase().endsWith('.eml')) return 'eml';
  return null;
}

/**
 * Reads a message and the messages inside it, breadth first: the outer
 * message's facts first, every attachment of every message in one list.
 */
export async function readEmail(format: 'eml' | 'msg', bytes: Buffer, limits: ImportLimits): Promise<ParsedEmail> {
  const messages: EmailFacts[] = [];
  const bodies: string[] = [];
  const attachments: EmailAttachment[] = [];
  const warnings: ParsedEmail['warnings'] = [];
  const queue: { format: 'eml' | 'msg'; bytes: Buffer; where: string }[] = [{ format, bytes, where: 'e-posten' }];
  let parts = 0;
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (messages.length > limits.maxEmailMessages) {
      throw new ImportError('UNSAFE_EMAIL', `E-posten har flere enn ${limits.maxEmailMessages} meldinger inni hverandre; den er avvist`, next.where);
    }
    const read = next.format === 'eml' ? await readEmlOne(next.bytes, limits, next.where) : readMsgOne(next.bytes, next.where);
    const depth = messages.length;
    messages.push(read.facts);
    bodies.push(read.body);
    parts += read.attachments.length;
    if (parts > limits.maxEmailParts) throw new ImportError('UNSAFE_EMAIL', `E-posten har flere enn ${limits.maxEmailParts} vedlegg; den er avvist`, next.where);
    const innerWhere = (n: number) => `videresendt melding ${depth + n}`;
    for (const b of read.inner ?? []) queue.push({ format: 'msg', bytes: b, where: innerWhere(queue.length + 1) });
    for (const a of read.attachments) {
      const kind = isMessage(a);
      if (kind && a.bytes.length > 0) queue.push({ format: kind, bytes: a.bytes, where: innerWhere(queue.length + 1) });
      else if (kind) warnings.push({ code: 'EMPTY_ATTACHMENT', message: `Den videresendte meldingen «${a.name}» er tom`, locator: next.where });
      else attachments.push({ ...a, message: depth });
    }
  }
  return { kind: 'email', format, message: messages[0], messages, bodies, attachments, warnings };
}
