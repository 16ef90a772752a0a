// "Svar": the responses, current versions by default, with filters (police
// district, county, match status, needs splitting, text) and a count line.
// The core filters, sorts and counts (responses.page); the list loads a page
// at a time as the table scrolls near its end (or "Vis flere" is pressed), and
// the table is virtualised so 100,000 rows scroll smoothly.
import { Button, Field, Heading, Label, Paragraph, Select, Switch, Table, Textfield } from '@digdir/designsystemet-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../../src-shared/contract';
import type { MatchStatus, ResponseSortKey } from '../../../../src-shared/domain';
import { useApiQueries } from '../../api';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { formatDate, formatNumber } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { useCase } from '../case/caseContext';
import { AnsweredQuestions, ResponseFlags, StatusTag } from './ResponseBits';
import { emptyResponseFilter, isResponseFilterActive, type ResponseFilter } from './responseFilter';
import { PoliceDistrictFilter, CountyFilter } from '../FilterSelect';
import { AssigneeFilter } from '../team/AssigneeFilter';
import { PersonalDataFilter } from '../personal/PersonalData';
import { ScrollRegion } from '../ScrollRegion';
import { pageCursors, rowsOfPages, sameCursors } from './listPages';

type SortKey = ResponseSortKey;
interface Sort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

/** Rows per page; a page more is asked for when the table is scrolled within NEAR_END rows of what it holds. */
const PAGE_SIZE = 100;
const NEAR_END = 30;

const SEARCH_DELAY_MS = 150;

/** "1804 · Bodø kommune v/ rådmannen": the number, and the sender's own wording when it adds something. */
function sentAs(number: string, name: string, respondentName: string): string {
  const plain = respondentName.trim().toLocaleLowerCase('nb');
  const n = name.toLocaleLowerCase('nb');
  return plain === n || plain === `${n} kommune` ? number : `${number} · ${respondentName}`;
}
const COLUMNS = 7;

interface Props {
  filter: ResponseFilter;
  onFilterChange: (filter: ResponseFilter) => void;
  /** The ids in the order shown, for previous/next in a response. */
  onOrderChange: (ids: string[]) => void;
  onOpen: (id: string) => void;
}

