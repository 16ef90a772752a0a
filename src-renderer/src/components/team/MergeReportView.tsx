// What a merge did: the changes taken in per kind, those the master already
// had, the new conflicts (with a way to them) and whose changes arrived. A
// return package merged before says so plainly: nothing was changed.
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { MergeReport } from '../../../../src-shared/team';
import { formatNumber } from '../../lib/format';
import { entityCounts, joinNames } from './teamText';

interface Props {
  report: MergeReport;
  onShowConflicts: () => void;
}

export function MergeReportView({ report, onShowConflicts }: Props) {
  const { t } = useTranslation();
  if (report.alreadyMerged) {
    return (
      <Alert data-color="info" data-size="sm" aria-live="polite" data-testid="team-merge-report" data-already-merged="true">
        <Heading level={4} data-size="2xs">
          {t('team.merge.alreadyMergedHeading')}
        </Heading>
        <Paragraph data-size="sm" data-testid="team-merge-already">
          {t('team.merge.alreadyMerged', { name: report.assignee })}
        </Paragraph>
      </Alert>
    );
  }
  const applied = entityCounts(t, report.applied);
  const total = Object.values(report.applied).reduce((s, n) => s + n, 0);
  return (
    <Alert
      data-color={report.conflicts > 0 ? 'warning' : 'success'}
      data-size="sm"
      aria-live="polite"
      data-testid="team-merge-report"
      data-already-merged="false"
    >
      <div className="stack stack--tight">
        <Heading level={4} data-size="2xs">
          {t('team.merge.reportHeading', { name: report.assignee })}
        </Heading>
        <dl className="facts facts--compact">
          <div>
            <dt>{t('team.merge.applied')}</dt>
            <dd data-testid="team-merge-applied-total">{total > 0 ? formatNumber(total) : t('team.merge.appliedNone')}</dd>
          </div>
          {applied.map((a) => (
            <div key={a.key}>
              <dt>{a.label}</dt>
              <dd data-testid="team-merge-applied" data-kind={a.key}>
                {a.value}
              </dd>
            </div>
          ))}
          <div>
            <dt>{t('team.merge.unchanged')}</dt>
            <dd data-testid="team-merge-unchanged">{formatNumber(report.unchanged)}</dd>
          </div>
          <div>
            <dt>{t('team.merge.conflicts')}</dt>
            <dd data-testid="team-merge-conflicts">{formatNumber(report.conflicts)}</dd>
          </div>
          {report.actors.length > 0 && (
            <div>
              <dt>{t('team.merge.actors')}</dt>
              <dd data-testid="team-merge-actors">{joinNames(t, report.actors)}</dd>
            </div>
          )}
        </dl>
        {report.conflicts > 0 && (
          <div>
            <Paragraph data-size="sm">{t('team.merge.conflictsHelp', { count: report.conflicts })}</Paragraph>
            <Button data-size="sm" onClick={onShowConflicts} data-testid="team-merge-show-conflicts">
              {t('team.merge.showConflicts')}
            </Button>
          </div>
        )}
      </div>
    </Alert>
  );
}
