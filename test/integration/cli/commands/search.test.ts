// `innspill search` as a user runs it: the JSON shape over current responses,
// the readable list, and exit codes (a bad query: 1, one line on stderr).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin, runCli } from '../../../helpers/cli';
import { tempDir } from '../../../helpers/core';
import { toCsv } from '../../../helpers/import-fixtures';
import { SEARCH_HEADER, SEARCH_ROWS } from '../../../helpers/search';

let dir: string;
let cleanup: () => void;

const cli = (args: string[]) => runCli(dir, args);

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('innspill-search-cli-'));
  expect((await cli(['init', 'høring.innspill'])).code).toBe(0);
  writeFileSync(path.join(dir, 'svar.csv'), toCsv([SEARCH_HEADER, ...SEARCH_ROWS], { delimiter: ';' }));
  expect((await cli(['import', 'høring.innspill', 'svar.csv'])).code).toBe(0);
  // Hamar answers again: its first response is superseded.
  writeFileSync(path.join(dir, 'svar2.csv'), toCsv([SEARCH_HEADER, ['3403', 'Hamar kommune', '15.06.2022', 'Nytt svar.', 'Nei.', 'Nei.', 'Nei.', 'Nei.']], { delimiter: ';' }));
  expect((await cli(['import', 'høring.innspill', 'svar2.csv'])).code).toBe(0);
});
afterAll(() => cleanup());

describe('innspill search --json', () => {
  it('prints { hits: [{ kommunenummer, respondent, question, snippet }], total } over current responses (the real bin script)', () => {
    const result = runBin(dir, ['search', 'høring.innspill', 'tjenestested', '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as { hits: Record<string, unknown>[]; total: number };
    expect(Object.keys(json).sort()).toEqual(['hits', 'total']);
    // Hamar's "tjenestestedet" is only in its superseded response.
    expect(json.total).toBe(5);
    expect(json.hits).toHaveLength(5);
    for (const hit of json.hits) {
      expect(hit).toEqual(
        expect.objectContaining({ kommunenummer: expect.toBeOneOf([expect.any(String), null]), respondent: expect.any(String), question: expect.any(Number), snippet: expect.any(String) }),
      );
    }
    expect(json.hits.map((h) => [h.kommunenummer, h.respondent, h.question])).toEqual([
      ['1804', 'Bodø kommune', 1],
      ['1804', 'Bodø kommune', 5],
      ['0301', 'Oslo kommune', 5],
      [null, 'Politiets Fellesforbund', 1],
      ['5401', 'Tromsø kommune', 5],
    ]);
    expect(json.hits[0].snippet).toBe('Vi har et tjenestested i sentrum. Ungdommen samles rundt bålet om kvelden.');
  });

  it('includes superseded versions on request, and limits the number of hits', async () => {
    const all = JSON.parse((await cli(['search', 'høring.innspill', 'tjenestested', '--json', '--include-superseded'])).out);
    expect(all.total).toBe(6);
    expect(all.hits.find((h: { kommunenummer: string }) => h.kommunenummer === '3403')).toMatchObject({ isCurrent: false, question: 1 });
    const two = JSON.parse((await cli(['search', 'høring.innspill', 'tjenestested', '--json', '--limit', '2'])).out);
    expect(two.total).toBe(5);
    expect(two.hits).toHaveLength(2);
  });

  it('prints no hits as an empty list', async () => {
    const none = await cli(['search', 'høring.innspill', 'gapahuk', '--json']);
    expect(none.code).toBe(0);
    expect(JSON.parse(none.out)).toEqual({ hits: [], total: 0 });
  });
});

describe('innspill search (readable)', () => {
  it('lists hits by respondent and question with the hits in [brackets]', async () => {
    const result = await cli(['search', 'høring.innspill', '"fysisk tilstedeværelse" OR bål']);
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      [
        '3 answers with hits for "\\"fysisk tilstedeværelse\\" OR bål", from 2 respondents',
        '',
        'Bodø (1804)',
        '  Q1         Vi har et tjenestested i sentrum. Ungdommen samles rundt [bålet] om kvelden.',
        '  Q2         Politiet er for lite til stede. [Fysisk tilstedeværelse] er viktig for tryggheten.',
        '',
        'Tromsø (5401)',
        '  Q3         Vi har [fysisk tilstedeværelsen] av patruljer i sommerhalvåret.',
        '',
      ].join('\n'),
    );
  });

  it('with --limit still says how many answers and respondents have hits in all, then what it shows', async () => {
    const result = await cli(['search', 'høring.innspill', 'tjenestested', '--limit', '2']);
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toBe('5 answers with hits for "tjenestested", from 4 respondents (showing the first 2, from 1 respondent)');
    expect(result.out.match(/^  Q/gm)).toHaveLength(2);
    const all = await cli(['search', 'høring.innspill', 'tjenestested']);
    expect(all.out.split('\n')[0]).toBe('5 answers with hits for "tjenestested", from 4 respondents');
  });

  it('takes a query that starts with "-" after --', async () => {
    const result = await cli(['search', 'høring.innspill', '--json', '--', 'politi -kommune']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).total).toBe(3);
  });
});

describe('innspill search errors', () => {
  it.each([['"'], ['NEAR('], ['politi AND'], ['IKKE politi']])('refuses the bad query %j with exit code 1 and one line on stderr', async (query) => {
    const result = await cli(['search', 'høring.innspill', query, '--json']);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^innspill search: .+\n$/);
    expect(result.err.trim().split('\n')).toHaveLength(1);
  });

  it('gives usage errors exit code 2', async () => {
    expect((await cli(['search', 'høring.innspill'])).code).toBe(2);
    const limit = await cli(['search', 'høring.innspill', 'politi', '--limit', 'many']);
    expect(limit.code).toBe(2);
    expect(limit.err).toMatch(/Usage: innspill search/);
  });

  it('fails on a missing file with exit code 1', async () => {
    const result = await cli(['search', 'nope.innspill', 'politi']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^innspill search: File not found/);
  });
});
