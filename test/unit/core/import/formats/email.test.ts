// Reading e-mail: the ten real files from other programs in
// ../shared/external/mail (each: sender, date, subject, attachments, text in
// the right charset), the synthetic fixtures of scripts/make-mail-fixtures.ts,
// and hostile messages — deep nesting, 10,000 parts, huge headers, an
// attachment named «../», a broken Outlook compound file — each refused with
// its code and a Norwegian message, quickly and without running away.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEmail } from '../../../../../src-main/core/import/formats/email';
import { checkCompoundFile } from '../../../../../src-main/core/import/formats/compound-file';
import { readSource } from '../../../../../src-main/core/import/formats/read';
import type { ParsedEmail } from '../../../../../src-main/core/import/formats/types';
import { ImportError } from '../../../../../src-main/core/input/errors';
import { importLimits } from '../../../../../src-main/core/input/limits';
import { climbingAttachment, deeplyNested, hugeHeaders, mailFixtures, manyParts } from '../../../../../scripts/make-mail-fixtures';
import { EXTERNAL_MAIL } from '../../../../helpers/mail';

const limits = { ...importLimits };

function external(name: string): Buffer {
  const file = path.join(EXTERNAL_MAIL, name);
  if (!existsSync(file)) throw new Error(`${file} is missing: the real mail files live in ../shared/external/mail`);
  return readFileSync(file);
}

async function read(name: string, bytes = external(name)): Promise<ParsedEmail> {
  const parsed = await readSource(name, bytes, limits);
  if (parsed.kind !== 'email') throw new Error(`${name} was not read as an e-mail`);
  return parsed;
}

const names = (e: ParsedEmail) => e.attachments.map((a) => a.name);

