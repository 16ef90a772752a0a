// "Ikke svart": municipalities without a current response, counted per
// police district or county ("Finnmark: 3 av 18 har ikke svart"), and listed
// for the group chosen.
import { Button, Heading, Paragraph, Table, ToggleGroup } from '@digdir/designsystemet-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnansweredGroup } from '../../../../src-shared/domain';
import { norwegianCompare } from '../../../../src-shared/norwegian';
import { useApiQuery } from '../../api';
import { formatNumber } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { LoadingState } from '../LoadingState';
import { ScrollRegion } from '../ScrollRegion';
import { ViewHeader } from '../ViewHeader';

type Grouping = 'district' | 'county';

export function UnansweredView() {
  const { t } = useTranslation();
  const headingId = useId();
  const listHeadingId = useId();
  const { data: summary, error } = useApiQuery('registry.unanswered', {});
  const [grouping, setGrouping] = useState<Grouping>('district');
  const [selected, setSelected] = useState<string | null>(null);

  const groups: UnansweredGroup[] = summary ? (grouping === 'district' ? summary.byPoliceDistrict : summary.byCounty) : [];
  const selectedGroup = groups.find((g) => g.key === selected) ?? null;
  const keyOf = grouping === 'district' ? 'policeDistrictCode' : 'countyNumber';

  const list = useMemo(() => {
    const all = summary?.municipalities ?? [];
    const shown = selected ? all.filter((m) => m[keyOf] === selected) : all;
    return [...shown].sort((a, b) => norwegianCompare(a.name, b.name));
  }, [summary, selected, keyOf]);

  const total = groups.reduce((s, g) => s + g.total, 0);
  const missing = groups.reduce((s, g) => s + g.unanswered, 0);

  function changeGrouping(value: string) {
    setGrouping(value as Grouping);
    setSelected(null);
  }

  return (
    <section className="stack" aria-labelledby={headingId} data-testid="unanswered-view">
      <ViewHeader id={headingId} title={t('unanswered.heading')} description={t('unanswered.intro')} />
      {error && <ErrorAlert title={t('unanswered.failed')} error={error} />}
      {!summary && !error && <LoadingState label={t('app.loading')} />}
      {summary && (
        <>
          <Paragraph className="count-line" data-testid="unanswered-total">
            <strong>{t('unanswered.total', { unanswered: formatNumber(missing), total: formatNumber(total) })}</strong>
          </Paragraph>
          <ToggleGroup data-size="sm" value={grouping} onChange={changeGrouping} aria-label={t('unanswered.groupBy')} data-testid="unanswered-grouping">
            <ToggleGroup.Item value="district" data-testid="unanswered-by-district">
              {t('unanswered.byDistrict')}
            </ToggleGroup.Item>
            <ToggleGroup.Item value="county" data-testid="unanswered-by-county">
              {t('unanswered.byCounty')}
            </ToggleGroup.Item>
          </ToggleGroup>
          <div className="table-wrap">
            <Table border zebra data-size="sm" className="unanswered-groups" data-testid="unanswered-groups">
              <caption className="ds-sr-only">{grouping === 'district' ? t('unanswered.byDistrict') : t('unanswered.byCounty')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{grouping === 'district' ? t('registry.district') : t('registry.county')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('unanswered.columns.share')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">
                    <span className="ds-sr-only">{t('districts.columns.actions')}</span>
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {groups.map((g) => {
                  const answered = g.total - g.unanswered;
                  return (
                    <Table.Row key={g.key} data-testid="unanswered-group" data-key={g.key} aria-selected={selected === g.key || undefined} className={selected === g.key ? 'row--selected' : undefined}>
                      <Table.HeaderCell scope="row" className="group-line" data-testid="unanswered-group-line">
                        <strong>{g.name}:</strong>{' '}
                        <span className={g.unanswered > 0 ? undefined : 'muted'}>
                          {t('unanswered.groupCount', { unanswered: formatNumber(g.unanswered), total: formatNumber(g.total) })}
                        </span>
                      </Table.HeaderCell>
                      <Table.Cell>
                        <span className="share">
                          <span className="share__bar share__bar--answered" aria-hidden>
                            <span style={{ width: `${g.total ? (answered / g.total) * 100 : 0}%` }} />
                          </span>
                          <span className="share__value">{t('unanswered.answeredShare', { answered: formatNumber(answered), total: formatNumber(g.total) })}</span>
                        </span>
                      </Table.Cell>
                      <Table.Cell className="actions">
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          disabled={g.unanswered === 0}
                          aria-pressed={selected === g.key}
                          onClick={() => setSelected(selected === g.key ? null : g.key)}
                          data-testid="unanswered-group-show"
                          aria-label={t('unanswered.showIn', { name: g.name })}
                        >
                          {selected === g.key ? t('unanswered.showAll') : t('unanswered.show')}
                        </Button>
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>

          <Heading level={3} data-size="xs" id={listHeadingId}>
            {selectedGroup
              ? t('unanswered.listIn', { name: selectedGroup.name, count: list.length, formatted: formatNumber(list.length) })
              : t('unanswered.list', { count: list.length, formatted: formatNumber(list.length) })}
          </Heading>
          {list.length === 0 ? (
            <Paragraph className="muted" data-testid="unanswered-empty">
              {t('unanswered.everyone')}
            </Paragraph>
          ) : (
            <ScrollRegion className="table-scroll" labelledBy={listHeadingId}>
              <Table border zebra stickyHeader data-size="sm" aria-labelledby={listHeadingId} data-testid="unanswered-table">
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col" className="col-number">
                      {t('registry.columns.number')}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('registry.columns.name')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('registry.columns.county')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('registry.columns.district')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col" className="numeric">
                      {t('registry.columns.population')}
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {list.map((m) => (
                    <Table.Row key={m.number} data-testid="unanswered-row" data-number={m.number}>
                      <Table.Cell className="col-number">{m.number}</Table.Cell>
                      <Table.HeaderCell scope="row" className="row-header">
                        {m.name}
                      </Table.HeaderCell>
                      <Table.Cell>{m.countyName}</Table.Cell>
                      <Table.Cell>{m.policeDistrictName}</Table.Cell>
                      <Table.Cell className="numeric">{formatNumber(m.population)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </ScrollRegion>
          )}
        </>
      )}
    </section>
  );
}
