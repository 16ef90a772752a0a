// The Svar list's pages (responses.page) as one list: where each loaded page
// starts, kept in step with what the pages now say after a refetch (a page
// that grew or shrank moves the start of the next), and their rows end to end.
import type { ResponsePage, ResponseSummary } from '../../../../src-shared/domain';

/**
 * The cursors of the pages to load: the first page starts at null, each later
 * one where the page before it now ends (its `nextCursor`; the old start while
 * that page is still loading), and none after a page that says it is the last.
 */
export function pageCursors(current: readonly (string | null)[], pages: readonly (ResponsePage | undefined)[]): (string | null)[] {
  const out: (string | null)[] = [null];
  for (let i = 1; i < current.length; i++) {
    const before = pages[i - 1];
    if (before === undefined) out.push(current[i]);
    else if (before.nextCursor === null) break;
    else out.push(before.nextCursor);
  }
  return out;
}

/** The rows of the loaded pages in order, up to the first page not loaded yet, each response once. */
export function rowsOfPages(pages: readonly (ResponsePage | undefined)[]): ResponseSummary[] {
  const seen = new Set<string>();
  const rows: ResponseSummary[] = [];
  for (const page of pages) {
    if (!page) break;
    for (const row of page.rows) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      rows.push(row);
    }
  }
  return rows;
}

export const sameCursors = (a: readonly (string | null)[], b: readonly (string | null)[]) => a.length === b.length && a.every((c, i) => c === b[i]);
