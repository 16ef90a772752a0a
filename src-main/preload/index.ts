// The preload: the only code with access to IPC, exposing exactly one object,
// `window.innspill`, that implements the contract's InnspillBridge. It runs
// sandboxed, so electron-vite bundles it (with the contract) into one CommonJS
// file that requires nothing but 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import {
  isEventName,
  isMethodName,
  type EventName,
  type InnspillBridge,
} from '../../src-shared/contract';
import { isApiErrorBody, type ApiErrorBody } from '../../src-shared/errors';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../electron/channels';

/**
 * What a failed call rejects with. A plain object, not an Error: the context
 * bridge copies only the message of an Error into the page and drops `code`
 * (electron/electron#25596), while plain objects arrive intact.
 */
function failure(error: ApiErrorBody): ApiErrorBody & { name: 'ApiError' } {
  return { name: 'ApiError', code: error.code, message: error.message };
}

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

// One IPC listener for all events; fan out to the page's listeners.
ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (!isEventName(name)) return;
  for (const listener of listeners.get(name) ?? []) {
    try {
      listener(payload);
    } catch (e) {
      console.error(`innspill: listener for ${name} failed`, e);
    }
  }
});

async function invoke(method: unknown, input: unknown): Promise<unknown> {
  if (!isMethodName(method)) {
    throw failure({ code: 'UNKNOWN_METHOD', message: `Unknown method: ${String(method).slice(0, 80)}` });
  }
  let reply: unknown;
  try {
    reply = await ipcRenderer.invoke(INVOKE_CHANNEL, method, input ?? {});
  } catch (e) {
    // The main process threw or is gone; the message is all we get.
    throw failure({ code: 'INTERNAL', message: (e as Error)?.message || 'IPC failed' });
  }
  const r = reply as { ok?: unknown; result?: unknown; error?: unknown } | null;
  if (r && r.ok === true) return r.result;
  throw failure(
    r && isApiErrorBody(r.error) ? r.error : { code: 'INTERNAL', message: 'Invalid reply from the main process' },
  );
}

function on(event: unknown, listener: unknown): () => void {
  if (!isEventName(event)) throw new Error(`Unknown event: ${String(event).slice(0, 80)}`);
  if (typeof listener !== 'function') throw new Error('Listener must be a function');
  let set = listeners.get(event);
  if (!set) listeners.set(event, (set = new Set()));
  const fn = listener as (payload: unknown) => void;
  set.add(fn);
  return () => {
    set.delete(fn);
  };
}

const bridge: InnspillBridge = {
  invoke: invoke as InnspillBridge['invoke'],
  on: on as InnspillBridge['on'],
};

contextBridge.exposeInMainWorld('innspill', bridge);
