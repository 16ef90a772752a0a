// Progress of a running import, as the core reports it: files done of all,
// the file it is on with its rows (or OCR pages), an estimate of the time
// left, and the button that stops it after the current file (task.cancel).
import { Button } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportProgress as Detail } from '../../../../src-shared/imports';
import { formatNumber } from '../../lib/format';
import { ProgressPanel } from '../ProgressPanel';
import { shownPath } from './FileParts';

interface Props {
  done: number;
  total: number;
  message: string;
  /** The import's own figures (current file, rows, estimate), when the core sent them. */
  detail?: Detail | null;
  /** What is happening ("Importerer …", "Laster opp …"). */
  label: string;
  /** Shown as an *Avbryt* button when given; disabled once pressed. */
  onCancel?: () => void;
  cancelling?: boolean;
}

/** "ca. 2 min igjen"; empty while there is no estimate. */
export function etaText(t: TFunction, seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '';
  const minutes = Math.ceil(seconds / 60);
  const text =
    seconds < 60
      ? t('import.progress.seconds', { n: Math.max(5, Math.ceil(seconds / 5) * 5) })
      : minutes < 60
        ? t('import.progress.minutes', { n: minutes })
        : t('import.progress.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
  return t('import.progress.eta', { text });
}

/** The line under the bar: the current file, how far it is, and the estimate. */
export function progressMessage(t: TFunction, message: string, detail: Detail | null | undefined): string {
  if (!detail) return message ? shownPath(message) : '';
  const parts: string[] = [];
  if (detail.current) parts.push(shownPath(detail.current));
  if (detail.step && detail.step.total > 0) {
    const n = { done: formatNumber(detail.step.done), total: formatNumber(detail.step.total) };
    parts.push(detail.step.unit === 'pages' ? t('import.progress.pages', n) : t('import.progress.rows', n));
  }
  const eta = etaText(t, detail.etaSeconds);
  if (eta) parts.push(eta);
  return parts.join(' · ');
}

export function ImportProgress({ done, total, message, detail, label, onCancel, cancelling = false }: Props) {
  const { t } = useTranslation();
  // With the import's figures the bar follows the share done (files weighed by size), in thousandths.
  const barDone = detail ? Math.round(detail.fraction * 1000) : done;
  const barTotal = detail ? 1000 : total;
  const panel = (
    <ProgressPanel
      label={label}
      count={t('import.progress.count', { done: formatNumber(Math.min(done + 1, total)), total: formatNumber(total) })}
      done={barDone}
      total={total > 0 ? barTotal : 0}
      message={progressMessage(t, message, detail)}
      testId="import-progress"
    />
  );
  if (!onCancel) return panel;
  return (
    <div className="stack">
      {panel}
      <div>
        <Button variant="secondary" onClick={onCancel} disabled={cancelling} data-testid="import-cancel">
          {cancelling ? t('import.run.cancelling') : t('import.run.cancelRunning')}
        </Button>
      </div>
    </div>
  );
}
