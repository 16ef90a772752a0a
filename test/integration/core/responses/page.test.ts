// The response list in pages (responses.page, #20) on a real project file:
// for any filter, sort and page size, the pages laid end to end hold each
// response of the filter exactly once, in the order the list showed before
// (Norwegian, ties newest first), with the whole list's counts; and the
// filters, now all in SQL, keep the same responses the list kept when the
// name search and the personal-data filter ran in JavaScript.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../../src-shared/contract';
import type { ResponseSortKey, ResponseSummary } from '../../../../src-shared/domain';
import { norwegianCompare } from '../../../../src-shared/norwegian';
import { expectApiError } from '../../../helpers/api';
import { codingProject, type CodingProject } from '../../../helpers/coding';

/** Municipalities and other senders (æ/ø/å, "Aa", case) answering on dates, some twice, some with personal data. */
function rows(): string[][] {
  const senders: [string, string][] = [
    ['1804', 'Bodø kommune'],
    ['3403', 'Hamar kommune'],
    ['0301', 'Oslo kommune'],
    ['4601', 'Bergen kommune'],
    ['5001', 'Trondheim kommune'],
    ['1103', 'Stavanger kommune'],
    ['3201', 'Bærum kommune'],
    ['1508', 'Ålesund kommune'],
    ['5501', 'Tromsø kommune'],
    ['3301', 'Drammen kommune'],
    ['', 'Aasen Advokatfirma'],
    ['', 'Øyvind Ås'],
    ['', 'politiets fellesforbund'],
    ['', 'Ærlig Talt AS'],
    ['', 'Naturvernforbundet i Bodø'],
    ['', 'Zeta Sikkerhet'],
    ['', 'aasen bygdelag'],
  ];
  const out: string[][] = [];
  for (let i = 0; i < 48; i++) {
    const [number, name] = senders[(i * 7) % senders.length];
    const day = String(1 + ((i * 5) % 28)).padStart(2, '0');
    const date = i % 9 === 4 ? '' : `${day}.0${5 + (i % 2)}.2022`;
    const private_ = i % 6 === 1 ? 'Ring meg på 912 34 567.' : i % 10 === 3 ? 'Skriv til kari.nordmann@online.no.' : 'Ingen merknader.';
    out.push([number, name, date, `Svar ${i} om beredskap.`, private_, '', 'Nei.', 'Ja.']);
  }
  return out;
}

let p: CodingProject;
let all: ResponseSummary[];
beforeAll(async () => {
  p = await codingProject({ rows: rows() });
  all = await p.api.responses.list({ includeSuperseded: true });
}, 60_000);
afterAll(() => p.cleanup());

type Filter = MethodInput<'responses.list'>;
type Sort = { key: ResponseSortKey; direction: 'ascending' | 'descending' };

const nameOf = (r: ResponseSummary) => r.municipality?.name ?? r.respondentName;
/** The order the list's table sorted in before paging (missing county or district last when ascending). */
const before: Record<ResponseSortKey, (a: ResponseSummary, b: ResponseSummary) => number> = {
  name: (a, b) => norwegianCompare(nameOf(a), nameOf(b)),
  county: (a, b) =>
    (a.municipality ? 0 : 1) - (b.municipality ? 0 : 1) || norwegianCompare(a.municipality?.countyName ?? '', b.municipality?.countyName ?? '') || norwegianCompare(nameOf(a), nameOf(b)),
  district: (a, b) =>
    (a.municipality ? 0 : 1) - (b.municipality ? 0 : 1) ||
    norwegianCompare(a.municipality?.policeDistrictName ?? '', b.municipality?.policeDistrictName ?? '') ||
    norwegianCompare(nameOf(a), nameOf(b)),
  received: (a, b) => (a.receivedDate ?? '').localeCompare(b.receivedDate ?? '') || norwegianCompare(nameOf(a), nameOf(b)),
};

/** How the name search and the personal-data filter chose before they moved into SQL. */
function keptBefore(r: ResponseSummary, filter: Filter): boolean {
  const needle = filter.query?.trim().toLocaleLowerCase('nb');
  const byName =
    !needle ||
    r.respondentName.toLocaleLowerCase('nb').includes(needle) ||
    (r.municipality?.name ?? '').toLocaleLowerCase('nb').includes(needle) ||
    r.municipality?.number === needle;
  const found = r.personalData;
  const byPersonal =
    filter.personal === undefined ||
    (filter.personal === 'any' ? found.length > 0 : filter.personal === 'none' ? found.length === 0 : found.includes(filter.personal));
  const byRest =
    (filter.includeSuperseded || r.isCurrent) &&
    (!filter.matchStatus || r.matchStatus === filter.matchStatus) &&
    (!filter.countyNumber || r.municipality?.number.slice(0, 2) === filter.countyNumber);
  return byName && byPersonal && byRest;
}

