// @vitest-environment happy-dom
// The decision which cached queries a data.changed refetches, on a fake clock:
// bursts, a mutation's own change in either order of reply and event, records
// used once, dropped by a newer mutation or by time, and the wait capped.
import { describe, expect, it } from 'vitest';
import { BURST_MS, ChangeTracker, MAX_WAIT_MS, OWN_EVENT_MS } from '../../../../src-renderer/src/api/changeTracker';
import type { Entity } from '../../../../src-shared/entities';

function harness() {
  let now = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let nextTimer = 1;
  const flushes: { entities: Entity[]; covered: Record<string, Entity[]> }[] = [];
  const tracker = new ChangeTracker({
    invalidate: (entities, covered) =>
      flushes.push({ entities: [...entities].sort(), covered: Object.fromEntries([...covered].map(([k, v]) => [k, [...v].sort()])) }),
    now: () => now,
    setTimer: (fn, ms) => {
      const id = nextTimer++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimer: (id) => timers.delete(id as number),
  });
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = until;
  };
  return { tracker, flushes, advance };
}

describe('ChangeTracker', () => {
  it('gathers a burst into one refetch with every entity', () => {
    const { tracker, flushes, advance } = harness();
    tracker.changed(['codings']);
    advance(BURST_MS - 1);
    tracker.changed(['history']);
    advance(BURST_MS);
    expect(flushes).toEqual([{ entities: ['codings', 'history'], covered: {} }]);
  });

  it('event first (IPC): waits for the own mutation in flight, then spares what its reply wrote', () => {
    const { tracker, flushes, advance } = harness();
    const id = tracker.begin(['codings', 'history']);
    tracker.changed(['codings', 'history']);
    advance(BURST_MS * 5);
    expect(flushes).toEqual([]);
    tracker.end(id, ['ws']);
    advance(0);
    expect(flushes).toEqual([{ entities: ['codings', 'history'], covered: { ws: ['codings', 'history'] } }]);
  });

  it('reply first (HTTP): the record waits for its event, and is used once', () => {
    const { tracker, flushes, advance } = harness();
    tracker.end(tracker.begin(['memos']), ['memo']);
    advance(100);
    tracker.changed(['memos']);
    advance(BURST_MS);
    tracker.changed(['memos']);
    advance(BURST_MS);
    expect(flushes.map((f) => f.covered)).toEqual([{ memo: ['memos'] }, {}]);
  });

  it('a record no event claimed expires', () => {
    const { tracker, flushes, advance } = harness();
    tracker.end(tracker.begin(['memos']), ['memo']);
    advance(OWN_EVENT_MS + 1);
    tracker.changed(['memos']);
    advance(BURST_MS);
    expect(flushes[0].covered).toEqual({});
  });

  it('a newer mutation on the same entities drops an older record (at worst one refetch too many)', () => {
    const { tracker, flushes, advance } = harness();
    tracker.end(tracker.begin(['memos']), ['memo']);
    const second = tracker.begin(['memos', 'history']);
    tracker.end(second);
    tracker.changed(['memos']);
    advance(BURST_MS);
    expect(flushes[0].covered).toEqual({});
  });

  it('a failed mutation spares nothing', () => {
    const { tracker, flushes, advance } = harness();
    const id = tracker.begin(['codings']);
    tracker.changed(['codings']);
    tracker.end(id);
    advance(BURST_MS);
    expect(flushes).toEqual([{ entities: ['codings'], covered: {} }]);
  });

  it('an unrelated mutation in flight does not hold an event back', () => {
    const { tracker, flushes, advance } = harness();
    tracker.begin(['responses', 'batches']); // a long import
    tracker.changed(['codings']);
    advance(BURST_MS);
    expect(flushes).toEqual([{ entities: ['codings'], covered: {} }]);
  });

  it('holds an event back at most MAX_WAIT_MS for a reply that never comes', () => {
    const { tracker, flushes, advance } = harness();
    tracker.begin(['responses']);
    tracker.changed(['responses']);
    advance(MAX_WAIT_MS - 1);
    expect(flushes).toEqual([]);
    advance(1);
    expect(flushes).toEqual([{ entities: ['responses'], covered: {} }]);
  });
});
