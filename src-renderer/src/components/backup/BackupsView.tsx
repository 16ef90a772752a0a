// «Sikkerhetskopier»: the open project's snapshots (when, why, what they hold,
// how large), a snapshot taken now, one verified (checksum and SQLite's
// integrity check), one restored as a new project file beside the original,
// and the settings that decide where they go and how many are kept.
import { Alert, Button, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSnapshot, BackupVerifyResult } from '../../../../src-shared/backup';
import { useApiMutation, useApiQuery } from '../../api';
import { formatBytes, formatDateTime, formatNumber } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { LoadingState } from '../LoadingState';
import { BackupSettingsForm } from './BackupSettingsForm';
import { RestoreDialog } from './RestoreDialog';
import './backup.css';
import { ViewHeader } from '../ViewHeader';

export function BackupsView() {
  const { t } = useTranslation();
  const headingId = useId();
  const list = useApiQuery('backup.list', {});
  const settings = useApiQuery('settings.get', {});
  const create = useApiMutation('backup.create');
  const [verified, setVerified] = useState<Record<string, BackupVerifyResult>>({});
  const verify = useApiMutation('backup.verify', { onSuccess: (result) => setVerified((prev) => ({ ...prev, [result.id]: result })) });
  const [restoring, setRestoring] = useState<BackupSnapshot | null>(null);
  // Newest first: the one a user most likely wants back.
  const snapshots = [...(list.data?.snapshots ?? [])].sort((a, b) => b.takenAt.localeCompare(a.takenAt));

  return (
    <section className="stack" aria-labelledby={headingId} data-testid="backups-view">
      <ViewHeader
        id={headingId}
        title={t('backup.heading')}
        description={t('backup.intro')}
        actions={
          <Button data-size="sm" onClick={() => void create.run({})} loading={create.isPending} disabled={create.isPending} data-testid="backup-create">
            {t('backup.create')}
          </Button>
        }
      />
      {list.data && (
        <Paragraph data-size="sm">
          <span className="muted">{t('backup.folder')}</span>{' '}
          <span className="path" data-testid="backup-folder">
            {list.data.folder}
          </span>
        </Paragraph>
      )}
      {create.data && (
        <Paragraph data-size="sm" role="status" data-testid="backup-created">
          {t('backup.created', { date: formatDateTime(create.data.takenAt) })}
        </Paragraph>
      )}
      {create.error && <ErrorAlert title={t('backup.createFailed')} error={create.error} data-testid="backup-create-error" />}
      {list.data?.lastFailure && (
        <Alert data-color="warning" data-size="sm" data-testid="backup-last-failure">
          <Paragraph data-size="sm">
            {t('backup.lastFailure', { date: formatDateTime(list.data.lastFailure.at), reason: t(`backup.reasons.${list.data.lastFailure.reason}`) })}
          </Paragraph>
          <Paragraph data-size="sm" className="error-detail">
            {list.data.lastFailure.message}
          </Paragraph>
        </Alert>
      )}
      {list.error && <ErrorAlert title={t('backup.listFailed')} error={list.error} />}
      {list.isPending && <LoadingState label={t('app.loading')} />}
      {list.data && snapshots.length === 0 && (
        <Paragraph className="muted empty-state" data-testid="backup-empty">
          {t('backup.empty')}
        </Paragraph>
      )}
      {verify.error && <ErrorAlert title={t('backup.verifyFailed')} error={verify.error} data-testid="backup-verify-error" />}
      {snapshots.length > 0 && (
        <div className="table-scroll">
          <Table zebra border data-size="sm" data-color="neutral" className="backup-table" data-testid="backup-table">
            <caption className="ds-sr-only">{t('backup.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('backup.columns.takenAt')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('backup.columns.reason')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('backup.columns.responses')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('backup.columns.codings')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('backup.columns.size')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('backup.columns.check')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">
                  <span className="ds-sr-only">{t('backup.columns.actions')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {snapshots.map((s) => {
                const when = formatDateTime(s.takenAt);
                const result = verified[s.id];
                return (
                  <Table.Row key={s.id} data-testid="backup-row" data-id={s.id}>
                    <Table.HeaderCell scope="row" className="row-header" data-testid="backup-time">
                      {when}
                    </Table.HeaderCell>
                    <Table.Cell data-testid="backup-reason">{t(`backup.reasons.${s.reason}`)}</Table.Cell>
                    <Table.Cell className="numeric" data-testid="backup-responses">
                      {formatNumber(s.counts.responses)}
                    </Table.Cell>
                    <Table.Cell className="numeric" data-testid="backup-codings">
                      {formatNumber(s.counts.codings)}
                    </Table.Cell>
                    <Table.Cell className="numeric" data-testid="backup-size">
                      {formatBytes(s.compressedBytes)}
                    </Table.Cell>
                    <Table.Cell data-testid="backup-check" aria-live="polite">
                      {result &&
                        (result.ok ? (
                          <Tag data-color="success" data-size="sm">
                            {t('backup.verify.ok')}
                          </Tag>
                        ) : (
                          <span className="stack stack--tight">
                            <Tag data-color="danger" data-size="sm">
                              {t('backup.verify.bad')}
                            </Tag>
                            <span className="muted">
                              {!result.checksumOk && t('backup.verify.checksum')} {result.integrity !== 'ok' && result.integrity}
                            </span>
                          </span>
                        ))}
                    </Table.Cell>
                    <Table.Cell className="actions">
                      <div className="button-row button-row--tight">
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          onClick={() => void verify.run({ id: s.id })}
                          loading={verify.isPending && verify.variables?.id === s.id}
                          disabled={verify.isPending}
                          aria-label={t('backup.verify.labelFor', { date: when })}
                          data-testid="backup-verify"
                        >
                          {t('backup.verify.label')}
                        </Button>
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          onClick={() => setRestoring(s)}
                          aria-label={t('backup.restore.labelFor', { date: when })}
                          data-testid="backup-restore"
                        >
                          {t('backup.restore.label')}
                        </Button>
                      </div>
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      )}
      {settings.data && <BackupSettingsForm settings={settings.data.backup} />}
      <RestoreDialog snapshot={restoring} onClose={() => setRestoring(null)} />
    </section>
  );
}
