// Stopping an import the user cancelled (core/tasks.ts): the import checks an
// AbortSignal at the points where it lets the event loop turn (where a cancel
// call can have arrived) and throws CANCELLED with these messages, so the
// open file's transaction rolls back.
import type { Turn } from '../eventLoop';
import { cancellable as cancellableWith, throwIfCancelled as throwIfCancelledWith } from '../tasks';

export { isCancelled } from '../tasks';

export const CANCELLED_MESSAGE = 'Importen ble avbrutt. Ingenting ble lagret fra denne importen.';

/** The message when files earlier in the same import had already been saved: the user must not be told "nothing". */
export function cancelledAfterSaving(savedFiles: string[]): string {
  const names = savedFiles.slice(0, 3).map((f) => `«${f}»`).join(', ') + (savedFiles.length > 3 ? ' …' : '');
  const files = savedFiles.length === 1 ? '1 fil' : `${savedFiles.length} filer`;
  return `Importen ble avbrutt. ${files} var allerede lagret (${names}) og ligger i saken; resten ble ikke importert.`;
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  throwIfCancelledWith(signal, CANCELLED_MESSAGE);
}

/** Wraps a turn taker (eventLoop.ts) so each call first checks the signal. */
export function cancellable(turn: Turn, signal: AbortSignal | undefined): Turn {
  return cancellableWith(turn, signal, CANCELLED_MESSAGE);
}
