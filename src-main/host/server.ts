// The local host: serves the built UI and the API contract over HTTP on the
// loopback interface, for browsers where Electron is not available (and for
// the end-to-end tests). It listens on both loopback addresses (127.0.0.1 and,
// where the machine has IPv6, [::1]), since a browser may resolve `localhost` to
// either. Every request must carry the session token and be addressed to this
// machine's loopback by a name no other site can take (127.0.0.1, [::1],
// localhost) and our port, which defeats other local users' pages and
// DNS-rebinding attacks.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ErrorCode } from '../../src-shared/errors';
import {
  EVENTS_PATH,
  INVOKE_PREFIX,
  TOKEN_COOKIE,
  TOKEN_HEADER,
  TOKEN_QUERY,
} from '../../src-shared/http-protocol';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/security';
import type { CoreConnection } from '../core/process/client';

export interface HostOptions {
  /** The core process (host/main.ts forks it) or, in tests, a core in this process. */
  core: CoreConnection;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token (tests); otherwise 32 random bytes. */
  token?: string;
  /** Largest accepted request body. */
  maxBodyBytes?: number;
}

export interface Host {
  url: string;
  /** The URL to open, with the session token. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
const LOOPBACK_V6 = '::1';

/** The Host headers that address this host: loopback names only (never one a page elsewhere could point at us), our port only. */
function ownHosts(port: number): Set<string> {
  return new Set([`${LOOPBACK}:${port}`, `[${LOOPBACK_V6}]:${port}`, `localhost:${port}`]);
}

/** Listens on `address`; resolves to the error instead of throwing (the IPv6 loopback may be missing). */
function listen(server: http.Server, port: number, address: string): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => {
    const onError = (e: NodeJS.ErrnoException) => resolve(e);
    server.once('error', onError);
    server.listen(port, address, () => {
      server.off('error', onError);
      resolve(null);
    });
  });
}
const HEARTBEAT_MS = 25_000;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.topojson': 'application/json; charset=utf-8',
};

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  FILE_EXISTS: 409,
  CONFLICT: 409,
  INTERNAL: 500,
};

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function sameSecret(a: string | null | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function forbid(res: http.ServerResponse, message: string): void {
  sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message } });
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error(`Request body over ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Resolves a URL path inside `root`, or null if it would escape it. */
function staticFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

export async function startHost(options: HostOptions): Promise<Host> {
  const { core } = options;
  const token = options.token ?? randomBytes(32).toString('base64url');
  const staticRoot = path.resolve(options.staticDir);
  // Staged import files arrive as base64 in the body (100 MB files → ~134 MB).
  const maxBody = options.maxBodyBytes ?? 200 * 1024 * 1024;
  const streams = new Set<http.ServerResponse>();
  let origin = '';
  let hosts = new Set<string>();

  const unsubscribe = core.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of streams) res.write(frame);
  });
  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': keep-alive\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  async function handleInvoke(req: http.IncomingMessage, res: http.ServerResponse, method: string) {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    // The API takes the token only from a header, never from the cookie, so a
    // page elsewhere cannot make the browser call it on the user's behalf.
    if (!sameSecret(req.headers[TOKEN_HEADER] as string | undefined, token)) {
      forbid(res, 'Missing or wrong session token');
      return;
    }
    // Same-origin only: the page was loaded from the address this request is addressed to (checked against ownHosts).
    if (req.headers.origin && req.headers.origin !== `http://${req.headers.host ?? ''}`) {
      forbid(res, 'Cross-origin request refused');
      return;
    }
    let input: unknown;
    try {
      const body = await readBody(req, maxBody);
      input = body.trim() === '' ? {} : JSON.parse(body);
    } catch (e) {
      sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: `Bad request body: ${(e as Error).message}` } });
      return;
    }
    const outcome = await core.dispatch(method, input);
    sendJson(res, outcome.ok ? 200 : (STATUS_BY_CODE[outcome.error.code] ?? 422), outcome);
  }

  function handleEvents(res: http.ServerResponse) {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, url: URL, fromQuery: boolean) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let file = staticFile(staticRoot, url.pathname);
    if (!file) {
      sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'Not found' } });
      return;
    }
    // Client-side routes fall back to the app's page.
    if (!existsSync(file) || statSync(file).isDirectory()) {
      file = path.extname(url.pathname) ? null : path.join(staticRoot, 'index.html');
    }
    if (!file || !existsSync(file)) {
      sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'Not found' } });
      return;
    }
    const headers: http.OutgoingHttpHeaders = {
      ...SECURITY_HEADERS,
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      'cache-control': file.endsWith('.html') ? 'no-store' : 'private, max-age=3600',
    };
    if (fromQuery) {
      headers['set-cookie'] = `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    // Only requests addressed to our own loopback address and port.
    if (!hosts.has((req.headers.host ?? '').toLowerCase())) {
      forbid(res, 'Wrong Host header');
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    const queryToken = url.searchParams.get(TOKEN_QUERY);
    if (url.pathname.startsWith(INVOKE_PREFIX)) {
      void handleInvoke(req, res, url.pathname.slice(INVOKE_PREFIX.length)).catch(() => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
      });
      return;
    }
    const authorised =
      sameSecret(queryToken, token) || sameSecret(cookieValue(req.headers.cookie, TOKEN_COOKIE), token);
    if (!authorised) {
      forbid(res, 'Missing or wrong session token');
      return;
    }
    if (url.pathname === EVENTS_PATH) handleEvents(res);
    else handleStatic(req, res, url, sameSecret(queryToken, token));
  };
  const server = http.createServer(handle);
  const server6 = http.createServer(handle);
  let listening6 = false;
  // The IPv6 loopback on the same port: with a free port picked for us, another program may hold
  // that port on [::1], so pick again (a few times); a port asked for must be ours on both, else a
  // browser sent to localhost could reach someone else. No IPv6 on the machine: 127.0.0.1 alone.
  for (let attempt = 1; ; attempt++) {
    const failed = await listen(server, options.port ?? 0, LOOPBACK);
    if (failed) throw failed;
    const picked = (server.address() as AddressInfo).port;
    const failed6 = await listen(server6, picked, LOOPBACK_V6);
    if (!failed6) {
      listening6 = true;
      break;
    }
    if (failed6.code !== 'EADDRINUSE') break;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (options.port || attempt >= 5) throw failed6;
  }
  const port = (server.address() as AddressInfo).port;
  origin = `http://${LOOPBACK}:${port}`;
  hosts = ownHosts(port);

  return {
    url: origin,
    openUrl: `${origin}/?${TOKEN_QUERY}=${encodeURIComponent(token)}`,
    port,
    token,
    async close() {
      unsubscribe();
      clearInterval(heartbeat);
      for (const res of streams) res.end();
      streams.clear();
      const open = listening6 ? [server, server6] : [server];
      for (const each of open) each.closeAllConnections();
      await Promise.all(open.map((each) => new Promise<void>((resolve) => each.close(() => resolve()))));
    },
  };
}
