// A stand-in for the core behind the renderer's API client: handlers per
// method, a log of every call, and events pushed by hand — so the data
// layer's hooks can be tested without a process or a project file.
import { createElement, type ReactNode } from 'react';
import { createClient, type ApiClient } from '../../src-shared/client';
import type { EventMap, EventName, InnspillBridge, MethodInput, MethodName, MethodResult } from '../../src-shared/contract';
import { ApiError } from '../../src-shared/errors';
import { ApiProvider, ApiScope, createApiQueryClient } from '../../src-renderer/src/api/ApiProvider';
import { ToastProvider } from '../../src-renderer/src/components/Toast';
// The UI's texts, in bokmål as the app starts.
import '../../src-renderer/src/i18n';

type Handler<M extends MethodName> = (input: MethodInput<M>) => MethodResult<M> | Promise<MethodResult<M>>;

export interface FakeCore {
  client: ApiClient;
  calls: { method: MethodName; input: unknown }[];
  callsOf(method: MethodName): number;
  handle<M extends MethodName>(method: M, handler: Handler<M>): void;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  wrapper(scope?: string | null): (props: { children: ReactNode }) => ReactNode;
  queryClient: ReturnType<typeof createApiQueryClient>;
}

export function fakeCore(): FakeCore {
  const handlers = new Map<MethodName, Handler<MethodName>>();
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const calls: FakeCore['calls'] = [];
  const bridge: InnspillBridge = {
    async invoke(method, input) {
      calls.push({ method, input });
      const handler = handlers.get(method);
      if (!handler) throw new ApiError('NOT_FOUND', `no fake handler for ${method}`);
      return (await handler(input as never)) as never;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
  const client = createClient(bridge);
  const queryClient = createApiQueryClient();
  return {
    client,
    calls,
    queryClient,
    callsOf: (method) => calls.filter((c) => c.method === method).length,
    handle: (method, handler) => handlers.set(method, handler as unknown as Handler<MethodName>),
    emit: (event, payload) => {
      for (const l of listeners.get(event) ?? []) l(payload as never);
    },
    wrapper(scope = '/p/sak.innspill') {
      return ({ children }) => {
        const inner = createElement(ToastProvider, null, scope ? createElement(ApiScope, { scope, children }) : children);
        return createElement(ApiProvider, { client, queryClient, children: inner });
      };
    },
  };
}

/** A promise to resolve by hand, for replies that arrive out of order. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
