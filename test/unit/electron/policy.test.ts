// The Electron shell's security rules, tested without Electron.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildCsp,
  isAllowedRequestUrl,
  isAppPageUrl,
  isTrustedSender,
  parseDevServerUrl,
  parseInvoke,
  type AppOrigin,
  type SenderInfo,
} from '../../../src-main/electron/policy';

const rendererDir = path.resolve('/opt/Innspill/resources/app.asar/out/renderer');
const packaged: AppOrigin = { rendererDir, devServerOrigin: null };
const dev: AppOrigin = { rendererDir, devServerOrigin: 'http://localhost:5173' };
const indexUrl = pathToFileURL(path.join(rendererDir, 'index.html')).href;

describe('parseDevServerUrl', () => {
  it('accepts loopback http and returns the origin', () => {
    expect(parseDevServerUrl('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(parseDevServerUrl('http://127.0.0.1:5174/index.html')).toBe('http://127.0.0.1:5174');
    expect(parseDevServerUrl('http://[::1]:5173')).toBe('http://[::1]:5173');
  });
  it('rejects missing, remote, non-http and malformed values', () => {
    for (const v of [undefined, null, '', 'https://localhost:5173', 'http://example.com:5173', 'file:///x', 'nonsense']) {
      expect(parseDevServerUrl(v)).toBeNull();
    }
  });
});

describe('isAppPageUrl', () => {
  it('accepts the built index.html, with hash and query', () => {
    expect(isAppPageUrl(indexUrl, packaged)).toBe(true);
    expect(isAppPageUrl(indexUrl + '#/prosjekt?x=1', packaged)).toBe(true);
  });
  it('rejects files outside the renderer folder, including via ..', () => {
    expect(isAppPageUrl(pathToFileURL('/etc/passwd').href, packaged)).toBe(false);
    expect(isAppPageUrl(pathToFileURL(path.join(rendererDir, '..', 'main', 'index.js')).href, packaged)).toBe(false);
    expect(isAppPageUrl(indexUrl.replace('/out/renderer/', '/out/renderer/../../x.html'), packaged)).toBe(false);
    expect(isAppPageUrl(pathToFileURL(rendererDir + '-evil/index.html').href, packaged)).toBe(false);
  });
  it('rejects encoded slashes and remote file hosts', () => {
    expect(isAppPageUrl(indexUrl.replace('/out/renderer/', '/out/renderer/..%2F..%2F'), packaged)).toBe(false);
    expect(isAppPageUrl('file://evil.example/share/index.html', packaged)).toBe(false);
  });
  it('rejects web pages and garbage', () => {
    expect(isAppPageUrl('https://example.com/', packaged)).toBe(false);
    expect(isAppPageUrl('http://localhost:5173/', packaged)).toBe(false);
    expect(isAppPageUrl('not a url', packaged)).toBe(false);
  });
  it('in development accepts only the dev server origin', () => {
    expect(isAppPageUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppPageUrl('http://localhost:5173/#/start', dev)).toBe(true);
    expect(isAppPageUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppPageUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppPageUrl(indexUrl, dev)).toBe(false);
  });
});

describe('isAllowedRequestUrl', () => {
  it('allows our files, data, blob and devtools', () => {
    expect(isAllowedRequestUrl(indexUrl, packaged)).toBe(true);
    expect(isAllowedRequestUrl(pathToFileURL(path.join(rendererDir, 'assets/index-abc.js')).href, packaged)).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA', packaged)).toBe(true);
    expect(isAllowedRequestUrl('blob:file:///0a1b2c', packaged)).toBe(true);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/devtools_app.html', packaged)).toBe(true);
  });
  it('cancels the network and other files', () => {
    for (const url of [
      'https://example.com/x.js',
      'http://localhost:5173/',
      'ws://localhost:5173/',
      'ftp://example.com/',
      'file:///etc/passwd',
      'chrome://settings',
      '',
    ]) {
      expect(isAllowedRequestUrl(url, packaged), url).toBe(false);
    }
  });
  it('in development also allows the dev server and its HMR socket, nothing else', () => {
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/?token=x', dev)).toBe(true);
    expect(isAllowedRequestUrl('http://localhost:8080/', dev)).toBe(false);
    expect(isAllowedRequestUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAllowedRequestUrl('https://example.com/', dev)).toBe(false);
  });
});

describe('buildCsp', () => {
  it('is the strict offline policy by default', () => {
    const csp = buildCsp();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("font-src 'self'");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(csp).not.toMatch(/unsafe-eval|\*|https?:/);
  });
  it('opens only what the dev server needs in development', () => {
    const csp = buildCsp('http://localhost:5173');
    expect(csp).toContain("connect-src 'self' ws://localhost:5173");
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
  });
  it('can be embedded in an HTML attribute', () => {
    expect(buildCsp()).not.toMatch(/["<>]/);
  });
});

describe('isTrustedSender', () => {
  const good: SenderInfo = {
    senderId: 1,
    windowId: 1,
    frame: { url: indexUrl, token: 'main', isTop: true },
    mainFrameToken: 'main',
  };
  it('trusts the main frame of our window showing our page', () => {
    expect(isTrustedSender(good, packaged)).toBe(true);
  });
  it('rejects other web contents, or when there is no window', () => {
    expect(isTrustedSender({ ...good, senderId: 2 }, packaged)).toBe(false);
    expect(isTrustedSender({ ...good, windowId: null }, packaged)).toBe(false);
  });
  it('rejects sub-frames, stale frames and a gone frame', () => {
    expect(isTrustedSender({ ...good, frame: { ...good.frame!, isTop: false } }, packaged)).toBe(false);
    expect(isTrustedSender({ ...good, frame: { ...good.frame!, token: 'other' } }, packaged)).toBe(false);
    expect(isTrustedSender({ ...good, frame: null }, packaged)).toBe(false);
  });
  it('rejects our window after it navigated somewhere else', () => {
    expect(isTrustedSender({ ...good, frame: { ...good.frame!, url: 'https://example.com/' } }, packaged)).toBe(false);
    expect(isTrustedSender({ ...good, frame: { ...good.frame!, url: 'file:///tmp/x.html' } }, packaged)).toBe(false);
  });
  it('in development trusts the dev server page only', () => {
    const devFrame = { ...good, frame: { ...good.frame!, url: 'http://localhost:5173/' } };
    expect(isTrustedSender(devFrame, dev)).toBe(true);
    expect(isTrustedSender(devFrame, packaged)).toBe(false);
  });
});

describe('parseInvoke', () => {
  it('passes a known method with an object input', () => {
    expect(parseInvoke('project.open', { path: 'a.innspill' })).toEqual({
      ok: true,
      method: 'project.open',
      input: { path: 'a.innspill' },
    });
  });
  it('treats a missing input as {}', () => {
    expect(parseInvoke('app.info', undefined)).toEqual({ ok: true, method: 'app.info', input: {} });
    expect(parseInvoke('app.info', null)).toEqual({ ok: true, method: 'app.info', input: {} });
  });
  it('rejects unknown or non-string methods', () => {
    for (const m of ['nope', 'constructor', '__proto__', 42, null, { toString: () => 'app.info' }]) {
      const r = parseInvoke(m, {});
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('UNKNOWN_METHOD');
    }
  });
  it('rejects non-object inputs', () => {
    for (const input of ['x', 1, true, [1, 2]]) {
      const r = parseInvoke('app.info', input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('INVALID_INPUT');
    }
  });
});
