// The coding workspace's changes: one queue so changes reach the core in the
// order the keys were pressed, each change shown at once (optimistically where
// it cannot fail) and its reply written into the cache (useApiMutation's
// apply), so a coding key press costs one write and only the read of what the
// reply cannot say (the undo state). Undo and redo live here too.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import type { Code, Coding, UndoState, WorkspaceResponse } from '../../../../src-shared/coding';
import type { MethodInput } from '../../../../src-shared/contract';
import type { ProjectStats, ResponseStatus, ResponseSummary } from '../../../../src-shared/domain';
import { useApiMutation, type ApiCache } from '../../api';
import { useApiContext, useApiScope } from '../../api/ApiProvider';
import { apiKey, invoke } from '../../api/hooks';
import { useLatest } from '../../hooks/useLatest';

/** A change to the count of codings of one code. */
type CountDelta = { codeId: string; delta: number };

export function useCodingActions(listInput: MethodInput<'responses.list'>) {
  const queryClient = useQueryClient();
  const { client } = useApiContext();
  const scope = useApiScope();
  const list = useLatest(listInput);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  /** Codings being deleted, for the delete's reply to know their code. */
  const deleting = useRef(new Map<string, Coding>());

  /** Runs changes one after another, in the order the keys were pressed. */
  const enqueue = useCallback(<T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(work, work);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const wsKey = useCallback((rid: string) => apiKey('workspace.response', { id: rid }, scope), [scope]);
  const patchWs = useCallback(
    (rid: string, fn: (w: WorkspaceResponse) => WorkspaceResponse) => queryClient.setQueryData<WorkspaceResponse>(wsKey(rid), (w) => w && fn(w)),
    [queryClient, wsKey],
  );
  const patchRows = useCallback(
    (fn: (rows: ResponseSummary[]) => ResponseSummary[]) => queryClient.setQueryData<ResponseSummary[]>(apiKey('responses.list', list.current, scope), (rs) => rs && fn(rs)),
    [queryClient, list, scope],
  );

  /** The open response whose data holds what `has` looks for (a reply's coding may belong to a response no longer open). */
  const responseWith = useCallback(
    (has: (w: WorkspaceResponse) => boolean): WorkspaceResponse | null => {
      for (const q of queryClient.getQueryCache().findAll({ queryKey: ['workspace.response'] })) {
        const w = q.state.data as WorkspaceResponse | undefined;
        if (w && q.queryKey[2] === scope && has(w)) return w;
      }
      return null;
    },
    [queryClient, scope],
  );

  /**
   * After a change of codings in response `rid`: writes what the screen already
   * shows into the cache, with the codes' counts and the project's total moved
   * by what changed. Progress counts statuses, which a coding leaves alone; the
   * list shows the same rows unless it is filtered by code or coder (then it is
   * refetched). What is left (the undo state) is refetched by the change's event.
   */
  const settleCodings = useCallback(
    (cache: ApiCache, rid: string, deltas: CountDelta[]) => {
      const w = queryClient.getQueryData<WorkspaceResponse>(wsKey(rid));
      if (w) cache.set('workspace.response', { id: rid }, w);
      const by = new Map<string, number>();
      for (const d of deltas) by.set(d.codeId, (by.get(d.codeId) ?? 0) + d.delta);
      const total = deltas.reduce((n, d) => n + d.delta, 0);
      cache.update('codebook.list', (codes: Code[]) => codes.map((c) => (by.has(c.id) ? { ...c, codingCount: Math.max(0, c.codingCount + by.get(c.id)!) } : c)));
      cache.update('stats.get', (s: ProjectStats) => ({ ...s, codings: Math.max(0, s.codings + total) }));
      cache.update('responses.progress', (p) => p);
      const input = list.current;
      const rows = queryClient.getQueryData<ResponseSummary[]>(apiKey('responses.list', input, scope));
      if (rows && !input.codeId && !input.coder) cache.set('responses.list', input, rows);
    },
    [queryClient, wsKey, list, scope],
  );

  const upsert = (w: WorkspaceResponse, coding: Coding): WorkspaceResponse => ({ ...w, codings: [...w.codings.filter((c) => c.id !== coding.id), coding] });

  const createCoding = useApiMutation('codings.create', {
    apply: (coding, input, cache) => {
      const w = responseWith((x) => x.response.answers.some((a) => a.id === input.answerId));
      if (!w) return;
      const known = w.codings.some((c) => c.id === coding.id);
      patchWs(w.response.id, (x) => upsert(x, coding));
      settleCodings(cache, w.response.id, known ? [] : [{ codeId: coding.codeId, delta: 1 }]);
    },
  });
  const updateCoding = useApiMutation('codings.update', {
    apply: (coding, _input, cache) => {
      const w = responseWith((x) => x.codings.some((c) => c.id === coding.id));
      if (!w) return;
      const before = w.codings.find((c) => c.id === coding.id)!;
      patchWs(w.response.id, (x) => upsert(x, coding));
      const deltas = before.codeId === coding.codeId ? [] : [{ codeId: before.codeId, delta: -1 }, { codeId: coding.codeId, delta: 1 }];
      settleCodings(cache, w.response.id, deltas);
    },
  });
  const deleteCoding = useApiMutation('codings.delete', {
    apply: (_null, input, cache) => {
      const coding = deleting.current.get(input.id);
      if (!coding) return;
      const w = responseWith((x) => x.response.answers.some((a) => a.id === coding.answerId));
      if (w) settleCodings(cache, w.response.id, [{ codeId: coding.codeId, delta: -1 }]);
    },
  });
  const setVariableValue = useApiMutation('variables.set', {
    // The screen already shows the value; definitions and the project's figures do not change with it.
    apply: (_null, input, cache) => {
      const w = queryClient.getQueryData<WorkspaceResponse>(wsKey(input.responseId));
      if (w) cache.set('workspace.response', { id: input.responseId }, w);
      cache.update('variables.list', (v) => v);
      cache.update('stats.get', (s) => s);
      const rows = queryClient.getQueryData<ResponseSummary[]>(apiKey('responses.list', list.current, scope));
      if (rows && !list.current.variable && !list.current.coder) cache.set('responses.list', list.current, rows);
    },
  });
  const setResponseStatus = useApiMutation('responses.setStatus', {
    // Progress is refetched (it counts only current responses, which the screen cannot tell).
    apply: (_null, input, cache) => {
      const w = queryClient.getQueryData<WorkspaceResponse>(wsKey(input.id));
      if (w) cache.set('workspace.response', { id: input.id }, w);
      const rows = queryClient.getQueryData<ResponseSummary[]>(apiKey('responses.list', list.current, scope));
      if (rows && !list.current.status) cache.set('responses.list', list.current, rows);
    },
  });
  const createCode = useApiMutation('codebook.create', {
    apply: (code, _input, cache) => cache.update('codebook.list', (codes: Code[]) => [...codes, code]),
  });
  const undo = useApiMutation('history.undo', { apply: (state, _input, cache) => cache.set('history.state', {}, state) });
  const redo = useApiMutation('history.redo', { apply: (state, _input, cache) => cache.set('history.state', {}, state) });

  return {
    enqueue,
    patchWs,
    patchRows,
    /** Codes `target`; the coding the core holds (an existing one when the same span already had the code). */
    create: (input: MethodInput<'codings.create'>) => enqueue(() => createCoding.mutateAsync(input)),
    update: (input: MethodInput<'codings.update'>) => enqueue(() => updateCoding.mutateAsync(input)),
    remove: (coding: Coding) =>
      enqueue(async () => {
        deleting.current.set(coding.id, coding);
        try {
          return await deleteCoding.mutateAsync({ id: coding.id });
        } finally {
          deleting.current.delete(coding.id);
        }
      }),
    setVariable: (input: MethodInput<'variables.set'>) => enqueue(() => setVariableValue.mutateAsync(input)),
    setStatus: (id: string, status: ResponseStatus) => enqueue(() => setResponseStatus.mutateAsync({ id, status })),
    createCode: (name: string) => enqueue(() => createCode.mutateAsync({ name })),
    /** Undoes (or redoes) the last change; null when there was nothing to undo, else the entry undone. */
    history: (direction: 'undo' | 'redo') =>
      enqueue(async () => {
        // The state as the core has it now (another window may have changed it), so the toast names what is undone.
        const state = await invoke(client, 'history.state', {});
        const entry = direction === 'undo' ? state.undo : state.redo;
        if (!entry) {
          queryClient.setQueryData<UndoState>(apiKey('history.state', {}, scope), state);
          return null;
        }
        await (direction === 'undo' ? undo : redo).mutateAsync({});
        return entry;
      }),
  };
}
