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
      // The input was parsed by this method's own schema; TypeScript cannot pair a union of method names with each handler's input type.
      const handler = handlers[method] as (input: unknown) => Promise<unknown>;
      return { ok: true, result: await handler(parsed.data) };
    } catch (e) {
      if (e instanceof ApiError) return { ok: false, error: e.toJSON() };
      logger.error(`${method} failed`, { error: e instanceof Error && e.stack ? e.stack : String(e) });
      return { ok: false, error: { code: 'INTERNAL', message: (e instanceof Error && e.message) || 'Internal error' } };
    }
  };
}
