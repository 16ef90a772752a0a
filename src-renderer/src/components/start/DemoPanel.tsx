// "Prøv med eksempeldata": creates a new case and loads the synthetic demo
// responses into it, under the first free file name.
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../../../src-shared/domain';
import { api } from '../../api/client';
import { toUiError, type UiError } from '../../lib/errors';
import { ErrorAlert } from '../ErrorAlert';

const BASE_NAME = 'eksempel';
const MAX_TRIES = 50;

interface Props {
  onStart: () => void;
  onEnd: (project: ProjectSummary | null) => void;
}

export function DemoPanel({ onStart, onEnd }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);

  async function start() {
    setBusy(true);
    setError(null);
    onStart();
    for (let n = 1; n <= MAX_TRIES; n++) {
      const path = n === 1 ? `${BASE_NAME}.innspill` : `${BASE_NAME}-${n}.innspill`;
      try {
        const { project } = await api.import.demo({ path });
        onEnd(project);
        return;
      } catch (e) {
        const ui = toUiError(e);
        if (ui.code === 'FILE_EXISTS') continue;
        setError(ui);
        setBusy(false);
        onEnd(null);
        return;
      }
    }
    setError({ code: 'FILE_EXISTS', message: t('start.demo.noFreeName') });
    setBusy(false);
    onEnd(null);
  }

  return (
    <section className="panel demo-panel" aria-labelledby={headingId} data-testid="demo-panel">
      <div className="demo-panel__text">
        <Heading level={2} data-size="xs" id={headingId}>
          {t('start.demo.heading')}
        </Heading>
        <Paragraph data-size="sm">{t('start.demo.intro')}</Paragraph>
        <Paragraph data-size="sm" className="muted">
          {t('start.demo.synthetic')}
        </Paragraph>
      </div>
      <div>
        <Button variant="secondary" onClick={() => void start()} loading={busy} disabled={busy} data-testid="demo-button">
          {busy ? t('start.demo.loading') : t('start.demo.button')}
        </Button>
      </div>
      {error && <ErrorAlert title={t('start.demo.failed')} error={error} data-testid="demo-error" />}
    </section>
  );
}
