// Decides which cached queries a `data.changed` event refetches: those whose
// method reads a changed entity, except the ones this window's own mutation
// has already written into the cache from its reply (so a change made here
// costs no refetch of what the reply carried). Plain logic, no React.
import type { Entity } from '../../../src-shared/entities';

/** Events of one burst (a merge, an undo) are gathered and handled once. */
export const BURST_MS = 20;
/** How long after its reply a mutation's own event is still expected (HTTP may deliver it after the reply). */
export const OWN_EVENT_MS = 1000;
/** The longest an event waits for this window's mutations in flight (a long import) before it is handled anyway. */
export const MAX_WAIT_MS = 10_000;

interface Applied {
  changes: ReadonlySet<Entity>;
  /** Query hashes written from the reply. */
  keys: ReadonlySet<string>;
  expires: number;
}

export interface TrackerOptions {
  /**
   * Refetches the queries whose method reads one of `entities`; a query in
   * `covered` (by hash) already holds the change to the entities listed there
   * and refetches only if it reads one of the others.
   */
  invalidate(entities: ReadonlySet<Entity>, covered: ReadonlyMap<string, ReadonlySet<Entity>>): void;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

const overlaps = (a: ReadonlySet<Entity>, b: Iterable<Entity>) => [...b].some((e) => a.has(e));

/**
 * The order of a mutation's reply and its event differs by transport (IPC sends
 * the event first, the HTTP host's event stream may deliver it after the
 * reply), so both are handled: an event that arrives while an own mutation
 * declaring those entities is in flight waits for it; a reply that arrives
 * first leaves a record its event consumes within OWN_EVENT_MS. A record is
 * used at most once and dropped when another mutation touching the same
 * entities starts, so an error can only cost an extra refetch, never skip one
 * a later change needs.
 */
export class ChangeTracker {
  private readonly inFlight = new Map<number, ReadonlySet<Entity>>();
  private applied: Applied[] = [];
  private pending = new Set<Entity>();
  private pendingSince = 0;
  private timer: unknown = undefined;
  private nextId = 1;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(private readonly options: TrackerOptions) {
    this.now = options.now ?? Date.now;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  }

  /** A mutation declaring `changes` starts; returns its token. */
  begin(changes: readonly Entity[]): number {
    const id = this.nextId++;
    const set = new Set(changes);
    this.inFlight.set(id, set);
    // An older record must not swallow the event of this newer change.
    this.applied = this.applied.filter((a) => !overlaps(a.changes, set));
    return id;
  }

  /** The mutation ended; `keys` are the query hashes it wrote from its reply (none if it failed). */
  end(id: number, keys: Iterable<string> = []): void {
    const changes = this.inFlight.get(id);
    this.inFlight.delete(id);
    const written = new Set(keys);
    if (changes && written.size > 0) this.applied.push({ changes, keys: written, expires: this.now() + OWN_EVENT_MS });
    if (this.pending.size > 0) this.schedule(0);
  }

  /** The core reported changed entities. */
  changed(entities: readonly Entity[]): void {
    if (this.pending.size === 0) this.pendingSince = this.now();
    for (const e of entities) this.pending.add(e);
    this.schedule(BURST_MS);
  }

  dispose(): void {
    this.clearTimer(this.timer);
    this.pending.clear();
    this.applied = [];
  }

  private schedule(ms: number): void {
    this.clearTimer(this.timer);
    this.timer = this.setTimer(() => this.flush(), ms);
  }

  private flush(): void {
    const entities = this.pending;
    const waiting = [...this.inFlight.values()].some((c) => overlaps(c, entities));
    if (waiting && this.now() - this.pendingSince < MAX_WAIT_MS) {
      // end() flushes again; the timer is a guard for a reply that never comes.
      this.schedule(MAX_WAIT_MS - (this.now() - this.pendingSince));
      return;
    }
    this.pending = new Set();
    const now = this.now();
    const covered = new Map<string, ReadonlySet<Entity>>();
    this.applied = this.applied.filter((a) => {
      if (a.expires < now) return false;
      if (!overlaps(a.changes, entities)) return true;
      for (const k of a.keys) covered.set(k, new Set([...(covered.get(k) ?? []), ...a.changes]));
      return false;
    });
    this.options.invalidate(entities, covered);
  }
}
