// @vitest-environment happy-dom
// The renderer's data layer: queries cached by method and input, refetched
// only when an entity they read changes, a mutation's reply written into the
// cache without a refetch of its own change (whichever arrives first, reply or
// event), stale replies dropped, busy state, errors and the toast.
import { act, cleanup, renderHook, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Memo, UndoState } from '../../../../src-shared/coding';
import { useApiMutation, useApiQueries, useApiQuery } from '../../../../src-renderer/src/api/hooks';
import { deferred, fakeCore, type FakeCore } from '../../../helpers/fake-core';

afterEach(cleanup);

const projectMemo = { targetType: 'project', targetId: null } as const;
const memo = (text: string): Memo => ({ ...projectMemo, text, updatedBy: 'Kari', updatedAt: '2026-12-07T03:00:00Z' });
const undo: UndoState = { undo: null, redo: null };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Longer than the burst a data.changed waits for (20 ms). */
const settle = () => act(() => sleep(60));

function coreWithMemo(): FakeCore & { stored: { text: string } } {
  const core = fakeCore() as FakeCore & { stored: { text: string } };
  core.stored = { text: 'Første' };
  core.handle('memos.get', () => memo(core.stored.text));
  core.handle('history.state', () => undo);
  core.handle('codebook.list', () => []);
  return core;
}

describe('useApiQuery', () => {
  it('asks the core once per method and input, however many components show it', async () => {
    const core = coreWithMemo();
    const wrapper = core.wrapper();
    const a = renderHook(() => useApiQuery('memos.get', projectMemo), { wrapper });
    const b = renderHook(() => useApiQuery('memos.get', { ...projectMemo }), { wrapper });
    await waitFor(() => expect(a.result.current.data?.text).toBe('Første'));
    await waitFor(() => expect(b.result.current.data?.text).toBe('Første'));
    expect(core.callsOf('memos.get')).toBe(1);
  });

  it('refetches when an entity it reads changes, and not for any other', async () => {
    const core = coreWithMemo();
    const { result } = renderHook(() => useApiQuery('memos.get', projectMemo), { wrapper: core.wrapper() });
    await waitFor(() => expect(result.current.data?.text).toBe('Første'));

    act(() => core.emit('data.changed', { entities: ['codings', 'findings', 'history'] }));
    await settle();
    expect(core.callsOf('memos.get')).toBe(1);

    core.stored.text = 'Andre';
    act(() => core.emit('data.changed', { entities: ['memos', 'history'] }));
    await waitFor(() => expect(result.current.data?.text).toBe('Andre'));
    expect(core.callsOf('memos.get')).toBe(2);
  });

  it('gathers a burst of events into one refetch', async () => {
    const core = coreWithMemo();
    renderHook(() => useApiQuery('codebook.list', {}), { wrapper: core.wrapper() });
    await waitFor(() => expect(core.callsOf('codebook.list')).toBe(1));
    act(() => {
      core.emit('data.changed', { entities: ['codebook'] });
      core.emit('data.changed', { entities: ['codings'] });
      core.emit('data.changed', { entities: ['responses'] });
    });
    await settle();
    expect(core.callsOf('codebook.list')).toBe(2);
  });

  it('waits while the input is null', async () => {
    const core = coreWithMemo();
    const { result, rerender } = renderHook(({ on }) => useApiQuery('memos.get', on ? projectMemo : null), {
      wrapper: core.wrapper(),
      initialProps: { on: false },
    });
    await settle();
    expect(core.callsOf('memos.get')).toBe(0);
    expect(result.current.data).toBeUndefined();
    rerender({ on: true });
    await waitFor(() => expect(result.current.data?.text).toBe('Første'));
  });

  it('drops a stale reply: the answer for the input asked last wins, whatever order the replies come in', async () => {
    const core = fakeCore();
    const slow = deferred<Memo>();
    core.handle('memos.get', ({ targetId }) => (targetId === 'a' ? slow.promise : memo('B')));
    const { result, rerender } = renderHook(({ id }) => useApiQuery('memos.get', { targetType: 'response', targetId: id }), {
      wrapper: core.wrapper(),
      initialProps: { id: 'a' },
    });
    rerender({ id: 'b' });
    await waitFor(() => expect(result.current.data?.text).toBe('B'));
    await act(async () => slow.resolve(memo('A')));
    await settle();
    expect(result.current.data?.text).toBe('B');
  });

  it('reports a failure as a UiError with the core\'s code', async () => {
    const core = fakeCore();
    const { result } = renderHook(() => useApiQuery('stats.get', {}), { wrapper: core.wrapper() });
    await waitFor(() => expect(result.current.error).toEqual({ code: 'NOT_FOUND', message: 'no fake handler for stats.get' }));
  });

  it("forgets a closed project's queries, so reopening it asks the core again", async () => {
    const core = coreWithMemo();
    // The provider stays; the case screen showing the memo goes and comes back.
    const { result, rerender } = renderHook(({ shown }) => useApiQuery('memos.get', shown ? projectMemo : null), {
      wrapper: core.wrapper(),
      initialProps: { shown: true },
    });
    await waitFor(() => expect(result.current.data?.text).toBe('Første'));
    rerender({ shown: false });
    act(() => core.emit('project.changed', { path: null }));
    core.stored.text = 'Endret utenfra';
    rerender({ shown: true });
    await waitFor(() => expect(result.current.data?.text).toBe('Endret utenfra'));
    expect(core.callsOf('memos.get')).toBe(2);
  });
});

