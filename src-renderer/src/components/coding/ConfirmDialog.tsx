// A small confirmation dialog for destructive codebook actions (merge, delete).
import { Button, Dialog, Heading } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  disabled?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  'data-testid'?: string;
}

export function ConfirmDialog({ open, title, children, confirmLabel, danger, busy, disabled, onConfirm, onClose, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} closeButton={t('common.closeDialog')} aria-label={title} className="cw-confirm" data-testid={testId}>
      {open && (
        <>
          <Dialog.Block>
            <Heading level={2} data-size="xs">
              {title}
            </Heading>
          </Dialog.Block>
          <Dialog.Block className="stack stack--tight">{children}</Dialog.Block>
          <Dialog.Block>
            <div className="button-row">
              <Button
                data-size="sm"
                data-color={danger ? 'danger' : undefined}
                onClick={onConfirm}
                loading={busy}
                disabled={busy || disabled}
                data-testid={testId ? `${testId}-confirm` : undefined}
              >
                {confirmLabel}
              </Button>
              <Button data-size="sm" variant="secondary" onClick={onClose} data-testid={testId ? `${testId}-cancel` : undefined}>
                {t('common.cancel')}
              </Button>
            </div>
          </Dialog.Block>
        </>
      )}
    </Dialog>
  );
}