export function ResponseList({ filter, onFilterChange, onOrderChange, onOpen }: Props) {
  const { t } = useTranslation();
  const { project, navigate } = useCase();
  const headingId = useId();
  const statusId = useId();
  const [sort, setSort] = useState<Sort>({ key: 'name', direction: 'ascending' });
  const query = useDebouncedValue(filter.query, SEARCH_DELAY_MS);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The filter and order of the list; its pages start where the page before ends.
  const base = useMemo(
    () => ({
      includeSuperseded: filter.includeSuperseded || undefined,
      policeDistrictCode: filter.policeDistrictCode || undefined,
      countyNumber: filter.countyNumber || undefined,
      needsSplitting: filter.needsSplitting || undefined,
      matchStatus: filter.matchStatus || undefined,
      query: query.trim() || undefined,
      assignee: filter.assignee || undefined,
      personal: filter.personal || undefined,
      sort,
      limit: PAGE_SIZE,
    }),
    [filter, query, sort],
  );
  // The cursors belong to one filter and order: another one starts again at the first page.
  const [paging, setPaging] = useState<{ base: typeof base; cursors: (string | null)[] }>({ base, cursors: [null] });
  const cursors = paging.base === base ? paging.cursors : [null];
  const inputs = useMemo<MethodInput<'responses.page'>[]>(() => cursors.map((cursor) => ({ ...base, cursor })), [base, cursors]);
  // The rows of the last filter stay while the next filter's load.
  const queries = useApiQueries('responses.page', inputs, { keepPrevious: true });
  // pageKey (when each page last arrived) stands for the pages, a new array every render.
  const pageKey = queries.map((q) => `${q.dataUpdatedAt}${q.isPlaceholderData ? 'p' : ''}`).join();
  const pages = useMemo(() => queries.map((q) => q.data), [pageKey]);
  const first = pages[0] ?? null;
  const error = queries.find((q) => q.error)?.error ?? null;
  const loading = queries.some((q) => q.isFetching);
  const sorted = useMemo(() => rowsOfPages(pages), [pages]);
  const total = first?.total ?? 0;
  const hasMore = sorted.length < total && pages[pages.length - 1]?.nextCursor != null;

  // After a change a page may end elsewhere: the next page then starts there.
  useEffect(() => {
    const next = pageCursors(cursors, pages);
    if (!sameCursors(next, cursors)) setPaging({ base, cursors: next });
  }, [base, cursors, pages]);

  const loadMore = () => {
    const last = pages[pages.length - 1];
    if (!last?.nextCursor || queries.some((q) => q.isFetching)) return;
    setPaging({ base, cursors: [...cursors, last.nextCursor] });
  };

  useEffect(() => onOrderChange(sorted.map((r) => r.id)), [sorted, onOrderChange]);

  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 57,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items.length > 0 ? items[0].start : 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;

  const lastShown = items.length > 0 ? items[items.length - 1].index : -1;
  // Scrolled near the end of what is loaded: the next page.
  useEffect(() => {
    if (hasMore && lastShown >= sorted.length - NEAR_END) loadMore();
  });

  const municipalityCount = first?.municipalities ?? 0;
  const others = first?.others ?? 0;
  const active = isResponseFilterActive(filter);

  const header = (key: SortKey, label: string) => (
    <Table.HeaderCell
      scope="col"
      sort={sort.key === key ? sort.direction : 'none'}
      onClick={() => setSort((s) => (s.key === key ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: 'ascending' }))}
      data-testid={`responses-sort-${key}`}
    >
      {label}
    </Table.HeaderCell>
  );

  const set = (patch: Partial<ResponseFilter>) => onFilterChange({ ...filter, ...patch });

  return (
    <section className="stack" aria-labelledby={headingId} data-testid="responses-view">
      <div className="view-header">
        <Heading level={2} data-size="sm" id={headingId}>
          {t('responses.heading')}
        </Heading>
        <Button data-size="sm" variant="secondary" onClick={() => navigate({ view: 'import' })} data-testid="responses-import">
          {t('responses.import')}
        </Button>
      </div>

      <div className="filters filters--responses" role="search" aria-label={t('responses.filtersLabel')}>
        <Textfield
          data-size="sm"
          className="filters__search"
          type="search"
          label={t('responses.search')}
          value={filter.query}
          onChange={(e) => set({ query: e.target.value })}
          autoComplete="off"
          spellCheck={false}
          data-testid="responses-search"
        />
        <PoliceDistrictFilter value={filter.policeDistrictCode} onChange={(value) => set({ policeDistrictCode: value })} data-testid="responses-district-filter" />
        <CountyFilter value={filter.countyNumber} onChange={(value) => set({ countyNumber: value })} data-testid="responses-county-filter" />
        <Field data-size="sm">
          <Label htmlFor={statusId}>{t('responses.matchFilter')}</Label>
          <Select id={statusId} value={filter.matchStatus} onChange={(e) => set({ matchStatus: e.target.value as MatchStatus | '' })} data-testid="responses-match-filter">
            <Select.Option value="">{t('responses.matchAll')}</Select.Option>
            <Select.Option value="matched">{t('matchStatus.matched')}</Select.Option>
            <Select.Option value="ambiguous">{t('matchStatus.ambiguous')}</Select.Option>
            <Select.Option value="unmatched">{t('matchStatus.unmatched')}</Select.Option>
          </Select>
        </Field>
        <AssigneeFilter value={filter.assignee} onChange={(value) => set({ assignee: value })} data-testid="responses-assignee-filter" />
        <PersonalDataFilter value={filter.personal} onChange={(value) => set({ personal: value })} data-testid="responses-personal-filter" />
      </div>
      <div className="filters-row">
        <Switch
          data-size="sm"
          label={t('responses.onlyNeedsSplitting')}
          checked={filter.needsSplitting}
          onChange={(e) => set({ needsSplitting: e.target.checked })}
          data-testid="responses-needs-splitting"
        />
        <Switch
          data-size="sm"
          label={t('responses.includeSuperseded')}
          checked={filter.includeSuperseded}
          onChange={(e) => set({ includeSuperseded: e.target.checked })}
          data-testid="responses-include-superseded"
        />
        <Button variant="tertiary" data-size="sm" onClick={() => onFilterChange(emptyResponseFilter)} disabled={!active} data-testid="responses-reset">
          {t('registry.reset')}
        </Button>
      </div>

      {error && <ErrorAlert title={t('responses.failed')} error={error} data-testid="responses-error" />}

      <Paragraph className="count-line" aria-live="polite" data-testid="responses-count">
        <strong>
          {t('responses.countLine', {
            responses: t('responses.nResponses', { count: total, formatted: formatNumber(total) }),
            municipalities: t('responses.nMunicipalities', { count: municipalityCount, formatted: formatNumber(municipalityCount) }),
          })}
        </strong>
        {others > 0 && <> {t('responses.others', { count: others, formatted: formatNumber(others) })}</>}
        {active && <span className="muted"> · {t('responses.filtered')}</span>}
      </Paragraph>

      <ScrollRegion className="table-scroll table-scroll--tall" ref={scrollRef} label={t('responses.heading')} aria-busy={loading || undefined}>
        <Table
          stickyHeader
          border
          hover
          data-size="sm"
          className="responses-table"
          data-testid="responses-table"
          aria-rowcount={total + 1}
        >
          <caption className="ds-sr-only">{t('responses.caption')}</caption>
          <Table.Head>
            <Table.Row aria-rowindex={1}>
              {header('name', t('responses.columns.respondent'))}
              {header('county', t('responses.columns.county'))}
              {header('district', t('responses.columns.district'))}
              {header('received', t('responses.columns.received'))}
              <Table.HeaderCell scope="col">{t('responses.columns.answered')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('responses.columns.flags')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('responses.columns.status')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {padTop > 0 && (
              <tr aria-hidden className="virtual-pad">
                <td colSpan={COLUMNS} style={{ height: padTop }} />
              </tr>
            )}
            {items.map((item) => {
              const r = sorted[item.index];
              return (
                <Table.Row
                  key={r.id}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  className={`response-row${r.isCurrent ? '' : ' response-row--superseded'}`}
                  onClick={() => onOpen(r.id)}
                  data-testid="response-row"
                  data-id={r.id}
                  data-municipality={r.municipality?.number ?? undefined}
                  data-match-status={r.matchStatus}
                >
                  <Table.HeaderCell scope="row" className="row-header">
                    <button
                      type="button"
                      className="link-button"
                      onClick={(e) => {
                        e.stopPropagation();
                        onOpen(r.id);
                      }}
                      data-testid="response-open"
                    >
                      {r.municipality ? r.municipality.name : r.respondentName}
                    </button>
                    <span className="official-name">
                      {r.municipality
                        ? sentAs(r.municipality.number, r.municipality.name, r.respondentName)
                        : r.matchStatus === 'ambiguous'
                          ? t('responses.ambiguousRespondent')
                          : r.countyCouncil
                            ? t('responses.countyCouncil')
                            : t('responses.otherRespondent')}
                    </span>
                  </Table.HeaderCell>
                  <Table.Cell>{r.municipality?.countyName ?? '–'}</Table.Cell>
                  <Table.Cell>{r.municipality?.policeDistrictName ?? '–'}</Table.Cell>
                  <Table.Cell className="nowrap">{r.receivedDate ? formatDate(r.receivedDate) : '–'}</Table.Cell>
                  <Table.Cell>
                    <AnsweredQuestions answered={r.answered} total={project.questions.length} hasUnassigned={r.hasUnassigned} />
                  </Table.Cell>
                  <Table.Cell>
                    <ResponseFlags response={r} />
                  </Table.Cell>
                  <Table.Cell>
                    <StatusTag status={r.status} />
                  </Table.Cell>
                </Table.Row>
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden className="virtual-pad">
                <td colSpan={COLUMNS} style={{ height: padBottom }} />
              </tr>
            )}
          </Table.Body>
        </Table>
        {hasMore && (
          <div className="list-more">
            <Button variant="secondary" data-size="sm" onClick={loadMore} disabled={loading} data-testid="responses-more">
              {t('responses.showMore', { shown: formatNumber(sorted.length), total: formatNumber(total) })}
            </Button>
          </div>
        )}
        {first !== null && total === 0 && (
          <div className="empty-table" data-testid="responses-empty">
            <Paragraph className="muted">{active ? t('responses.emptyFiltered') : t('responses.empty')}</Paragraph>
            {!active && (
              <Button data-size="sm" onClick={() => navigate({ view: 'import' })}>
                {t('responses.import')}
              </Button>
            )}
          </div>
        )}
      </ScrollRegion>
    </section>
  );
}
