// What a package export wrote: the file's name, size and full path, a few
// counts, and "Åpne mappe" (through the core, which shows only files this
// session exported). Used for work packages and return packages alike.
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { toUiError, type UiError } from '../../lib/errors';
import { formatBytes } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';

interface Props {
  heading: string;
  fileName: string;
  path: string;
  sizeBytes: number;
  facts: { key: string; label: string; value: string }[];
  /** A closing remark, e.g. who to send the file to. */
  children?: ReactNode;
  'data-testid': string;
}

export function SavedFilePanel({ heading, fileName, path, sizeBytes, facts, children, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [notOpened, setNotOpened] = useState(false);
  const [error, setError] = useState<UiError | null>(null);

  async function reveal() {
    setBusy(true);
    setError(null);
    setNotOpened(false);
    try {
      const { opened } = await api.export.open({ path, reveal: true });
      setNotOpened(!opened);
    } catch (e) {
      setError(toUiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel stack stack--tight team-saved" aria-live="polite" data-testid={testId}>
      <Heading level={4} data-size="2xs">
        {heading}
      </Heading>
      <dl className="facts facts--compact">
        <div>
          <dt>{t('team.saved.file')}</dt>
          <dd data-testid={`${testId}-name`}>{fileName}</dd>
        </div>
        <div>
          <dt>{t('team.saved.size')}</dt>
          <dd>{formatBytes(sizeBytes)}</dd>
        </div>
        {facts.map((f) => (
          <div key={f.key}>
            <dt>{f.label}</dt>
            <dd data-testid={`${testId}-${f.key}`}>{f.value}</dd>
          </div>
        ))}
      </dl>
      <Paragraph data-size="sm">
        <span className="muted">{t('team.saved.savedAt')}</span>{' '}
        <span className="path" data-testid={`${testId}-path`}>
          {path}
        </span>
      </Paragraph>
      {children}
      <div className="button-row">
        <Button data-size="sm" variant="secondary" onClick={() => void reveal()} loading={busy} disabled={busy} data-testid={`${testId}-reveal`}>
          {t('team.saved.reveal')}
        </Button>
      </div>
      {notOpened && (
        <Alert data-color="warning" data-size="sm">
          <Paragraph data-size="sm">{t('team.saved.notOpened')}</Paragraph>
        </Alert>
      )}
      {error && <ErrorAlert title={t('team.saved.revealFailed')} error={error} />}
    </section>
  );
}
