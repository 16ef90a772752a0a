// Progress of a running import, as the core reports it file by file.
import { Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { shownPath } from './FileParts';

interface Props {
  done: number;
  total: number;
  message: string;
  /** What is happening ("Importerer …", "Laster opp …"). */
  label: string;
}

export function ImportProgress({ done, total, message, label }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const known = total > 0;
  return (
    <div className="import-progress" data-testid="import-progress">
      <div className="import-progress__label">
        <Spinner aria-hidden data-size="sm" />
        <Paragraph id={id}>
          <strong>{label}</strong>
          {known && <> {t('import.progress.count', { done: formatNumber(Math.min(done + 1, total)), total: formatNumber(total) })}</>}
        </Paragraph>
      </div>
      <progress
        className="progress"
        aria-labelledby={id}
        max={known ? total : undefined}
        value={known ? done : undefined}
        data-testid="import-progress-bar"
      />
      <Paragraph data-size="sm" className="muted import-progress__file" aria-live="polite">
        {message ? shownPath(message) : '\u00a0'}
      </Paragraph>
    </div>
  );
}
