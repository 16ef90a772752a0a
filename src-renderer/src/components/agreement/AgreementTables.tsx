// The agreement report as two tables: one row per code and one per closed
// variable (multiple choice: a row per option below it), with the units
// compared, percentage agreement, kappa, alpha, the present/absent counts
// behind them, and the disagreements (open and resolved). A row with
// disagreements opens them.
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementReport, AgreementStats, BinaryCounts, Coefficient } from '../../../../src-shared/agreement';
import { formatNumber } from '../../lib/format';
import { formatCoefficient, formatShare } from './format';

export type AgreementTarget = { kind: 'code'; id: string; name: string } | { kind: 'variable'; id: string; name: string };

interface Props {
  report: AgreementReport;
  onOpen: (target: AgreementTarget) => void;
}

function CoefficientCell({ value, testId }: { value: Coefficient; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table.Cell className="numeric" data-testid={testId} title={value.reason ? t(`agreement.undefined.${value.reason}`) : undefined}>
      {formatCoefficient(value)}
    </Table.Cell>
  );
}

function StatsCells({ stats, counts }: { stats: AgreementStats; counts: BinaryCounts | null }) {
  return (
    <>
      <Table.Cell className="numeric" data-testid="agreement-units">
        {formatNumber(stats.units)}
      </Table.Cell>
      <Table.Cell className="numeric" data-testid="agreement-percent">
        {formatShare(stats.percentAgreement)}
      </Table.Cell>
      <CoefficientCell value={stats.kappa} testId="agreement-kappa" />
      <CoefficientCell value={stats.alpha} testId="agreement-alpha" />
      <Table.Cell className="numeric" data-testid="agreement-counts">
        {counts ? `${counts.bothPresent} / ${counts.onlyA} / ${counts.onlyB} / ${counts.bothAbsent}` : ''}
      </Table.Cell>
    </>
  );
}

/** One table of the report under its heading, or a line saying there is nothing to compare. */
function ReportSection({ testId, heading, empty, head, children }: { testId: string; heading: string; empty: string | null; head: ReactNode; children: ReactNode }) {
  return (
    <section className="stack" data-testid={testId}>
      <Heading level={3} data-size="xs">
        {heading}
      </Heading>
      {empty !== null ? (
        <Paragraph data-size="sm">{empty}</Paragraph>
      ) : (
        <div className="table-wrap">
          <Table data-size="sm" border className="agreement-table">
            {head}
            <Table.Body>{children}</Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

export function AgreementTables({ report, onOpen }: Props) {
  const { t } = useTranslation();
  const two = report.coders.length === 2;
  const countsHeader = two ? t('agreement.columns.counts', { a: report.coders[0], b: report.coders[1] }) : '';

  // The button's name starts with its visible count (WCAG 2.5.3) and says what it opens.
  const disagreements = (row: { disagreeing: number; resolved: number }, open: () => void, name: string) => {
    if (row.disagreeing === 0) return <span className="muted">0</span>;
    const count = t('agreement.disagreementCount', { open: row.disagreeing - row.resolved, resolved: row.resolved });
    return (
      <Button variant="tertiary" data-size="sm" onClick={open} data-testid="agreement-open" aria-label={`${count}: ${t('agreement.openDisagreements', { name })}`}>
        {count}
      </Button>
    );
  };

  const head = (first: string) => (
    <Table.Head>
      <Table.Row>
        <Table.HeaderCell scope="col">{first}</Table.HeaderCell>
        <Table.HeaderCell scope="col" className="numeric" title={t('agreement.columns.unitsHelp')}>
          {t('agreement.columns.units')}
        </Table.HeaderCell>
        <Table.HeaderCell scope="col" className="numeric">
          {t('agreement.columns.percent')}
        </Table.HeaderCell>
        <Table.HeaderCell scope="col" className="numeric" title={t('agreement.columns.kappaHelp')}>
          {t('agreement.columns.kappa')}
        </Table.HeaderCell>
        <Table.HeaderCell scope="col" className="numeric" title={t('agreement.columns.alphaHelp')}>
          {t('agreement.columns.alpha')}
        </Table.HeaderCell>
        <Table.HeaderCell scope="col" className="numeric" title={two ? t('agreement.columns.countsHelp') : undefined}>
          {countsHeader}
        </Table.HeaderCell>
        <Table.HeaderCell scope="col">{t('agreement.columns.disagreements')}</Table.HeaderCell>
      </Table.Row>
    </Table.Head>
  );

  return (
    <div className="stack">
      <ReportSection
        testId="agreement-codes"
        heading={t('agreement.codesHeading')}
        empty={report.codes.length === 0 ? t('agreement.noCodes') : null}
        head={head(t('agreement.columns.code'))}
      >
        {report.codes.map((c) => (
          <Table.Row key={c.codeId} data-testid="agreement-code-row" data-code-id={c.codeId} data-name={c.name}>
            <Table.HeaderCell scope="row" title={c.path.join(' › ')} style={{ paddingInlineStart: `calc(${c.path.length - 1} * 1rem + var(--ds-size-2))` }}>
              {c.name}
            </Table.HeaderCell>
            <StatsCells stats={c} counts={c.counts} />
            <Table.Cell>{disagreements(c, () => onOpen({ kind: 'code', id: c.codeId, name: c.path.join(' › ') }), c.name)}</Table.Cell>
          </Table.Row>
        ))}
      </ReportSection>
      <ReportSection
        testId="agreement-variables"
        heading={t('agreement.variablesHeading')}
        empty={report.variables.length === 0 ? t('agreement.noVariables') : null}
        head={head(t('agreement.columns.variable'))}
      >
        {report.variables.flatMap((v) => [
          <Table.Row key={v.variableId} data-testid="agreement-variable-row" data-variable-key={v.key}>
            <Table.HeaderCell scope="row">
              {v.label}
              {v.oneSided > 0 && (
                <div className="muted agreement-note" data-testid="agreement-one-sided">
                  {t('agreement.oneSided', { count: v.oneSided })}
                </div>
              )}
            </Table.HeaderCell>
            <StatsCells stats={v} counts={null} />
            <Table.Cell>{disagreements(v, () => onOpen({ kind: 'variable', id: v.variableId, name: v.label }), v.label)}</Table.Cell>
          </Table.Row>,
          ...v.options.map((o) => (
            <Table.Row key={`${v.variableId}:${o.value}`} data-testid="agreement-option-row" data-option={o.value} className="agreement-option">
              <Table.HeaderCell scope="row">{o.label}</Table.HeaderCell>
              <StatsCells stats={o} counts={o.counts} />
              <Table.Cell />
            </Table.Row>
          )),
        ])}
      </ReportSection>
    </div>
  );
}
