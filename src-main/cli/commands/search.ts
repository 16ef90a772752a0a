// innspill search (synopsis and options: ../help.ts).
// Full-text search over the answers (query syntax: src-shared/search.ts).
// A query that starts with "-" goes after "--": innspill search f.innspill -- "-lensmann politi"
import type { SearchHit } from '../../../src-shared/search';
import { UsageError } from '../errors';
import { usage } from '../help';
import { parser, type Command } from './parser';

const USAGE = usage('search');
/** The API's largest page; the command pages through all hits unless --limit is given. */
const PAGE = 1000;

/** The snippet with its hits in [brackets], and … where it is cut from the answer. */
function marked(hit: SearchHit): string {
  let out = '';
  let at = 0;
  for (const h of hit.highlights) {
    out += hit.snippet.slice(at, h.start) + '[' + hit.snippet.slice(h.start, h.end) + ']';
    at = h.end;
  }
  out += hit.snippet.slice(at);
  const before = hit.snippetStart > 0 ? '…' : '';
  const after = hit.snippetEnd < hit.textLength ? '…' : '';
  return before + out + after;
}

export const search: Command = {
  parse: parser(
    { json: { type: 'boolean', default: false }, limit: { type: 'string' }, 'include-superseded': { type: 'boolean', default: false } },
    { min: 2, max: 2, usage: USAGE },
  ),
  async run({ positionals, values }, ctx) {
    let limit = Number.POSITIVE_INFINITY;
    if (values.limit !== undefined) {
      limit = Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number of at least 1. Usage: ${USAGE}`);
    }
    await ctx.call('project.open', { path: ctx.projectPath(positionals[0]) });
    const query = positionals[1];
    const includeSuperseded = values['include-superseded'] === true;
    const hits: SearchHit[] = [];
    let total = 0;
    // Respondents over all hits: counted from the first page's groups (every hit, not just those shown).
    let respondents: number | null = null;
    for (;;) {
      const first = hits.length === 0;
      const page = await ctx.call('search.query', { query, includeSuperseded, offset: hits.length, limit: Math.min(PAGE, limit - hits.length), groups: first });
      total = page.total;
      if (first && page.groups) respondents = new Set(page.groups.map((g) => g.respondentId)).size;
      hits.push(...page.hits);
      if (page.hits.length === 0 || hits.length >= Math.min(total, limit)) break;
    }

    if (values.json) {
      const out = {
        hits: hits.map((h) => ({
          kommunenummer: h.kommunenummer,
          respondent: h.respondent,
          municipality: h.municipalityName,
          question: h.question,
          snippet: h.snippet,
          highlights: h.highlights,
          answerId: h.answerId,
          hitRanges: h.hitRanges,
          ...(includeSuperseded ? { isCurrent: h.isCurrent } : {}),
        })),
        total,
      };
      ctx.io.out(JSON.stringify(out, null, 2) + '\n');
      return 0;
    }

    const lines: string[] = [];
    const shownFrom = new Set(hits.map((h) => h.respondentId)).size;
    const from = respondents ?? shownFrom;
    const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    // With --limit the first line still gives the whole result, then what is shown of it.
    const shown = hits.length < total ? ` (showing the first ${hits.length}, from ${count(shownFrom, 'respondent', 'respondents')})` : '';
    lines.push(`${count(total, 'answer', 'answers')} with hits for ${JSON.stringify(query)}, from ${count(from, 'respondent', 'respondents')}${shown}`);
    let respondent: string | null = null;
    for (const h of hits) {
      if (h.respondentId !== respondent) {
        respondent = h.respondentId;
        const where = h.kommunenummer ? `${h.municipalityName} (${h.kommunenummer})` : h.respondent;
        const name = h.kommunenummer && h.respondent !== `${h.municipalityName} kommune` ? ` — ${h.respondent}` : '';
        lines.push('', `${where}${name}${h.isCurrent ? '' : ' [superseded version]'}`);
      }
      const label = h.question === null ? 'Unassigned' : `Q${h.question}`;
      lines.push(`  ${label.padEnd(10)} ${marked(h)}`);
    }
    ctx.io.out(lines.join('\n') + '\n');
    return 0;
  },
};
