// Cancelling a long task keyed to the request (core/tasks.ts): a cancel for
// a task id reaches the call whether it runs, has not started yet (it then
// starts stopped: one cancel is enough, no re-sending) or has ended; a cancel
// by name stops what runs; an export always stops at once.
import { describe, expect, it } from 'vitest';
import { Tasks, type TaskSignals } from '../../../src-main/core/tasks';

/** A task that runs until the test ends it, exposing its signals. */
function started(tasks: Tasks, task: 'import' | 'export', taskId?: string) {
  let signals!: TaskSignals;
  let finish!: () => void;
  const done = tasks.run(task, taskId, (s) => {
    signals = s;
    return new Promise<string>((resolve) => (finish = () => resolve('done')));
  });
  return { signals: () => signals, finish: () => finish(), done };
}

describe('Tasks.cancel keyed to the request', () => {
  it('stops the running task with that id, and not another', async () => {
    const tasks = new Tasks();
    const a = started(tasks, 'import', 'a');
    const b = started(tasks, 'export', 'b');
    expect(tasks.cancel({ taskId: 'b' })).toEqual({ cancelled: true, message: 'Eksporten avbrytes; ingen fil blir skrevet.' });
    expect(b.signals().now.aborted).toBe(true);
    expect(a.signals().stop.aborted).toBe(false);
    a.finish();
    b.finish();
    await Promise.all([a.done, b.done]);
  });

  it('remembers a cancel that came before its task started: the task starts stopped', async () => {
    const tasks = new Tasks();
    expect(tasks.cancel({ taskId: 'early' })).toEqual({ cancelled: true, message: 'Oppgaven avbrytes før den begynner.' });
    const other = started(tasks, 'import', 'other');
    expect(other.signals().stop.aborted).toBe(false);
    const early = started(tasks, 'import', 'early');
    // Without `now`, an import stops after the current file: at the start, before the first.
    expect(early.signals().stop.aborted).toBe(true);
    expect(early.signals().now.aborted).toBe(false);
    other.finish();
    early.finish();
    await Promise.all([other.done, early.done]);
    // Used once: the next task with the same id runs.
    const again = started(tasks, 'import', 'early');
    expect(again.signals().stop.aborted).toBe(false);
    again.finish();
    await again.done;
  });

  it('keeps `now` of an early cancel, and an early export always starts stopped at once', async () => {
    const tasks = new Tasks();
    tasks.cancel({ taskId: 'i', now: true });
    tasks.cancel({ taskId: 'e' });
    const i = started(tasks, 'import', 'i');
    const e = started(tasks, 'export', 'e');
    expect(i.signals().now.aborted).toBe(true);
    expect(e.signals().now.aborted).toBe(true);
    i.finish();
    e.finish();
    await Promise.all([i.done, e.done]);
  });

  it('says a task that has ended cannot be cancelled, and remembers nothing for it', async () => {
    const tasks = new Tasks();
    const t = started(tasks, 'export', 'x');
    t.finish();
    expect(await t.done).toBe('done');
    expect(tasks.cancel({ taskId: 'x' })).toEqual({ cancelled: false, message: 'Oppgaven er allerede ferdig; ingenting å avbryte.' });
  });

  it('forgets the oldest early cancels beyond a bound', () => {
    const tasks = new Tasks();
    for (let n = 0; n < 100; n++) tasks.cancel({ taskId: `t${n}` });
    const first = started(tasks, 'import', 't0');
    const last = started(tasks, 'import', 't99');
    expect(first.signals().stop.aborted).toBe(false);
    expect(last.signals().stop.aborted).toBe(true);
    first.finish();
    last.finish();
  });
});

describe('Tasks.cancel by name', () => {
  it('says so when nothing of that name runs', () => {
    const tasks = new Tasks();
    expect(tasks.cancel({ task: 'import' })).toEqual({ cancelled: false, message: 'Ingen import kjører nå; ingenting å avbryte.' });
    expect(tasks.cancel({ task: 'export' })).toEqual({ cancelled: false, message: 'Ingen eksport kjører nå; ingenting å avbryte.' });
  });

  it('stops an import after the current file, then at once when asked again with now', async () => {
    const tasks = new Tasks();
    const t = started(tasks, 'import');
    expect(tasks.cancel({ task: 'import' })).toEqual({ cancelled: true, message: 'Importen stopper etter filen den er på.' });
    expect([t.signals().stop.aborted, t.signals().now.aborted]).toEqual([true, false]);
    expect(tasks.cancel({ task: 'import', now: true })).toEqual({ cancelled: true, message: 'Importen avbrytes nå; filen den var på blir ikke lagret.' });
    expect(t.signals().now.aborted).toBe(true);
    // Stopped at once already: nothing more to stop.
    expect(tasks.cancel({ task: 'import' }).cancelled).toBe(false);
    t.finish();
    await t.done;
    expect(tasks.cancel({ task: 'import' }).cancelled).toBe(false);
  });
});
