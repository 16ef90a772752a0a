// County councils (fylkeskommuner) as their own kind of respondent, through a
// real project file: a letter from «Vestland fylkeskommune» is stored as a
// county council, stays out of every municipality count, and is still one
// after the file is closed and opened again.
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
let file: string;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  core = testCore(dir);
  api = testApi(core);
  file = path.join(dir, 'fylke.innspill');
  await api.project.create({ path: file, template: 'brev-kommunene-2022' });
});
afterEach(async () => {
  await core.dispose();
  cleanup();
});

const LETTER = [
  'Vestland fylkeskommune',
  '',
  'Justis- og beredskapsdepartementet',
  '',
  'Høringssvar fra Vestland fylkeskommune',
  '',
  'Fylkeskommunen meiner at tenestestadene i Bergen kommune og Voss herad må haldast oppe.',
  '',
  'Med helsing',
  'Vestland fylkeskommune',
].join('\n');

async function importLetter(name: string, text: string) {
  return api.import.run({ paths: writeFiles(path.join(dir, 'innboks'), { [name]: text }) });
}

describe('a letter from a county council', () => {
  it('is stored as a county council, out of the municipality counts, and survives reopening', async () => {
    const unansweredBefore = (await api.registry.unanswered()).municipalities.length;
    const report = await importLetter('uttale.txt', LETTER);
    expect(report.files[0]).toMatchObject({ status: 'imported', responses: 1 });
    expect(report.files[0].warnings.map((w) => w.code)).toContain('COUNTY_COUNCIL');
    expect(report.files[0].warnings.map((w) => w.code)).not.toContain('UNMATCHED');

    const check = async () => {
      const [respondent] = await api.respondents.list({});
      expect(respondent).toMatchObject({ name: 'Vestland fylkeskommune', countyCouncil: true, status: 'unmatched', municipality: null });
      const [response] = await api.responses.list({});
      expect(response).toMatchObject({ respondentName: 'Vestland fylkeskommune', countyCouncil: true, municipality: null });
      const stats = await api.stats.get();
      expect(stats.respondents.matched).toBe(0);
      // Bergen and Voss, only mentioned, still have not answered; no municipality did.
      expect((await api.registry.unanswered()).municipalities.length).toBe(unansweredBefore);
      expect((await api.responses.list({ matchStatus: 'matched' })).length).toBe(0);
    };
    await check();
    await api.project.close();
    await api.project.open({ path: file });
    await check();
  });

  it('is a county council from a table row too, and not once it is resolved to a municipality', async () => {
    await importLetter('svar.csv', 'Innsender;Mottatt;Svar\nVestland fylkeskommune;01.03.2022;Vi støttar forslaget.\nBergen kommune;02.03.2022;Nei.\n');
    const respondents = await api.respondents.list({});
    const county = respondents.find((r) => r.name === 'Vestland fylkeskommune')!;
    expect(county).toMatchObject({ countyCouncil: true, status: 'unmatched' });
    expect(respondents.find((r) => r.name === 'Bergen kommune')).toMatchObject({ countyCouncil: false, status: 'matched' });
    // A caseworker who knows better can still match it; then it is a municipality and nothing else.
    const resolved = await api.respondents.resolve({ respondentId: county.id, municipalityNumber: '4621' });
    expect(resolved).toMatchObject({ countyCouncil: false, status: 'matched' });
  });
});
