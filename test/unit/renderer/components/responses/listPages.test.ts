// @vitest-environment happy-dom
// The Svar list's pages joined: cursors follow what each page now says, and
// the rows come end to end, each once, up to the first page still loading.
import { describe, expect, it } from 'vitest';
import type { ResponsePage, ResponseSummary } from '../../../../../src-shared/domain';
import { pageCursors, rowsOfPages, sameCursors } from '../../../../../src-renderer/src/components/responses/listPages';

const row = (id: string) => ({ id }) as ResponseSummary;
const page = (ids: string[], nextCursor: string | null): ResponsePage => ({ rows: ids.map(row), total: 9, municipalities: 1, others: 0, nextCursor });

describe('pageCursors', () => {
  it('starts each page where the page before it now ends', () => {
    expect(pageCursors([null, 'b', 'd'], [page(['a', 'x'], 'x'), page(['b', 'c'], 'c'), undefined])).toEqual([null, 'x', 'c']);
  });

  it('keeps the old start while the page before is loading, and stops after the last page', () => {
    expect(pageCursors([null, 'b', 'd'], [page(['a', 'b'], 'b'), undefined, undefined])).toEqual([null, 'b', 'd']);
    expect(pageCursors([null, 'b', 'd'], [page(['a', 'b'], null), page(['c'], 'c')])).toEqual([null]);
    expect(sameCursors(pageCursors([null], [page(['a'], 'a')]), [null])).toBe(true);
  });
});

describe('rowsOfPages', () => {
  it('joins the loaded pages in order, each response once, up to the first one loading', () => {
    expect(rowsOfPages([page(['a', 'b'], 'b'), page(['b', 'c'], 'c'), undefined, page(['z'], null)]).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});
