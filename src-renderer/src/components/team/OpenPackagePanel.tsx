// "Åpne arbeidspakke" on the start screen: a colleague opens the work
// package (.innspillpakke) the lead sent them. The core copies it to a
// working copy (.innspill) in the workspace folder and opens that.
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../../../src-shared/domain';
import { WORK_PACKAGE_EXTENSION } from '../../../../src-shared/team';
import { useApiMutation } from '../../api';
import { ErrorAlert } from '../ErrorAlert';
import { FileField, useFileChoice } from './FileField';
import { PassphraseField } from './PassphraseField';

interface Props {
  workspaceDir: string;
  onOpened: (project: ProjectSummary) => void;
}

export function OpenPackagePanel({ workspaceDir, onOpened }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const file = useFileChoice();
  const [target, setTarget] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const opener = useApiMutation('team.openPackage', { onSuccess: onOpened });
  // Stays busy once opened: the case screen replaces this one.
  const busy = opener.isPending || opener.isSuccess;
  const error = opener.error;

  function submit(event: FormEvent) {
    event.preventDefault();
    const path = file.requirePath();
    if (path) void opener.run({ path, target: target.trim() || undefined, passphrase: passphrase || undefined });
  }

  return (
    <section className="panel" aria-labelledby={headingId} data-testid="open-package-panel">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('team.open.heading')}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('team.open.intro')}
      </Paragraph>
      <form className="stack" onSubmit={submit} noValidate data-testid="open-package-form">
        <FileField
          label={t('team.open.path')}
          description={t('team.open.pathDescription')}
          accept={WORK_PACKAGE_EXTENSION}
          {...file.field}
          disabled={busy}
          testId="open-package-file"
        />
        <Textfield
          data-size="sm"
          label={t('team.open.target')}
          description={t('team.open.targetDescription', { dir: workspaceDir })}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          spellCheck={false}
          autoComplete="off"
          disabled={busy}
          data-testid="open-package-target"
        />
        <PassphraseField mode="use" value={passphrase} onChange={setPassphrase} disabled={busy} testId="open-package-passphrase" />
        {error && <ErrorAlert title={t('team.open.failed')} error={error} data-testid="open-package-error" />}
        <div>
          <Button type="submit" variant="secondary" loading={busy} disabled={busy} data-testid="open-package-submit">
            {busy ? t('team.open.opening') : t('team.open.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
