// Stopping an import the user cancelled: the import checks an AbortSignal at
// the points where it lets the event loop turn (where a cancel call can have
// arrived) and throws CANCELLED, so the open file's transaction rolls back.
import { ApiError } from '../../../src-shared/errors';

export const CANCELLED_MESSAGE = 'Importen ble avbrutt. Ingenting ble lagret fra denne importen.';

/** The message when files earlier in the same import had already been saved: the user must not be told "nothing". */
export function cancelledAfterSaving(savedFiles: string[]): string {
  const names = savedFiles.slice(0, 3).map((f) => `«${f}»`).join(', ') + (savedFiles.length > 3 ? ' …' : '');
  const files = savedFiles.length === 1 ? '1 fil' : `${savedFiles.length} filer`;
  return `Importen ble avbrutt. ${files} var allerede lagret (${names}) og ligger i saken; resten ble ikke importert.`;
}

export function isCancelled(e: unknown): e is ApiError {
  return e instanceof ApiError && e.code === 'CANCELLED';
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ApiError('CANCELLED', CANCELLED_MESSAGE);
}

/** Wraps a turn taker (eventLoop.ts) so each call first checks the signal. */
export function cancellable(turn: () => Promise<void> | undefined, signal: AbortSignal | undefined): () => Promise<void> | undefined {
  if (!signal) return turn;
  return () => {
    throwIfCancelled(signal);
    return turn();
  };
}
