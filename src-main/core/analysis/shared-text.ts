// Shared text: answers that are identical or nearly identical across
// different respondents (joint statements, copied paragraphs), among the
// answer parts of current responses at least `minLength` characters long.
// See minhash.ts for the method; a group is a connected set of answers whose
// pairs were verified at Jaccard ≥ threshold on 5-word shingles, spanning at
// least two respondents (a municipality, or another respondent). Coding a
// group codes every member answer as a whole, as one undoable action.
import type { Kysely } from 'kysely';
import type { CodeGroupResult, SharedTextGroup, SharedTextMember, SharedTextResult } from '../../../src-shared/analysis';
import { ApiError } from '../../../src-shared/errors';
import { norwegianCompare } from '../../../src-shared/norwegian';
import { ChangeSet } from '../audit/changes';
import { createCodingIn } from '../coding/service';
import type { CoreDeps } from '../deps';
import type { DB } from '../store/schema';
import { excerptOf, textVariants } from './variants';
import { exactKey, jaccard, shingles, similarGroups, SHINGLE_SIZE, wordHashes, type SimilarityDoc } from './minhash';

export const DEFAULT_THRESHOLD = 0.8;
/** Shorter answers ("Nei.", "Ja, se over.") are alike without being shared text. */
export const DEFAULT_MIN_LENGTH = 100;

export interface SharedTextInput {
  threshold?: number;
  minLength?: number;
}

/**
 * The answer parts of current responses with their response (r), respondent (p),
 * municipality (m, if matched) and question (q, if assigned): what shared text
 * and shared passages compare.
 */
export function currentAnswers(db: Kysely<DB>) {
  return db
    .selectFrom('answer as a')
    .innerJoin('response as r', 'r.id', 'a.response_id')
    .innerJoin('respondent as p', 'p.id', 'r.respondent_id')
    .leftJoin('municipality as m', 'm.number', 'p.municipality_number')
    .leftJoin('question as q', 'q.id', 'a.question_id')
    .where('r.is_current', '=', 1);
}

export async function sharedText(db: Kysely<DB>, input: SharedTextInput = {}): Promise<SharedTextResult> {
  const threshold = input.threshold ?? DEFAULT_THRESHOLD;
  const minLength = input.minLength ?? DEFAULT_MIN_LENGTH;
  if (!(threshold > 0 && threshold <= 1)) throw new ApiError('INVALID_INPUT', 'The threshold is a similarity between 0 and 1');
  const rows = await currentAnswers(db)
    .select(['a.id', 'a.response_id', 'a.question_id', 'a.text', 'q.ordinal', 'p.id as respondent_id', 'p.name as respondent_name', 'm.number', 'm.name'])
    .where((eb) => eb(eb.fn('length', [eb.fn('trim', ['a.text'])]), '>=', minLength))
    .orderBy('a.id')
    .execute();
  const owners = new Map<string, number>();
  const docs: SimilarityDoc[] = rows.map((row) => {
    const ownerKey = row.number ? `m:${row.number}` : `r:${row.respondent_id}`;
    let owner = owners.get(ownerKey);
    if (owner === undefined) owners.set(ownerKey, (owner = owners.size));
    const list = wordHashes(row.text);
    return { shingles: shingles(list, SHINGLE_SIZE), key: exactKey(list), owner };
  });
  const found = similarGroups(docs, threshold);
  const member = (i: number): SharedTextMember => {
    const row = rows[i];
    return {
      answerId: row.id,
      responseId: row.response_id,
      respondentName: row.respondent_name,
      municipality: row.number ? { number: row.number, name: row.name! } : null,
      questionId: row.question_id,
      questionOrdinal: row.ordinal,
      excerpt: excerptOf(row.text),
      length: row.text.length,
    };
  };
  const textOf = new Map(rows.map((r) => [r.id, r.text]));
  const groups: SharedTextGroup[] = found.groups.map((g) => {
    const members = g.members
      .map(member)
      .sort(
        (a, b) =>
          norwegianCompare(a.municipality?.name ?? a.respondentName, b.municipality?.name ?? b.respondentName) ||
          (a.questionOrdinal ?? 99) - (b.questionOrdinal ?? 99) ||
          a.answerId.localeCompare(b.answerId),
      );
    return {
      id: g.members.map((i) => rows[i].id).sort()[0],
      members,
      respondents: g.owners,
      minSimilarity: g.minSimilarity,
      avgSimilarity: g.avgSimilarity,
      identical: g.identical,
      variants: textVariants(members.map((m) => ({ answerId: m.answerId, text: textOf.get(m.answerId) ?? '' }))),
    };
  });
  groups.sort((a, b) => b.respondents - a.respondents || b.members.length - a.members.length || a.id.localeCompare(b.id));
  return {
    threshold,
    minLength,
    shingleSize: SHINGLE_SIZE,
    bands: found.bands,
    rows: found.rows,
    answersCompared: docs.filter((d) => d.shingles.length > 0).length,
    candidatePairs: found.candidatePairs,
    similarPairs: found.similarPairs,
    groups,
  };
}

/** Similarity of two texts as sharedText measures it (for tests and the UI's "compare"). */
export function textSimilarity(a: string, b: string): number {
  return jaccard(shingles(wordHashes(a)), shingles(wordHashes(b)));
}

/**
 * Codes every answer of a group with one code, each as a whole answer, in
 * one transaction and one ChangeSet: one undo removes them all. An answer
 * already coded whole with the code is left as it is.
 */
export async function codeGroup(
  db: Kysely<DB>,
  deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>,
  input: { groupAnswerIds: string[]; codeId: string },
): Promise<CodeGroupResult> {
  const answerIds = [...new Set(input.groupAnswerIds)];
  return db.transaction().execute(async (trx) => {
    const c = new ChangeSet(trx, deps, 'coding.createGroup');
    const codingIds: string[] = [];
    let created = 0;
    for (const answerId of answerIds) {
      const before = c.changes;
      const coding = await createCodingIn(c, { answerId, codeId: input.codeId });
      codingIds.push(coding.id);
      if (c.changes > before) created++;
    }
    return { created, unchanged: answerIds.length - created, codingIds };
  });
}
