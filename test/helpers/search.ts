// Helpers for the search tests: a project with Norwegian answers imported
// through the real import, and a check that the FTS index holds exactly the
// words and stems of every answer (read back through fts5vocab, which works
// on a contentless index).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Core } from '../../src-main/core';
import type { ApiClient } from '../../src-shared/client';
import type { SearchResult } from '../../src-shared/search';
import { testApi } from './api';
import { tempDir, testCore } from './core';
import { toCsv } from './import-fixtures';

export { expectedIndex, indexedAnswers, searchMapDiff } from './search-index';

export const SEARCH_HEADER = ['Kommunenr.', 'Kommune', 'Mottatt', 'Spørsmål 1', 'Spørsmål 2', 'Spørsmål 3', 'Spørsmål 4', 'Spørsmål 5'];

/**
 * Answers chosen for inflections and for æ/ø/å: "bål", "gå" and "år" in some
 * answers, "bal", "ga" and "ar" (real words too) in others, so folding å to
 * a would give wrong hits.
 */
export const SEARCH_ROWS: string[][] = [
  [
    '1804',
    'Bodø kommune',
    '30.05.2022',
    'Vi har et tjenestested i sentrum. Ungdommen samles rundt bålet om kvelden.',
    'Politiet er for lite til stede. Fysisk tilstedeværelse er viktig for tryggheten.',
    'Kommunen og politiet samarbeider godt i politirådet.',
    'Via telefon og internett.',
    'Vi ønsker flere tjenestesteder i regionen.',
  ],
  [
    '3403',
    'Hamar kommune',
    '31.05.2022',
    'Det er langt til nærmeste tjenestestedet.',
    'Kommunen holdt et bal for de eldre. Rapporten ga et klart svar.',
    'Tomten er på 40 ar.',
    'Via et servicekontor.',
    'Nei.',
  ],
  [
    '5401',
    'Tromsø kommune',
    '01.06.2022',
    'Kommunene i regionen må gå sammen om beredskap.',
    'For to år siden ble lensmannskontoret lagt ned.',
    'Vi har fysisk tilstedeværelsen av patruljer i sommerhalvåret.',
    'Via politistasjonen.',
    'Ja, et nytt tjenestested.',
  ],
  [
    '0301',
    'Oslo kommune',
    '02.06.2022',
    'Ungdomskriminalitet er utfordringen.',
    'Nei.',
    'Politikontakt i hver bydel; politi og kommune møtes jevnlig.',
    'Via fysisk oppmøte.',
    'Nei, vi har nok tjenestesteder.',
  ],
  ['1151', 'Utsira kommune', '03.06.2022', 'Vi er en liten øykommune uten politi.', 'Båten går to ganger om dagen.', 'Nei.', 'Via telefon.', 'Ja.'],
  ['', 'Politiets Fellesforbund', '04.06.2022', 'Politiet trenger flere tjenestesteder.', 'Nei.', 'Nei.', 'Nei.', 'Nei.'],
];

export interface SearchProject {
  dir: string;
  core: Core;
  api: ApiClient;
  sqlite(): Database.Database;
  /** Imports more rows (a later file) through import.run. */
  importRows(rows: string[][], name?: string): Promise<void>;
  search(query: string, extra?: Record<string, unknown>): Promise<SearchResult>;
  cleanup(): Promise<void>;
}

export async function searchProject(rows: string[][] = SEARCH_ROWS): Promise<SearchProject> {
  const { dir, cleanup } = tempDir('innspill-search-');
  const core = testCore(dir);
  const api = testApi(core);
  await api.project.create({ path: 'søk.innspill' });
  let files = 0;
  const importRows = async (more: string[][], name = `svar-${++files}.csv`) => {
    const csv = path.join(dir, name);
    writeFileSync(csv, toCsv([SEARCH_HEADER, ...more], { delimiter: ';' }));
    const report = await api.import.run({ paths: [csv] });
    if (report.files.some((f) => f.status === 'rejected')) throw new Error(`import rejected: ${JSON.stringify(report.files)}`);
  };
  if (rows.length > 0) await importRows(rows);
  return {
    dir,
    core,
    api,
    sqlite: () => core.session.requireStore().sqlite,
    importRows,
    search: (query, extra = {}) => api.search.query({ query, limit: 1000, ...extra }),
    async cleanup() {
      await core.dispose();
      cleanup();
    },
  };
}
