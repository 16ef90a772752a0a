// The long tasks a user can stop — an import, an export — and task.cancel,
// which stops them. A caller may name its call with a task id of its own
// choosing (`taskId` in import.run, export.*): a cancel with that id then
// reaches the task whether it is running, still waiting behind other calls,
// or not yet started (it starts already stopped), so one cancel is enough.
// A cancel by task name alone (the CLI's Ctrl-C) stops what is running.
//
// A task notices a cancel where it lets the event loop turn (eventLoop.ts)
// and throws CANCELLED with its own message: an import's open transaction
// rolls back, an export's half-written file is removed.
import { ApiError } from '../../src-shared/errors';
import type { Turn } from './eventLoop';

export type TaskName = 'import' | 'export';

/** The two switches of a running task: stop at the next safe point (an import: after the current file), or stop now. */
export interface TaskSignals {
  stop: AbortSignal;
  now: AbortSignal;
}

export interface CancelRequest {
  task?: TaskName;
  taskId?: string;
  /** An import stops at once (the open file rolls back) rather than after the current file. Exports always stop at once. */
  now?: boolean;
}

export interface CancelAnswer {
  cancelled: boolean;
  message: string;
}

/** How many early cancels and finished task ids are remembered: a handful of windows, a few calls each. */
const REMEMBERED = 64;

const IDLE: Record<TaskName, string> = {
  import: 'Ingen import kjører nå; ingenting å avbryte.',
  export: 'Ingen eksport kjører nå; ingenting å avbryte.',
};

function stopping(task: TaskName, now: boolean): string {
  if (task === 'export') return 'Eksporten avbrytes; ingen fil blir skrevet.';
  return now ? 'Importen avbrytes nå; filen den var på blir ikke lagret.' : 'Importen stopper etter filen den er på.';
}

export function isCancelled(e: unknown): e is ApiError {
  return e instanceof ApiError && e.code === 'CANCELLED';
}

/** Throws CANCELLED with `message` when the signal was aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined, message: string): void {
  if (signal?.aborted) throw new ApiError('CANCELLED', message);
}

/** Wraps a turn taker (eventLoop.ts) so each call first checks the signal. */
export function cancellable(turn: Turn, signal: AbortSignal | undefined, message: string): Turn {
  if (!signal) return turn;
  return () => {
    throwIfCancelled(signal, message);
    return turn();
  };
}

interface Running {
  task: TaskName;
  taskId: string | undefined;
  stop: AbortController;
  now: AbortController;
}

/** Adds to a bounded insertion-ordered map, forgetting the oldest entry. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > REMEMBERED) map.delete(map.keys().next().value!);
}

/** The running tasks of one session. */
export class Tasks {
  private readonly running = new Set<Running>();
  /** Cancels that came for a task id before its task started: whether to stop now. */
  private readonly early = new Map<string, boolean>();
  /** Ids of tasks that have ended, so a late cancel says so instead of waiting for a task that will not come. */
  private readonly ended = new Map<string, true>();

  /** Runs `work` as the task `task`, cancellable by name and, given one, by `taskId`. */
  async run<T>(task: TaskName, taskId: string | undefined, work: (signals: TaskSignals) => Promise<T>): Promise<T> {
    const entry: Running = { task, taskId, stop: new AbortController(), now: new AbortController() };
    if (taskId !== undefined) {
      const early = this.early.get(taskId);
      this.early.delete(taskId);
      if (early !== undefined) this.abort(entry, early);
      this.ended.delete(taskId);
    }
    this.running.add(entry);
    try {
      return await work({ stop: entry.stop.signal, now: entry.now.signal });
    } finally {
      this.running.delete(entry);
      if (taskId !== undefined) remember(this.ended, taskId, true);
    }
  }

  cancel(request: CancelRequest): CancelAnswer {
    const now = request.now ?? false;
    if (request.taskId !== undefined) {
      const entry = [...this.running].find((r) => r.taskId === request.taskId);
      if (entry) return this.abort(entry, now);
      if (this.ended.has(request.taskId)) return { cancelled: false, message: 'Oppgaven er allerede ferdig; ingenting å avbryte.' };
      // Not started yet (still waiting behind another call, or not yet arrived): it starts stopped.
      remember(this.early, request.taskId, now || (this.early.get(request.taskId) ?? false));
      return { cancelled: true, message: 'Oppgaven avbrytes før den begynner.' };
    }
    const task = request.task ?? 'import';
    const entry = [...this.running].find((r) => r.task === task && !r.now.signal.aborted);
    if (!entry) return { cancelled: false, message: IDLE[task] };
    return this.abort(entry, now);
  }

  private abort(entry: Running, now: boolean): CancelAnswer {
    if (entry.now.signal.aborted) return { cancelled: true, message: stopping(entry.task, true) };
    // An export has no safe point short of the end: it always stops at once.
    const atOnce = now || entry.task === 'export';
    entry.stop.abort();
    if (atOnce) entry.now.abort();
    return { cancelled: true, message: stopping(entry.task, atOnce) };
  }
}