async function allPages(filter: Filter, sort: Sort, limit: number): Promise<{ rows: ResponseSummary[]; totals: number[]; pages: number }> {
  const out: ResponseSummary[] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await p.api.responses.page({ ...filter, sort, limit, cursor });
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    if (page.nextCursor) expect(page.rows).toHaveLength(limit);
    out.push(...page.rows);
    totals.push(page.total);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 200);
  return { rows: out, totals, pages };
}

const filterArb: fc.Arbitrary<Filter> = fc.record(
  {
    query: fc.constantFrom('bodø', 'AASEN', 'kommune', 'ås', '1804', 'x'),
    personal: fc.constantFrom('any' as const, 'none' as const, 'telefon' as const, 'epost' as const),
    includeSuperseded: fc.boolean(),
    matchStatus: fc.constantFrom('matched' as const, 'unmatched' as const),
    countyNumber: fc.constantFrom('18', '46', '32'),
  },
  { requiredKeys: [] },
);
const sortArb: fc.Arbitrary<Sort> = fc.record({ key: fc.constantFrom<ResponseSortKey>('name', 'county', 'district', 'received'), direction: fc.constantFrom('ascending' as const, 'descending' as const) });

describe('responses.page', () => {
  it('has a fixture with what the filters and sorts need', () => {
    expect(all.length).toBe(48);
    expect(all.some((r) => !r.isCurrent)).toBe(true);
    expect(all.some((r) => r.personalData.includes('telefon')) && all.some((r) => r.personalData.includes('epost'))).toBe(true);
    expect(all.some((r) => r.receivedDate === null) && all.some((r) => r.municipality === null)).toBe(true);
  });

  it('lays the pages end to end: each response of the filter once, in order, with the whole count', async () => {
    await fc.assert(
      fc.asyncProperty(filterArb, sortArb, fc.integer({ min: 1, max: 20 }), async (filter, sort, limit) => {
        const expected = all.filter((r) => keptBefore(r, filter));
        const { rows: paged, totals, pages } = await allPages(filter, sort, limit);
        const ids = paged.map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect([...ids].sort()).toEqual(expected.map((r) => r.id).sort());
        expect(new Set(totals)).toEqual(new Set([expected.length]));
        expect(pages).toBe(Math.max(1, Math.ceil(expected.length / limit)));
        const sign = sort.direction === 'ascending' ? 1 : -1;
        for (let i = 1; i < paged.length; i++) {
          const a = paged[i - 1];
          const b = paged[i];
          const order = sign * before[sort.key](a, b);
          expect(order).toBeLessThanOrEqual(0);
          // Ties: newest import first, then id.
          if (order === 0) expect(a.importedAt > b.importedAt || (a.importedAt === b.importedAt && a.id < b.id)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('keeps the same responses as the whole list, filter by filter', async () => {
    const filters: Filter[] = [{}, { query: ' Bodø ' }, { query: 'aasen' }, { query: '1804' }, { personal: 'any' }, { personal: 'none' }, { personal: 'epost' }, { matchStatus: 'unmatched', includeSuperseded: true }];
    for (const filter of filters) {
      const list = await p.api.responses.list(filter);
      const page = await p.api.responses.page({ ...filter, limit: 1000 });
      expect(page.rows.map((r) => r.id)).toEqual(expect.arrayContaining(list.map((r) => r.id)));
      expect(page.total).toBe(list.length);
      expect(list.map((r) => r.id).sort()).toEqual(all.filter((r) => keptBefore(r, filter)).map((r) => r.id).sort());
      // The count line's figures: municipalities answering, and responses from others.
      expect(page.municipalities).toBe(new Set(list.flatMap((r) => (r.municipality ? [r.municipality.number] : []))).size);
      expect(page.others).toBe(list.filter((r) => !r.municipality).length);
    }
  });

  it('sorts æ, ø, å after z and "Aa" as å', async () => {
    const names = (await p.api.responses.page({ matchStatus: 'unmatched', limit: 1000 })).rows.map(nameOf);
    const distinct = names.filter((n, i) => names.indexOf(n) === i);
    expect(distinct).toEqual(['Naturvernforbundet i Bodø', 'politiets fellesforbund', 'Zeta Sikkerhet', 'Ærlig Talt AS', 'Øyvind Ås', 'Aasen Advokatfirma', 'aasen bygdelag']);
  });

  it('refuses a cursor it did not give out, with the contract error', async () => {
    await expectApiError(p.api.responses.page({ cursor: 'bm90IGEgY3Vyc29y' }), 'INVALID_INPUT');
  });
});
