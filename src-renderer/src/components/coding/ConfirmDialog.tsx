// A small confirmation dialog for destructive actions (codebook merge and
// delete, a response's permanent erasure). Focus stays inside while it is open.
import { Button, Dialog, Heading } from '@digdir/designsystemet-react';
import type { KeyboardEvent, ReactNode } from 'react';
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

const FOCUSABLE = 'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])';

/**
 * Tab from the last control comes back to the first, Shift+Tab from the first goes to the last: the native
 * modal makes the page behind inert but would let the focus leave for the window itself.
 */
function keepFocusInside(e: KeyboardEvent<HTMLDialogElement>): void {
  if (e.key !== 'Tab') return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.matches(':disabled') && el.getClientRects().length > 0);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (!e.shiftKey && (active === last || !e.currentTarget.contains(active))) {
    e.preventDefault();
    first.focus();
  } else if (e.shiftKey && (active === first || !e.currentTarget.contains(active))) {
    e.preventDefault();
    last.focus();
  }
}

export function ConfirmDialog({ open, title, children, confirmLabel, danger, busy, disabled, onConfirm, onClose, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} closeButton={t('common.closeDialog')} aria-label={title} className="cw-confirm" data-testid={testId} onKeyDown={keepFocusInside}>
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