async function refusal(run: () => Promise<unknown>): Promise<ImportError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('the real mail files (../shared/external/mail)', () => {
  it('postal-mime torture test: twelve messages inside one, every attachment found', async () => {
    const e = await read('postalmime-mimetorture.eml');
    expect(e.message).toMatchObject({ fromName: 'Ryan Finnie', fromAddress: 'rfinnie@domain.dom', subject: "Ryan Finnie's MIME Torture Test v1.0", messageId: '<1066976914.4721.5.camel@localhost>' });
    expect(e.message.date).toBe('2003-10-24T06:28:34.000Z');
    expect(e.messages).toHaveLength(12);
    expect(e.messages.map((m) => m.subject)).toContain('the original message');
    expect(names(e)).toEqual(expect.arrayContaining(['blah.gz', 'blah1.gz', 'foo.gz', 'htmlfile.html', 'smiley-3.png', 'dot.gif', 'signature.asc']));
    expect(e.attachments.find((a) => a.name === 'smiley-3.png')).toMatchObject({ mediaType: 'image/png', inline: true, bytes: expect.any(Buffer) });
    expect(e.bodies[0]).toMatch(/^Welcome to Ryan Finnie's MIME torture test/);
  });

  it('mailparser ISO-8859-1: the sender and date, and an empty forwarded message said, not hidden', async () => {
    const e = await read('mailparser-decoderended-iso8859-1.eml');
    expect(e.message).toMatchObject({ fromName: 'wwuaof', fromAddress: 'booewq@uuui.com', subject: 'Fwd: fotos', messageId: null, date: '2004-09-09T08:15:52.000Z' });
    expect(e.bodies[0]).toContain('Note: forwarded message attached.');
    expect(e.attachments).toEqual([]);
    expect(e.warnings.map((w) => w.code)).toEqual(['EMPTY_ATTACHMENT']);
  });

  it('nodemailer: a UTF-8 subject with ✔, inline images apart from the attached file', async () => {
    const e = await read('mailparser-nodemailer-attachments.eml');
    expect(e.message).toMatchObject({ fromName: 'Andris Kreata', fromAddress: 'andris@kreata.ee', subject: 'Nodemailer is unicode friendly ✔ (1476358788189)', date: '2016-10-13T11:39:48.000Z' });
    expect(e.bodies[0]).toBe('Hello to myself!');
    const byName = Object.fromEntries(e.attachments.map((a) => [a.name, a]));
    expect(byName['nyan cat ✔.gif']).toMatchObject({ mediaType: 'image/gif', inline: true });
    expect(byName['image.png'].inline).toBe(true);
    expect(byName['notes.txt']).toMatchObject({ mediaType: 'text/plain', inline: false });
    expect(byName['notes.txt'].bytes.toString('utf8')).toContain('Some notes');
  });

  it('ruby mail: a PDF attachment and an emoji subject', async () => {
    const e = await read('rubymail-attachment_pdf_non_ascii.eml');
    expect(e.message).toMatchObject({ fromName: 'Test Tester', fromAddress: 'xxxx@xxxx.com', subject: 'Another PDF with 🎉 Unicode chars in it 🍿', date: '2005-05-10T17:26:39.000Z' });
    expect(e.attachments.map((a) => [a.name, a.mediaType, a.bytes.length])).toEqual([['broken.pdf', 'application/pdf', 1026]]);
  });

  it('ruby mail: an ISO-8859-1 body with a raw 8-bit attachment name read as ë', async () => {
    const e = await read('rubymail-attachment_nonascii_filename-iso8859-1.eml');
    expect(e.message).toMatchObject({ fromName: null, fromAddress: 'foo@example.com', subject: 'testing', date: '2005-06-06T20:21:22.000Z' });
    expect(names(e)).toEqual(['ciële.txt']);
    expect(e.attachments[0].bytes.toString('utf8')).toBe('Hi there.\r\n');
  });

  it('Outlook: a plain message with its delivery date', async () => {
    const e = await read('msgreader-Simple.msg');
    expect(e.format).toBe('msg');
    expect(e.message).toMatchObject({ subject: 'Simple', date: '2025-08-10T15:30:57.000Z', fromAddress: null });
    expect(e.bodies[0].trim()).toBe('Simple');
  });

  it('Outlook: the sender and three image attachments', async () => {
    const e = await read('msgreader-attachmentFiles.msg');
    expect(e.message).toMatchObject({ fromName: 'hmailuser', fromAddress: 'hmailuser@hmailserver.test', subject: 'attachmentFiles', date: '2023-11-01T00:48:31.000Z' });
    expect(e.attachments.map((a) => [a.name, a.mediaType, a.bytes.length])).toEqual([
      ['jpg.jpg', 'image/jpeg', 726],
      ['png.png', 'image/png', 134],
      ['tif.tif', 'image/tiff', 664],
    ]);
  });

  it('Outlook: ANSI (non-Unicode) strings decoded', async () => {
    const e = await read('msgreader-nonUnicodeMail.msg');
    expect(e.message).toMatchObject({ subject: 'Non Unicode mail subject', date: '2021-11-05T10:22:54.000Z' });
    expect(e.bodies[0].trim()).toBe('Non Unicode mail body!');
  });

  it('Outlook: the message inside the message is opened, with its Japanese subject and sender', async () => {
    const e = await read('msgreader-msgInMsg.msg');
    expect(e.messages).toHaveLength(2);
    expect(e.messages[1]).toMatchObject({ fromName: 'Microsoft Outlook', fromAddress: 'xmailuser@xmailserver.test', subject: 'Microsoft Outlook テスト メッセージ', date: '2020-05-12T05:45:17.000Z' });
    expect(e.bodies[1]).toContain('この電子メール メッセージは');
    expect(names(e)).toEqual(['green.png']);
  });

  it('Outlook: a message without a sent date says so (null), never the creation time', async () => {
    const e = await read('extractmsg-strangeDate.msg');
    expect(e.message).toMatchObject({ subject: 'MSG Test File', date: null, fromAddress: null });
    expect(e.bodies[0]).toContain('MSG test file');
  });
});

describe('the synthetic fixtures (scripts/make-mail-fixtures.ts)', () => {
  it('are the same bytes every time', async () => {
    const [a, b] = [await mailFixtures(), await mailFixtures()];
    for (const name of Object.keys(a)) expect(a[name].equals(b[name]), name).toBe(true);
  });

  it('decode UTF-8 base64 and ISO-8859-1 quoted-printable encoded words, and a quoted-printable body', async () => {
    const f = await mailFixtures();
    const bodo = await read('bodo-pdf-vedlegg.eml', f['bodo-pdf-vedlegg.eml']);
    expect(bodo.message).toMatchObject({ fromName: 'Postmottak Bodø kommune', fromAddress: 'postmottak@bodo.kommune.no', subject: 'Høringssvar - bedre polititjenester (22/535)', messageId: '<20220601143210.bodo.1@bodo.kommune.no>', date: '2022-06-01T12:32:10.000Z' });
    expect(bodo.bodies[0]).toContain('Vedlagt følger Bodø kommunes høringssvar.');
    expect(names(bodo)).toEqual(['Høringssvar Bodø.pdf', 'rådhuset.png']);
    expect(bodo.attachments[0].bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('read an ISO-8859-1 quoted-printable body with æøå right', async () => {
    const f = await mailFixtures();
    const e = await read('midt-telemark-brødtekst.eml', f['midt-telemark-brødtekst.eml']);
    expect(e.message.subject).toBe('Svar på høring om polititjenester');
    expect(e.bodies[0]).toContain('Tjenesten er for langt unna, særlig på kveldstid.');
    expect(e.bodies[0]).toContain('Vi vil ha en politikontakt i Bø.');
  });

  it('turn an HTML body into text without its script or style, and mark the cid: image inline', async () => {
    const f = await mailFixtures();
    const e = await read('saltdal-html-inline.eml', f['saltdal-html-inline.eml']);
    expect(e.bodies[0]).toContain('Spørsmål 1: Hvordan vurderer kommunen dagens polititjeneste?');
    expect(e.bodies[0]).toContain('Svar 5: politiet må bli mer synlig i bygdene.');
    expect(e.bodies[0]).not.toMatch(/alert|color:red/);
    expect(e.attachments).toMatchObject([{ name: 'logo.png', inline: true }]);
  });

  it('open a forwarded message (message/rfc822) and keep its attachment with it', async () => {
    const f = await mailFixtures();
    const e = await read('videresendt-tromso.eml', f['videresendt-tromso.eml']);
    expect(e.messages.map((m) => m.fromAddress)).toEqual(['arkiv@jd.dep.no', 'postmottak@tromso.kommune.no']);
    expect(e.message.subject).toBe('VS: Høringssvar');
    expect(e.attachments).toMatchObject([{ name: 'Tromsø kommune høringssvar.docx', message: 1 }]);
  });
});

describe('hostile e-mail is refused whole', () => {
  it('MIME nested deeper than the limit', async () => {
    const e = await refusal(() => readEmail('eml', deeplyNested(importLimits.maxEmailDepth + 10), limits));
    expect(e.code).toBe('UNSAFE_EMAIL');
    expect(e.message).toMatch(/nestet dypere enn grensen på 50 nivåer/);
  });

  it('nesting within the limit is read', async () => {
    const e = await readEmail('eml', deeplyNested(20), limits);
    expect(e.bodies[0]).toBe('bunnen');
  });

  it('10,000 parts', async () => {
    const e = await refusal(() => readEmail('eml', manyParts(10_000), limits));
    expect(e.code).toBe('UNSAFE_EMAIL');
    expect(e.message).toMatch(/flere enn 1000 deler/);
  });

  it('huge headers', async () => {
    const e = await refusal(() => readEmail('eml', hugeHeaders(4 * 1024 * 1024), limits));
    expect(e.code).toBe('UNSAFE_EMAIL');
    expect(e.message).toMatch(/hoder er større enn grensen/);
  });

  // (A backslash in a quoted MIME parameter is an escape, so Windows paths arrive with forward slashes or none.)
  it.each(['../../../etc/passwd.txt', 'svar/../../boot.ini', '/etc/passwd', 'C:/Windows/win.ini'])('an attachment named %s', async (name) => {
    const e = await refusal(() => readEmail('eml', climbingAttachment(name), limits));
    expect(e.code).toBe('UNSAFE_EMAIL');
    expect(e.message).toContain(`Vedlegget «${name}» har et navn som peker ut av mappen`);
  });

  it('a text file named .eml is no e-mail', async () => {
    const e = await refusal(() => readEmail('eml', Buffer.from('Spørsmål 1: bare tekst\n'), limits));
    expect(e.code).toBe('BAD_EMAIL');
  });

  describe('an Outlook .msg with a broken compound-file structure', () => {
    const good = () => external('msgreader-attachmentFiles.msg');
    const variants: [string, () => Buffer, RegExp][] = [
      ['not a compound file at all', () => Buffer.from('From: x\r\n\r\nhei'), /ikke en Outlook-melding/],
      ['cut off after 1 kB', () => good().subarray(0, 1024), /skadet/],
      ['cut in half', () => good().subarray(0, good().length / 2), /skadet/],
      ['garbage in the header', () => Buffer.concat([good().subarray(0, 8), Buffer.alloc(504, 0xff), good().subarray(512)]), /byte-rekkefølge/],
      [
        'a FAT whose chains loop (msgreader would never return)',
        () => {
          const b = Buffer.from(good());
          for (let i = 512; i < 1024; i += 4) b.writeUInt32LE((i - 512) / 4, i);
          return b;
        },
        /går i ring/,
      ],
      [
        'a directory entry that is its own sibling',
        () => {
          const b = Buffer.from(good());
          const dir = 512 + b.readUInt32LE(48) * 512;
          const child = b.readUInt32LE(dir + 76);
          b.writeUInt32LE(child, dir + child * 128 + 68);
          return b;
        },
        /katalogen går i ring/,
      ],
      [
        'a stream that claims more bytes than its chain holds',
        () => {
          const b = Buffer.from(good());
          const dir = 512 + b.readUInt32LE(48) * 512;
          for (let i = 1; i < 4; i++) if (b[dir + i * 128 + 66] === 2 && b.readUInt32LE(dir + i * 128 + 120) > 0) b.writeUInt32LE(0x7fffffff, dir + i * 128 + 120);
          return b;
        },
        /skadet/,
      ],
    ];
    it.each(variants)('%s', async (_label, bytes, message) => {
      const e = await refusal(() => readEmail('msg', bytes(), limits));
      expect(e.code).toBe('BAD_EMAIL');
      expect(e.message).toMatch(message);
    });

    it('the real files pass the structure check', () => {
      for (const name of ['msgreader-Simple.msg', 'msgreader-attachmentFiles.msg', 'msgreader-msgInMsg.msg', 'msgreader-nonUnicodeMail.msg', 'extractmsg-strangeDate.msg']) {
        expect(() => checkCompoundFile(external(name)), name).not.toThrow();
      }
    });
  });
});
