// Progress of a running import, as the core reports it file by file.
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
}

export function ImportProgress({ done, total, message, label }: Props) {
  const { t } = useTranslation();
  return (
    <ProgressPanel
      label={label}
      count={t('import.progress.count', { done: formatNumber(Math.min(done + 1, total)), total: formatNumber(total) })}
      done={done}
      total={total}
      message={message ? shownPath(message) : ''}
      testId="import-progress"
    />
  );
}
