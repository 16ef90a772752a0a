// The core process: plain Node that builds the core when its parent says
// `init`, answers `call` messages through the one dispatch, forwards the
// core's events, and asks the parent to open exported files (only the parent
// may start programs; in Electron only the main process has `shell`). Runs
// under Electron's utilityProcess (messages on process.parentPort) or Node's
// child_process.fork (messages on process.send / 'message').
import { createCore, type Core } from '../index';
import { silentLogger, stderrLogger, type Desktop } from '../deps';
import { messageOf } from '../caught';
import { toCoreSchema, type DesktopAction, type FromCore, type ToCore } from './protocol';

/** The two channels a child can have to its parent, reduced to what we use. */
interface ParentChannel {
  send(message: FromCore): void;
  onMessage(listener: (message: ToCore) => void): void;
}

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

/** Electron's utilityProcess gives the child `process.parentPort` (Node's typings do not know it). */
function electronParentPort(): ElectronParentPort | null {
  const port: unknown = Reflect.get(process, 'parentPort');
  return isParentPort(port) ? port : null;
}

function isParentPort(value: unknown): value is ElectronParentPort {
  return typeof value === 'object' && value !== null && 'postMessage' in value && typeof value.postMessage === 'function' && 'on' in value && typeof value.on === 'function';
}

function parentChannel(): ParentChannel {
  const port = electronParentPort();
  if (port) {
    return {
      send: (message) => port.postMessage(message),
      onMessage: (listener) => port.on('message', (event) => listener(toCoreSchema.parse(event.data))),
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('The core process was started without a channel to its parent');
  return {
    send: (message) => void send(message),
    onMessage: (listener) => process.on('message', (message) => listener(toCoreSchema.parse(message))),
  };
}

// A forked child whose parent died must not keep the project file open.
process.on('disconnect', () => process.exit(0));
// Ctrl+C in a terminal reaches the whole process group; the parent decides
// when the core ends (after closing the project), so this one waits for it.
process.on('SIGINT', () => {});

function serve(channel: ParentChannel): void {
  let core: Core | null = null;
  let nextDesktopId = 1;
  const desktopWaiting = new Map<number, (ok: boolean) => void>();

  // Opening a file is the parent's job; the core waits for its answer.
  const ask = (action: DesktopAction) => (filePath: string) =>
    new Promise<boolean>((resolve) => {
      const id = nextDesktopId++;
      desktopWaiting.set(id, resolve);
      channel.send({ type: 'desktop', id, action, path: filePath });
    });
  const desktop: Desktop = { openPath: ask('open'), showInFolder: ask('reveal') };

  channel.onMessage((message) => {
    switch (message.type) {
      case 'init': {
        if (core) return;
        const { options } = message;
        try {
          core = createCore({
            paths: options.paths,
            shell: options.shell,
            logger: options.silent ? silentLogger : stderrLogger(),
            rememberRecent: options.rememberRecent,
            desktop,
          });
        } catch (e) {
          // Typically damaged reference data: the parent shows the message.
          channel.send({ type: 'failed', message: messageOf(e) });
          return;
        }
        core.session.subscribe((name, payload) => channel.send({ type: 'event', name, payload }));
        channel.send({ type: 'ready' });
        return;
      }
      case 'call': {
        const { id, method, input } = message;
        if (!core) {
          channel.send({ type: 'reply', id, outcome: { ok: false, error: { code: 'INTERNAL', message: 'The core is not started' } } });
          return;
        }
        void core.dispatch(method, input).then((outcome) => channel.send({ type: 'reply', id, outcome }));
        return;
      }
      case 'desktopDone': {
        desktopWaiting.get(message.id)?.(message.ok);
        desktopWaiting.delete(message.id);
        return;
      }
      case 'dispose': {
        // Close the project (flushes SQLite) and say so; the parent then
        // ends this process (exiting here could lose the message).
        const closing = core;
        core = null;
        void (closing?.dispose() ?? Promise.resolve()).finally(() => channel.send({ type: 'disposed' }));
        return;
      }
    }
  });
}

serve(parentChannel());
