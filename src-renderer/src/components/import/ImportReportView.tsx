// The outcome of an import, per file: imported (with its responses and how
// their senders matched), already imported, or refused with the reason.
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { FileReport, ImportReport } from '../../../../src-shared/imports';
import { formatNumber } from '../../lib/format';
import { FileRejection, FileStatusTag, shownPath, WarningList } from './FileParts';

export function reportTotals(report: ImportReport) {
  const files = report.files;
  return {
    imported: files.filter((f) => f.status === 'imported').length,
    unchanged: files.filter((f) => f.status === 'unchanged').length,
    rejected: files.filter((f) => f.status === 'rejected').length,
    responses: files.reduce((sum, f) => sum + (f.status === 'imported' ? f.responses : 0), 0),
  };
}

export function ImportReportView({ report, testId = 'import-report' }: { report: ImportReport; testId?: string }) {
  const { t } = useTranslation();
  const totals = reportTotals(report);
  const withDetails = report.files.filter((f) => f.error || f.reason || f.warnings.length > 0);
  // "82 funnet, 1 ikke i registeret": only the kinds that occur.
  const respondentCounts = (r: NonNullable<FileReport['respondents']>) =>
    [
      r.matched > 0 && t('import.report.matched', { formatted: formatNumber(r.matched) }),
      r.ambiguous > 0 && t('import.report.ambiguous', { count: r.ambiguous, formatted: formatNumber(r.ambiguous) }),
      r.unmatched > 0 && t('import.report.unmatched', { formatted: formatNumber(r.unmatched) }),
    ]
      .filter(Boolean)
      .join(', ');
  return (
    <div className="stack" data-testid={testId}>
      <Paragraph data-testid="report-summary">
        {t('import.report.summary', {
          files: t('import.report.files', { count: report.files.length, formatted: formatNumber(report.files.length) }),
          imported: formatNumber(totals.imported),
          unchanged: formatNumber(totals.unchanged),
          rejected: formatNumber(totals.rejected),
          responses: t('import.report.responses', { count: totals.responses, formatted: formatNumber(totals.responses) }),
        })}
      </Paragraph>
      <div className="table-wrap">
        <Table border zebra data-size="sm" data-testid="report-table">
          <caption className="ds-sr-only">{t('import.report.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('import.report.file')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('import.report.status')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="numeric">
                {t('import.report.responsesColumn')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('import.report.respondents')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="numeric">
                {t('import.report.warningsColumn')}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {report.files.map((f, i) => (
              <Table.Row key={`${f.path}-${i}`} data-testid="report-file" data-path={f.path} data-status={f.status}>
                <Table.HeaderCell scope="row" className="row-header path-cell">
                  {shownPath(f.path)}
                </Table.HeaderCell>
                <Table.Cell>
                  <FileStatusTag status={f.status} />
                </Table.Cell>
                <Table.Cell className="numeric" data-testid="report-file-responses">
                  {f.status === 'imported' ? formatNumber(f.responses) : '–'}
                </Table.Cell>
                <Table.Cell data-testid="report-file-respondents">{f.respondents ? respondentCounts(f.respondents) || '–' : '–'}</Table.Cell>
                <Table.Cell className="numeric">{f.warnings.length > 0 ? formatNumber(f.warnings.length) : '–'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {withDetails.length > 0 && (
        <div className="stack stack--tight">
          <Heading level={4} data-size="2xs">
            {t('import.report.details')}
          </Heading>
          {withDetails.map((f, i) => (
            <div key={`${f.path}-${i}`} className="report-detail" data-testid="report-detail" data-path={f.path}>
              <Paragraph data-size="sm" className="report-detail__name">
                <strong>{shownPath(f.path)}</strong>
              </Paragraph>
              <FileRejection file={f} />
              {f.reason && (
                <Paragraph data-size="sm" className="muted" data-testid="report-reason" data-code={f.reason.code}>
                  {f.reason.message}
                </Paragraph>
              )}
              <WarningList file={f} open={false} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
