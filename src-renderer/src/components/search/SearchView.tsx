// "Søk": full-text search over the answers (syntax in src-shared/search.ts),
// narrowed by the same filters as the response list. Hits are grouped by
// municipality and question, shown as keyword-in-context snippets with the
// hits marked, and each can be coded on the spot.
import { Button, Field, Heading, Input, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useId, useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { POPULATION_BANDS } from '../../../../src-shared/analysis';
import { RESPONSE_STATUSES } from '../../../../src-shared/domain';
import type { SearchHit } from '../../../../src-shared/search';
import { useApiMutation, useApiQuery } from '../../api';
import { formatNumber } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { useCase } from '../case/caseContext';
import { flattenTree } from '../coding/codeTree';
import { PoliceDistrictFilter, CountyFilter, FilterSelect } from '../FilterSelect';
import { PersonalDataFilter } from '../personal/PersonalData';
import { CodeChooser, type SpanKind } from './CodeChooser';
import { groupHits, toFilter, type FilterState, type SearchState } from './searchState';
import { Snippet } from './Snippet';
import './search.css';

const PAGE_SIZE = 50;

interface Props {
  state: SearchState;
  onStateChange: Dispatch<SetStateAction<SearchState>>;
}

export function SearchView({ state, onStateChange }: Props) {
  const { t } = useTranslation();
  const { project } = useCase();
  const ids = { q: useId(), v: useId(), s: useId() };
  const { text, query, filters, offset } = state;
  const setText = (value: string) => onStateChange((s) => ({ ...s, text: value }));
  const setQuery = (value: string) => onStateChange((s) => ({ ...s, query: value }));
  const setOffset = (value: number) => onStateChange((s) => ({ ...s, offset: value }));
  const [coding, setCoding] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const codes = useApiQuery('codebook.list', {}).data ?? [];
  const variables = useApiQuery('variables.list', {}).data ?? [];
  // The previous page stays while the next loads; a failed search shows no hits.
  const search = useApiQuery('search.query', query.trim() ? { query, filter: toFilter(filters), limit: PAGE_SIZE, offset } : null, { keepPrevious: true });
  const result = query.trim() && !search.error ? (search.data ?? null) : null;
  const loading = search.isFetching;
  const coder = useApiMutation('codings.create');
  const error = (query.trim() ? search.error : null) ?? coder.error;

  const setFilter = (patch: Partial<FilterState>) => onStateChange((s) => ({ ...s, filters: { ...s.filters, ...patch }, offset: 0 }));

  const groups = useMemo(() => groupHits(result?.hits ?? []), [result]);
  const flatCodes = useMemo(() => flattenTree(codes), [codes]);

  async function codeHit(hit: SearchHit, codeId: string, span: SpanKind) {
    // The chosen span around the first hit (the sentence by default); no hit: the whole answer part.
    const range = hit.spans?.[span];
    const coded = await coder.run(range ? { answerId: hit.answerId, codeId, start: range.start, end: range.end } : { answerId: hit.answerId, codeId });
    if (!coded) return;
    const name = codes.find((c) => c.id === codeId)?.name ?? '';
    setNotice(t('search.coded', { code: name, respondent: hit.municipalityName ?? hit.respondent }));
    setCoding(null);
  }

  return (
    <section className="stack search-view" data-testid="search-view">
      <Heading level={2} data-size="md">
        {t('search.heading')}
      </Heading>
      <form
        className="search-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setOffset(0);
          setQuery(text);
        }}
      >
        <Field>
          <Label htmlFor={ids.q}>{t('search.query')}</Label>
          <div className="search-form__row">
            <Input id={ids.q} value={text} onChange={(e) => setText(e.target.value)} data-testid="search-input" aria-describedby={`${ids.q}-help`} />
            <Button type="submit" data-testid="search-submit">
              {t('search.submit')}
            </Button>
          </div>
          <Paragraph data-size="xs" id={`${ids.q}-help`} className="search-help">
            {t('search.syntax')}
          </Paragraph>
        </Field>
      </form>
      <div className="filters" aria-label={t('search.filtersLabel')}>
        <PoliceDistrictFilter value={filters.policeDistrictCode} onChange={(value) => setFilter({ policeDistrictCode: value })} data-testid="search-district-filter" />
        <CountyFilter value={filters.countyNumber} onChange={(value) => setFilter({ countyNumber: value })} data-testid="search-county-filter" />
        <PersonalDataFilter value={filters.personal} onChange={(value) => setFilter({ personal: value })} data-testid="search-personal-filter" />
        <FilterSelect
          label={t('search.population')}
          allLabel={t('search.all')}
          value={filters.populationBand}
          options={POPULATION_BANDS.map((b) => ({ value: b.key, label: b.label }))}
          onChange={(value) => setFilter({ populationBand: value })}
          data-testid="search-population-filter"
        />
        <FilterSelect
          label={t('search.code')}
          allLabel={t('search.all')}
          value={filters.codeId}
          options={flatCodes.map((f) => ({ value: f.code.id, label: f.path }))}
          onChange={(value) => setFilter({ codeId: value })}
          data-testid="search-code-filter"
        />
        <Field data-size="sm">
          <Label htmlFor={ids.v}>{t('search.variable')}</Label>
          <Select id={ids.v} value={filters.variable} onChange={(e) => setFilter({ variable: e.target.value })} data-testid="search-variable-filter">
            <Select.Option value="">{t('search.all')}</Select.Option>
            {variables
              .filter((v) => v.options.length > 0)
              .map((v) => (
                <optgroup key={v.id} label={v.label}>
                  {v.options.map((o) => (
                    <Select.Option key={o.value} value={`${v.id}=${o.value}`}>
                      {o.label}
                    </Select.Option>
                  ))}
                </optgroup>
              ))}
          </Select>
        </Field>
        <Field data-size="sm">
          <Label htmlFor={ids.s}>{t('search.status')}</Label>
          <Select id={ids.s} value={filters.status} onChange={(e) => setFilter({ status: e.target.value })} data-testid="search-status-filter">
            <Select.Option value="">{t('search.all')}</Select.Option>
            {RESPONSE_STATUSES.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`responses.status.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      {error && <ErrorAlert title={t('search.failed')} error={error} data-testid="search-error" />}
      {notice && (
        <Paragraph data-size="sm" role="status" data-testid="search-notice">
          {notice}
        </Paragraph>
      )}
      {result && (
        <>
          <Paragraph data-testid="search-total" aria-live="polite">
            {t('search.total', { count: result.total, formatted: formatNumber(result.total) })}
          </Paragraph>
          {groups.map((g) => (
            <section key={g.key} className="search-group" data-testid="search-group">
              <Heading level={3} data-size="xs" data-testid="search-group-title">
                {g.title}
                {g.district && <span className="search-group__meta"> · {g.district}</span>}
              </Heading>
              {g.questions.map((q) => (
                <div key={String(q.question)} className="search-question">
                  <div className="search-question__label">{q.question === null ? t('search.unassigned') : t('search.question', { n: q.question })}</div>
                  <ul className="search-hits">
                    {q.hits.map((hit) => (
                      <li key={hit.answerId} className="search-hit" data-testid="search-hit" data-answer-id={hit.answerId}>
                        <Snippet hit={hit} />
                        <div className="search-hit__actions">
                          {coding === hit.answerId ? (
                            <CodeChooser
                              hit={hit}
                              codes={codes}
                              questionId={project.questions.find((q) => q.ordinal === hit.question)?.id ?? null}
                              onCancel={() => setCoding(null)} onPick={(id, span) => void codeHit(hit, id, span)} />
                          ) : (
                            <Button data-size="sm" variant="secondary" onClick={() => setCoding(hit.answerId)} data-testid="search-code-hit">
                              {t('search.codeHit')}
                            </Button>
                          )}
                        </div>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          ))}
          {result.total > PAGE_SIZE && (
            <div className="search-paging">
              <Button data-size="sm" variant="secondary" disabled={offset === 0 || loading} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))} data-testid="search-prev">
                {t('search.prev')}
              </Button>
              <span data-testid="search-page">
                {t('search.range', { from: offset + 1, to: Math.min(offset + PAGE_SIZE, result.total), total: result.total })}
              </span>
              <Button data-size="sm" variant="secondary" disabled={offset + PAGE_SIZE >= result.total || loading} onClick={() => setOffset(offset + PAGE_SIZE)} data-testid="search-next">
                {t('search.next')}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