describe('useApiQueries', () => {
  const codeMemo = (id: string) => ({ targetType: 'code', targetId: id }) as const;
  function coreWithMemos(): FakeCore & { version: number } {
    const core = fakeCore() as FakeCore & { version: number };
    core.version = 1;
    core.handle('memos.get', (input) => memo(`${input.targetId}:${core.version}`));
    return core;
  }

  it('gives one result per input, in order, sharing the cache with useApiQuery', async () => {
    const core = coreWithMemos();
    const wrapper = core.wrapper();
    const single = renderHook(() => useApiQuery('memos.get', codeMemo('b')), { wrapper });
    await waitFor(() => expect(single.result.current.data?.text).toBe('b:1'));
    const { result } = renderHook(() => useApiQueries('memos.get', [codeMemo('a'), codeMemo('b'), codeMemo('c')]), { wrapper });
    await waitFor(() => expect(result.current.map((q) => q.data?.text)).toEqual(['a:1', 'b:1', 'c:1']));
    // 'b' came from the cache useApiQuery filled.
    expect(core.callsOf('memos.get')).toBe(3);
  });

  it('refetches every input when an entity the method reads changes, and none for any other', async () => {
    const core = coreWithMemos();
    const { result } = renderHook(() => useApiQueries('memos.get', [codeMemo('a'), codeMemo('b')]), { wrapper: core.wrapper() });
    await waitFor(() => expect(result.current.map((q) => q.data?.text)).toEqual(['a:1', 'b:1']));

    act(() => core.emit('data.changed', { entities: ['codings'] }));
    await settle();
    expect(core.callsOf('memos.get')).toBe(2);

    core.version = 2;
    act(() => core.emit('data.changed', { entities: ['memos'] }));
    await waitFor(() => expect(result.current.map((q) => q.data?.text)).toEqual(['a:2', 'b:2']));
    expect(core.callsOf('memos.get')).toBe(4);
  });

  it('asks for an input added later, and only for that one', async () => {
    const core = coreWithMemos();
    const { result, rerender } = renderHook(({ ids }) => useApiQueries('memos.get', ids.map(codeMemo)), {
      wrapper: core.wrapper(),
      initialProps: { ids: ['a'] },
    });
    await waitFor(() => expect(result.current[0]?.data?.text).toBe('a:1'));
    rerender({ ids: ['a', 'd'] });
    await waitFor(() => expect(result.current.map((q) => q.data?.text)).toEqual(['a:1', 'd:1']));
    expect(core.callsOf('memos.get')).toBe(2);
  });
});

