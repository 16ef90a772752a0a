// Writes SYNTHETIC e-mail fixtures (.eml) for the e-mail import's tests: a
// municipality's reply with its letter as a PDF attachment (base64,
// UTF-8 and ISO-8859-1 encoded words in the headers, a second attachment
// kept), a letter in the body (quoted-printable ISO-8859-1, from a merged
// municipality's address), an HTML body with an inline image, and a forwarded
// message (message/rfc822) holding a DOCX letter. Hostile messages (deep
// nesting, 10,000 parts, huge headers, an attachment named «../») are built by
// the functions below for the tests. Letters are rendered with the demo
// batch's renderers (scripts/demo/letters.ts); nothing is a real response.
//
// Deterministic: fixed dates, boundaries and document timestamps. Same script, same bytes.
//
//   npx tsx scripts/make-mail-fixtures.ts --out DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { renderDocx, renderPdf, type LetterDoc } from './demo/letters';

const CRLF = '\r\n';

/** RFC 2047 encoded word: B (base64) or Q (quoted-printable) in the given charset. */
export function encodedWord(text: string, charset: 'UTF-8' | 'ISO-8859-1', encoding: 'B' | 'Q'): string {
  const bytes = charset === 'UTF-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'latin1');
  if (encoding === 'B') return `=?${charset}?B?${bytes.toString('base64')}?=`;
  const q = [...bytes].map((b) => (b === 0x20 ? '_' : (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) ? String.fromCharCode(b) : '=' + b.toString(16).toUpperCase().padStart(2, '0'))).join('');
  return `=?${charset}?Q?${q}?=`;
}

/** Quoted-printable body (RFC 2045), lines of at most 76 characters. */
export function quotedPrintable(bytes: Buffer): string {
  const lines: string[] = [];
  for (const line of bytes.toString('latin1').split(/\r?\n/)) {
    let out = '';
    let width = 0;
    for (const ch of line) {
      const b = ch.charCodeAt(0);
      const token = b === 0x3d || b > 0x7e || (b < 0x20 && b !== 0x09) ? '=' + b.toString(16).toUpperCase().padStart(2, '0') : ch;
      if (width + token.length > 75) {
        out += '=' + CRLF;
        width = 0;
      }
      out += token;
      width += token.length;
    }
    lines.push(out);
  }
  return lines.join(CRLF);
}

function base64Lines(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

export interface Part {
  headers: Record<string, string>;
  body: string;
}

export function multipart(subtype: 'mixed' | 'related' | 'alternative', boundary: string, parts: Part[], headers: Record<string, string> = {}): Part {
  const body = parts.map((p) => `--${boundary}${CRLF}${render(p)}`).join(CRLF) + `${CRLF}--${boundary}--${CRLF}`;
  return { headers: { ...headers, 'Content-Type': `multipart/${subtype}; boundary="${boundary}"` }, body };
}

export function render(part: Part): string {
  return Object.entries(part.headers).map(([k, v]) => `${k}: ${v}`).join(CRLF) + CRLF + CRLF + part.body;
}

/** A header parameter: as it is when ASCII, else an encoded word (what Outlook and Gmail send). */
function param(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : encodedWord(value, 'UTF-8', 'B');
}

export function attachment(name: string, mediaType: string, bytes: Buffer, extra: Record<string, string> = {}): Part {
  return {
    headers: {
      'Content-Type': `${mediaType}; name="${param(name)}"`,
      'Content-Disposition': `attachment; filename="${param(name)}"`,
      'Content-Transfer-Encoding': 'base64',
      ...extra,
    },
    body: base64Lines(bytes),
  };
}

export function textPart(text: string, charset: 'utf-8' | 'iso-8859-1', encoding: 'quoted-printable' | 'base64' | '8bit'): Part {
  const bytes = charset === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'latin1');
  const body = encoding === 'quoted-printable' ? quotedPrintable(bytes) : encoding === 'base64' ? base64Lines(bytes) : bytes.toString('latin1');
  return { headers: { 'Content-Type': `text/plain; charset=${charset}`, 'Content-Transfer-Encoding': encoding }, body };
}

/** The top-level headers of a message; the content part's headers follow. */
export function message(headers: Record<string, string>, content: Part): Buffer {
  return Buffer.from(render({ headers: { 'MIME-Version': '1.0', ...headers, ...content.headers }, body: content.body }), 'latin1');
}

const QUESTIONS = [
  'Spørsmål 1: Hvordan vurderer kommunen dagens polititjeneste?',
  'Spørsmål 2: Hvilke forventninger har kommunen til politiets tilstedeværelse?',
  'Spørsmål 3: Hvordan fungerer samarbeidet med politiet i dag?',
  'Spørsmål 4: Hvilke kanaler bruker innbyggerne for å kontakte politiet?',
  'Spørsmål 5: Andre innspill?',
];

