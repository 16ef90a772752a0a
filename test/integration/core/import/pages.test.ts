// Saved response pages imported into a real project file: a folder of pages
// is one response per page, with the sender from the heading, the page's
// date, the answers split by question, and the attachment links in the report;
// a hostile page is refused with nothing written.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../src-main/core';
import type { ApiClient } from '../../../../src-shared/client';
import { testApi } from '../../../helpers/api';
import { tempDir, testCore } from '../../../helpers/core';
import { dumpDatabase, writeFiles } from '../../../helpers/import-fixtures';
import { responsePage } from '../../../helpers/page-fixtures';

let dir: string;
let cleanup: () => void;
let core: Core;
let api: ApiClient;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  core = testCore(dir);
  api = testApi(core);
  await api.project.create({ path: 'sider.innspill', template: 'brev-kommunene-2022' });
});
afterEach(async () => {
  await core.dispose();
  cleanup();
});

const page = (sender: string, date: string, answer1: string, answer2: string) =>
  responsePage({
    sender,
    date,
    sections: [
      { heading: 'Spørsmål 1: Utfordringer', paragraphs: [answer1] },
      { heading: 'Spørsmål 2: Tilfredshet', paragraphs: [answer2] },
    ],
    attachments: [{ name: `Høringssvar fra ${sender}`, file: 'svar.pdf' }],
  });

describe('importing saved response pages', () => {
  it('makes one response per page in a folder, with sender, date and split answers', async () => {
    const folder = path.join(dir, 'sider');
    writeFiles(folder, {
      'bodo.html': page('Bodø kommune', '12.03.2024', 'Økt kriminalitet blant unge.', 'Nei, ikke tilfreds.'),
      'fauske.htm': page('Høringssvar fra Fauske kommune', '2024-03-14', 'Lange avstander.', 'Ja, stort sett.'),
      'nordland.html': page('Nordland fylkeskommune', '15.03.2024', 'Samferdsel.', 'Delvis.'),
    });
    const report = await api.import.run({ paths: [folder] });
    expect(report.files.map((f) => [path.basename(f.path), f.status, f.format, f.responses])).toEqual([
      ['bodo.html', 'imported', 'html', 1],
      ['fauske.htm', 'imported', 'html', 1],
      ['nordland.html', 'imported', 'html', 1],
    ]);
    expect(report.files[0].warnings.map((w) => w.code)).toContain('PAGE_ATTACHMENTS');
    const list = await api.responses.list({});
    expect(list).toHaveLength(3);
    const bodo = await api.responses.get({ id: list.find((r) => r.municipality?.number === '1804')!.id });
    expect(bodo.receivedDate).toBe('2024-03-12');
    expect(bodo.answers.map((a) => [a.questionOrdinal, a.text.trim()])).toEqual([
      [null, 'Bodø kommune'],
      [1, 'Utfordringer\nØkt kriminalitet blant unge.'],
      [2, 'Tilfredshet\nNei, ikke tilfreds.'],
    ]);
    const fauske = list.find((r) => r.municipality?.number === '1841');
    expect(fauske, 'Fauske matched from the heading').toBeDefined();
    expect((await api.responses.get({ id: fauske!.id })).receivedDate).toBe('2024-03-14');
    expect(list.find((r) => r.respondentName.includes('Nordland fylkeskommune'))).toBeDefined();
  });

  it('refuses a page with a huge DOM and writes nothing', async () => {
    const projectFile = core.session.requireStore().path;
    const before = dumpDatabase(projectFile);
    const huge = `<html><body><main><h1>Bodø kommune</h1>${'<p>x</p>'.repeat(150_000)}</main></body></html>`;
    const report = await api.import.run({ paths: writeFiles(path.join(dir, 'inn'), { 'stor.html': huge }) });
    expect(report.files[0]).toMatchObject({ status: 'rejected', error: { code: 'HTML_TOO_COMPLEX' } });
    expect(dumpDatabase(projectFile)).toEqual(before);
  });
});
