// The browser transport: implements the same bridge as the Electron preload,
// over HTTP and Server-Sent Events to the local host process.
import type { EventMap, EventName, InnspillBridge } from '../../../src-shared/contract';
import { ApiError, isApiErrorBody } from '../../../src-shared/errors';
import {
  EVENTS_PATH,
  INVOKE_PREFIX,
  TOKEN_HEADER,
  TOKEN_QUERY,
  TOKEN_STORAGE_KEY,
} from '../../../src-shared/http-protocol';

/** Takes the session token from the URL once, then keeps it out of sight. */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get(TOKEN_QUERY);
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    url.searchParams.delete(TOKEN_QUERY);
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '';
}

export function createHttpBridge(): InnspillBridge {
  const token = takeToken();
  let source: EventSource | null = null;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  function ensureEvents(event: EventName): void {
    if (!source) {
      source = new EventSource(`${EVENTS_PATH}?${TOKEN_QUERY}=${encodeURIComponent(token)}`);
    }
    if (!listeners.has(event)) {
      const set = new Set<(payload: unknown) => void>();
      listeners.set(event, set);
      source.addEventListener(event, (e) => {
        const payload = JSON.parse((e as MessageEvent<string>).data) as unknown;
        for (const listener of set) listener(payload);
      });
    }
  }

  return {
    async invoke(method, input) {
      const response = await fetch(INVOKE_PREFIX + method, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input ?? {}),
      });
      const body = (await response.json().catch(() => null)) as
        | { ok: true; result: unknown }
        | { ok: false; error: unknown }
        | null;
      if (body && body.ok) return body.result as never;
      const error = body && !body.ok && isApiErrorBody(body.error) ? body.error : null;
      throw new ApiError(error?.code ?? 'INTERNAL', error?.message ?? `HTTP ${response.status}`);
    },
    on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) {
      ensureEvents(event);
      const set = listeners.get(event)!;
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
}
