// The local host: loopback only, session token on every request, our own Host
// header only, the API behind the same dispatch, events over SSE, and no path
// out of the UI folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../../src-main/host/server';
import type { Core } from '../../../src-main/core';
import { tempDir, testCore } from '../../helpers/core';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so tests control the Host header (fetch would not). */
function request(host: Host, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

let dir: string;
let cleanup: () => void;
let core: Core;
let host: Host;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  const ui = path.join(dir, 'ui');
  mkdirSync(path.join(ui, 'assets'), { recursive: true });
  writeFileSync(path.join(ui, 'index.html'), '<!doctype html><title>Innspill</title>');
  writeFileSync(path.join(ui, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
  core = testCore(dir);
  host = await startHost({ core, staticDir: ui, token: 'test-token-123' });
});

afterEach(async () => {
  await host.close();
  await core.dispose();
  cleanup();
});

const invoke = (method: string, input: unknown, headers: Record<string, string> = { 'x-innspill-token': 'test-token-123' }) =>
  request(host, { path: `/api/invoke/${method}`, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });

describe('local host', () => {
  it('prints a URL on 127.0.0.1 with the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.openUrl).toBe(`http://127.0.0.1:${host.port}/?token=test-token-123`);
  });

  it('generates a long random token when none is given', async () => {
    const other = await startHost({ core, staticDir: path.join(dir, 'ui') });
    try {
      expect(other.token.length).toBeGreaterThanOrEqual(40);
      expect(other.token).not.toBe(host.token);
    } finally {
      await other.close();
    }
  });

  it('rejects requests without the token with 403', async () => {
    expect((await request(host, { path: '/' })).status).toBe(403);
    expect((await request(host, { path: '/assets/app.js' })).status).toBe(403);
    expect((await request(host, { path: '/api/events' })).status).toBe(403);
    expect((await invoke('app.info', {}, {})).status).toBe(403);
    expect((await invoke('app.info', {}, { 'x-innspill-token': 'wrong' })).status).toBe(403);
    expect((await request(host, { path: '/?token=wrong' })).status).toBe(403);
  });

  it('answers on 127.0.0.1, [::1] and localhost alike, each with the token only', async () => {
    for (const base of [`http://127.0.0.1:${host.port}`, `http://[::1]:${host.port}`, `http://localhost:${host.port}`]) {
      expect((await fetch(`${base}/`)).status, base).toBe(403);
      const page = await fetch(`${base}/?token=test-token-123`);
      expect(page.status, base).toBe(200);
      expect(await page.text()).toContain('<title>Innspill</title>');
      const call = (headers: Record<string, string>) => fetch(`${base}/api/invoke/app.info`, { method: 'POST', headers: { 'x-innspill-token': 'test-token-123', ...headers }, body: '{}' });
      expect((await call({ origin: base })).status, base).toBe(200);
      // A page loaded from one loopback name is another origin to the others.
      const other = base.includes('localhost') ? `http://127.0.0.1:${host.port}` : `http://localhost:${host.port}`;
      expect((await call({ origin: other })).status, base).toBe(403);
    }
  });

  it('rejects a Host header other than its own loopback address (DNS rebinding)', async () => {
    for (const h of [`evil.example:${host.port}`, `localhost.evil.example:${host.port}`, `[::2]:${host.port}`, '127.0.0.1', 'localhost', `127.0.0.1:${host.port + 1}`, `localhost:${host.port + 1}`]) {
      const reply = await request(host, { path: '/?token=test-token-123', headers: { host: h } });
      expect(reply.status, h).toBe(403);
    }
  });

  it('serves the UI with the token and sets a strict HttpOnly cookie for its assets', async () => {
    const page = await request(host, { path: '/?token=test-token-123' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Innspill</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const asset = await request(host, { path: '/assets/app.js', headers: { cookie: 'innspill_token=test-token-123' } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
  });

  it('does not let the cookie authorise API calls', async () => {
    const reply = await invoke('app.info', {}, { cookie: 'innspill_token=test-token-123' });
    expect(reply.status).toBe(403);
  });

  it('never serves files outside the UI folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const reply = await request(host, { path: p, headers: { cookie: 'innspill_token=test-token-123' } });
      expect(reply.body).not.toContain('do not serve');
    }
  });

  it('serves the contract: results, and errors as { code, message } without stack traces', async () => {
    const info = await invoke('app.info', {});
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, result: { name: 'Innspill', shell: 'host' } });

    const created = await invoke('project.create', { path: 'sak.innspill' });
    expect(JSON.parse(created.body).result.questions).toHaveLength(5);

    const again = await invoke('project.create', { path: 'sak.innspill' });
    expect(again.status).toBe(409);
    expect(JSON.parse(again.body).error.code).toBe('FILE_EXISTS');

    const bad = await invoke('project.open', { path: 42 });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('INVALID_INPUT');

    const unknown = await invoke('project.delete', {});
    expect(JSON.parse(unknown.body).error.code).toBe('UNKNOWN_METHOD');

    const junk = await request(host, {
      path: '/api/invoke/app.info',
      method: 'POST',
      headers: { 'x-innspill-token': 'test-token-123' },
      body: '{not json',
    });
    expect(junk.status).toBe(400);
    expect(junk.body).not.toMatch(/\n\s+at /);
  });

  it('refuses API calls from another origin', async () => {
    const reply = await invoke('app.info', {}, { 'x-innspill-token': 'test-token-123', origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
  });

  it('pushes events to the UI over Server-Sent Events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: host.port, path: '/api/events?token=test-token-123', headers: { host: `127.0.0.1:${host.port}` } },
        (res) => {
          expect(res.headers['content-type']).toContain('text/event-stream');
          let text = '';
          res.on('data', (c: Buffer) => {
            text += c.toString('utf8');
            if (text.includes('event: project.changed')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', (e) => (e.message.includes('aborted') ? undefined : reject(e)));
      setTimeout(() => void invoke('project.create', { path: 'hendelse.innspill' }), 100);
    });
    const text = await received;
    expect(text).toContain('hendelse.innspill');
  });
});
