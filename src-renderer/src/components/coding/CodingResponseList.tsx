// The workspace's left column: progress ("143 av 220 ferdig"), the filters
// (status, and folded away: county, police district, code, variable value,
// coder) and a compact, virtualised list of the responses. The list is a
// listbox: j/k and the arrow keys move through it from anywhere.
import { Button, Field, Input, Label, Select } from '@digdir/designsystemet-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code, CodingProgress, Variable } from '../../../../src-shared/coding';
import { RESPONSE_STATUSES, type ResponseStatus, type ResponseSummary } from '../../../../src-shared/domain';
import type { UiError } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { useCase } from '../case/caseContext';
import { emptyCodingFilter, isCodingFilterActive, moreFilterCount, NOT_SET, type CodingFilter } from './codingFilter';
import { flattenTree } from './codeTree';
import { PoliceDistrictFilter, CountyFilter } from '../FilterSelect';
import { AssigneeFilter } from '../team/AssigneeFilter';

const ROW_HEIGHT = 46;

interface Props {
  rows: ResponseSummary[] | null;
  loading: boolean;
  error: UiError | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
  filter: CodingFilter;
  onFilterChange: (filter: CodingFilter) => void;
  progress: CodingProgress | null;
  codes: Code[];
  variables: Variable[];
  userName: string | null;
  searchRef: RefObject<HTMLInputElement | null>;
  listRef: RefObject<HTMLDivElement | null>;
}

