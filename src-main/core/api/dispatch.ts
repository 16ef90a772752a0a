// The single entry point every transport uses: checks the method name,
// parses the input with the contract's zod schema, runs the handler, and turns
// any failure into `{ code, message }` (never a stack trace).
import { contract, isMethodName } from '../../../src-shared/contract';
import { ApiError, type ApiErrorBody } from '../../../src-shared/errors';
import type { Logger } from '../deps';
import type { Handlers } from './handlers';

export type DispatchResult = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

export type Dispatch = (method: unknown, rawInput: unknown) => Promise<DispatchResult>;

export function createDispatch(handlers: Handlers, logger: Logger): Dispatch {
  return async (method, rawInput) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method: ${String(method).slice(0, 80)}` } };
    }
    const parsed = contract[method].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return { ok: false, error: { code: 'INVALID_INPUT', message: `${method}: ${where}${issue?.message ?? 'invalid input'}` } };
    }
    try {
      const handler = handlers[method] as (input: unknown) => Promise<unknown>;
      return { ok: true, result: await handler(parsed.data) };
    } catch (e) {
      if (e instanceof ApiError) return { ok: false, error: e.toJSON() };
      logger.error(`${method} failed`, { error: (e as Error).stack ?? String(e) });
      return { ok: false, error: { code: 'INTERNAL', message: (e as Error).message || 'Internal error' } };
    }
  };
}
