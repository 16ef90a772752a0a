// The API as the UI sees it: the typed client from src-shared/client.ts over a
// bridge that calls the core's dispatch in-process (what the preload and the
// HTTP host do over IPC and HTTP).
import { expect } from 'vitest';
import type { Core } from '../../src-main/core';
import { createClient, type ApiClient } from '../../src-shared/client';
import type { EventMap, EventName, InnspillBridge } from '../../src-shared/contract';
import { ApiError, type ApiErrorBody, type ErrorCode } from '../../src-shared/errors';

export function dispatchBridge(core: Core): InnspillBridge {
  return {
    async invoke(method, input) {
      const response = await core.dispatch(method, input);
      if (!response.ok) throw new ApiError(response.error.code, response.error.message);
      return response.result as never;
    },
    on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) {
      return core.session.subscribe((name, payload) => {
        if ((name as EventName) === event) listener(payload as EventMap[E]);
      });
    },
  };
}

export function testApi(core: Core): ApiClient {
  return createClient(dispatchBridge(core));
}

/** Awaits a call that must fail and returns its `{ code, message }`. */
export async function apiError(call: Promise<unknown>): Promise<ApiErrorBody> {
  try {
    await call;
  } catch (e) {
    if (e instanceof ApiError) return e.toJSON();
    throw e;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Awaits a call that must fail with `code`; returns the message. */
export async function expectApiError(call: Promise<unknown>, code: ErrorCode): Promise<string> {
  const error = await apiError(call);
  expect(error.code, error.message).toBe(code);
  return error.message;
}

/** A stack trace line as V8 prints it. */
export const STACK_LINE = /^\s+at /m;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
