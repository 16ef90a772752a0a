// The closed variables' distributions: counts and shares per option, with
// "ikke kodet" (responding, no value) and "ikke besvart" (no response) as rows
// of their own, and the other respondents apart.
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisGroupBy, Distribution } from '../../../../src-shared/analysis';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../ErrorAlert';
import { LoadingState } from '../LoadingState';
import { BarChart } from './BarChart';
import { GroupBySelect } from './GroupBySelect';
import { ScrollRegion } from '../ScrollRegion';

const pct = (share: number) => `${(share * 100).toLocaleString('nb-NO', { maximumFractionDigits: 1 })} %`;

export function VariablesTab() {
  const { t } = useTranslation();
  const [groupBy, setGroupBy] = useState<AnalysisGroupBy | ''>('');
  const { data, error } = useApiQuery('analysis.variables', groupBy ? { groupBy } : {}, { keepPrevious: true });

  if (error) return <ErrorAlert title={t('analysis.failed')} error={error} />;
  if (!data) return <LoadingState label={t('app.loading')} />;

  const rowLabel = (r: Distribution['rows'][number]) => (r.kind === 'option' ? r.label : t(`analysis.rowKinds.${r.kind}`));

  return (
    <div className="stack" data-testid="analysis-variables">
      <div className="filters">
        <GroupBySelect value={groupBy} onChange={setGroupBy} allowNone />
      </div>
      {data.variables.length === 0 && <Paragraph>{t('analysis.noVariables')}</Paragraph>}
      {data.variables.map((v) => (
        <section key={v.variableId} className="analysis-variable" data-testid="analysis-variable" data-key={v.key}>
          <Heading level={3} data-size="xs">
            {v.label}
          </Heading>
          <Paragraph data-size="sm" className="analysis-muted">
            {t('analysis.variableSummary', { responded: v.overall.responded, coded: v.overall.coded, municipalities: v.overall.municipalities })}
            {v.kind === 'multi' && ` ${t('analysis.multiNote')}`}
          </Paragraph>
          <div className="analysis-variable__body">
            <Table data-size="sm">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('analysis.value')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('analysis.count')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('analysis.share')}</Table.HeaderCell>
                  {v.others.responded > 0 && <Table.HeaderCell scope="col">{t('analysis.others')}</Table.HeaderCell>}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {v.overall.rows.map((r) => (
                  <Table.Row key={`${r.kind}-${r.value}`} data-testid="variable-row" data-kind={r.kind} data-value={r.value}>
                    <Table.HeaderCell scope="row" className={r.kind !== 'option' ? 'analysis-muted' : undefined}>
                      {rowLabel(r)}
                    </Table.HeaderCell>
                    <Table.Cell>{r.count}</Table.Cell>
                    <Table.Cell>{pct(r.share)}</Table.Cell>
                    {v.others.responded > 0 && <Table.Cell>{v.others.rows.find((o) => o.kind === r.kind && o.value === r.value)?.count ?? '–'}</Table.Cell>}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            <BarChart
              title={v.label}
              max={v.overall.responded}
              data={v.overall.rows.filter((r) => r.kind !== 'ikke_svart').map((r) => ({ label: rowLabel(r), value: r.count, valueLabel: `${r.count} (${pct(r.share)})`, muted: r.kind !== 'option' }))}
            />
          </div>
          {data.groupBy === 'policeDistrict' && v.groups.length > 0 && (() => {
            const first = v.overall.rows.find((r) => r.kind === 'option');
            if (!first) return null;
            const title = t('analysis.shareByDistrict', { option: first.label });
            return (
              <div data-testid="variable-district-chart">
                <Paragraph data-size="sm">{title}</Paragraph>
                <BarChart
                  title={title}
                  max={1}
                  labelWidth={200}
                  data={v.groups.map((g) => {
                    const count = g.rows.find((x) => x.kind === first.kind && x.value === first.value)?.count ?? 0;
                    const share = g.responded > 0 ? count / g.responded : 0;
                    return { label: g.name, value: share, valueLabel: `${pct(share)} (${count}/${g.responded})`, key: g.key };
                  })}
                  data-testid="variable-district-bar-chart"
                />
              </div>
            );
          })()}
          {v.groups.length > 0 && (
            <ScrollRegion className="analysis-scroll" label={v.label}>
              <Table data-size="sm" border>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('analysis.value')}</Table.HeaderCell>
                    {v.groups.map((g) => (
                      <Table.HeaderCell key={g.key} scope="col">
                        {g.name}
                      </Table.HeaderCell>
                    ))}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {v.overall.rows.map((r) => (
                    <Table.Row key={`${r.kind}-${r.value}`}>
                      <Table.HeaderCell scope="row">{rowLabel(r)}</Table.HeaderCell>
                      {v.groups.map((g) => (
                        <Table.Cell key={g.key}>{g.rows.find((x) => x.kind === r.kind && x.value === r.value)?.count ?? 0}</Table.Cell>
                      ))}
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </ScrollRegion>
          )}
        </section>
      ))}
    </div>
  );
}
