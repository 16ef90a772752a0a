// Shared passages among the current responses: runs of ≥ 20 words (tolerant of
// small edits) that occur in two or more respondents' answers, grouped by
// passage — the passage once, who has it and where, who had it first by date
// received — and coding a passage group at once (each member's span, one
// undoable action). The finding itself is in passages.ts.
import type { Kysely } from 'kysely';
import type { CodeGroupResult, SharedPassageGroup, SharedPassageMember, SharedPassagesResult } from '../../../src-shared/analysis';
import { ApiError } from '../../../src-shared/errors';
import { norwegianCompare } from '../../../src-shared/norwegian';
import { ChangeSet } from '../audit/changes';
import { createCodingIn } from '../coding/service';
import type { CoreDeps } from '../deps';
import type { DB } from '../store/schema';
import { DEFAULT_MIN_WORDS, findPassages } from './passages';
import { currentAnswers } from './shared-text';

export async function sharedPassages(db: Kysely<DB>, input: { minWords?: number } = {}): Promise<SharedPassagesResult> {
  const minWords = input.minWords ?? DEFAULT_MIN_WORDS;
  if (!(Number.isInteger(minWords) && minWords >= 8)) throw new ApiError('INVALID_INPUT', 'A passage is at least 8 words');
  const rows = await currentAnswers(db)
    .select(['a.id', 'a.response_id', 'a.text', 'q.ordinal', 'r.received_date', 'p.id as respondent_id', 'p.name as respondent_name', 'm.number', 'm.name'])
    // Fewer characters cannot hold minWords words.
    .where((eb) => eb(eb.fn('length', ['a.text']), '>=', minWords * 2))
    .orderBy('a.id')
    .execute();
  const owners = new Map<string, number>();
  const docs = rows.map((row) => {
    const key = row.number ? `m:${row.number}` : `r:${row.respondent_id}`;
    let owner = owners.get(key);
    if (owner === undefined) owners.set(key, (owner = owners.size));
    return { text: row.text, owner };
  });
  const found = findPassages(docs, minWords);
  const groups: SharedPassageGroup[] = found.groups.map((g) => {
    const members: SharedPassageMember[] = g.spans.map((s) => {
      const row = rows[s.doc];
      const t = found.tokens[s.doc];
      const start = t.starts[s.from];
      const end = t.ends[s.to - 1];
      return {
        answerId: row.id,
        responseId: row.response_id,
        respondentName: row.respondent_name,
        municipality: row.number ? { number: row.number, name: row.name! } : null,
        questionOrdinal: row.ordinal,
        receivedDate: row.received_date,
        start,
        end,
        words: s.to - s.from,
        text: row.text.slice(start, end),
        first: false,
      };
    });
    const dates = members.map((m) => m.receivedDate).filter((d): d is string => d !== null).sort();
    const earliest = dates[0] ?? null;
    for (const m of members) m.first = earliest !== null && m.receivedDate === earliest;
    members.sort(
      (a, b) =>
        (a.receivedDate ?? '9999').localeCompare(b.receivedDate ?? '9999') ||
        norwegianCompare(a.municipality?.name ?? a.respondentName, b.municipality?.name ?? b.respondentName) ||
        a.answerId.localeCompare(b.answerId) ||
        a.start - b.start,
    );
    const shown = members[0];
    return { id: `${shown.answerId}:${shown.start}`, text: shown.text, words: shown.words, respondents: g.owners, members };
  });
  groups.sort((a, b) => b.respondents - a.respondents || b.words - a.words || a.id.localeCompare(b.id));
  return { minWords, answersCompared: docs.length, groups };
}

/**
 * Codes every member span of a passage group with one code, in one
 * transaction and one ChangeSet: one undo removes them all. A span already
 * coded with the code is left as it is.
 */
export async function codePassages(
  db: Kysely<DB>,
  deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>,
  input: { spans: { answerId: string; start: number; end: number }[]; codeId: string },
): Promise<CodeGroupResult> {
  return db.transaction().execute(async (trx) => {
    const c = new ChangeSet(trx, deps, 'coding.createPassageGroup');
    const codingIds: string[] = [];
    let created = 0;
    for (const span of input.spans) {
      const before = c.changes;
      const coding = await createCodingIn(c, { answerId: span.answerId, codeId: input.codeId, start: span.start, end: span.end });
      codingIds.push(coding.id);
      if (c.changes > before) created++;
    }
    return { created, unchanged: input.spans.length - created, codingIds };
  });
}