describe('useApiMutation', () => {
  /** memos.set as dispatch does it: the event before the reply (IPC), or after it (the HTTP event stream). */
  function memoSetter(core: ReturnType<typeof coreWithMemo>, order: 'event-first' | 'reply-first') {
    core.handle('memos.set', async ({ text }) => {
      core.stored.text = text;
      if (order === 'event-first') core.emit('data.changed', { entities: ['memos', 'history'] });
      else setTimeout(() => core.emit('data.changed', { entities: ['memos', 'history'] }), 5);
      return null;
    });
  }

  it.each(['event-first', 'reply-first'] as const)(
    'writes its reply into the cache and does not refetch it for its own change (%s); other readers refetch',
    async (order) => {
      const core = coreWithMemo();
      memoSetter(core, order);
      // One tree, one provider, as in the app.
      const { result } = renderHook(
        () => ({
          shown: useApiQuery('memos.get', projectMemo),
          history: useApiQuery('history.state', {}),
          save: useApiMutation('memos.set', {
            apply: (_reply, input, cache) => cache.set('memos.get', { targetType: input.targetType, targetId: input.targetId }, memo(input.text)),
          }),
        }),
        { wrapper: core.wrapper() },
      );
      await waitFor(() => expect(result.current.shown.data && result.current.history.data).toBeTruthy());

      await act(() => result.current.save.run({ ...projectMemo, text: 'Ny tekst' }));
      await settle();
      expect(result.current.shown.data?.text).toBe('Ny tekst');
      expect(core.callsOf('memos.get')).toBe(1);
      expect(core.callsOf('history.state')).toBe(2);

      // The next change, by someone else, refetches as usual.
      core.stored.text = 'Fra en kollega';
      act(() => core.emit('data.changed', { entities: ['memos'] }));
      await waitFor(() => expect(result.current.shown.data?.text).toBe('Fra en kollega'));
      expect(core.callsOf('memos.get')).toBe(2);
    },
  );

  it('without apply, its change refetches the queries that read it', async () => {
    const core = coreWithMemo();
    memoSetter(core, 'event-first');
    const { result } = renderHook(() => ({ shown: useApiQuery('memos.get', projectMemo), save: useApiMutation('memos.set') }), { wrapper: core.wrapper() });
    await waitFor(() => expect(result.current.shown.data).toBeDefined());
    await act(() => result.current.save.run({ ...projectMemo, text: 'Ny tekst' }));
    await waitFor(() => expect(result.current.shown.data?.text).toBe('Ny tekst'));
    expect(core.callsOf('memos.get')).toBe(2);
  });

  it('a burst that also carries another change still refetches a query reading that other entity', async () => {
    const core = coreWithMemo();
    core.handle('memos.set', async () => {
      core.emit('data.changed', { entities: ['memos', 'history'] });
      core.emit('data.changed', { entities: ['codebook'] }); // someone else's, in the same burst
      return null;
    });
    core.handle('codebook.list', () => []);
    const { result } = renderHook(
      () => ({
        shown: useApiQuery('memos.get', projectMemo),
        codes: useApiQuery('codebook.list', {}),
        save: useApiMutation('memos.set', { apply: (_r, i, cache) => cache.set('memos.get', projectMemo, memo(i.text)) }),
      }),
      { wrapper: core.wrapper() },
    );
    await waitFor(() => expect(result.current.shown.data && result.current.codes.data).toBeTruthy());
    await act(() => result.current.save.run({ ...projectMemo, text: 'X' }));
    await settle();
    expect(core.callsOf('memos.get')).toBe(1); // reads only memos, which the reply covered
    expect(core.callsOf('codebook.list')).toBe(2); // reads codebook, which the reply did not
  });

  it('is busy while the call runs, then keeps the error and shows it in the toast', async () => {
    const core = coreWithMemo();
    const gate = deferred<void>();
    core.handle('codebook.create', async () => {
      await gate.promise;
      throw Object.assign(new Error('Navnet finnes fra før'), { code: 'CONFLICT' });
    });
    const { result } = renderHook(() => useApiMutation('codebook.create', { errorToast: 'Kunne ikke lage koden' }), { wrapper: core.wrapper() });
    let done!: Promise<unknown>;
    act(() => {
      done = result.current.run({ name: 'Rus' });
    });
    await waitFor(() => expect(result.current.isPending).toBe(true));
    await act(async () => {
      gate.resolve();
      expect(await done).toBeUndefined();
    });
    await waitFor(() => expect(result.current.isPending).toBe(false));
    expect(result.current.error).toEqual({ code: 'CONFLICT', message: 'Navnet finnes fra før' });
    expect(screen.getByTestId('coding-toast').textContent).toBe(
      'Kunne ikke lage koden: Endringen kolliderer med en senere endring. Gjør den for hånd i stedet. Navnet finnes fra før×',
    );
    expect(screen.getByRole('alert')).toBeTruthy();
  });

  it('update() rewrites every cached input of a method and spares each from the refetch', async () => {
    const core = coreWithMemo();
    core.handle('memos.get', ({ targetId }) => memo(`før ${targetId}`));
    core.handle('memos.set', async () => {
      core.emit('data.changed', { entities: ['memos', 'history'] });
      return null;
    });
    const { result } = renderHook(
      () => ({
        a: useApiQuery('memos.get', { targetType: 'response', targetId: 'a' }),
        b: useApiQuery('memos.get', { targetType: 'response', targetId: 'b' }),
        save: useApiMutation('memos.set', { apply: (_r, _i, cache) => cache.update('memos.get', (m) => (m ? { ...m, text: `${m.text}!` } : m)) }),
      }),
      { wrapper: core.wrapper() },
    );
    await waitFor(() => expect(result.current.a.data && result.current.b.data).toBeTruthy());
    await act(() => result.current.save.run({ targetType: 'response', targetId: 'a', text: 'x' }));
    await settle();
    expect([result.current.a.data?.text, result.current.b.data?.text]).toEqual(['før a!', 'før b!']);
    expect(core.callsOf('memos.get')).toBe(2);
  });
});
