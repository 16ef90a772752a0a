// In a working copy: what the caseworker has changed since the package was
// made (per kind), and "Lag returpakke", which writes those changes to one
// file for the lead to merge. A return is cumulative, so making a new one
// later loses nothing.
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RETURN_PACKAGE_EXTENSION, type WorkingCopyInfo } from '../../../../src-shared/team';
import { useApiMutation, useApiQuery } from '../../api';
import { formatDateTime, formatNumber, typedTarget } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { LoadingState } from '../LoadingState';
import { SavedFilePanel } from '../SavedFilePanel';
import { PassphraseField, passphraseProblem } from './PassphraseField';
import { entityCounts, joinNames } from './teamText';

interface Props {
  copy: WorkingCopyInfo;
}

export function ReturnPanel({ copy }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data: preview, error: loadError } = useApiQuery('team.returnPreview', {});
  const [fileName, setFileName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const exporter = useApiMutation('team.exportReturn');
  const busy = exporter.isPending;
  const result = exporter.data ?? null;
  const error = exporter.error;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (passphraseProblem(passphrase)) return;
    void exporter.run({ target: typedTarget(fileName, RETURN_PACKAGE_EXTENSION), passphrase: passphrase || undefined });
  }

  const counts = preview ? entityCounts(t, preview.byEntity) : [];
  return (
    <section className="panel stack" aria-labelledby={headingId} data-testid="team-return">
      <Heading level={3} data-size="xs" id={headingId}>
        {t('team.return.heading')}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('team.return.intro', { title: copy.masterTitle, by: copy.exportedBy, date: formatDateTime(copy.exportedAt) })}
      </Paragraph>
      {loadError && <ErrorAlert title={t('team.return.previewFailed')} error={loadError} />}
      {!preview && !loadError && <LoadingState label={t('app.loading')} />}
      {preview && (
        <div className="stack stack--tight" data-testid="team-return-preview" data-changes={preview.changes}>
          <Paragraph data-size="sm">
            <strong>
              {preview.changes === 0
                ? t('team.return.none')
                : t('team.return.changes', { count: preview.changes, formatted: formatNumber(preview.changes) })}
            </strong>
            {preview.actors.length > 0 && <> {t('team.return.actors', { names: joinNames(t, preview.actors) })}</>}
          </Paragraph>
          {counts.length > 0 && (
            <dl className="facts facts--compact">
              {counts.map((c) => (
                <div key={c.key}>
                  <dt>{c.label}</dt>
                  <dd data-testid="team-return-count" data-kind={c.key}>
                    {c.value}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      )}
      <form className="stack" onSubmit={submit} noValidate>
        <Textfield
          data-size="sm"
          label={t('team.return.fileName')}
          description={t('team.return.fileNameDescription')}
          value={fileName}
          onChange={(e) => setFileName(e.target.value)}
          spellCheck={false}
          autoComplete="off"
          data-testid="team-return-file"
        />
        <PassphraseField mode="make" value={passphrase} onChange={setPassphrase} disabled={busy} testId="team-return-passphrase" />
        <div>
          <Button type="submit" data-size="sm" loading={busy} disabled={busy} data-testid="team-return-submit">
            {t('team.return.submit')}
          </Button>
        </div>
      </form>
      {error && <ErrorAlert title={t('team.return.failed')} error={error} data-testid="team-return-error" />}
      {result && (
        <SavedFilePanel
          level={4}
          className="team-saved"
          heading={t('team.return.resultHeading')}
          fileName={result.fileName}
          path={result.path}
          sizeBytes={result.sizeBytes}
          facts={[{ key: 'changes', label: t('team.return.changesLabel'), value: formatNumber(result.changes) }]}
          data-testid="team-return-result"
        >
          <Paragraph data-size="sm">{t('team.return.sendIt', { name: copy.exportedBy })}</Paragraph>
          {result.encrypted && <Paragraph data-size="sm" data-testid="team-return-encrypted">{t('team.passphrase.encrypted')}</Paragraph>}
        </SavedFilePanel>
      )}
    </section>
  );
}
