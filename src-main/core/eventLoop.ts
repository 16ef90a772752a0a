// Lets the event loop turn during long synchronous work (an import writes
// tens of thousands of rows through synchronous SQLite), so the core process
// keeps answering other calls and sending progress. Work that turns inside a
// transaction must be an EXCLUSIVE_METHOD (api/gate.ts): nothing else may
// touch the project while the transaction is open.

/** How long synchronous work may hold the event loop: well under the 100 ms a read may take. */
export const TURN_EVERY_MS = 20;

/**
 * A function to await often in a long loop: it returns at once, except when
 * `everyMs` have passed since the last turn, then it lets pending I/O (calls,
 * events) run first.
 */
export function turnTaker(everyMs = TURN_EVERY_MS): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    if (performance.now() - last < everyMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        last = performance.now();
        resolve();
      }),
    );
  };
}
