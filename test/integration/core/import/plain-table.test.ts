// A plain table `Innsender;Mottatt;Svar` imports into a blank project (the text
// as each response's letter) with a clear preview, and a preset that maps a
// column to a question the project lacks is refused, naming the column and the
// question, with the project unchanged.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../src-main/core';
import type { ApiClient } from '../../../../src-shared/client';
import { testApi } from '../../../helpers/api';
import { tempDir, testCore } from '../../../helpers/core';
import { writeFiles } from '../../../helpers/import-fixtures';

let dir: string;
let cleanup: () => void;
let core: Core;
let api: ApiClient;

const TABLE = 'Innsender;Mottatt;Svar\nFauske kommune;12.03.2024;Vi støtter forslaget.\nNaturvernforbundet;14.03.2024;"Vi er imot.\nSe vedlegg."\nAlta kommune (uten merknader);15.03.2024;Ingen merknader.\n';

async function setUp(template: 'blank' | 'brev-kommunene-2022') {
  ({ dir, cleanup } = tempDir());
  core = testCore(dir);
  api = testApi(core);
  await api.project.create({ path: 'p.innspill', template });
}
afterEach(async () => {
  await core.dispose();
  cleanup();
});

describe('a plain table into a blank project', () => {
  beforeEach(() => setUp('blank'));

  it('imports `Innsender;Mottatt;Svar` with the text as each response\'s letter, after a clear preview', async () => {
    const paths = writeFiles(path.join(dir, 'inn'), { 'svar.csv': TABLE });
    const preview = (await api.import.preview({ paths })).files[0];
    expect(preview).toMatchObject({ status: 'ready', responses: 3 });
    expect(preview.mappings![0].mapping.columns.map((c) => [c.header, c.field])).toEqual([
      ['Innsender', 'respondent'],
      ['Mottatt', 'receivedDate'],
      ['Svar', 'letter'],
    ]);
    expect(preview.warnings).toContainEqual(expect.objectContaining({ code: 'PLAIN_TABLE', message: expect.stringContaining('«Svar»') }));
    expect(preview.warnings).toContainEqual(expect.objectContaining({ code: 'LISTING_LABEL', message: expect.stringContaining('uten merknader') }));
    const report = (await api.import.run({ paths })).files[0];
    expect(report).toMatchObject({ status: 'imported', responses: 3 });
    const list = await api.responses.list({});
    expect(list.map((r) => r.respondentName).sort()).toEqual(['Alta kommune', 'Fauske kommune', 'Naturvernforbundet']);
    const natur = await api.responses.get({ id: list.find((r) => r.respondentName === 'Naturvernforbundet')!.id });
    expect(natur.receivedDate).toBe('2024-03-14');
    expect(natur.answers.map((a) => [a.questionOrdinal, a.text])).toEqual([[null, 'Vi er imot.\nSe vedlegg.']]);
    // Without questions there is nothing to split into: the letter is coded as a whole.
    expect(natur.needsSplitting).toBe(false);
  });
});

describe('a table into a project with questions', () => {
  beforeEach(() => setUp('brev-kommunene-2022'));

  it('keeps the text whole and flags it for splitting', async () => {
    const paths = writeFiles(path.join(dir, 'inn'), { 'svar.csv': TABLE });
    await api.import.run({ paths });
    const fauske = (await api.responses.list({})).find((r) => r.municipality?.name === 'Fauske')!;
    const detail = await api.responses.get({ id: fauske.id });
    expect(detail.needsSplitting).toBe(true);
    expect(detail.answers.map((a) => [a.questionOrdinal, a.text])).toEqual([[null, 'Vi støtter forslaget.']]);
  });

  it('refuses a preset that maps a column to a question the project does not have, naming the column and the question', async () => {
    const paths = writeFiles(path.join(dir, 'inn'), { 'svar.csv': 'Kommune;Tekst 1;Tekst 9\nBodø;Ja;Nei\n' });
    const before = await api.responses.list({});
    const report = await api.import.run({ paths, preset: { version: 1, columns: { 'Tekst 1': 'question:1', 'Tekst 9': 'question:9' } } });
    expect(report.files[0]).toMatchObject({ status: 'rejected', error: { code: 'UNKNOWN_QUESTION', locator: 'kolonne «Tekst 9»' } });
    expect(report.files[0].error!.message).toMatch(/Kolonnen «Tekst 9» er koblet til spørsmål 9, som ikke finnes/);
    expect(await api.responses.list({})).toEqual(before);
  });
});
