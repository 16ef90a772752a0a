// The host with the core in a child process, as `npm start` runs it: while a
// 10,000-response import runs, other calls still answer within 100 ms and
// progress arrives; a core process that dies fails every pending call with
// one clear message, and the project file keeps nothing of the half import;
// a cancelled import (task.cancel) rolls back and the next one succeeds.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeResponsesCsv } from '../../../bench/lib';
import { forkCore, type ForkedCore } from '../../../src-main/core/process/fork';
import { startHost, type Host } from '../../../src-main/host/server';
import type { DispatchResult } from '../../../src-main/core/api/dispatch';
import { recordingDesktop, resourcesDir, tempDir, testCore } from '../../helpers/core';

const TOKEN = 'core-process-token';

interface Reply {
  status: number;
  outcome: DispatchResult;
}

/** One API call over HTTP, as the browser UI makes it. */
function invoke(host: Host, method: string, input: unknown = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(input);
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/api/invoke/${method}`,
        method: 'POST',
        headers: { host: `127.0.0.1:${host.port}`, 'x-innspill-token': TOKEN, 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, outcome: JSON.parse(Buffer.concat(chunks).toString('utf8')) as DispatchResult }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface Progress {
  at: number;
  task: string;
  done: number;
  total: number;
}

/** The host's event stream, collecting progress events with their arrival time. */
function listen(host: Host): { progress: Progress[]; close(): void } {
  const progress: Progress[] = [];
  const req = http.get({
    host: '127.0.0.1',
    port: host.port,
    path: `/api/events?token=${TOKEN}`,
    headers: { host: `127.0.0.1:${host.port}` },
  });
  req.on('response', (res) => {
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (event === 'progress' && data) progress.push({ at: performance.now(), ...(JSON.parse(data) as Omit<Progress, 'at'>) });
      }
    });
  });
  req.on('error', () => {});
  return { progress, close: () => req.destroy() };
}

const waitFor = async (check: () => boolean, what: string, ms = 60_000) => {
  const until = performance.now() + ms;
  while (!check()) {
    if (performance.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

/** The q-quantile (0–1) of some numbers, nearest rank. */
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

/**
 * How long a process's main thread has waited, runnable, for a CPU (ms), from
 * Linux's /proc/<pid>/schedstat. On a machine shared by many jobs a reply can
 * wait for the scheduler however little the core does: that wait, in the core
 * or in this process (the host runs here), is not the core holding a read.
 */
const runQueueMs = (pid: number) => Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;

let dir: string;
let cleanup: () => void;
let core: ForkedCore;
let host: Host;
let csv: string;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  const ui = path.join(dir, 'ui');
  mkdirSync(ui);
  writeFileSync(path.join(ui, 'index.html'), '<!doctype html><title>Innspill</title>');
  csv = writeResponsesCsv(dir, 10_000, 200);
  core = await forkCore({ paths: { resourcesDir, configDir: path.join(dir, 'config'), workspaceDir: dir }, shell: 'host', silent: true }, recordingDesktop());
  host = await startHost({ core, staticDir: ui, token: TOKEN });
  const created = await invoke(host, 'project.create', { path: 'stor.innspill' });
  expect(created.outcome.ok).toBe(true);
}, 120_000);

afterEach(async () => {
  await host.close();
  await core.close();
  cleanup();
});

describe('the host with the core in a child process', () => {
  it('answers a read within 100 ms while a 10,000-response import runs, and sends progress during it', async () => {
    const events = listen(host);
    await new Promise((r) => setTimeout(r, 100)); // the stream is registered before the import starts
    const started = performance.now();
    let importDone = 0;
    const importing = invoke(host, 'import.run', { paths: [csv] }).then((reply) => {
      importDone = performance.now();
      return reply;
    });
    await waitFor(() => events.progress.some((p) => p.task === 'import'), 'the first progress event');

    // Reads while the import runs: app.info, one after another. Each read sent
    // before the import's reply counts, also one answered after it: the
    // import's last steps (its commit, the personal-data scan) hold such a read.
    const latencies: number[] = [];
    /** Each read's wall time less the longer of the two processes' waits for a CPU meanwhile. */
    const held: number[] = [];
    /** When each read was sent, ms after the import started (to tell which step held the slowest). */
    const sentAt: number[] = [];
    while (!importDone) {
      const sent = performance.now();
      const waited = [runQueueMs(core.pid), runQueueMs(process.pid)];
      const info = await invoke(host, 'app.info');
      expect(info.outcome.ok).toBe(true);
      const wall = performance.now() - sent;
      latencies.push(wall);
      sentAt.push(sent - started);
      held.push(wall - Math.max(runQueueMs(core.pid) - waited[0], runQueueMs(process.pid) - waited[1]));
    }
    const imported = await importing;
    events.close();
    const importMs = importDone - started;

    expect(imported.outcome.ok).toBe(true);
    const report = (imported.outcome as { ok: true; result: { files: { status: string; responses: number }[] } }).result;
    expect(report.files).toEqual([expect.objectContaining({ status: 'imported', responses: 10_000 })]);
    // Progress came while the import was still running, not only with its end.
    const during = events.progress.filter((p) => p.task === 'import' && p.at < importDone);
    expect(during.some((p) => p.done < p.total)).toBe(true);
    // Enough reads to mean something, and quick. (With the core in this
    // process no read answered until the import ended.) Each read's wall time
    // less the time the two processes waited for a CPU meanwhile: on a
    // machine shared by many jobs a reply can wait for the scheduler, whatever
    // the core does. The 99th percentile and the maximum are printed, not
    // asserted: the file's commit is one synchronous SQLite call whose disk
    // writes (and the WAL checkpoint after them) take as long as the disk
    // does, up to a second on a busy machine.
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    const figures = (xs: number[]) => `median ${ms(quantile(xs, 0.5))}, p90 ${ms(quantile(xs, 0.9))}, p99 ${ms(quantile(xs, 0.99))}, max ${ms(quantile(xs, 1))}`;
    const slowest = held.indexOf(Math.max(...held));
    console.log(`import ${Math.round(importMs)} ms; ${latencies.length} reads during it: ${figures(latencies)}; less waits for a CPU: ${figures(held)} (the slowest sent at ${Math.round(sentAt[slowest])} ms)`);
    expect(latencies.length).toBeGreaterThanOrEqual(10);
    expect(quantile(held, 0.5)).toBeLessThan(100);
    expect(quantile(held, 0.9)).toBeLessThan(100);

    // The data is all there once the import is done.
    const stats = await invoke(host, 'stats.get');
    expect(stats.outcome).toMatchObject({ ok: true, result: { responses: { current: 10_000, superseded: 0 } } });
  }, 180_000);

  it('cancels a running import at once: CANCELLED, nothing saved, the file intact, and the next import succeeds', async () => {
    const events = listen(host);
    await new Promise((r) => setTimeout(r, 100));
    const importing = invoke(host, 'import.run', { paths: [csv] });
    await waitFor(() => events.progress.some((p) => p.task === 'import'), 'the first progress event');
    // The cancel passes the gate while the import holds the project; `now` rolls the open file back
    // (without it the import would stop after this, its only file).
    const cancel = await invoke(host, 'task.cancel', { task: 'import', now: true });
    expect(cancel.outcome).toMatchObject({ ok: true, result: { cancelled: true } });

    const imported = await importing;
    expect(imported.outcome).toEqual({
      ok: false,
      error: { code: 'CANCELLED', message: 'Importen ble avbrutt. Ingenting ble lagret fra denne importen.' },
    });
    // Nothing runs now: a second cancel is a no-op that says so.
    const again = await invoke(host, 'task.cancel', { task: 'import' });
    expect(again.outcome).toEqual({ ok: true, result: { cancelled: false, message: 'Ingen import kjører nå; ingenting å avbryte.' } });

    const stats = await invoke(host, 'stats.get');
    expect(stats.outcome).toMatchObject({ ok: true, result: { responses: { current: 0, superseded: 0 } } });
    const batches = await invoke(host, 'import.batches');
    expect(batches.outcome).toEqual({ ok: true, result: [] });
    const check = new Database(path.join(dir, 'stor.innspill'), { readonly: true });
    try {
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(check.prepare('SELECT (SELECT count(*) FROM response) + (SELECT count(*) FROM source_file) AS n').get()).toEqual({ n: 0 });
    } finally {
      check.close();
    }

    // The same file imports in full afterwards (no half-written sha256 blocks it).
    const second = await invoke(host, 'import.run', { paths: [csv] });
    expect(second.outcome).toMatchObject({ ok: true, result: { files: [expect.objectContaining({ status: 'imported', responses: 10_000 })] } });
    events.close();
    await invoke(host, 'project.close');

    const db = new Database(path.join(dir, 'stor.innspill'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) AS n FROM response').get()).toEqual({ n: 10_000 });
      expect(db.prepare('SELECT count(*) AS n FROM import_batch').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  }, 180_000);

  it('fails every pending call cleanly when the core process dies, and the project keeps nothing of the half import', async () => {
    const events = listen(host);
    await new Promise((r) => setTimeout(r, 100));
    const importing = invoke(host, 'import.run', { paths: [csv] });
    await waitFor(() => events.progress.some((p) => p.task === 'import'), 'the first progress event');
    const waiting = invoke(host, 'stats.get'); // queued behind the import
    process.kill(core.pid, 'SIGKILL');

    for (const reply of [await importing, await waiting]) {
      expect(reply.status).toBe(500);
      expect(reply.outcome).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('The core process stopped (killed)') } });
    }
    // Later calls fail the same way at once instead of hanging.
    const after = await invoke(host, 'app.info');
    expect(after.outcome).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('Innspill-kjernen stoppet') } });
    events.close();

    // SQLite rolled the unfinished import back: the file opens with no responses.
    const fresh = testCore(dir);
    try {
      const opened = await fresh.dispatch('project.open', { path: path.join(dir, 'stor.innspill') });
      expect(opened.ok).toBe(true);
      const stats = await fresh.dispatch('stats.get', {});
      expect(stats).toMatchObject({ ok: true, result: { responses: { current: 0, superseded: 0 } } });
    } finally {
      await fresh.dispose();
    }
  }, 180_000);
});
