// Helpers for the coding workspace tests: a project with a few imported
// responses (through the real import), a core whose author can be switched,
// a second core on the same file (a colleague), and dumps of the workspace
// tables to prove undo and redo restore rows exactly.
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { createCore, type Core } from '../../src-main/core';
import { UNDOABLE_TABLES } from '../../src-main/core/audit/changes';
import { sequentialIds, steppingClock } from '../../src-main/core/deps';
import type { Store } from '../../src-main/core/store/open';
import type { ApiClient } from '../../src-shared/client';
import type { TemplateId } from '../../src-shared/domain';
import { testApi } from './api';
import { tempDir, testDeps } from './core';
import { toCsv } from './import-fixtures';

export const CSV_HEADER = ['Kommunenr.', 'Kommune', 'Mottatt', 'Spørsmål 1', 'Spørsmål 2', 'Spørsmål 3', 'Spørsmål 4', 'Spørsmål 5'];

/** Four municipalities' answers to the five questions (Hamar left question 3 empty). */
export const ROWS: string[][] = [
  [
    '1804',
    'Bodø kommune',
    '30.05.2022',
    'Rus blant unge er den største utfordringen. Vold i nære relasjoner øker også.',
    'Nei, vi er ikke fornøyd med bemanningen etter at lensmannskontoret ble lagt ned.',
    'Politirådet fungerer godt, og SLT-modellen er tatt i bruk.',
    'Via telefon og via internett, men også fysisk oppmøte.',
    'Ja, vi ønsker et nytt tjenestested og tilbyr lokaler i rådhuset.',
  ],
  ['3403', 'Hamar kommune', '31.05.2022', 'Digital kriminalitet og svindel mot eldre.', 'Delvis fornøyd.', '', 'Via et tjenestested i politiet.', 'Nei.'],
  [
    '5401',
    'Tromsø kommune',
    '01.06.2022',
    'Lange avstander gir lang responstid – «særlig» om natten. 👮 Politiet må være synlig.',
    'Ja.',
    'Felles beredskap og øvelser med politiet.',
    'Via internett.',
    'Uklart; vi vil vurdere samlokalisering.',
  ],
  ['0301', 'Oslo kommune', '02.06.2022', 'Ungdomskriminalitet.', 'Nei.', 'Politikontakt i hver bydel.', 'Via fysisk oppmøte.', 'Nei, vi har nok tjenestesteder.'],
];

export interface AnswerRef {
  id: string;
  questionId: string | null;
  questionOrdinal: number | null;
  text: string;
}

export interface ResponseRef {
  id: string;
  municipality: string;
  answers: AnswerRef[];
  /** The answer to question `ordinal`. */
  q(ordinal: number): AnswerRef;
}

export interface CodingProject {
  dir: string;
  file: string;
  core: Core;
  api: ApiClient;
  store(): Store;
  /** Who the core records as the author of the next change. */
  setAuthor(name: string): void;
  questions: Map<number, string>;
  /** Current responses by municipality number. */
  responses: Map<string, ResponseRef>;
  response(number: string): ResponseRef;
  /** Closes and reopens the project file through the API. */
  reopen(): Promise<void>;
  /** Another caseworker's core on the same file (own ids and author). */
  colleague(author: string): Promise<{ core: Core; api: ApiClient }>;
  cleanup(): Promise<void>;
}

export const AUTHOR = 'Test Saksbehandler';

/** A core like testCore(dir), but its author can be switched and its ids can be offset. */
export function switchableCore(dir: string, idPrefix = 0): { core: Core; setAuthor(name: string): void } {
  let author = AUTHOR;
  const deps = testDeps(dir);
  const core = createCore({ ...deps, newId: sequentialIds(idPrefix), now: steppingClock(), author: () => author, shell: 'host', rememberRecent: false });
  return { core, setAuthor: (name) => (author = name) };
}

export async function loadResponses(api: ApiClient): Promise<Map<string, ResponseRef>> {
  const out = new Map<string, ResponseRef>();
  for (const summary of await api.responses.list({})) {
    const detail = await api.responses.get({ id: summary.id });
    const answers = detail.answers.map((a) => ({ id: a.id, questionId: a.questionId, questionOrdinal: a.questionOrdinal, text: a.text }));
    const number = summary.municipality?.number ?? summary.respondentName;
    out.set(number, {
      id: summary.id,
      municipality: number,
      answers,
      q(ordinal) {
        const found = answers.find((a) => a.questionOrdinal === ordinal);
        if (!found) throw new Error(`${number} has no answer to question ${ordinal}`);
        return found;
      },
    });
  }
  return out;
}

/** A project from `template` with `rows` (default ROWS; none: no import) imported from a CSV through import.run. */
export async function codingProject(options: { template?: TemplateId; rows?: string[][] } = {}): Promise<CodingProject> {
  const { dir, cleanup } = tempDir('innspill-coding-');
  const { core, setAuthor } = switchableCore(dir);
  const api = testApi(core);
  const created = await api.project.create({ path: 'koding.innspill', template: options.template ?? 'brev-kommunene-2022' });
  const rows = options.rows ?? ROWS;
  if (rows.length > 0) {
    const csv = path.join(dir, 'svar.csv');
    writeFileSync(csv, toCsv([CSV_HEADER, ...rows], { delimiter: ';' }));
    const report = await api.import.run({ paths: [csv] });
    if (report.files.some((f) => f.status === 'rejected')) throw new Error(`import rejected: ${JSON.stringify(report.files)}`);
  }
  const questions = new Map(created.questions.map((q) => [q.ordinal, q.id]));
  const responses = await loadResponses(api);
  const others: Core[] = [];
  return {
    dir,
    file: created.path,
    core,
    api,
    store: () => core.session.requireStore(),
    setAuthor,
    questions,
    responses,
    response(number) {
      const r = responses.get(number);
      if (!r) throw new Error(`no response from ${number}`);
      return r;
    },
    async reopen() {
      await api.project.close();
      await api.project.open({ path: created.path });
    },
    async colleague(author) {
      const other = switchableCore(dir, others.length + 1);
      other.setAuthor(author);
      others.push(other.core);
      const otherApi = testApi(other.core);
      await otherApi.project.open({ path: created.path });
      return { core: other.core, api: otherApi };
    },
    async cleanup() {
      for (const o of others) await o.dispose();
      await core.dispose();
      cleanup();
    },
  };
}

export type TableDump = Record<string, Record<string, unknown>[]>;

/**
 * Every row of the workspace tables (those undo touches), ordered by id, all
 * columns. Undo re-inserts deleted rows, so rowids may differ; ids may not.
 */
export function workspaceDump(store: Store): TableDump {
  const dump: TableDump = {};
  for (const table of UNDOABLE_TABLES) {
    dump[table] = store.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<string, unknown>[];
  }
  return dump;
}

export interface EventRow {
  seq: number;
  id: string;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  group_id: string | null;
}

export function eventRows(store: Store): EventRow[] {
  return store.sqlite.prepare('SELECT * FROM event ORDER BY seq').all() as EventRow[];
}

export function count(store: Store, table: string, where = '1 = 1', ...params: unknown[]): number {
  return (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get(...params) as { n: number }).n;
}

/** Offsets of `part` in `text` (first occurrence). */
export function spanOf(text: string, part: string): { start: number; end: number } {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`"${part}" is not in "${text}"`);
  return { start, end: start + part.length };
}
