// Importing e-mail (.eml, .msg) into a real project file through the API: the
// letter attachment split into the questions, the respondent from the letter,
// the sender's domain or the subject, the received date from the message, the
// other attachments listed and kept, a forwarded message opened, the ten real
// files from other programs each read, e-mail in a ZIP, and hostile messages
// refused with the store exactly as before. Provenance keeps the e-mail's facts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../src-main/core';
import { importPaths } from '../../../../src-main/core/import/service';
import type { ApiClient } from '../../../../src-shared/client';
import type { ImportReport } from '../../../../src-shared/imports';
import { climbingAttachment, deeplyNested, hugeHeaders, mailFixtures, manyParts } from '../../../../scripts/make-mail-fixtures';
import { testApi } from '../../../helpers/api';
import { tempDir, testCore } from '../../../helpers/core';
import { dumpDatabase, writeFiles, zipFile } from '../../../helpers/import-fixtures';
import { EXTERNAL_MAIL } from '../../../helpers/mail';

let dir: string;
let cleanup: () => void;
let core: Core;
let api: ApiClient;
let inbox: string;
let fixtures: Record<string, Buffer>;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  core = testCore(dir);
  api = testApi(core);
  await api.project.create({ path: 'epost.innspill', template: 'brev-kommunene-2022' });
  inbox = path.join(dir, 'innboks');
  fixtures ??= await mailFixtures();
});
afterEach(async () => {
  await core.dispose();
  cleanup();
});

const only = (report: ImportReport) => {
  expect(report.files).toHaveLength(1);
  return report.files[0];
};
async function currentResponse(number: string) {
  const found = (await api.responses.list({})).filter((r) => r.municipality?.number === number);
  expect(found).toHaveLength(1);
  return api.responses.get({ id: found[0].id });
}

