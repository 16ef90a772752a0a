// The dispatch gate: an import runs alone (after the calls before it, before
// the calls after it), other calls interleave as before, and the few calls
// that never touch the project pass even while an import holds it; an
// export lets reads run beside it while edits and closing the project wait.
import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../../src-main/core/api/dispatch';
import { gatedDispatch, modeOf, ProjectGate } from '../../../../src-main/core/api/gate';

/** A dispatch whose calls finish only when the test says so, logging starts and ends. */
function controlled() {
  const log: string[] = [];
  const finish = new Map<string, () => void>();
  const dispatch: Dispatch = (method) => {
    const name = String(method);
    log.push(`start ${name}`);
    return new Promise((resolve) =>
      finish.set(name, () => {
        log.push(`end ${name}`);
        resolve({ ok: true, result: name });
      }),
    );
  };
  return { log, dispatch, end: (name: string) => finish.get(name)!() };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('gatedDispatch', () => {
  it('runs an import alone: it waits for earlier calls, later calls wait for it', async () => {
    const { log, dispatch, end } = controlled();
    const gated = gatedDispatch(dispatch);
    const calls = [gated('stats.get', {}), gated('import.run', {}), gated('responses.list', {})];
    await settle();
    expect(log).toEqual(['start stats.get']);
    end('stats.get');
    await settle();
    expect(log).toEqual(['start stats.get', 'end stats.get', 'start import.run']);
    end('import.run');
    await settle();
    expect(log.slice(-2)).toEqual(['end import.run', 'start responses.list']);
    end('responses.list');
    expect((await Promise.all(calls)).map((c) => c.ok && c.result)).toEqual(['stats.get', 'import.run', 'responses.list']);
  });

  it('lets calls that never touch the project through while an import runs', async () => {
    const { log, dispatch, end } = controlled();
    const gated = gatedDispatch(dispatch);
    void gated('import.run', {});
    void gated('stats.get', {});
    const info = gated('app.info', {});
    await settle();
    expect([...log].sort()).toEqual(['start app.info', 'start import.run']);
    end('app.info');
    expect(await info).toEqual({ ok: true, result: 'app.info' });
    end('import.run');
    await settle();
    expect(log.at(-1)).toBe('start stats.get');
  });

  it('lets task.cancel through at once while an import holds the project', async () => {
    const { log, dispatch, end } = controlled();
    const gated = gatedDispatch(dispatch);
    void gated('import.run', {});
    const cancel = gated('task.cancel', { task: 'import' });
    await settle();
    expect([...log].sort()).toEqual(['start import.run', 'start task.cancel']);
    end('task.cancel');
    expect(await cancel).toEqual({ ok: true, result: 'task.cancel' });
    end('import.run');
  });

  it('lets ordinary calls interleave', async () => {
    const { log, dispatch } = controlled();
    const gated = gatedDispatch(dispatch);
    void gated('stats.get', {});
    void gated('responses.list', {});
    await settle();
    expect(log).toEqual(['start stats.get', 'start responses.list']);
  });
});

describe('gatedDispatch during an export', () => {
  it('lets reads of the project run beside an export, while an edit waits for it', async () => {
    const { log, dispatch, end } = controlled();
    const gated = gatedDispatch(dispatch);
    void gated('export.workbook', {});
    void gated('stats.get', {});
    void gated('responses.list', {});
    await settle();
    expect(log).toEqual(['start export.workbook', 'start stats.get', 'start responses.list']);
    const edit = gated('codings.create', {});
    await settle();
    expect(log).not.toContain('start codings.create');
    end('export.workbook');
    await settle();
    expect(log.at(-1)).toBe('start codings.create');
    end('codings.create');
    expect(await edit).toEqual({ ok: true, result: 'codings.create' });
  });

  it('keeps closing or opening a project, and an import, waiting until the export has written its file', async () => {
    const { log, dispatch, end } = controlled();
    const gated = gatedDispatch(dispatch);
    void gated('export.csv', {});
    void gated('project.close', {});
    void gated('import.run', {});
    await settle();
    expect(log).toEqual(['start export.csv']);
    end('export.csv');
    await settle();
    expect(log.at(-1)).toBe('start project.close');
    end('project.close');
    await settle();
    expect(log.at(-1)).toBe('start import.run');
  });

  it('does not start an export while an edit runs', async () => {
    const { log, dispatch, end } = controlled();
    const gated = gatedDispatch(dispatch);
    void gated('codings.create', {});
    void gated('export.memo', {});
    await settle();
    expect(log).toEqual(['start codings.create']);
    end('codings.create');
    await settle();
    expect(log.at(-1)).toBe('start export.memo');
  });
});

describe('modeOf', () => {
  it('sorts methods by what the contract says they read and change', () => {
    expect(modeOf('import.run')).toBe('exclusive');
    expect(modeOf('refi.exportProject')).toBe('export');
    expect(modeOf('stats.get')).toBe('read');
    expect(modeOf('codings.create')).toBe('shared');
    // Neither reads nor changes project data, but swaps the project: not a read.
    expect(modeOf('project.open')).toBe('shared');
    expect(modeOf('no.such')).toBe('shared');
  });
});

describe('ProjectGate', () => {
  it('releases the gate when a call fails', async () => {
    const gate = new ProjectGate();
    await expect(gate.run('exclusive', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run('shared', async () => 'after')).toBe('after');
  });
});
