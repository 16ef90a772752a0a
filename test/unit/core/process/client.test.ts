// The core process client against a fake port: replies find their call by
// id, events reach subscribers, the parent opens files the core asks it to,
// a failed start rejects, and an exit fails every pending and later call.
import { describe, expect, it } from 'vitest';
import { connectCore, type CorePort } from '../../../../src-main/core/process/client';
import type { FromCore, ToCore } from '../../../../src-main/core/process/protocol';
import { recordingDesktop, resourcesDir } from '../../../helpers/core';

function fakePort() {
  const sent: ToCore[] = [];
  let deliver: (m: unknown) => void = () => {};
  let exit: (code: number | null) => void = () => {};
  const port: CorePort = {
    send: (m) => sent.push(m),
    onMessage: (l) => (deliver = l),
    onExit: (l) => (exit = l),
    kill: () => exit(null),
  };
  return { port, sent, deliver: (m: FromCore) => deliver(m), raw: (m: unknown) => deliver(m), exit: (code: number | null) => exit(code) };
}

const options = { paths: { resourcesDir, configDir: '/tmp/x', workspaceDir: '/tmp/x' }, shell: 'host' as const };

describe('connectCore', () => {
  it('matches replies to calls by id, whatever their order, and forwards events', async () => {
    const fake = fakePort();
    const starting = connectCore(fake.port, options, recordingDesktop());
    expect(fake.sent[0]).toEqual({ type: 'init', options });
    fake.deliver({ type: 'ready' });
    const core = await starting;
    const events: unknown[] = [];
    core.subscribe((name, payload) => events.push([name, payload]));
    const a = core.dispatch('stats.get', {});
    const b = core.dispatch('app.info', {});
    expect(fake.sent.slice(1)).toEqual([
      { type: 'call', id: 1, method: 'stats.get', input: {} },
      { type: 'call', id: 2, method: 'app.info', input: {} },
    ]);
    fake.deliver({ type: 'event', name: 'progress', payload: { task: 'import', done: 0, total: 1 } });
    fake.deliver({ type: 'reply', id: 2, outcome: { ok: true, result: 'info' } });
    fake.deliver({ type: 'reply', id: 1, outcome: { ok: true, result: 'stats' } });
    expect(await a).toEqual({ ok: true, result: 'stats' });
    expect(await b).toEqual({ ok: true, result: 'info' });
    expect(events).toEqual([['progress', { task: 'import', done: 0, total: 1 }]]);
  });

  it('opens exported files with the opener of the parent and tells the core', async () => {
    const fake = fakePort();
    const desktop = recordingDesktop();
    const starting = connectCore(fake.port, options, desktop);
    fake.deliver({ type: 'ready' });
    await starting;
    fake.deliver({ type: 'desktop', id: 7, action: 'reveal', path: '/tmp/x/Eksport/notat.docx' });
    await new Promise((r) => setImmediate(r));
    expect(desktop.calls).toEqual([{ action: 'reveal', path: '/tmp/x/Eksport/notat.docx' }]);
    expect(fake.sent.at(-1)).toEqual({ type: 'desktopDone', id: 7, ok: true });
  });

  it('rejects when the core cannot start, with its message', async () => {
    const fake = fakePort();
    const starting = connectCore(fake.port, options, recordingDesktop());
    fake.deliver({ type: 'failed', message: 'Reference data is damaged' });
    await expect(starting).rejects.toThrow('Reference data is damaged');
  });

  it('fails every pending call and every later one when the process exits, and reports the crash once', async () => {
    const fake = fakePort();
    const starting = connectCore(fake.port, options, recordingDesktop());
    fake.deliver({ type: 'ready' });
    const core = await starting;
    const crashes: (number | null)[] = [];
    core.onCrash((code) => crashes.push(code));
    const pending = [core.dispatch('import.run', { paths: ['a.csv'] }), core.dispatch('stats.get', {})];
    fake.exit(134);
    const stopped = { ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('The core process stopped (exit code 134)') } };
    expect(await Promise.all(pending)).toEqual([stopped, stopped]);
    expect(await core.dispatch('app.info', {})).toEqual(stopped);
    expect(crashes).toEqual([134]);
  });

  it('does not report a crash when asked to close', async () => {
    const fake = fakePort();
    const starting = connectCore(fake.port, options, recordingDesktop());
    fake.deliver({ type: 'ready' });
    const core = await starting;
    const crashes: (number | null)[] = [];
    core.onCrash((code) => crashes.push(code));
    const closing = core.close();
    expect(fake.sent.at(-1)).toEqual({ type: 'dispose' });
    fake.deliver({ type: 'disposed' });
    await closing;
    expect(crashes).toEqual([]);
  });

  it('refuses a message that is not of the protocol instead of passing it on typed', async () => {
    const fake = fakePort();
    const starting = connectCore(fake.port, options, recordingDesktop());
    fake.deliver({ type: 'ready' });
    const core = await starting;
    const events: unknown[] = [];
    core.subscribe((name, payload) => events.push([name, payload]));
    expect(() => fake.raw({ type: 'reply', id: 'one', outcome: { ok: true, result: 1 } })).toThrow();
    expect(() => fake.raw({ type: 'event', name: 'data.changed', payload: { entities: ['no such entity'] } })).toThrow();
    expect(() => fake.raw({ type: 'shout' })).toThrow();
    expect(events).toEqual([]);
    // A field the schema does not name passes through unchanged.
    fake.raw({ type: 'event', name: 'project.changed', payload: { path: '/p.innspill', extra: 1 } });
    expect(events).toEqual([['project.changed', { path: '/p.innspill', extra: 1 }]]);
  });
});
