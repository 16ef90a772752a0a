// Who may touch the open project while a call runs. An import lets the event
// loop turn inside its write transaction (so the core keeps answering and
// sending progress); the gate makes sure nothing else reads half-written rows
// or closes the project meanwhile. All other calls interleave as before.
import type { Dispatch } from './dispatch';

/**
 * Calls that let the event loop turn inside a transaction: they run alone
 * (after the calls before them finish; later calls wait for them).
 */
export const EXCLUSIVE_METHODS: ReadonlySet<string> = new Set(['import.run', 'import.demo']);

/**
 * Calls that never touch the open project, so they answer even while an
 * import holds it (the UI's "is the core alive" and settings reads, and the
 * cancel that must reach the import it would otherwise wait behind).
 */
export const FREE_METHODS: ReadonlySet<string> = new Set(['app.info', 'settings.get', 'project.templates', 'task.cancel']);

type Mode = 'shared' | 'exclusive';

/** A first-come, first-served reader–writer lock. */
export class ProjectGate {
  private shared = 0;
  private exclusive = false;
  private readonly waiting: { mode: Mode; start: () => void }[] = [];

  async run<T>(mode: Mode, work: () => Promise<T>): Promise<T> {
    await this.enter(mode);
    try {
      return await work();
    } finally {
      this.leave(mode);
    }
  }

  private canStart(mode: Mode): boolean {
    return mode === 'exclusive' ? !this.exclusive && this.shared === 0 : !this.exclusive;
  }

  private take(mode: Mode): void {
    if (mode === 'exclusive') this.exclusive = true;
    else this.shared++;
  }

  private enter(mode: Mode): Promise<void> {
    // Nobody overtakes a waiting call: a read behind an import waits for it.
    if (this.waiting.length === 0 && this.canStart(mode)) {
      this.take(mode);
      return Promise.resolve();
    }
    return new Promise((start) => this.waiting.push({ mode, start }));
  }

  private leave(mode: Mode): void {
    if (mode === 'exclusive') this.exclusive = false;
    else this.shared--;
    while (this.waiting.length > 0 && this.canStart(this.waiting[0].mode)) {
      const next = this.waiting.shift()!;
      this.take(next.mode);
      next.start();
    }
  }
}

/** Wraps a dispatch so every call passes the gate (free methods pass at once). */
export function gatedDispatch(dispatch: Dispatch, gate = new ProjectGate()): Dispatch {
  return (method, input) => {
    if (typeof method === 'string' && FREE_METHODS.has(method)) return dispatch(method, input);
    const mode: Mode = typeof method === 'string' && EXCLUSIVE_METHODS.has(method) ? 'exclusive' : 'shared';
    return gate.run(mode, () => dispatch(method, input));
  };
}
