// Code × code: how many answers carry both codes (the diagonal: answers with
// the code). Shaded by count; the most frequent pairs are listed below.
import { Paragraph, Switch, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../ErrorAlert';
import { LoadingState } from '../LoadingState';
import { ScrollRegion } from '../ScrollRegion';

export function CooccurrenceTab() {
  const { t } = useTranslation();
  const [withDescendants, setWithDescendants] = useState(true);
  const [hideEmpty, setHideEmpty] = useState(true);
  const { data, error } = useApiQuery('analysis.cooccurrence', { withDescendants }, { keepPrevious: true });

  if (error) return <ErrorAlert title={t('analysis.failed')} error={error} />;
  if (!data) return <LoadingState label={t('app.loading')} />;

  const shown = data.codes.map((c, i) => ({ ...c, i })).filter((c) => !hideEmpty || (data.counts[c.i]?.[c.i] ?? 0) > 0);
  const max = Math.max(1, ...shown.flatMap((a) => shown.filter((b) => b.i !== a.i).map((b) => data.counts[a.i]?.[b.i] ?? 0)));
  const maxDiag = Math.max(1, ...shown.map((a) => data.counts[a.i]?.[a.i] ?? 0));
  const shade = (n: number, diagonal: boolean) =>
    n > 0
      ? `color-mix(in srgb, ${diagonal ? 'var(--ds-color-neutral-border-default, #888)' : 'var(--ds-color-accent-base-default, #0062ba)'} ${Math.round(12 + (n / (diagonal ? maxDiag : max)) * 58)}%, transparent)`
      : undefined;

  return (
    <div className="stack" data-testid="analysis-cooccurrence">
      <div className="filters">
        <Switch checked={withDescendants} onChange={(e) => setWithDescendants(e.target.checked)} label={t('analysis.withDescendants')} data-size="sm" />
        <Switch checked={hideEmpty} onChange={(e) => setHideEmpty(e.target.checked)} label={t('analysis.hideEmpty')} data-size="sm" />
      </div>
      <Paragraph data-size="sm">{t('analysis.cooccurrence.summary', { coded: data.codedAnswers })}</Paragraph>
      {shown.length === 0 ? (
        <Paragraph>{t('analysis.cooccurrence.empty')}</Paragraph>
      ) : (
        <ScrollRegion className="analysis-scroll analysis-scroll--both" label={t('analysis.tabs.cooccurrence')}>
          <Table data-size="sm" className="analysis-matrix" border stickyHeader>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col" className="analysis-sticky">{t('analysis.code')}</Table.HeaderCell>
                {shown.map((c) => (
                  <Table.HeaderCell key={c.id} scope="col" title={c.path.join(' › ')} className="analysis-cooc__col">
                    {c.name}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {shown.map((a) => (
                <Table.Row key={a.id} data-testid="cooc-row" data-code-id={a.id}>
                  <Table.HeaderCell scope="row" className="analysis-sticky" title={a.path.join(' › ')}>
                    {a.name}
                  </Table.HeaderCell>
                  {shown.map((b) => {
                    const n = data.counts[a.i]?.[b.i] ?? 0;
                    const diagonal = a.i === b.i;
                    return (
                      <Table.Cell
                        key={b.id}
                        className="analysis-cell analysis-cooc__cell"
                        style={{ background: shade(n, diagonal), fontWeight: diagonal ? 600 : undefined }}
                        data-testid="cooc-cell"
                        data-diagonal={diagonal ? 'true' : undefined}
                        title={diagonal ? t('analysis.cooccurrence.diagonal', { count: n, code: a.name }) : t('analysis.cooccurrence.pair', { count: n, a: a.name, b: b.name })}
                      >
                        {n}
                      </Table.Cell>
                    );
                  })}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
    </div>
  );
}
