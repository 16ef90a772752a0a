// A keyword-in-context snippet with its hits marked; "…" where the answer
// text goes on before or after the window.
import type { ReactNode } from 'react';
import type { SearchHit } from '../../../../src-shared/search';

export function Snippet({ hit }: { hit: Pick<SearchHit, 'snippet' | 'highlights' | 'snippetStart' | 'snippetEnd' | 'textLength'> }) {
  const parts: ReactNode[] = [];
  let at = 0;
  const ranges = [...hit.highlights].sort((a, b) => a.start - b.start);
  ranges.forEach((r, i) => {
    const start = Math.max(r.start, at);
    if (r.end <= start) return;
    if (start > at) parts.push(hit.snippet.slice(at, start));
    parts.push(
      <mark key={i} data-testid="search-mark">
        {hit.snippet.slice(start, r.end)}
      </mark>,
    );
    at = r.end;
  });
  if (at < hit.snippet.length) parts.push(hit.snippet.slice(at));
  return (
    <p className="search-snippet" data-testid="search-snippet">
      {hit.snippetStart > 0 && '… '}
      {parts}
      {hit.snippetEnd < hit.textLength && ' …'}
    </p>
  );
}