export function CodingResponseList({
  rows,
  loading,
  error,
  selectedId,
  onSelect,
  filter,
  onFilterChange,
  progress,
  codes,
  variables,
  userName,
  searchRef,
  listRef,
}: Props) {
  const { t } = useTranslation();
  const { project } = useCase();
  const ids = {
    status: useId(),
    code: useId(),
    variable: useId(),
    value: useId(),
    coder: useId(),
    coders: useId(),
    list: useId(),
  };
  const more = moreFilterCount(filter);
  const [showMore, setShowMore] = useState(more > 0);
  const set = (patch: Partial<CodingFilter>) => onFilterChange({ ...filter, ...patch });
  const list = rows ?? [];
  const selectedIndex = selectedId ? list.findIndex((r) => r.id === selectedId) : -1;

  const virtualizer = useVirtualizer({
    count: list.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const flatCodes = useMemo(() => flattenTree(codes), [codes]);
  const variable = variables.find((v) => v.id === filter.variableId);
  const questionOrdinal = (id: string | null) => project.questions.find((q) => q.id === id)?.ordinal;

  const done = progress ? progress.byStatus.ferdig + progress.byStatus.kvalitetssikret : 0;
  const share = (n: number) => (progress && progress.total > 0 ? `${(n / progress.total) * 100}%` : '0%');

  return (
    <div className="cw-list" data-testid="coding-list-panel">
      <div className="cw-list__head">
        {progress && (
          <div className="cw-progress" data-testid="coding-progress" title={RESPONSE_STATUSES.map((s) => `${t(`responses.status.${s}`)}: ${formatNumber(progress.byStatus[s])}`).join('\n')}>
            <div className="cw-progress__line">
              <strong data-testid="coding-progress-text">{t('coding.list.progress', { done: formatNumber(done), total: formatNumber(progress.total) })}</strong>
              <span className="muted">{progress.byStatus.under_arbeid > 0 && t('coding.list.inProgress', { n: formatNumber(progress.byStatus.under_arbeid) })}</span>
            </div>
            <div className="cw-progress__bar" aria-hidden>
              <span className="cw-progress__seg cw-progress__seg--qa" style={{ width: share(progress.byStatus.kvalitetssikret) }} />
              <span className="cw-progress__seg cw-progress__seg--done" style={{ width: share(progress.byStatus.ferdig) }} />
              <span className="cw-progress__seg cw-progress__seg--work" style={{ width: share(progress.byStatus.under_arbeid) }} />
            </div>
          </div>
        )}
        <div className="cw-list__filters" role="search" aria-label={t('coding.list.filtersLabel')}>
          <Input
            data-size="sm"
            type="search"
            ref={searchRef}
            aria-label={t('coding.list.search')}
            placeholder={t('coding.list.searchPlaceholder')}
            value={filter.query}
            onChange={(e) => set({ query: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Escape' || e.key === 'Enter') listRef.current?.focus();
            }}
            autoComplete="off"
            spellCheck={false}
            data-testid="coding-search"
          />
          <div className="cw-list__row">
            <Field data-size="sm" className="cw-field-inline">
              <Label htmlFor={ids.status} className="ds-sr-only">
                {t('coding.list.status')}
              </Label>
              <Select id={ids.status} value={filter.status} onChange={(e) => set({ status: e.target.value as ResponseStatus | '' })} data-testid="coding-filter-status">
                <Select.Option value="">{t('coding.list.allStatuses')}</Select.Option>
                {RESPONSE_STATUSES.map((s) => (
                  <Select.Option key={s} value={s}>
                    {t(`responses.status.${s}`)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Button
              variant={more > 0 ? 'secondary' : 'tertiary'}
              data-size="sm"
              aria-expanded={showMore}
              onClick={() => setShowMore((v) => !v)}
              data-testid="coding-filter-more"
            >
              {more > 0 ? t('coding.list.moreFiltersN', { n: more }) : t('coding.list.moreFilters')}
            </Button>
          </div>
          {showMore && (
            <div className="cw-list__more" data-testid="coding-filter-panel">
              <CountyFilter value={filter.countyNumber} onChange={(value) => set({ countyNumber: value })} data-testid="coding-filter-county" />
              <PoliceDistrictFilter value={filter.policeDistrictCode} onChange={(value) => set({ policeDistrictCode: value })} data-testid="coding-filter-district" />
              <Field data-size="sm">
                <Label htmlFor={ids.code}>{t('coding.list.code')}</Label>
                <Select id={ids.code} value={filter.codeId} onChange={(e) => set({ codeId: e.target.value })} data-testid="coding-filter-code">
                  <Select.Option value="">{t('coding.list.anyCode')}</Select.Option>
                  {flatCodes.map(({ code, depth }) => (
                    <Select.Option key={code.id} value={code.id}>
                      {`${'\u00a0\u00a0'.repeat(depth)}${code.name} (${formatNumber(code.codingCount)})`}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <Field data-size="sm">
                <Label htmlFor={ids.variable}>{t('coding.list.variable')}</Label>
                <Select
                  id={ids.variable}
                  value={filter.variableId}
                  onChange={(e) => set({ variableId: e.target.value, variableValue: '' })}
                  data-testid="coding-filter-variable"
                >
                  <Select.Option value="">{t('coding.list.anyVariable')}</Select.Option>
                  {variables.map((v) => (
                    <Select.Option key={v.id} value={v.id}>
                      {questionOrdinal(v.questionId) ? `${questionOrdinal(v.questionId)}: ${v.label}` : v.label}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              {variable && (
                <Field data-size="sm">
                  <Label htmlFor={ids.value}>{t('coding.list.variableValue')}</Label>
                  <Select id={ids.value} value={filter.variableValue} onChange={(e) => set({ variableValue: e.target.value })} data-testid="coding-filter-value">
                    <Select.Option value="">{t('coding.list.anyValue')}</Select.Option>
                    {variable.options.map((o) => (
                      <Select.Option key={o.value} value={o.value}>
                        {o.label}
                      </Select.Option>
                    ))}
                    <Select.Option value={NOT_SET}>{t('coding.list.notSet')}</Select.Option>
                  </Select>
                </Field>
              )}
              <Field data-size="sm">
                <Label htmlFor={ids.coder}>{t('coding.list.coder')}</Label>
                <Input
                  id={ids.coder}
                  list={ids.coders}
                  value={filter.coder}
                  onChange={(e) => set({ coder: e.target.value })}
                  placeholder={t('coding.list.anyCoder')}
                  data-testid="coding-filter-coder"
                />
                <datalist id={ids.coders}>{userName && <option value={userName} />}</datalist>
              </Field>
              <AssigneeFilter value={filter.assignee} onChange={(value) => set({ assignee: value })} data-testid="coding-filter-assignee" />
              <Button variant="tertiary" data-size="sm" onClick={() => onFilterChange(emptyCodingFilter)} disabled={!isCodingFilterActive(filter)} data-testid="coding-filter-reset">
                {t('registry.reset')}
              </Button>
            </div>
          )}
        </div>
        <div className="cw-list__count muted" aria-live="polite" data-testid="coding-list-count">
          {t('coding.list.count', { count: list.length, formatted: formatNumber(list.length) })}
          {isCodingFilterActive(filter) && ` · ${t('responses.filtered')}`}
        </div>
      </div>
      {error && <ErrorAlert title={t('responses.failed')} error={error} />}
      <div
        className="cw-list__scroll"
        ref={listRef}
        role="listbox"
        id={ids.list}
        tabIndex={0}
        aria-label={t('coding.list.label')}
        aria-activedescendant={selectedIndex >= 0 ? `${ids.list}-${selectedIndex}` : undefined}
        aria-busy={loading || undefined}
        data-testid="coding-list"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const r = list[item.index];
            const selected = r.id === selectedId;
            return (
              <div
                key={r.id}
                id={`${ids.list}-${item.index}`}
                role="option"
                aria-selected={selected}
                className={`cw-row${selected ? ' cw-row--selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => onSelect(r.id)}
                data-testid="coding-row"
                data-id={r.id}
                data-status={r.status}
              >
                <span className={`cw-dot cw-dot--${r.status}`} title={t(`responses.status.${r.status}`)} aria-hidden />
                <span className="cw-row__text">
                  <span className="cw-row__name">{r.municipality ? r.municipality.name : r.respondentName}</span>
                  <span className="cw-row__meta">
                    {r.municipality ? `${r.municipality.countyName} · ${r.municipality.policeDistrictName}` : t('responses.otherRespondent')}
                  </span>
                </span>
                <span className="ds-sr-only">{t(`responses.status.${r.status}`)}</span>
                {typeof r.ocrConfidence === 'number' && (
                  <span className="cw-row__flag" title={t('responses.flags.ocr', { confidence: r.ocrConfidence })} data-testid="coding-flag-ocr">
                    <span aria-hidden>OCR</span>
                    <span className="ds-sr-only">{t('responses.flags.ocr', { confidence: r.ocrConfidence })}</span>
                  </span>
                )}
                {r.needsSplitting && (
                  <span className="cw-row__flag" title={t('responses.flags.needsSplitting')}>
                    <span aria-hidden>!</span>
                    <span className="ds-sr-only">{t('responses.flags.needsSplitting')}</span>
                  </span>
                )}
              </div>
            );
          })}
        </div>
        {rows !== null && list.length === 0 && (
          <p className="cw-empty muted" data-testid="coding-list-empty">
            {isCodingFilterActive(filter) ? t('responses.emptyFiltered') : t('responses.empty')}
          </p>
        )}
      </div>
    </div>
  );
}
