// A running export: the step the core reports (progress task "export") as a
// bar, with what it is doing now. Before the first report the bar is
// indeterminate.
import { useTranslation } from 'react-i18next';
import { ProgressPanel } from '../ProgressPanel';

export interface ExportProgressState {
  done: number;
  total: number;
  message: string;
}

export function ExportProgress({ done, total, message }: ExportProgressState) {
  const { t } = useTranslation();
  const percent = total > 0 ? Math.round((Math.min(done, total) / total) * 100) : 0;
  return (
    <ProgressPanel
      label={t('export.progress.label')}
      count={t('export.progress.percent', { percent })}
      done={done}
      total={total}
      message={message}
      testId="export-progress"
    />
  );
}
