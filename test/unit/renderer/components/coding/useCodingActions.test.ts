// @vitest-environment happy-dom
// What one coding costs in round trips, with a fake core counting calls: the
// workspace's queries (and the case screen's figures) loaded, one coding made
// through useCodingActions and its data.changed announced — then exactly one
// write and one read (the undo state, which the reply cannot say), with the
// reply in the open response, the code's count and the project's total; and
// a list filtered by that code is refetched, since the coding may change it.
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Code, Coding, WorkspaceResponse } from '../../../../../src-shared/coding';
import type { ProjectStats, ResponseSummary } from '../../../../../src-shared/domain';
import { useApiQuery } from '../../../../../src-renderer/src/api/hooks';
import { emptyCodingFilter, type CodingFilter } from '../../../../../src-renderer/src/components/coding/codingFilter';
import { useCodingActions } from '../../../../../src-renderer/src/components/coding/useCodingActions';
import { useCodingData } from '../../../../../src-renderer/src/components/coding/useCodingData';
import { fakeCore } from '../../../../helpers/fake-core';
import { DEFAULT_BACKUP_SETTINGS } from '../../../../../src-shared/backup';

afterEach(cleanup);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const code = { id: 'k1', name: 'Vold', shortcut: '2', parentId: null, questionId: null, colour: '#C0392B', description: '', sortOrder: 0, codingCount: 3 } as unknown as Code;
const answer = { id: 'a1', questionId: 'q1', questionOrdinal: 1, ordinal: 1, text: 'Vold i nære relasjoner øker.' };
const ws = { response: { id: 'r1', status: 'under_arbeid', answers: [answer] }, codings: [], values: [], memos: [] } as unknown as WorkspaceResponse;
const row = { id: 'r1', status: 'under_arbeid' } as unknown as ResponseSummary;
const stats = { codings: 10 } as unknown as ProjectStats;
const coding: Coding = { id: 'c1', answerId: 'a1', codeId: 'k1', start: 0, end: 4, quote: 'Vold', useInMemo: false, createdBy: 'Kari', createdAt: '2026-12-07T04:00:00Z' };

function core() {
  const c = fakeCore();
  c.handle('responses.list', () => [row]);
  c.handle('workspace.response', () => ws);
  c.handle('codebook.list', () => [code]);
  c.handle('variables.list', () => []);
  c.handle('responses.progress', () => ({ total: 1, byStatus: { ikke_startet: 0, under_arbeid: 1, ferdig: 0, kvalitetssikret: 0 } }));
  c.handle('history.state', () => ({ undo: null, redo: null }));
  c.handle('settings.get', () => ({ userName: 'Kari Nordmann', locale: 'nb', recentProjects: [], backup: DEFAULT_BACKUP_SETTINGS }));
  c.handle('stats.get', () => stats);
  c.handle('registry.unanswered', () => ({ municipalities: [] }) as never);
  c.handle('codings.create', () => coding);
  return c;
}

/** The workspace's data and actions, and the case screen's figures, as mounted together in the app. */
function useWorkspace(filter: CodingFilter) {
  const data = useCodingData(filter, 'r1');
  const actions = useCodingActions(data.listInput);
  const caseStats = useApiQuery('stats.get', {});
  const unanswered = useApiQuery('registry.unanswered', {});
  return { data, actions, caseStats, unanswered };
}

async function codeOnce(filter: CodingFilter) {
  const c = core();
  const { result } = renderHook(() => useWorkspace(filter), { wrapper: c.wrapper() });
  await waitFor(() => expect(result.current.data.ws && result.current.data.rows && result.current.caseStats.data && result.current.data.progress).toBeTruthy());
  await waitFor(() => expect(result.current.data.undoState && result.current.unanswered.data && result.current.data.codes.length).toBeTruthy());
  await act(() => sleep(50));
  const before = c.calls.length;
  await act(async () => {
    await result.current.actions.create({ answerId: 'a1', codeId: 'k1', start: 0, end: 4 });
    // The core announces what codings.create changes, as dispatch does.
    c.emit('data.changed', { entities: ['codings', 'history'] });
    await sleep(100);
  });
  return { result, after: c.calls.slice(before).map((x) => x.method) };
}

describe('useCodingActions: one coding', () => {
  it('costs one write and one read (the undo state), the reply written into the cache', async () => {
    const { result, after } = await codeOnce(emptyCodingFilter);
    expect(after.filter((m) => m === 'codings.create')).toHaveLength(1);
    expect(after.filter((m) => m !== 'codings.create')).toEqual(['history.state']);
    expect(result.current.data.ws?.codings).toEqual([coding]);
    expect(result.current.data.codes[0].codingCount).toBe(4);
    expect(result.current.caseStats.data?.codings).toBe(11);
  });

  it('refetches a list filtered by code (the coding may bring a response into it)', async () => {
    const { after } = await codeOnce({ ...emptyCodingFilter, codeId: 'k1' });
    expect([...after].sort()).toEqual(['codings.create', 'history.state', 'responses.list']);
  });
});
