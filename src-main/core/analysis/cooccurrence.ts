// Code co-occurrence. The unit is an answer: all answer parts of one current
// response to one question (a letter split into several parts for one
// question is still one answer; text not assigned to a question is one unit
// of its own). counts[i][j] is the number of such answers coded with both
// code i and code j anywhere in them; the diagonal is the answers coded with
// code i. With `withDescendants`, a coding also counts for every code above
// its own (so a parent co-occurs with what its children co-occur with).
import type { Kysely } from 'kysely';
import type { Cooccurrence } from '../../../src-shared/analysis';
import { ApiError } from '../../../src-shared/errors';
import type { DB } from '../store/schema';
import { answerUnitKey, codeTree, requireQuestion } from './units';

export interface CooccurrenceInput {
  questionId?: string;
  /** Only these codes (rows and columns); default all. */
  codeIds?: string[];
  withDescendants?: boolean;
}

export async function cooccurrence(db: Kysely<DB>, input: CooccurrenceInput = {}): Promise<Cooccurrence> {
  await requireQuestion(db, input.questionId);
  const tree = await codeTree(db);
  const byId = new Map(tree.map((c) => [c.id, c]));
  const missing = input.codeIds?.find((id) => !byId.has(id));
  if (missing) throw new ApiError('NOT_FOUND', `No code with id ${missing}`);
  const codes = input.codeIds ? tree.filter((c) => input.codeIds!.includes(c.id)) : tree;
  const index = new Map(codes.map((c, i) => [c.id, i]));

  let q = db
    .selectFrom('coding as k')
    .innerJoin('answer as a', 'a.id', 'k.answer_id')
    .innerJoin('response as r', 'r.id', 'a.response_id')
    .select(['k.code_id', 'a.response_id', 'a.question_id'])
    .where('r.is_current', '=', 1);
  if (input.questionId) q = q.where('a.question_id', '=', input.questionId);
  const units = new Map<string, Set<number>>();
  for (const k of await q.execute()) {
    const unit = answerUnitKey(k.response_id, k.question_id);
    const set = units.get(unit) ?? new Set<number>();
    for (let id: string | null = k.code_id; id; id = input.withDescendants ? (byId.get(id)?.parentId ?? null) : null) {
      const i = index.get(id);
      if (i !== undefined) set.add(i);
    }
    if (set.size > 0) units.set(unit, set);
  }
  const counts = codes.map(() => codes.map(() => 0));
  for (const set of units.values()) {
    const list = [...set];
    for (const i of list) for (const j of list) counts[i][j]++;
  }
  const pairs: Cooccurrence['pairs'] = [];
  for (let i = 0; i < codes.length; i++) {
    for (let j = i + 1; j < codes.length; j++) if (counts[i][j] > 0) pairs.push({ a: codes[i].id, b: codes[j].id, count: counts[i][j] });
  }
  pairs.sort((x, y) => y.count - x.count || index.get(x.a)! - index.get(y.a)! || index.get(x.b)! - index.get(y.b)!);
  return {
    unit: 'answer',
    questionId: input.questionId ?? null,
    codes: codes.map((c) => ({ id: c.id, name: c.name, path: c.path })),
    counts,
    pairs,
    codedAnswers: units.size,
  };
}
