// "Prøv med eksempeldata": creates a new case and loads the synthetic demo
// responses into it, under the first free file name (a name taken is tried
// with the next number; any other failure stops the loop and is shown).
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../../../src-shared/domain';
import { useApiMutation } from '../../api';
import type { UiError } from '../../lib/errors';
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
  const demo = useApiMutation('import.demo');
  // Set when no free name is left; the call's own failure is in demo.error.
  const [noFreeName, setNoFreeName] = useState<UiError | null>(null);
  const [looping, setLooping] = useState(false);
  const busy = looping || demo.isPending;
  const error = noFreeName ?? (looping ? null : demo.error);

  async function start() {
    setLooping(true);
    setNoFreeName(null);
    demo.reset();
    onStart();
    for (let n = 1; n <= MAX_TRIES; n++) {
      const path = n === 1 ? `${BASE_NAME}.innspill` : `${BASE_NAME}-${n}.innspill`;
      const result = await demo.mutateAsync({ path }).catch((e: UiError) => e);
      if ('project' in result) {
        // Stays busy: the case opens in its place.
        onEnd(result.project);
        return;
      }
      if (result.code === 'FILE_EXISTS') continue;
      setLooping(false);
      onEnd(null);
      return;
    }
    setNoFreeName({ code: 'FILE_EXISTS', message: t('start.demo.noFreeName') });
    setLooping(false);
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
