// One snapshot in a few words: when, why, and what it holds.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BackupSnapshot } from '../../../../src-shared/backup';
import { formatBytes, formatDateTime, formatNumber } from '../../lib/format';

export function SnapshotFacts({ snapshot }: { snapshot: BackupSnapshot }) {
  const { t } = useTranslation();
  return (
    <dl className="facts facts--compact" data-testid="snapshot-facts">
      <div>
        <dt>{t('backup.columns.takenAt')}</dt>
        <dd>{formatDateTime(snapshot.takenAt)}</dd>
      </div>
      <div>
        <dt>{t('backup.columns.reason')}</dt>
        <dd>{t(`backup.reasons.${snapshot.reason}`)}</dd>
      </div>
      <div>
        <dt>{t('backup.columns.contents')}</dt>
        <dd>{snapshotContents(t, snapshot)}</dd>
      </div>
      <div>
        <dt>{t('backup.columns.size')}</dt>
        <dd>{formatBytes(snapshot.compressedBytes)}</dd>
      </div>
    </dl>
  );
}

/** "12 svar, 340 kodinger". */
export function snapshotContents(t: TFunction, snapshot: BackupSnapshot): string {
  const { responses, codings } = snapshot.counts;
  return t('backup.contents', {
    responses: t('backup.responses', { count: responses, formatted: formatNumber(responses) }),
    codings: t('backup.codings', { count: codings, formatted: formatNumber(codings) }),
  });
}