/** A short letter in the demo batch's model, answering the five questions under «Spørsmål N» headings. */
export function letterDoc(letterhead: string, place: string, date: string, answers: string[]): LetterDoc {
  return {
    title: `Høringssvar fra ${letterhead}`,
    headingLevel: 2,
    lines: [
      { style: 'letterhead', text: letterhead },
      { style: 'meta', text: `${place}, ${date}` },
      { style: 'title', text: 'Høringssvar – bedre polititjenester og beredskap' },
      ...QUESTIONS.flatMap((q, i) => [
        { style: 'heading' as const, text: q },
        { style: 'p' as const, text: answers[i] },
      ]),
      { style: 'sign', text: 'Med vennlig hilsen' },
      { style: 'sign', text: letterhead },
    ],
  };
}

/** A plain-text letter in the body, with the same headings. */
export function bodyLetter(answers: string[], signature: string[]): string {
  return [...QUESTIONS.flatMap((q, i) => [q, answers[i], '']), 'Med vennlig hilsen', ...signature].join('\n');
}

/** The same 1×1 PNG every time (a red dot): an inline image and a kept attachment. */
export const DOT_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

const DATE_HEADER = 'Wed, 01 Jun 2022 14:32:10 +0200';

/** The synthetic fixtures, by file name. */
export async function mailFixtures(): Promise<Record<string, Buffer>> {
  const bodoPdf = await renderPdf(
    letterDoc('Bodø kommune', 'Bodø', '30. mai 2022', [
      'Kommunen opplever at politiet er lite synlig utenfor sentrum.',
      'Vi forventer fast tilstedeværelse på Saltstraumen om sommeren.',
      'Samarbeidet i politirådet fungerer godt.',
      'Innbyggerne bruker mest telefon og politiets nettsider.',
      'Ingen andre innspill.',
    ]),
  );
  const tromsoDocx = await renderDocx(
    letterDoc('Tromsø kommune', 'Tromsø', '28. mai 2022', [
      'Tjenesten er god i byen, svakere i distriktene.',
      'Vi ønsker kortere responstid på Kvaløya.',
      'Samarbeidet er tett og godt.',
      'Telefon og nettpolitiet.',
      'Tromsø kommune støtter forslaget.',
    ]),
  );
  const fixtures: Record<string, Buffer> = {};

  // 1. A PDF letter attached to a short covering note; a photo of the town hall kept as a source file.
  fixtures['bodo-pdf-vedlegg.eml'] = message(
    {
      From: `${encodedWord('Postmottak Bodø kommune', 'UTF-8', 'B')} <postmottak@bodo.kommune.no>`,
      To: 'postmottak@jd.dep.no',
      Subject: encodedWord('Høringssvar - bedre polititjenester (22/535)', 'ISO-8859-1', 'Q'),
      Date: DATE_HEADER,
      'Message-ID': '<20220601143210.bodo.1@bodo.kommune.no>',
    },
    multipart('mixed', 'innspill-bodo-mixed', [
      textPart('Hei,\n\nVedlagt følger Bodø kommunes høringssvar.\n\nVennlig hilsen\nPostmottak', 'utf-8', 'quoted-printable'),
      attachment('Høringssvar Bodø.pdf', 'application/pdf', bodoPdf),
      attachment('rådhuset.png', 'image/png', DOT_PNG),
    ]),
  );

  // 2. The letter in the body, ISO-8859-1 quoted-printable, from a municipality merged in 2020 (Bø + Sauherad).
  fixtures['midt-telemark-brødtekst.eml'] = message(
    {
      From: `${encodedWord('Sentralarkivet', 'ISO-8859-1', 'Q')} <post@midt-telemark.kommune.no>`,
      To: 'postmottak@jd.dep.no',
      Subject: encodedWord('Svar på høring om polititjenester', 'ISO-8859-1', 'B'),
      Date: 'Thu, 02 Jun 2022 09:05:00 +0200',
      'Message-ID': '<midt-telemark-2@midt-telemark.kommune.no>',
    },
    textPart(
      bodyLetter(
        ['Tjenesten er for langt unna, særlig på kveldstid.', 'Vi vil ha en politikontakt i Bø.', 'Samarbeidet må styrkes.', 'Telefon 02800.', 'Ingen.'],
        ['Kari Nordmann', 'rådgiver'],
      ),
      'iso-8859-1',
      'quoted-printable',
    ),
  );

  // 3. An HTML body (no plain text) with an inline image; the sender known only from the subject.
  const html =
    '<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>' +
    QUESTIONS.map((q, i) => `<p><b>${q}</b></p><p>Svar ${i + 1}: politiet må bli mer synlig i bygdene.</p>`).join('') +
    '<p><img src="cid:logo@saltdal"></p><p>Med hilsen<br>Ola</p></body></html>';
  fixtures['saltdal-html-inline.eml'] = message(
    {
      From: 'Ola <ola.nordmann@eksempel.no>',
      To: 'postmottak@jd.dep.no',
      Subject: encodedWord('Høringssvar fra Saltdal kommune', 'UTF-8', 'Q'),
      Date: 'Fri, 03 Jun 2022 16:00:00 +0200',
      'Message-ID': '<saltdal-3@eksempel.no>',
    },
    multipart('related', 'innspill-saltdal-related', [
      { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Transfer-Encoding': 'base64' }, body: base64Lines(Buffer.from(html, 'utf8')) },
      attachment('logo.png', 'image/png', DOT_PNG, { 'Content-ID': '<logo@saltdal>', 'Content-Disposition': 'inline; filename="logo.png"' }),
    ]),
  );

  // 4. Forwarded by the ministry's archive: the original reply (with its DOCX letter) inside as message/rfc822.
  const inner = message(
    {
      From: 'Postmottak <postmottak@tromso.kommune.no>',
      To: 'postmottak@jd.dep.no',
      Subject: encodedWord('Høringssvar', 'UTF-8', 'B'),
      Date: 'Tue, 31 May 2022 11:00:00 +0200',
      'Message-ID': '<tromso-4-inner@tromso.kommune.no>',
    },
    multipart('mixed', 'innspill-tromso-inner', [
      textPart('Se vedlegg.', 'utf-8', '8bit'),
      attachment('Tromsø kommune høringssvar.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', tromsoDocx),
    ]),
  );
  fixtures['videresendt-tromso.eml'] = message(
    {
      From: 'Arkivet <arkiv@jd.dep.no>',
      To: 'saksbehandler@jd.dep.no',
      Subject: `VS: ${encodedWord('Høringssvar', 'ISO-8859-1', 'Q')}`,
      Date: 'Wed, 01 Jun 2022 08:00:00 +0200',
      'Message-ID': '<fwd-4@jd.dep.no>',
    },
    multipart('mixed', 'innspill-fwd-outer', [
      textPart('Videresender svar fra Tromsø.', 'utf-8', 'quoted-printable'),
      { headers: { 'Content-Type': 'message/rfc822', 'Content-Disposition': `attachment; filename="${param('Høringssvar.eml')}"` }, body: inner.toString('latin1') },
    ]),
  );
  return fixtures;
}

// ---------------------------------------------------------------- hostile messages

const HOSTILE_HEADERS = { From: 'x@eksempel.no', Subject: 'fiendtlig', Date: DATE_HEADER };

/** multipart inside multipart, `depth` levels down. */
export function deeplyNested(depth: number): Buffer {
  let part: Part = textPart('bunnen', 'utf-8', '8bit');
  for (let i = depth; i > 0; i--) part = multipart('mixed', `b${i}`, [part]);
  return message(HOSTILE_HEADERS, part);
}

/** One multipart with `count` tiny parts. */
export function manyParts(count: number): Buffer {
  return message(HOSTILE_HEADERS, multipart('mixed', 'many', Array.from({ length: count }, (_, i) => textPart(`del ${i}`, 'utf-8', '8bit'))));
}

/** A message whose headers hold `bytes` bytes of X-Padding lines. */
export function hugeHeaders(bytes: number): Buffer {
  const line = 'X-Padding: ' + 'a'.repeat(990);
  const lines = Array.from({ length: Math.ceil(bytes / (line.length + 2)) }, () => line).join(CRLF);
  return Buffer.from(`${lines}${CRLF}${render({ headers: { 'MIME-Version': '1.0', ...HOSTILE_HEADERS, 'Content-Type': 'text/plain' }, body: 'hei' })}`, 'latin1');
}

/** An attachment whose file name climbs out of the folder. */
export function climbingAttachment(name = '../../../etc/passwd.txt'): Buffer {
  return message(HOSTILE_HEADERS, multipart('mixed', 'climb', [textPart('se vedlegg', 'utf-8', '8bit'), attachment(name, 'text/plain', Buffer.from('Spørsmål 1: x'))]));
}

async function main(out: string): Promise<void> {
  mkdirSync(out, { recursive: true });
  for (const [name, bytes] of Object.entries(await mailFixtures())) {
    writeFileSync(path.join(out, name), bytes);
    console.log(`${name} (${bytes.length} bytes)`);
  }
}

// Writes only when asked (--out): the tests import the builders above.
const outAt = process.argv.indexOf('--out');
if (outAt > 0 && process.argv[outAt + 1]) {
  main(process.argv[outAt + 1]).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
