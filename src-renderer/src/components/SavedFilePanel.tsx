// What an export wrote: the file's name and size, a few counts, the full path,
// and buttons that open the file or show it in its folder (through the core,
// which opens only files this session exported). Used by the export view and
// for work packages and return packages alike. It appears where the user
// was working: scrolled into view and focused, so the result is not left
// below the fold after the button that made it.
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { toUiError, type UiError } from '../lib/errors';
import { formatBytes } from '../lib/format';
import { ErrorAlert } from './ErrorAlert';

export interface SavedFileFact {
  key: string;
  label: string;
  value: string;
}

interface Props {
  heading: string;
  level: 3 | 4;
  fileName: string;
  path: string;
  sizeBytes: number;
  /** Shown after the size; each value gets the test id `<testId>-<key>`. */
  facts: SavedFileFact[];
  /** Offer "open the file" besides "show in folder" (packages are only sent on). */
  canOpen?: boolean;
  /** A closing remark, e.g. who to send the file to. */
  children?: ReactNode;
  className?: string;
  /** Prefix of the test ids: `-name`, `-size`, `-path`, `-open`, `-reveal`, `-not-opened`, `-open-error`. */
  'data-testid': string;
}

export function SavedFilePanel({ heading, level, fileName, path, sizeBytes, facts, canOpen = false, children, className, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'open' | 'reveal' | null>(null);
  const [notOpened, setNotOpened] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const headingId = useId();
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    const el = panel.current;
    if (!el) return;
    el.scrollIntoView({ block: 'nearest' });
    el.focus({ preventScroll: true });
  }, []);

  async function open(reveal: boolean) {
    setBusy(reveal ? 'reveal' : 'open');
    setError(null);
    setNotOpened(false);
    try {
      const { opened } = await api.export.open({ path, reveal });
      setNotOpened(!opened);
    } catch (e) {
      setError(toUiError(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section
      ref={panel}
      tabIndex={-1}
      aria-labelledby={headingId}
      className={`panel stack stack--tight saved-file${className ? ` ${className}` : ''}`}
      aria-live="polite"
      data-testid={testId}
    >
      <Heading level={level} data-size={level === 3 ? 'xs' : '2xs'} id={headingId}>
        {heading}
      </Heading>
      <dl className="facts facts--compact">
        <div>
          <dt>{t('export.result.file')}</dt>
          <dd data-testid={`${testId}-name`}>{fileName}</dd>
        </div>
        <div>
          <dt>{t('export.result.size')}</dt>
          <dd data-testid={`${testId}-size`}>{formatBytes(sizeBytes)}</dd>
        </div>
        {facts.map((f) => (
          <div key={f.key}>
            <dt>{f.label}</dt>
            <dd data-testid={`${testId}-${f.key}`}>{f.value}</dd>
          </div>
        ))}
      </dl>
      <Paragraph data-size="sm">
        <span className="muted">{t('export.result.savedAt')}</span>{' '}
        <span className="path" data-testid={`${testId}-path`}>
          {path}
        </span>
      </Paragraph>
      {children}
      <div className="button-row">
        {canOpen && (
          <Button data-size="sm" onClick={() => void open(false)} loading={busy === 'open'} disabled={busy !== null} data-testid={`${testId}-open`}>
            {t('export.result.open')}
          </Button>
        )}
        <Button data-size="sm" variant="secondary" onClick={() => void open(true)} loading={busy === 'reveal'} disabled={busy !== null} data-testid={`${testId}-reveal`}>
          {t('export.result.reveal')}
        </Button>
      </div>
      {notOpened && (
        <Alert data-color="warning" data-size="sm" data-testid={`${testId}-not-opened`}>
          <Paragraph data-size="sm">{t('export.result.notOpened')}</Paragraph>
        </Alert>
      )}
      {error && <ErrorAlert title={t('export.result.openFailed')} error={error} data-testid={`${testId}-open-error`} />}
    </section>
  );
}
