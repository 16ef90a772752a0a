// Restores one snapshot as a new project file beside the original (never over
// it): first says what will happen, then where the new file went, and offers
// to open it. Used by «Sikkerhetskopier» and when a damaged project is opened.
import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { BackupSnapshot } from '../../../../src-shared/backup';
import type { ProjectSummary } from '../../../../src-shared/domain';
import { useApiMutation } from '../../api';
import { formatDateTime } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { SnapshotFacts } from './SnapshotFacts';

interface Props {
  /** The snapshot to restore; null: the dialog is closed. */
  snapshot: BackupSnapshot | null;
  /** The project the snapshot belongs to, when it is not the open one (a damaged file). */
  projectPath?: string;
  onClose: () => void;
  /** Called with the restored project once the user opened it. */
  onOpened?: (project: ProjectSummary) => void;
}

export function RestoreDialog({ snapshot, projectPath, onClose, onOpened }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog open={snapshot !== null} onClose={onClose} closeButton={t('common.closeDialog')} aria-labelledby="restore-title" data-testid="restore-dialog">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id="restore-title">
          {t('backup.restore.title')}
        </Heading>
      </Dialog.Block>
      {/* Remounted for each snapshot, so a finished restore is not shown for the next one. */}
      {snapshot && <RestoreSteps key={snapshot.id} snapshot={snapshot} projectPath={projectPath} onClose={onClose} onOpened={onOpened} />}
    </Dialog>
  );
}

function RestoreSteps({ snapshot, projectPath, onClose, onOpened }: Props & { snapshot: BackupSnapshot }) {
  const { t } = useTranslation();
  const restore = useApiMutation('backup.restore');
  const open = useApiMutation('project.open', { onSuccess: (project) => onOpened?.(project) });
  const restored = restore.data;

  if (!restored) {
    return (
      <Dialog.Block className="stack stack--tight">
        <Paragraph data-size="sm">{t('backup.restore.explain', { date: formatDateTime(snapshot.takenAt) })}</Paragraph>
        <SnapshotFacts snapshot={snapshot} />
        {restore.error && <ErrorAlert title={t('backup.restore.failed')} error={restore.error} data-testid="restore-error" />}
        <div className="button-row">
          <Button
            data-size="sm"
            onClick={() => void restore.run({ id: snapshot.id, projectPath, open: false })}
            loading={restore.isPending}
            disabled={restore.isPending}
            data-testid="restore-confirm"
          >
            {t('backup.restore.confirm')}
          </Button>
          <Button data-size="sm" variant="secondary" onClick={onClose} data-testid="restore-cancel">
            {t('common.cancel')}
          </Button>
        </div>
      </Dialog.Block>
    );
  }
  return (
    <Dialog.Block className="stack stack--tight" aria-live="polite">
      <Paragraph data-size="sm">{t('backup.restore.done')}</Paragraph>
      <Paragraph data-size="sm">
        <span className="path" data-testid="restore-path">
          {restored.path}
        </span>
      </Paragraph>
      <Paragraph data-size="sm" className="muted">
        {t('backup.restore.originalKept')}
      </Paragraph>
      {open.error && <ErrorAlert title={t('backup.restore.openFailed')} error={open.error} data-testid="restore-open-error" />}
      <div className="button-row">
        <Button data-size="sm" onClick={() => void open.run({ path: restored.path })} loading={open.isPending} disabled={open.isPending} data-testid="restore-open">
          {t('backup.restore.open')}
        </Button>
        <Button data-size="sm" variant="secondary" onClick={onClose} data-testid="restore-close">
          {t('common.close')}
        </Button>
      </div>
    </Dialog.Block>
  );
}
