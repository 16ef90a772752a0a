// The cancellation check wrapped around the import's turn taker: it passes
// through until the signal is aborted, then throws CANCELLED before any more work.
import { describe, expect, it } from 'vitest';
import { cancellable, CANCELLED_MESSAGE, cancelledAfterSaving, isCancelled } from '../../../../src-main/core/import/cancel';
import { ApiError } from '../../../../src-shared/errors';

describe('cancellable', () => {
  it('turns as before until the signal is aborted, then throws CANCELLED', () => {
    const controller = new AbortController();
    let turns = 0;
    const turn = cancellable(() => {
      turns++;
      return undefined;
    }, controller.signal);
    turn();
    turn();
    controller.abort();
    let thrown: unknown;
    try {
      turn();
    } catch (e) {
      thrown = e;
    }
    expect(turns).toBe(2);
    expect(isCancelled(thrown)).toBe(true);
    expect((thrown as ApiError).message).toBe(CANCELLED_MESSAGE);
  });

  it('is the plain turn taker without a signal', () => {
    const turn = () => undefined;
    expect(cancellable(turn, undefined)).toBe(turn);
  });

  it('tells only CANCELLED apart from other errors', () => {
    expect(isCancelled(new ApiError('INTERNAL', 'x'))).toBe(false);
    expect(isCancelled(new Error('CANCELLED'))).toBe(false);
  });

  it('names the files already saved (at most three) when a cancel comes after some', () => {
    expect(cancelledAfterSaving(['a.csv', 'b.csv', 'c.csv', 'd.csv'])).toBe(
      'Importen ble avbrutt. 4 filer var allerede lagret («a.csv», «b.csv», «c.csv» …) og ligger i saken; resten ble ikke importert.',
    );
  });
});
