// The project's municipality register as a searchable, filterable and
// sortable table. Filtering is done by the core; sorting here.
import { Button, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { County, PoliceDistrict, RegisterInfo } from '../../../../src-shared/domain';
import { useApiQuery } from '../../api';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { formatNumber } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { emptyFilter, isFiltered, type RegisterFilter } from './registerFilter';
import { nextSort, sortMunicipalities, type SortKey, type SortState } from './sortMunicipalities';
import { ScrollRegion } from '../ScrollRegion';

interface Props {
  register: RegisterInfo;
  counties: County[];
  districts: PoliceDistrict[];
  filter: RegisterFilter;
  /** Changes when the core reports changed data; triggers a refetch. */
  onFilterChange: (filter: RegisterFilter) => void;
}

const SEARCH_DELAY_MS = 150;

export function MunicipalityRegister({ register, counties, districts, filter, onFilterChange }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const countyId = useId();
  const districtId = useId();
  const [sort, setSort] = useState<SortState>({ key: 'name', direction: 'ascending' });
  const query = useDebouncedValue(filter.query, SEARCH_DELAY_MS);
  // Only the latest filter's answer shows (answers can arrive out of order); the last rows stay while it loads.
  const list = useApiQuery(
    'registry.municipalities',
    { query: query.trim() || undefined, countyNumber: filter.countyNumber || undefined, policeDistrictCode: filter.policeDistrictCode || undefined },
    { keepPrevious: true },
  );
  const rows = list.data ?? null;
  const error = list.error;
  const loading = list.isFetching;

  const sorted = useMemo(() => (rows ? sortMunicipalities(rows, sort) : []), [rows, sort]);
  const population = useMemo(() => sorted.reduce((sum, m) => sum + m.population, 0), [sorted]);
  const filtered = isFiltered(filter);
  const total = register.municipalityCount;

  const countText = filtered
    ? t('registry.countFiltered', { shown: formatNumber(sorted.length), total: formatNumber(total), count: total })
    : t('registry.count', { formatted: formatNumber(sorted.length), count: sorted.length });

  const header = (key: SortKey, label: string, className?: string) => (
    <Table.HeaderCell
      scope="col"
      className={className}
      sort={sort.key === key ? sort.direction : 'none'}
      onClick={() => setSort(nextSort(sort, key))}
      data-testid={`sort-${key}`}
    >
      {label}
    </Table.HeaderCell>
  );

  return (
    <section aria-labelledby={headingId} className="stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('registry.heading')}
      </Heading>
      <div className="filters" role="search" aria-label={t('registry.filtersLabel')}>
        <Textfield
          className="filters__search"
          type="search"
          label={t('registry.search')}
          description={t('registry.searchDescription')}
          value={filter.query}
          onChange={(e) => onFilterChange({ ...filter, query: e.target.value })}
          autoComplete="off"
          spellCheck={false}
          data-testid="municipality-search"
        />
        <Field>
          <Label htmlFor={countyId}>{t('registry.county')}</Label>
          <Select
            id={countyId}
            value={filter.countyNumber}
            onChange={(e) => onFilterChange({ ...filter, countyNumber: e.target.value })}
            data-testid="county-filter"
          >
            <Select.Option value="">{t('registry.allCounties')}</Select.Option>
            {counties.map((c) => (
              <Select.Option key={c.number} value={c.number}>
                {t('registry.filterOption', { name: c.name, n: c.municipalityCount })}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor={districtId}>{t('registry.district')}</Label>
          <Select
            id={districtId}
            value={filter.policeDistrictCode}
            onChange={(e) => onFilterChange({ ...filter, policeDistrictCode: e.target.value })}
            data-testid="district-filter"
          >
            <Select.Option value="">{t('registry.allDistricts')}</Select.Option>
            {districts.map((d) => (
              <Select.Option key={d.code} value={d.code}>
                {t('registry.filterOption', { name: d.name, n: d.municipalityCount })}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Button
          variant="tertiary"
          className="filters__reset"
          onClick={() => onFilterChange(emptyFilter)}
          disabled={!filtered}
          data-testid="reset-filters"
        >
          {t('registry.reset')}
        </Button>
      </div>

      {error && <ErrorAlert title={t('registry.failed')} error={error} data-testid="municipality-error" />}

      <Paragraph className="count-line" aria-live="polite" data-testid="municipality-count">
        <strong>{countText}</strong>
        {sorted.length > 0 && <> · {t('registry.population', { formatted: formatNumber(population) })}</>}
      </Paragraph>

      <ScrollRegion className="table-scroll" label={t('registry.caption')} aria-busy={loading || undefined}>
        <Table zebra stickyHeader border data-size="sm" data-color="neutral" className="register-table" data-testid="municipality-table">
          <caption className="ds-sr-only">{t('registry.caption')}</caption>
          <Table.Head>
            <Table.Row>
              {header('number', t('registry.columns.number'), 'col-number')}
              {header('name', t('registry.columns.name'))}
              {header('county', t('registry.columns.county'))}
              {header('district', t('registry.columns.district'))}
              {header('population', t('registry.columns.population'), 'numeric')}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {sorted.map((m) => (
              <Table.Row key={m.number} data-testid="municipality-row" data-number={m.number}>
                <Table.Cell className="col-number">{m.number}</Table.Cell>
                <Table.HeaderCell scope="row" className="row-header">
                  {m.name}
                  {m.officialName && m.officialName !== m.name && (
                    <span className="official-name" data-testid="official-name">
                      {m.officialName}
                    </span>
                  )}
                </Table.HeaderCell>
                <Table.Cell>{m.countyName}</Table.Cell>
                <Table.Cell>{m.policeDistrictName}</Table.Cell>
                <Table.Cell className="numeric">{formatNumber(m.population)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {rows !== null && sorted.length === 0 && (
          <Paragraph className="muted empty-table" data-testid="municipality-empty">
            {t('registry.empty')}
          </Paragraph>
        )}
      </ScrollRegion>
      <Paragraph data-size="sm" className="muted" data-testid="register-source">
        {t('registry.source', {
          name: register.name,
          version: register.version,
          source: register.source,
          licence: register.licence,
        })}
      </Paragraph>
    </section>
  );
}
