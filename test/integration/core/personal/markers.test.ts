// Personal data found at import, through the real pipeline into a real
// project file: the response list and the coding view carry the kinds found
// («inneholder personopplysninger»), and the list and search filter by them.
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codingProject, count, CSV_HEADER, ROWS, type CodingProject } from '../../../helpers/coding';
import { toCsv } from '../../../helpers/import-fixtures';
import { PRIVATE_ROW } from '../../../helpers/personal-corpus';


let p: CodingProject;
beforeAll(async () => {
  p = await codingProject({ rows: ROWS });
});
afterAll(() => p.cleanup());

describe('personal data found at import', () => {
  it('scans every answer of an import before anything asks', async () => {
    const csv = path.join(p.dir, 'privat.csv');
    writeFileSync(csv, toCsv([CSV_HEADER, PRIVATE_ROW], { delimiter: ';' }));
    await p.api.import.run({ paths: [csv] });
    const store = p.store();
    expect(count(store, 'personal_scan')).toBe(count(store, 'answer'));
    expect(count(store, 'personal_span')).toBe(4);
  });

  it('marks the response in the list with the kinds found, and only that response', async () => {
    const list = await p.api.responses.list({});
    const kari = list.find((r) => r.respondentName === 'Kari Nordmann')!;
    expect(kari.personalData).toEqual(['fodselsnummer', 'telefon', 'epost', 'adresse']);
    expect(list.filter((r) => r.personalData.length > 0)).toHaveLength(1);
  });

  it('gives the coding view each finding with its kind and span', async () => {
    const list = await p.api.responses.list({});
    const kari = await p.api.responses.get({ id: list.find((r) => r.respondentName === 'Kari Nordmann')!.id });
    expect(kari.personalData).toEqual(['fodselsnummer', 'telefon', 'epost', 'adresse']);
    const found = kari.answers.flatMap((a) => (a.personal ?? []).map((s) => [s.kind, a.text.slice(s.start, s.end)]));
    expect(found).toEqual([
      ['fodselsnummer', '01010750160'],
      ['telefon', '912 34 567'],
      ['epost', 'kari.nordmann@online.no'],
      ['adresse', 'Storgata 5, 8006 Bodø'],
    ]);
  });

  it('filters the list by personal data: any kind, one kind, none', async () => {
    const names = async (personal: 'any' | 'none' | 'epost' | 'd_nummer') => (await p.api.responses.list({ personal })).map((r) => r.respondentName).sort();
    expect(await names('any')).toEqual(['Kari Nordmann']);
    expect(await names('epost')).toEqual(['Kari Nordmann']);
    expect(await names('d_nummer')).toEqual([]);
    expect(await names('none')).toHaveLength(4);
  });

  it('filters a search by personal data', async () => {
    const all = await p.api.search.query({ query: 'responstid*' });
    expect(all.total).toBeGreaterThanOrEqual(2);
    const personal = await p.api.search.query({ query: 'responstid*', filter: { personal: 'fodselsnummer' } });
    expect(personal.hits.map((h) => h.respondent)).toEqual(['Kari Nordmann']);
    const without = await p.api.search.query({ query: 'responstid*', filter: { personal: 'none' } });
    expect(without.total).toBe(all.total - 1);
  });

  it('scans an existing project lazily when its cache is empty (as after the upgrade)', async () => {
    const store = p.store();
    store.sqlite.exec('DELETE FROM personal_span; DELETE FROM personal_scan;');
    const list = await p.api.responses.list({ personal: 'any' });
    expect(list.map((r) => r.respondentName)).toEqual(['Kari Nordmann']);
    expect(count(store, 'personal_scan')).toBe(count(store, 'answer'));
  });
});
