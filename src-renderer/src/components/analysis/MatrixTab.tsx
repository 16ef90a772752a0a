// Codes × groups: how many municipalities in each group have a coding of the
// code (or a code below it). A cell opens the quotes behind it.
import { Heading, Paragraph, Switch, Table } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisGroupBy, MatrixRow } from '../../../../src-shared/analysis';
import { OTHER_RESPONDENTS_KEY } from '../../../../src-shared/analysis';
import { useApiQuery } from '../../api/hooks';
import { formatNumber } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { LoadingState } from '../LoadingState';
import { useCase } from '../case/caseContext';
import { BarChart } from './BarChart';
import { GroupBySelect } from './GroupBySelect';
import { ScrollRegion } from '../ScrollRegion';
import { SentenceQuote, sentenceQuoteFrom } from '../SentenceQuote';

const MAX_BARS = 20;

interface Cell {
  row: MatrixRow;
  groupKey: string | null;
  groupName: string;
}

export function MatrixTab() {
  const { t } = useTranslation();
  const { navigate } = useCase();
  const [groupBy, setGroupBy] = useState<AnalysisGroupBy>('policeDistrict');
  const [withDescendants, setWithDescendants] = useState(true);
  const [hideEmpty, setHideEmpty] = useState(false);
  const [cell, setCell] = useState<Cell | null>(null);
  const quotesRef = useRef<HTMLElement>(null);
  const { data: matrix, error } = useApiQuery('analysis.matrix', { groupBy }, { keepPrevious: true });
  // A new cell shows "loading" rather than the previous cell's quotes.
  const { data: quotes, error: quotesError } = useApiQuery(
    'analysis.matrixCell',
    cell ? { groupBy, codeId: cell.row.codeId, ...(cell.groupKey ? { groupKey: cell.groupKey } : {}), withDescendants } : null,
  );

  // The quotes appear below the matrix: bring them into view once loaded.
  useEffect(() => {
    if (quotes) quotesRef.current?.scrollIntoView({ block: 'nearest' });
  }, [quotes]);

  if (error) return <ErrorAlert title={t('analysis.failed')} error={error} />;
  if (!matrix) return <LoadingState label={t('app.loading')} />;

  const counts = (row: MatrixRow) => (withDescendants ? row.withDescendants : row.direct);
  const max = Math.max(1, ...matrix.rows.flatMap((r) => Object.values(counts(r).byGroup)));
  const shade = (n: number) => (n > 0 ? `color-mix(in srgb, var(--ds-color-accent-base-default, #0062ba) ${Math.round(12 + (n / max) * 58)}%, transparent)` : undefined);

  const frequencies = matrix.rows
    .map((row) => ({ row, n: counts(row).total }))
    .filter((f) => f.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, MAX_BARS);

  const open = (row: MatrixRow, groupKey: string | null, groupName: string) => setCell({ row, groupKey, groupName });

  return (
    <div className="stack" data-testid="analysis-matrix">
      <div className="filters">
        <GroupBySelect value={groupBy} onChange={(v) => v && setGroupBy(v)} />
        <Switch checked={withDescendants} onChange={(e) => setWithDescendants(e.target.checked)} label={t('analysis.withDescendants')} data-size="sm" />
        <Switch checked={hideEmpty} onChange={(e) => setHideEmpty(e.target.checked)} label={t('analysis.hideEmpty')} data-size="sm" data-testid="matrix-hide-empty" />
      </div>
      <Paragraph data-size="sm">
        {t('analysis.matrixSummary', {
          municipalities: formatNumber(matrix.totals.municipalities),
          responded: formatNumber(matrix.totals.responded),
          nonRespondents: formatNumber(matrix.totals.nonRespondents),
          coded: formatNumber(matrix.totals.coded),
        })}
      </Paragraph>
      {frequencies.length > 0 && (
        <section data-testid="matrix-frequencies">
          <Heading level={3} data-size="xs">
            {t('analysis.frequencyHeading', { max: MAX_BARS })}
          </Heading>
          <BarChart
            title={t('analysis.frequencyHeading', { max: MAX_BARS })}
            labelWidth={200}
            width={560}
            data={frequencies.map(({ row, n }) => ({ label: row.name, value: n, key: row.codeId }))}
            data-testid="matrix-frequency-chart"
          />
        </section>
      )}
      {matrix.rows.length === 0 ? (
        <Paragraph>{t('analysis.noCodes')}</Paragraph>
      ) : (
        <ScrollRegion className="analysis-scroll analysis-scroll--both" label={t('analysis.tabs.matrix')}>
          <Table data-size="sm" className="analysis-matrix" border stickyHeader>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col" className="analysis-sticky">{t('analysis.code')}</Table.HeaderCell>
                {matrix.groups.map((g) => (
                  <Table.HeaderCell key={g.key} scope="col" title={t('analysis.groupTitle', { responded: g.responded, municipalities: g.municipalities })}>
                    {g.name}
                  </Table.HeaderCell>
                ))}
                <Table.HeaderCell scope="col">{matrix.others.name}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('analysis.total')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {matrix.rows.map((row) => {
                const c = counts(row);
                if (hideEmpty && c.total + c.others === 0) return null;
                return (
                  <Table.Row key={row.codeId} data-testid="matrix-row" data-code-id={row.codeId}>
                    <Table.HeaderCell scope="row" className="analysis-sticky" style={{ paddingInlineStart: `${0.5 + row.depth}rem` }}>
                      {row.name}
                    </Table.HeaderCell>
                    {matrix.groups.map((g) => {
                      const n = c.byGroup[g.key] ?? 0;
                      return (
                        <Table.Cell key={g.key} style={{ background: shade(n) }} className="analysis-cell">
                          <button
                            type="button"
                            className="analysis-cell__button"
                            disabled={n === 0}
                            onClick={() => open(row, g.key, g.name)}
                            data-testid="matrix-cell"
                            data-group={g.key}
                            aria-label={t('analysis.cellLabel', { count: n, code: row.name, group: g.name })}
                          >
                            {n}
                          </button>
                        </Table.Cell>
                      );
                    })}
                    <Table.Cell className="analysis-cell">
                      <button
                        type="button"
                        className="analysis-cell__button"
                        disabled={c.others === 0}
                        onClick={() => open(row, OTHER_RESPONDENTS_KEY, matrix.others.name)}
                        data-testid="matrix-cell"
                        data-group={OTHER_RESPONDENTS_KEY}
                      >
                        {c.others}
                      </button>
                    </Table.Cell>
                    <Table.Cell className="analysis-cell">
                      <button type="button" className="analysis-cell__button" disabled={c.total + c.others === 0} onClick={() => open(row, null, t('analysis.total'))} data-testid="matrix-total">
                        {c.total}
                      </button>
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
      {cell && (
        <section className="analysis-quotes" data-testid="matrix-quotes" aria-live="polite" ref={quotesRef}>
          <Heading level={3} data-size="xs">
            {t('analysis.quotesHeading', { code: cell.row.name, group: cell.groupName })}
          </Heading>
          {quotesError && <ErrorAlert title={t('analysis.failed')} error={quotesError} />}
          {!quotes && !quotesError && <LoadingState label={t('app.loading')} />}
          {quotes && (
            <ul className="analysis-quote-list">
              {quotes.map((q) => (
                <li key={q.codingId} data-testid="matrix-quote">
                  <button type="button" className="analysis-link" onClick={() => navigate({ view: 'responses', responseId: q.responseId })}>
                    {q.municipality?.name ?? q.respondentName}
                  </button>
                  {q.questionOrdinal !== null && <span className="analysis-muted"> · {t('search.question', { n: q.questionOrdinal })}</span>}
                  <SentenceQuote className="analysis-quote" parts={sentenceQuoteFrom(q.quote, q.quoteContext)} data-testid="matrix-quote-text" />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
