// The parent's side of the core process, shared by Electron main and the
// local host: numbered calls with a table of pending replies, events fanned
// out to subscribers, exported files opened by the parent's own opener, and
// a clean failure of every pending call when the process stops.
//
// No timeouts on calls: an import of a large batch legitimately takes
// minutes, and a timeout would report a failure while the core went on
// writing. No restart either: a core that died lost the open project's
// session (and may die again on the same input), so after an exit every call
// fails with one clear message and the shell decides (Electron says so and
// quits; the host exits; tests fail).
import type { DispatchResult } from '../api/dispatch';
import type { EventListener } from '../api/session';
import type { Desktop } from '../deps';
import { fromCoreSchema, type CoreProcessOptions, type ToCore } from './protocol';

/** A started child process of either kind (Electron's utilityProcess, Node's fork), reduced to what we use. */
export interface CorePort {
  send(message: ToCore): void;
  /** Each message as it arrives, unchecked: connectCore parses it. */
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** What a transport needs of a core, in this process (createCore) or behind a CoreLink. */
export interface CoreConnection {
  dispatch(method: unknown, input: unknown): Promise<DispatchResult>;
  subscribe(listener: EventListener): () => void;
}

export interface CoreLink extends CoreConnection {
  /** Called once if the process stops without being asked to (a crash). */
  onCrash(listener: (code: number | null) => void): void;
  /** Closes the project (flushing SQLite) and ends the process. */
  close(): Promise<void>;
}

/** How long close() waits for the project to close before killing the process. */
const CLOSE_GRACE_MS = 10_000;

export function stoppedMessage(code: number | null): string {
  const how = code === null ? 'killed' : `exit code ${code}`;
  return `Innspill-kjernen stoppet (${how}); start Innspill på nytt. / The core process stopped (${how}); restart Innspill.`;
}

/** Starts the core in the process behind `port`; resolves once it is ready, rejects if it cannot start. */
export function connectCore(port: CorePort, options: CoreProcessOptions, desktop: Desktop): Promise<CoreLink> {
  const pending = new Map<number, (outcome: DispatchResult) => void>();
  const listeners = new Set<EventListener>();
  const crashListeners = new Set<(code: number | null) => void>();
  let nextId = 1;
  let exited: { code: number | null } | null = null;
  let closing = false;
  let disposed: (() => void) | null = null;
  let starting: { resolve: (link: CoreLink) => void; reject: (e: Error) => void } | null = null;

  const link: CoreLink = {
    dispatch(method, input) {
      if (exited) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: stoppedMessage(exited.code) } });
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        port.send({ type: 'call', id, method: String(method), input });
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onCrash(listener) {
      crashListeners.add(listener);
    },
    async close() {
      if (exited) return;
      closing = true;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, CLOSE_GRACE_MS);
        disposed = () => (clearTimeout(timer), resolve());
        port.send({ type: 'dispose' });
      });
      if (!exited) {
        const gone = new Promise<void>((resolve) => port.onExit(() => resolve()));
        port.kill();
        await gone;
      }
    },
  };

  port.onMessage((raw) => {
    const message = fromCoreSchema.parse(raw);
    switch (message.type) {
      case 'ready':
        starting?.resolve(link);
        starting = null;
        return;
      case 'failed':
        starting?.reject(new Error(message.message));
        starting = null;
        port.kill();
        return;
      case 'reply':
        pending.get(message.id)?.(message.outcome);
        pending.delete(message.id);
        return;
      case 'event':
        for (const listener of listeners) {
          listener(message.name, message.payload);
        }
        return;
      case 'desktop': {
        const open = message.action === 'open' ? desktop.openPath : desktop.showInFolder;
        void open(message.path)
          .catch(() => false)
          .then((ok) => {
            if (!exited) port.send({ type: 'desktopDone', id: message.id, ok });
          });
        return;
      }
      case 'disposed':
        disposed?.();
        return;
    }
  });

  port.onExit((code) => {
    exited = { code };
    const outcome: DispatchResult = { ok: false, error: { code: 'INTERNAL', message: stoppedMessage(code) } };
    for (const resolve of pending.values()) resolve(outcome);
    pending.clear();
    disposed?.();
    if (starting) {
      starting.reject(new Error(stoppedMessage(code)));
      starting = null;
      return;
    }
    if (!closing) for (const listener of crashListeners) listener(code);
  });

  return new Promise((resolve, reject) => {
    starting = { resolve, reject };
    port.send({ type: 'init', options });
  });
}
