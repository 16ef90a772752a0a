// The single entry point every transport uses: checks the method name,
// parses the input with the contract's zod schema, takes the snapshot the
// method declares (`snapshotBefore`), runs the handler, announces
// what it changed (the method's declared `changes`) as `data.changed`, and
// turns any failure into `{ code, message }` (never a stack trace).
import { contract, isMethodName, type MethodName, type MethodResult, type ParsedInput } from '../../../src-shared/contract';
import { OUTSIDE_PROJECT } from '../../../src-shared/entities';
import { ApiError, type ApiErrorBody } from '../../../src-shared/errors';
import type { Logger } from '../deps';
import type { Handlers } from './handlers/types';
import type { Session } from './session';
import { snapshotBefore } from './snapshots';

export type DispatchResult = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

export type Dispatch = (method: unknown, rawInput: unknown) => Promise<DispatchResult>;

/** Rows changed so far on the open project's connection, or null when none is open. */
function totalChanges(session: Session): { store: object; count: number } | null {
  const store = session.current;
  if (!store) return null;
  const count = store.sqlite.prepare<[], number>('SELECT total_changes()').pluck().get() ?? 0;
  return { store, count };
}

/** The method's own handler, found by the method's own name: the handler table pairs each name with its input and result types. */
function run<M extends MethodName>(handlers: Handlers, method: M, input: ParsedInput<M>): Promise<MethodResult<M>> {
  const handler = handlers[method];
  return handler(input);
}

/** Why a change to a project opened read-only (store/open.ts openReadOnly) is refused, and what to do. */
export function readOnlyMessage(file: string): string {
  return (
    `Saken er åpnet skrivebeskyttet fordi ${file} ikke kan skrives (skrivebeskyttet fil, mappe eller medium): lesing, søk og eksport virker, endringer lagres ikke. Kopier filen til en mappe du kan skrive i for å endre den. / ` +
    `The project is open read-only because ${file} cannot be written (read-only file, folder or media): reading, searching and exporting work, changes are not saved. Copy the file to a folder you can write in to change it.`
  );
}

export function createDispatch(handlers: Handlers, logger: Logger, session?: Session): Dispatch {
  return async (method, rawInput) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method: ${String(method).slice(0, 80)}` } };
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return { ok: false, error: { code: 'INVALID_INPUT', message: `${method}: ${where}${issue?.message ?? 'invalid input'}` } };
    }
    const open = session?.current;
    if (open?.readOnly && spec.changes.some((e) => !OUTSIDE_PROJECT.includes(e))) {
      return { ok: false, error: { code: 'READ_ONLY', message: readOnlyMessage(open.path) } };
    }
    try {
      const before = session && spec.changes.length > 0 ? totalChanges(session) : null;
      if (session && spec.snapshotBefore) await snapshotBefore(session, spec.snapshotBefore);
      const result = await run(handlers, method, parsed.data);
      if (session && spec.changes.length > 0) {
        // A call that wrote no row on the same project (a merge already merged,
        // an empty import) reloads nothing; a call changing only what lives
        // outside the project (settings, backups) always announces it.
        const after = totalChanges(session);
        const outsideOnly = spec.changes.every((e) => OUTSIDE_PROJECT.includes(e));
        const unchanged = before && after && before.store === after.store && before.count === after.count && !outsideOnly;
        if (!unchanged) session.emit('data.changed', { entities: [...spec.changes] });
      }
      return { ok: true, result };
    } catch (e) {
      if (e instanceof ApiError) return { ok: false, error: e.toJSON() };
      logger.error(`${method} failed`, { error: e instanceof Error && e.stack ? e.stack : String(e) });
      return { ok: false, error: { code: 'INTERNAL', message: (e instanceof Error && e.message) || 'Internal error' } };
    }
  };
}
