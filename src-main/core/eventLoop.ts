// Lets the event loop turn during long synchronous work (an import writes
// tens of thousands of rows through synchronous SQLite), so the core process
// keeps answering other calls and sending progress. Work that turns inside a
// transaction must be an EXCLUSIVE_METHOD (api/gate.ts): nothing else may
// touch the project while the transaction is open.

/** How long synchronous work may hold the event loop: well under the 100 ms a read may take. */
export const TURN_EVERY_MS = 20;

/** How much of a file one step hashes or decodes: a few milliseconds of work. */
export const SLICE_BYTES = 1 << 20;

/** Awaited often in a long loop; resolves at once (undefined) unless it is time to turn. */
export type Turn = () => Promise<void> | undefined;

/**
 * A function to await often in a long loop: it returns at once, except when
 * `everyMs` have passed since the last turn, then it lets pending I/O (calls,
 * events) run first.
 */
export function turnTaker(everyMs = TURN_EVERY_MS): Turn {
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

/**
 * Work written once as a generator that yields between slices (hashing,
 * decoding a file) runs either at once, for small inputs and synchronous
 * callers, or turning: `turn` is awaited at each yield.
 */
export type Sliced<T> = Generator<void, T, void>;

export function runAtOnce<T>(work: Sliced<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** Runs `work`, awaiting `turn` at each yield; if a turn throws (a cancel), the error is thrown into the work at its yield, so its `finally` blocks run. */
export async function runTurning<T>(work: Sliced<T>, turn: Turn): Promise<T> {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    try {
      await turn();
    } catch (e) {
      work.throw(e);
      throw e;
    }
  }
}
