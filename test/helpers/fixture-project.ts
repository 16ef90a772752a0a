// The building part the export tests' fixture projects share
// (export-fixture.ts for the workbook and CSV, memo-fixture.ts for the
// memo): a project made through the API as a caseworker would, CSV batches
// written for it, the responses by respondent (reloaded after each import),
// and small steps to code an answer and set a variable by respondent.
import type { Core } from '../../src-main/core';
import type { ApiClient } from '../../src-shared/client';
import type { AnswerPart, ResponseDetail } from '../../src-shared/domain';
import { testApi } from './api';
import { CSV_HEADER } from './coding';
import { tempDir, testCore } from './core';
import { toCsv, writeFiles } from './import-fixtures';

export interface FixtureBuilder {
  dir: string;
  core: Core;
  api: ApiClient;
  /** Question ids in order. */
  questions: string[];
  /** The CSV files written (one per batch, in the order given), to pass to import.run. */
  files: string[];
  /** Responses by municipality number (or respondent name); a superseded one as "<who>-old". */
  responses: Map<string, ResponseDetail>;
  /** Reads the responses again (after an import or a change to their answers). */
  load(): Promise<void>;
  answer(who: string, question: number): AnswerPart;
  /** Codes `part` of the answer (its first occurrence), or the whole answer. */
  code(who: string, question: number, codeId: string, part?: string): ReturnType<ApiClient['codings']['create']>;
  setValue(who: string, key: string, value: string | string[]): ReturnType<ApiClient['variables']['set']>;
  cleanup(): Promise<void>;
}

/** A project file `project` in a temp folder, with one semicolon CSV per batch of rows (under CSV_HEADER) written, none imported yet. */
export async function fixtureBuilder(options: { prefix: string; project: string; batches: Record<string, string[][]> }): Promise<FixtureBuilder> {
  const t = tempDir(options.prefix);
  const core = testCore(t.dir);
  const api = testApi(core);
  const project = await api.project.create({ path: options.project });
  const files = writeFiles(t.dir, Object.fromEntries(Object.entries(options.batches).map(([name, rows]) => [name, toCsv([CSV_HEADER, ...rows], { delimiter: ';' })])));
  const responses = new Map<string, ResponseDetail>();
  const load = async () => {
    responses.clear();
    for (const s of await api.responses.list({ includeSuperseded: true })) {
      const who = s.municipality?.number ?? s.respondentName;
      responses.set(s.isCurrent ? who : `${who}-old`, await api.responses.get({ id: s.id }));
    }
  };
  const answer = (who: string, question: number) => {
    const a = responses.get(who)!.answers.find((x) => x.questionOrdinal === question);
    if (!a) throw new Error(`${who} has no answer to question ${question}`);
    return a;
  };
  const code = async (who: string, question: number, codeId: string, part?: string) => {
    const a = answer(who, question);
    const start = part ? a.text.indexOf(part) : undefined;
    if (start === -1) throw new Error(`"${part}" not in ${a.text}`);
    return api.codings.create({ answerId: a.id, codeId, ...(part ? { start, end: start! + part.length } : {}) });
  };
  const variable = async (key: string) => (await api.variables.list()).find((v) => v.key === key)!.id;
  const setValue = async (who: string, key: string, value: string | string[]) => api.variables.set({ responseId: responses.get(who)!.id, variableId: await variable(key), value });
  return {
    dir: t.dir,
    core,
    api,
    questions: project.questions.map((q) => q.id),
    files,
    responses,
    load,
    answer,
    code,
    setValue,
    async cleanup() {
      await core.dispose();
      t.cleanup();
    },
  };
}
