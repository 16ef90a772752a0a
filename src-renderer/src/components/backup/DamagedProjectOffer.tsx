// Shown when a project will not open (damaged, or no longer an Innspill
// file): the newest snapshot of it that verifies, offered for restore as a
// new file beside the damaged one, which is left as it is.
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSnapshot } from '../../../../src-shared/backup';
import type { ProjectSummary } from '../../../../src-shared/domain';
import { useApiQuery } from '../../api';
import { formatDateTime } from '../../lib/format';
import { RestoreDialog } from './RestoreDialog';
import { snapshotContents } from './SnapshotFacts';
import './backup.css';

interface Props {
  projectPath: string;
  onOpened: (project: ProjectSummary) => void;
}

export function DamagedProjectOffer({ projectPath, onOpened }: Props) {
  const { t } = useTranslation();
  const newest = useApiQuery('backup.newestGood', { projectPath });
  const [restoring, setRestoring] = useState<BackupSnapshot | null>(null);
  if (newest.isPending) return <Paragraph data-size="sm">{t('backup.damaged.looking')}</Paragraph>;
  // Without a snapshot (or if looking failed) the error above is all there is to say.
  if (!newest.data) {
    return (
      <Paragraph data-size="sm" data-testid="damaged-no-backup">
        {t('backup.damaged.none')}
      </Paragraph>
    );
  }
  const snapshot = newest.data;
  return (
    <div className="stack stack--tight damaged-offer" data-testid="damaged-offer">
      <Paragraph data-size="sm">
        {t('backup.damaged.offer', {
          date: formatDateTime(snapshot.takenAt),
          reason: t(`backup.reasons.${snapshot.reason}`),
          contents: snapshotContents(t, snapshot),
        })}
      </Paragraph>
      <div>
        <Button data-size="sm" onClick={() => setRestoring(snapshot)} data-testid="damaged-restore">
          {t('backup.damaged.restore')}
        </Button>
      </div>
      <RestoreDialog snapshot={restoring} projectPath={projectPath} onClose={() => setRestoring(null)} onOpened={onOpened} />
    </div>
  );
}
