// What an export wrote: the file's name and size, the counts of what went in,
// buttons that open the file or show it in its folder (through the core, which
// opens only files this session exported), and the full path as text.
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../../../src-shared/export';
import { api } from '../../api/client';
import { toUiError, type UiError } from '../../lib/errors';
import { formatBytes, formatNumber } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';

interface Props {
  result: ExportResult;
}

/** Who the export covers first, then what it holds; keys not listed come last. */
const COUNT_ORDER = [
  'responses',
  'municipalitiesAnswered',
  'municipalitiesInScope',
  'otherRespondents',
  'respondents',
  'unanswered',
  'districts',
  'questions',
  'variables',
  'codes',
  'codings',
  'quotes',
  'findings',
  'stationCandidates',
  'images',
  'footnotes',
  'appendixResponses',
  'truncatedCells',
];
const rank = (key: string) => {
  const i = COUNT_ORDER.indexOf(key);
  return i < 0 ? COUNT_ORDER.length : i;
};

/** 1234 ms → "1,2 s"; below a second in milliseconds. */
function formatDuration(ms: number): string {
  if (ms < 1000) return `${formatNumber(Math.round(ms))} ms`;
  return `${formatNumber(Math.round(ms / 100) / 10)} s`;
}

export function ExportResultPanel({ result }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'open' | 'reveal' | null>(null);
  const [notOpened, setNotOpened] = useState(false);
  const [error, setError] = useState<UiError | null>(null);

  async function open(reveal: boolean) {
    setBusy(reveal ? 'reveal' : 'open');
    setError(null);
    setNotOpened(false);
    try {
      const { opened } = await api.export.open({ path: result.path, reveal });
      setNotOpened(!opened);
    } catch (e) {
      setError(toUiError(e));
    } finally {
      setBusy(null);
    }
  }

  const counts = Object.entries(result.counts).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  return (
    <section className="panel export-result stack stack--tight" aria-live="polite" data-testid="export-result">
      <Heading level={3} data-size="xs">
        {t('export.result.heading')}
      </Heading>
      <dl className="facts facts--compact">
        <div>
          <dt>{t('export.result.file')}</dt>
          <dd data-testid="export-result-name">{result.fileName}</dd>
        </div>
        <div>
          <dt>{t('export.result.size')}</dt>
          <dd data-testid="export-result-size">{formatBytes(result.sizeBytes)}</dd>
        </div>
        {counts.map(([key, n]) => (
          <div key={key}>
            <dt>{t(`export.counts.${key}`, { defaultValue: key })}</dt>
            <dd data-testid="export-result-count" data-key={key}>
              {formatNumber(n)}
            </dd>
          </div>
        ))}
        <div>
          <dt>{t('export.result.duration')}</dt>
          <dd data-testid="export-result-duration">{formatDuration(result.durationMs)}</dd>
        </div>
      </dl>
      <div className="button-row">
        <Button data-size="sm" onClick={() => void open(false)} loading={busy === 'open'} disabled={busy !== null} data-testid="export-open-file">
          {t('export.result.open')}
        </Button>
        <Button data-size="sm" variant="secondary" onClick={() => void open(true)} loading={busy === 'reveal'} disabled={busy !== null} data-testid="export-reveal-file">
          {t('export.result.reveal')}
        </Button>
      </div>
      <Paragraph data-size="sm">
        <span className="muted">{t('export.result.savedAt')}</span>{' '}
        <span className="path" data-testid="export-result-path">
          {result.path}
        </span>
      </Paragraph>
      {notOpened && (
        <Alert data-color="warning" data-size="sm" data-testid="export-not-opened">
          <Paragraph data-size="sm">{t('export.result.notOpened')}</Paragraph>
        </Alert>
      )}
      {error && <ErrorAlert title={t('export.result.openFailed')} error={error} data-testid="export-open-error" />}
    </section>
  );
}
