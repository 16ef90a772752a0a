// Progress of a running import, as the core reports it file by file, with
// the button that cancels it (task.cancel; the import rolls back).
import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { ProgressPanel } from '../ProgressPanel';
import { shownPath } from './FileParts';

interface Props {
  done: number;
  total: number;
  message: string;
  /** What is happening ("Importerer …", "Laster opp …"). */
  label: string;
  /** Shown as an *Avbryt* button when given; disabled once pressed. */
  onCancel?: () => void;
  cancelling?: boolean;
}

export function ImportProgress({ done, total, message, label, onCancel, cancelling = false }: Props) {
  const { t } = useTranslation();
  const panel = (
    <ProgressPanel
      label={label}
      count={t('import.progress.count', { done: formatNumber(Math.min(done + 1, total)), total: formatNumber(total) })}
      done={done}
      total={total}
      message={message ? shownPath(message) : ''}
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
