// Project figures computed from the database on every call, never cached.
import type { ProjectStats } from '../../../src-shared/domain';
import { isUndistributedAnswerText } from '../../../src-shared/letter-blocks';
import type { Store } from '../store/open';

export async function projectStats(store: Store): Promise<ProjectStats> {
  const { db } = store;
  const count = async (table: 'question' | 'municipality' | 'police_district' | 'coding' | 'finding' | 'finding_link') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  const responses = await db
    .selectFrom('response')
    .select((eb) => ['is_current', eb.fn.countAll<number>().as('n')])
    .groupBy('is_current')
    .execute();
  const respondents = await db
    .selectFrom('respondent')
    .select((eb) => ['match_status', eb.fn.countAll<number>().as('n')])
    .groupBy('match_status')
    .execute();
  // Answers of current responses, per question in the letter's order.
  const questions = await db.selectFrom('question').select(['id', 'ordinal']).orderBy('ordinal').execute();
  const answers = await db
    .selectFrom('answer as a')
    .innerJoin('response as r', 'r.id', 'a.response_id')
    .where('r.is_current', '=', 1)
    .where((eb) => eb(eb.fn('length', [eb.fn('trim', ['a.text'])]), '>', 0))
    .select((eb) => ['a.question_id', eb.fn.count<number>(eb.fn('distinct', ['a.response_id'])).as('n')])
    .groupBy('a.question_id')
    .execute();
  const answerCount = new Map(answers.map((a) => [a.question_id, Number(a.n)]));
  // Text not assigned to a question counts only when it may be an answer: a
  // letterhead or a signature is kept and shown, but waits for no one.
  const unassignedParts = await db
    .selectFrom('answer as a')
    .innerJoin('response as r', 'r.id', 'a.response_id')
    .where('r.is_current', '=', 1)
    .where('a.question_id', 'is', null)
    .select(['a.response_id', 'a.text'])
    .execute();
  const undistributed = new Set(unassignedParts.filter((p) => isUndistributedAnswerText(p.text)).map((p) => p.response_id));
  const byCurrent = new Map(responses.map((r) => [String(r.is_current), Number(r.n)]));
  const byMatch = new Map(respondents.map((r) => [r.match_status, Number(r.n)]));

  return {
    questions: await count('question'),
    municipalities: await count('municipality'),
    policeDistricts: await count('police_district'),
    responses: { current: byCurrent.get('1') ?? 0, superseded: byCurrent.get('0') ?? 0 },
    respondents: {
      matched: byMatch.get('matched') ?? 0,
      unmatched: byMatch.get('unmatched') ?? 0,
      ambiguous: byMatch.get('ambiguous') ?? 0,
    },
    answers: {
      byQuestion: questions.map((q) => answerCount.get(q.id) ?? 0),
      unassigned: undistributed.size,
    },
    codings: await count('coding'),
    findings: await count('finding'),
    findingLinks: await count('finding_link'),
  };
}
