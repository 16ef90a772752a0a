// The coding assistant behind `suggest.forResponse` and `suggest.evaluate`:
// reads the current responses' answers, the codebook and the codings, and
// answers from models trained on them (model.ts). It only reads: no coding,
// no audit entry, no table written. The trained models are kept per project
// file and data fingerprint (a hash of every text, code and coding the models
// see), so a second call on unchanged data is quick and any change — a coding,
// an undo, a merge, an edited rule — retrains from scratch, deterministically.
import type { Kysely } from 'kysely';
import { ApiError } from '../../../src-shared/errors';
import type { AnswerSuggestions, ResponseSuggestions, SuggestEvaluation, SuggestSettings } from '../../../src-shared/suggest';
import type { Store } from '../store/open';
import type { DB } from '../store/schema';
import { suggestionsFor } from './explain';
import { buildCorpus, inScope, trainAll, withDefaults, type AnswerUnit, type CodeDef, type Corpus, type TrainedCode } from './model';

export interface ProjectData {
  units: AnswerUnit[];
  codes: CodeDef[];
  questionOrdinal: Map<string, number>;
}

/** The unit an answer part belongs to: the response's answer to its question, or the part alone. */
function unitKey(responseId: string, questionId: string | null, answerId: string): string {
  return questionId === null ? `${responseId}|a:${answerId}` : `${responseId}|q:${questionId}`;
}

/** The current responses' answers (grouped into units), the codes and who coded what. */
export async function loadProjectData(db: Kysely<DB>): Promise<ProjectData> {
  const [parts, codings, codes, questions] = await Promise.all([
    db
      .selectFrom('answer as a')
      .innerJoin('response as r', 'r.id', 'a.response_id')
      .where('r.is_current', '=', 1)
      .select(['a.id', 'a.response_id', 'a.question_id', 'a.text'])
      .orderBy('a.response_id')
      .orderBy('a.ordinal')
      .orderBy('a.id')
      .execute(),
    db.selectFrom('coding').select(['answer_id', 'code_id']).orderBy('answer_id').orderBy('code_id').execute(),
    db.selectFrom('code').select(['id', 'name', 'description', 'question_id']).orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('question').select(['id', 'ordinal']).execute(),
  ]);
  const codesOf = new Map<string, Set<string>>();
  for (const c of codings) {
    let set = codesOf.get(c.answer_id);
    if (!set) codesOf.set(c.answer_id, (set = new Set()));
    set.add(c.code_id);
  }
  const units = new Map<string, AnswerUnit & { codes: Set<string> }>();
  for (const p of parts) {
    const key = unitKey(p.response_id, p.question_id, p.id);
    let unit = units.get(key);
    if (!unit) units.set(key, (unit = { key, responseId: p.response_id, questionId: p.question_id, parts: [], codes: new Set() }));
    unit.parts.push({ answerId: p.id, text: p.text });
    for (const code of codesOf.get(p.id) ?? []) unit.codes.add(code);
  }
  return {
    units: [...units.values()],
    codes: codes.map((c) => ({ id: c.id, name: c.name, description: c.description, questionId: c.question_id })),
    questionOrdinal: new Map(questions.map((q) => [q.id, q.ordinal])),
  };
}

/** FNV-1a over everything the models depend on: same fingerprint, same models. */
export function fingerprint(data: ProjectData, settings: SuggestSettings): string {
  let h = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x1f;
    h = Math.imul(h, 0x01000193);
  };
  mix(JSON.stringify(settings));
  for (const c of data.codes) mix(`${c.id}\u0000${c.name}\u0000${c.description}\u0000${c.questionId ?? ''}`);
  for (const u of data.units) {
    mix(u.key);
    for (const p of u.parts) mix(p.answerId + '\u0000' + p.text);
    mix([...u.codes].sort().join(','));
  }
  return `${(h >>> 0).toString(16)}:${data.units.length}:${data.codes.length}`;
}

interface Trained {
  corpus: Corpus;
  codes: TrainedCode[];
}

/** The last models per project file: one entry each, replaced when the data changes. */
const cache = new Map<string, { key: string; trained: Trained }>();

function trained(store: Store, data: ProjectData, settings: SuggestSettings): Trained {
  const key = fingerprint(data, settings);
  const hit = cache.get(store.path);
  if (hit && hit.key === key) return hit.trained;
  const corpus = buildCorpus(data.units);
  const codes = trainAll(corpus, data.codes, (q) => (q === null ? null : (data.questionOrdinal.get(q) ?? null)), settings);
  const out = { corpus, codes };
  cache.set(store.path, { key, trained: out });
  return out;
}

export async function evaluateSuggestions(store: Store, input: Partial<SuggestSettings>): Promise<SuggestEvaluation> {
  const settings = withDefaults(input);
  const data = await loadProjectData(store.db);
  const t = trained(store, data, settings);
  return {
    ...settings,
    labelledAnswers: data.units.filter((u) => u.codes.size > 0).length,
    codes: t.codes.map((c) => c.quality),
  };
}

export async function suggestionsForResponse(store: Store, input: { responseId: string } & Partial<SuggestSettings>): Promise<ResponseSuggestions> {
  const settings = withDefaults(input);
  const response = await store.db.selectFrom('response').select(['id', 'is_current']).where('id', '=', input.responseId).executeTakeFirst();
  if (!response) throw new ApiError('NOT_FOUND', `Fant ingen besvarelse med id ${input.responseId} / No response with id ${input.responseId}`);
  const data = await loadProjectData(store.db);
  const t = trained(store, data, settings);
  const codes = t.codes.map((c) => c.quality);
  if (response.is_current !== 1) return { responseId: response.id, superseded: true, threshold: settings.threshold, answers: [], codes };

  const ready = t.codes.filter((c) => c.quality.status === 'ready' && c.model !== null);
  const answers: AnswerSuggestions[] = t.corpus.units
    .filter((u) => u.responseId === response.id)
    .map((unit) => {
      const out: AnswerSuggestions = {
        questionId: unit.questionId,
        questionOrdinal: unit.questionId === null ? null : (data.questionOrdinal.get(unit.questionId) ?? null),
        answerIds: unit.parts.map((p) => p.answerId),
        coded: unit.codes.size > 0,
        suggestions: [],
      };
      if (out.coded) return out;
      const candidates = ready.filter((c) => inScope(c.code, unit)).map((c) => ({ code: c.code, model: c.model! }));
      out.suggestions = suggestionsFor(t.corpus.vectorizer, candidates, unit, settings.threshold);
      return out;
    });
  answers.sort((a, b) => (a.questionOrdinal ?? Infinity) - (b.questionOrdinal ?? Infinity) || (a.answerIds[0] < b.answerIds[0] ? -1 : 1));
  return { responseId: response.id, superseded: false, threshold: settings.threshold, answers, codes };
}
