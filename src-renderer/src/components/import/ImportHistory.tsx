// "Importlogg": every import batch, newest first, with when, by whom, its
// label and the stored report (folded away until asked for).
import { Button, Details, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { LoadingState } from '../LoadingState';
import { useCase } from '../case/caseContext';
import { ImportReportView, reportTotals } from './ImportReportView';
import { ViewHeader } from '../ViewHeader';

/** The core's label for the synthetic demo batch starts like this. */
const DEMO_LABEL_PREFIX = 'Eksempeldata';

export function ImportHistory() {
  const { t } = useTranslation();
  const { navigate } = useCase();
  const headingId = useId();
  const query = useApiQuery('import.batches', {});
  const batches = query.data ?? null;
  const error = query.error;

  return (
    <section className="stack" aria-labelledby={headingId} data-testid="import-history">
      <ViewHeader
        id={headingId}
        title={t('history.heading')}
        description={t('history.intro')}
        actions={
          <Button data-size="sm" onClick={() => navigate({ view: 'import' })} data-testid="history-import">
            {t('history.import')}
          </Button>
        }
      />
      {error && <ErrorAlert title={t('history.failed')} error={error} />}
      {batches === null && !error && <LoadingState label={t('app.loading')} />}
      {batches?.length === 0 && (
        <Paragraph className="muted empty-state" data-testid="history-empty">
          {t('history.empty')}
        </Paragraph>
      )}
      {batches && batches.length > 0 && (
        <ul className="batch-list" data-testid="batch-list">
          {batches.map((b) => {
            const totals = reportTotals(b.report);
            return (
              <li key={b.id} className="batch" data-testid="batch-item" data-batch-id={b.id}>
                <Details>
                  <Details.Summary>
                    <span className="batch__summary">
                      <span className="batch__label" data-testid="batch-label">
                        {b.label}
                      </span>
                      {b.label.startsWith(DEMO_LABEL_PREFIX) && (
                        <Tag data-color="warning" data-size="sm">
                          {t('history.synthetic')}
                        </Tag>
                      )}
                      <span className="batch__meta" data-testid="batch-meta">
                        {t('history.meta', { date: formatDateTime(b.createdAt), user: b.createdBy })}
                      </span>
                      <span className="batch__counts">
                        {t('history.counts', {
                          files: t('import.report.files', { count: b.report.files.length, formatted: formatNumber(b.report.files.length) }),
                          responses: t('import.report.responses', { count: totals.responses, formatted: formatNumber(totals.responses) }),
                        })}
                        {totals.rejected > 0 && (
                          <Tag data-color="danger" data-size="sm" className="inline-tag">
                            {t('history.rejected', { count: totals.rejected })}
                          </Tag>
                        )}
                      </span>
                    </span>
                  </Details.Summary>
                  <Details.Content>
                    <ImportReportView report={b.report} testId="batch-report" />
                  </Details.Content>
                </Details>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
