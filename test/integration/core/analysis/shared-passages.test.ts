// Shared passages through the API on a real project: a resolution of 30 words
// pasted, once with a changed word, into three otherwise different letters
// (a plain table into a blank project), found as one group with who first by
// date; coding the group codes each member's span as one action, and one
// history.undo removes them all.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../src-main/core';
import type { ApiClient } from '../../../../src-shared/client';
import { testApi } from '../../../helpers/api';
import { tempDir, testCore } from '../../../helpers/core';
import { readBody } from '../../../helpers/docx-read';
import { writeFiles } from '../../../helpers/import-fixtures';
import { unzipParts } from '../../../helpers/zip-entries';
import { readFileSync } from 'node:fs';

const RESOLUTION = 'Kommunestyret krever at regjeringen trekker forslaget om ny skatt på vannkraft tilbake, og at kommunene som avgir arealer til kraftproduksjon får beholde en rimelig del av verdiskapingen lokalt.';
const EDITED = RESOLUTION.replace('rimelig', 'rettferdig');
const OWN: Record<string, string> = {
  veiene: 'Rassikring av fylkesveiene må prioriteres før nye prosjekter settes i gang.',
  skolene: 'Skolestrukturen ble endret i fjor etter en lang debatt i bygdene.',
  fjellet: 'Turisttrafikken over fjellovergangen har doblet seg på ti år.',
  fisket: 'Laksebestanden i elvene er under press fra regulering og rømt oppdrettsfisk.',
  industrien: 'Aluminiumsverket sysselsetter mange og trenger stabil strømpris.',
  havna: 'Kaianlegget ved havna skal utvides med midler fra næringsfondet.',
};
const own = (topic: string) => OWN[topic];
const csv = [
  'Innsender;Mottatt;Svar',
  `Sogndal kommune;14.03.2024;"${own('veiene')} ${RESOLUTION} ${own('skolene')}"`,
  `Luster kommune;12.03.2024;"${own('fjellet')}\n${EDITED}"`,
  `Kraftkommunenes forening;20.03.2024;"${RESOLUTION} ${own('fisket')}"`,
  `Årdal kommune;13.03.2024;"${own('industrien')} ${own('havna')}"`,
].join('\n');

let dir: string;
let cleanup: () => void;
let core: Core;
let api: ApiClient;
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  core = testCore(dir);
  api = testApi(core);
  await api.project.create({ path: 'p.innspill', template: 'blank' });
  await api.import.run({ paths: writeFiles(path.join(dir, 'inn'), { 'svar.csv': csv }) });
});
afterEach(async () => {
  await core.dispose();
  cleanup();
});

describe('analysis.sharedPassages', () => {
  it('finds the pasted resolution once, with who has it, where, and who had it first by date', async () => {
    const result = await api.analysis.sharedPassages({});
    expect(result.groups).toHaveLength(1);
    const [group] = result.groups;
    expect(group.respondents).toBe(3);
    expect(group.members.map((m) => [m.respondentName, m.receivedDate, m.first])).toEqual([
      ['Luster kommune', '2024-03-12', true],
      ['Sogndal kommune', '2024-03-14', false],
      ['Kraftkommunenes forening', '2024-03-20', false],
    ]);
    // The passage once, as the first by date wrote it (with its edit).
    expect(group.text).toBe(EDITED.replace(/\.$/, ''));
    const list = await api.responses.list({});
    for (const m of group.members) {
      const answer = (await api.responses.get({ id: list.find((r) => r.respondentName === m.respondentName)!.id })).answers[0];
      expect(answer.text.slice(m.start, m.end)).toBe(m.text);
    }
    expect(await api.analysis.sharedPassages({})).toEqual(result);
  });

  it('codes a passage group at once, each member its own span; one undo removes them all', async () => {
    const [group] = (await api.analysis.sharedPassages({})).groups;
    const code = await api.codebook.create({ name: 'Vannkraftskatt' });
    const spans = group.members.map((m) => ({ answerId: m.answerId, start: m.start, end: m.end }));
    expect(await api.analysis.codePassages({ spans, codeId: code.id })).toMatchObject({ created: 3, unchanged: 0 });
    expect((await api.history.state()).undo?.action).toBe('coding.createPassageGroup');
    expect((await api.codebook.list()).find((c) => c.id === code.id)!.codingCount).toBe(3);
    await api.history.undo();
    expect((await api.codebook.list()).find((c) => c.id === code.id)!.codingCount).toBe(0);
    expect((await api.history.state()).undo?.action).toBe('code.create');
  });
});

describe('the memo appendix', () => {
  it('lists each shared passage once with who has it and who was first, when the appendix is chosen', async () => {
    const metadata = { to: 'Statsråden', from: 'Avdelingen', date: '2026-12-07', caseNumber: '24/1', subject: 'Høring' };
    const result = await api.export.memo({ options: { metadata, sections: ['summary', 'appendix'] }, target: 'notat.docx' });
    expect(result.counts.sharedPassages).toBe(1);
    const text = readBody((await unzipParts(readFileSync(result.path))).get('word/document.xml')!).paragraphs.map((p) => p.text);
    const at = text.indexOf('Felles avsnitt');
    expect(at).toBeGreaterThan(0);
    expect(text[at + 2]).toBe('Avsnitt 1: 3 innsendere, 28 ord');
    expect(text[at + 3]).toBe(`«${EDITED.replace(/\.$/, '')}»`);
    expect(text[at + 4]).toBe('Hos: Luster kommune (12.03.2024, først); Sogndal kommune (14.03.2024); Kraftkommunenes forening (20.03.2024).');
  });
});