describe('an e-mail with the letter attached', () => {
  it('previews the e-mail facts, the letter and the kept attachment, then imports the PDF split into the five questions', async () => {
    const paths = writeFiles(inbox, { 'bodo-pdf-vedlegg.eml': fixtures['bodo-pdf-vedlegg.eml'] });
    const preview = only(await api.import.preview({ paths }));
    expect(preview).toMatchObject({ status: 'ready', format: 'eml', responses: 1, needsSplitting: 0 });
    expect(preview.email).toEqual({
      format: 'eml',
      fromName: 'Postmottak Bodø kommune',
      fromAddress: 'postmottak@bodo.kommune.no',
      date: '2022-06-01T12:32:10.000Z',
      subject: 'Høringssvar - bedre polititjenester (22/535)',
      messageId: '<20220601143210.bodo.1@bodo.kommune.no>',
      letter: 'Høringssvar Bodø.pdf',
      letterReason: 'splits',
      attachments: [
        { name: 'Høringssvar Bodø.pdf', mediaType: 'application/pdf', bytes: expect.any(Number), role: 'letter' },
        { name: 'rådhuset.png', mediaType: 'image/png', bytes: 70, role: 'kept' },
      ],
      innerMessages: 0,
    });
    expect(preview.matches![0]).toMatchObject({ status: 'matched', municipalityNumber: '1804', municipalityName: 'Bodø', receivedDate: '2022-06-01', locator: 'vedlegg «Høringssvar Bodø.pdf», 1 sider' });
    expect(preview.matches![0].dateReason).toBe('E-posten ble sendt 01.06.2022 14:32');
    expect(preview.matches![0].sender!.evidence.map((e) => e.source)).toContain('letterhead');

    const report = only(await api.import.run({ paths }));
    expect(report).toMatchObject({ status: 'imported', responses: 1 });
    const r = await currentResponse('1804');
    expect(r.receivedDate).toBe('2022-06-01');
    expect(r.answers.map((a) => a.questionOrdinal).filter((q) => q !== null)).toEqual([1, 2, 3, 4, 5]);
    expect(r.answers.find((a) => a.questionOrdinal === 2)!.text).toContain('Saltstraumen');
    expect(r.provenance).toMatchObject({ fileName: expect.stringMatching(/bodo-pdf-vedlegg\.eml$/), locator: 'vedlegg «Høringssvar Bodø.pdf», 1 sider' });
    // Provenance records the e-mail (Message-ID, date, sender) and which attachment the letter is.
    expect(r.provenance.email).toEqual(preview.email);
    // The stored e-mail is the source: its original view reads the letter again, under the e-mail's own lines.
    const original = await api.responses.original({ id: r.id });
    expect(original.mediaType).toBe('message/rfc822');
    expect(original.text).toMatch(/^Fra: Postmottak Bodø kommune <postmottak@bodo\.kommune\.no>\nSendt: 01\.06\.2022 14:32\nEmne: Høringssvar - bedre polititjenester \(22\/535\)\nVedlegg: Høringssvar Bodø\.pdf\n\nBodø kommune/);
  });

  it('opens a forwarded message: the DOCX letter inside it, dated by the original', async () => {
    const report = only(await api.import.run({ paths: writeFiles(inbox, { 'videresendt.eml': fixtures['videresendt-tromso.eml'] }) }));
    expect(report).toMatchObject({ status: 'imported', responses: 1 });
    expect(report.email).toMatchObject({ fromAddress: 'arkiv@jd.dep.no', subject: 'VS: Høringssvar', letter: 'Tromsø kommune høringssvar.docx', innerMessages: 1 });
    const r = await currentResponse('5401');
    expect(r.receivedDate).toBe('2022-05-31');
    expect(r.answers.map((a) => a.questionOrdinal).filter((q) => q !== null)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('an e-mail without an attachment: the body is the letter', () => {
  it('ISO-8859-1 quoted-printable, the sender from the address of a municipality merged in 2020', async () => {
    const report = only(await api.import.preview({ paths: writeFiles(inbox, { 'mt.eml': fixtures['midt-telemark-brødtekst.eml'] }) }));
    expect(report.email).toMatchObject({ letter: null, letterReason: 'body', attachments: [] });
    expect(report.matches![0]).toMatchObject({ status: 'matched', municipalityName: 'Midt-Telemark', locator: 'e-postens tekst', receivedDate: '2022-06-02' });
    expect(report.matches![0].sender!.evidence[0]).toMatchObject({ source: 'email', text: 'Fra: Sentralarkivet <post@midt-telemark.kommune.no>' });
    await api.import.run({ paths: [path.join(inbox, 'mt.eml')] });
    const r = await currentResponse('3817');
    expect(r.answers.map((a) => a.questionOrdinal).filter((q) => q !== null)).toEqual([1, 2, 3, 4, 5]);
    expect(r.answers.find((a) => a.questionOrdinal === 1)!.text).toContain('særlig på kveldstid');
  });

  it('an HTML body with an inline image, the sender named only in the subject', async () => {
    const report = only(await api.import.preview({ paths: writeFiles(inbox, { 's.eml': fixtures['saltdal-html-inline.eml'] }) }));
    expect(report.email!.attachments).toEqual([{ name: 'logo.png', mediaType: 'image/png', bytes: 70, role: 'inline' }]);
    expect(report.matches![0]).toMatchObject({ status: 'matched', municipalityName: 'Saltdal' });
    expect(report.matches![0].sender!.evidence).toContainEqual(expect.objectContaining({ source: 'subject' }));
  });
});

describe('the real mail files from other programs (../shared/external/mail)', () => {
  const REAL = [
    ['extractmsg-strangeDate.msg', 'msg', null, null],
    ['mailparser-decoderended-iso8859-1.eml', 'eml', 'booewq@uuui.com', '2004-09-09'],
    ['mailparser-nodemailer-attachments.eml', 'eml', 'andris@kreata.ee', '2016-10-13'],
    ['msgreader-Simple.msg', 'msg', null, '2025-08-10'],
    ['msgreader-attachmentFiles.msg', 'msg', 'hmailuser@hmailserver.test', '2023-11-01'],
    ['msgreader-msgInMsg.msg', 'msg', null, '2020-05-12'],
    ['msgreader-nonUnicodeMail.msg', 'msg', null, '2021-11-05'],
    ['postalmime-mimetorture.eml', 'eml', 'rfinnie@domain.dom', '2003-10-24'],
    ['rubymail-attachment_nonascii_filename-iso8859-1.eml', 'eml', 'foo@example.com', '2005-06-06'],
    ['rubymail-attachment_pdf_non_ascii.eml', 'eml', 'xxxx@xxxx.com', '2005-05-10'],
  ] as const;

  it('each is read — none is refused as unsupported any more — with its sender, date and attachments', async () => {
    const files = Object.fromEntries(REAL.map(([name]) => [name, readFileSync(path.join(EXTERNAL_MAIL, name))]));
    const report = await api.import.preview({ paths: writeFiles(inbox, files) });
    expect(report.files.map((f) => [path.basename(f.path), f.status, f.format, f.email?.fromAddress ?? null, f.matches?.[0].receivedDate ?? null])).toEqual(
      [...REAL].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([name, format, from, date]) => [name, 'ready', format, from, date]),
    );
    const byName = Object.fromEntries(report.files.map((f) => [path.basename(f.path), f]));
    // notes.txt is the only attachment a letter reader exists for: it is the letter; the images stay.
    expect(byName['mailparser-nodemailer-attachments.eml'].email).toMatchObject({ letter: 'notes.txt', letterReason: 'first-readable' });
    expect(byName['mailparser-nodemailer-attachments.eml'].email!.attachments.map((a) => [a.name, a.role])).toEqual([
      ['vedlegg-1', 'kept'],
      ['image.png', 'inline'],
      ['nyan cat ✔.gif', 'inline'],
      ['notes.txt', 'letter'],
    ]);
    // A PDF that cannot be read is said, and the body is the letter.
    const ruby = byName['rubymail-attachment_pdf_non_ascii.eml'];
    expect(ruby.email).toMatchObject({ letter: null, attachments: [{ name: 'broken.pdf', role: 'kept', note: expect.stringMatching(/^kunne ikke leses/) }] });
    expect(ruby.warnings.map((w) => w.code)).toContain('ATTACHMENT_UNREADABLE');
    expect(byName['msgreader-msgInMsg.msg'].email).toMatchObject({ innerMessages: 1, attachments: [{ name: 'green.png', role: 'kept' }] });
    expect(byName['postalmime-mimetorture.eml'].email!.innerMessages).toBe(11);
    // No sent date in the message: no received date, with the reason.
    expect(byName['extractmsg-strangeDate.msg'].matches![0].dateReason).toMatch(/Fant ingen datert linje/);
  });

  it('an Outlook .msg in a ZIP imports like a single file', async () => {
    const zip = await zipFile([
      { name: 'post/melding.msg', data: readFileSync(path.join(EXTERNAL_MAIL, 'msgreader-attachmentFiles.msg')) },
      { name: 'post/bodo.eml', data: fixtures['bodo-pdf-vedlegg.eml'] },
    ]);
    const report = await api.import.run({ paths: writeFiles(inbox, { 'epost.zip': zip }) });
    expect(report.files.map((f) => [f.path.replace(/\\/g, '/').split('/').slice(-2).join('/'), f.status])).toEqual([
      ['post/melding.msg', 'imported'],
      ['post/bodo.eml', 'imported'],
    ]);
  });
});

describe('hostile e-mail: refused with its code, the store exactly as before', () => {
  it.each([
    ['deep.eml', () => deeplyNested(500), 'UNSAFE_EMAIL'],
    ['parts.eml', () => manyParts(10_000), 'UNSAFE_EMAIL'],
    ['headers.eml', () => hugeHeaders(4 * 1024 * 1024), 'UNSAFE_EMAIL'],
    ['climb.eml', () => climbingAttachment(), 'UNSAFE_EMAIL'],
    [
      'loop.msg',
      () => {
        const b = Buffer.from(readFileSync(path.join(EXTERNAL_MAIL, 'msgreader-attachmentFiles.msg')));
        for (let i = 512; i < 1024; i += 4) b.writeUInt32LE((i - 512) / 4, i);
        return b;
      },
      'BAD_EMAIL',
    ],
  ] as const)('%s', async (name, bytes, code) => {
    const store = core.session.requireStore();
    const before = dumpDatabase(store.path);
    const report = await importPaths(store, writeFiles(inbox, { [name]: bytes() }), core.session.deps);
    expect(only(report)).toMatchObject({ status: 'rejected', error: { code } });
    expect(report.batchId).toBeNull();
    expect(dumpDatabase(store.path)).toEqual(before);
  });
});
