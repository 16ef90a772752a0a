// Who may touch the open project while a call runs. An import lets the event
// loop turn inside its write transaction (so the core keeps answering and
// sending progress); the gate makes sure nothing else reads half-written rows
// or closes the project meanwhile. An export lets the event loop turn while it
// reads the project chunk by chunk: reads go on beside it, but nothing may
// change (or close) the project until it has written its file, or the file
// would hold half the data from before an edit and half from after. All other
// calls interleave as before.
import { contract, isMethodName } from '../../../src-shared/contract';
import type { Dispatch } from './dispatch';

/**
 * Calls that let the event loop turn inside a transaction: they run alone
 * (after the calls before them finish; later calls wait for them).
 */
export const EXCLUSIVE_METHODS: ReadonlySet<string> = new Set(['import.run', 'import.demo']);

/** Calls that read the project over many turns: reads run beside them; calls that may change or close the project wait. */
export const EXPORT_METHODS: ReadonlySet<string> = new Set(['export.memo', 'export.workbook', 'export.csv', 'refi.exportProject']);

/**
 * Calls that never touch the open project, so they answer even while an
 * import holds it (the UI's "is the core alive" and settings reads, and the
 * cancel that must reach the import or export it would otherwise wait behind).
 */
export const FREE_METHODS: ReadonlySet<string> = new Set(['app.info', 'settings.get', 'project.templates', 'task.cancel']);

/**
 * A pure read of the open project, which may run beside an export: the
 * contract says it reads project data and changes nothing. (project.open and
 * project.close declare neither, so they are not reads: they wait.)
 */
export function isProjectRead(method: string): boolean {
  if (!isMethodName(method)) return false;
  const spec = contract[method];
  return spec.reads.length > 0 && spec.changes.length === 0;
}

/**
 * exclusive: alone. export: beside reads and other exports. read: beside
 * anything but an exclusive call. shared: beside reads and other shared calls.
 */
type Mode = 'exclusive' | 'export' | 'read' | 'shared';

const MODES: readonly Mode[] = ['exclusive', 'export', 'read', 'shared'];

const COMPATIBLE: Record<Mode, readonly Mode[]> = {
  exclusive: [],
  export: ['export', 'read'],
  read: ['export', 'read', 'shared'],
  shared: ['read', 'shared'],
};

export function modeOf(method: unknown): Mode {
  const name = typeof method === 'string' ? method : '';
  if (EXCLUSIVE_METHODS.has(name)) return 'exclusive';
  if (EXPORT_METHODS.has(name)) return 'export';
  return isProjectRead(name) ? 'read' : 'shared';
}

/** A first-come, first-served lock with the four modes above. */
export class ProjectGate {
  private readonly holding: Record<Mode, number> = { exclusive: 0, export: 0, read: 0, shared: 0 };
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
    return MODES.every((held) => this.holding[held] === 0 || COMPATIBLE[mode].includes(held));
  }

  private enter(mode: Mode): Promise<void> {
    // Nobody overtakes a waiting call: a read behind an import waits for it.
    if (this.waiting.length === 0 && this.canStart(mode)) {
      this.holding[mode]++;
      return Promise.resolve();
    }
    return new Promise((start) => this.waiting.push({ mode, start }));
  }

  private leave(mode: Mode): void {
    this.holding[mode]--;
    while (this.waiting.length > 0 && this.canStart(this.waiting[0].mode)) {
      const next = this.waiting.shift()!;
      this.holding[next.mode]++;
      next.start();
    }
  }
}

/** Wraps a dispatch so every call passes the gate (free methods pass at once). */
export function gatedDispatch(dispatch: Dispatch, gate = new ProjectGate()): Dispatch {
  return (method, input) => {
    if (typeof method === 'string' && FREE_METHODS.has(method)) return dispatch(method, input);
    return gate.run(modeOf(method), () => dispatch(method, input));
  };
}
