// The running application's state: the one project open at a time, the
// settings, and the listeners that receive events. Shared by every transport.
import { ApiError } from '../../../src-shared/errors';
import type { EventMap, EventName } from '../../../src-shared/contract';
import type { CoreDeps } from '../deps';
import { loadReferenceData, type ReferenceData } from '../reference/load';
import { AutoBackup } from '../backup/auto';
import { SettingsStore } from '../settings/service';
import type { Store } from '../store/open';
import { Tasks } from '../tasks';

export type EventListener = <E extends EventName>(event: E, payload: EventMap[E]) => void;

export class Session {
  readonly ref: ReferenceData;
  private store: Store | null = null;
  /** Absolute paths of files exported in this session (the only ones export.open may open). */
  readonly exported = new Set<string>();
  private readonly listeners = new Set<EventListener>();
  /** The running imports and exports, which task.cancel stops. */
  readonly tasks = new Tasks();
  /** Snapshots before bulk operations and while coding (core/backup). */
  readonly backups: AutoBackup;

  constructor(
    readonly deps: CoreDeps,
    readonly settings: SettingsStore,
    private readonly rememberRecent = true,
  ) {
    this.ref = loadReferenceData(deps.paths.resourcesDir);
    this.backups = new AutoBackup(() => settings.get().backup, deps.now, deps.logger);
  }

  get current(): Store | null {
    return this.store;
  }

  /** The open project, or a NO_PROJECT error for methods that need one. */
  requireStore(): Store {
    if (!this.store) throw new ApiError('NO_PROJECT', 'No project is open. Create or open a project first.');
    return this.store;
  }

  async setStore(store: Store | null): Promise<void> {
    const previous = this.store;
    this.store = store;
    if (previous && previous !== store) await previous.close();
    if (store && this.rememberRecent) this.settings.rememberProject(store.path);
    this.emit('project.changed', { path: store?.path ?? null });
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  async dispose(): Promise<void> {
    await this.setStore(null);
    this.listeners.clear();
  }
}
