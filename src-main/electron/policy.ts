// The Electron shell's security decisions as plain functions: which pages are
// ours, which requests may load, which IPC sender we trust, and the CSP. No
// Electron import, so the rules are unit-tested in plain Node; the glue in
// this folder only feeds them what Electron reports.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMethodName, type MethodName } from '../../src-shared/contract';
import type { ApiErrorBody } from '../../src-shared/errors';

export { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';
export { buildCsp } from '../../src-shared/security';

/** Where our pages come from: the built renderer folder, or the dev server. */
export interface AppOrigin {
  /** Absolute path of out/renderer. */
  rendererDir: string;
  /** Origin of the electron-vite dev server (http://localhost:5173), dev only. */
  devServerOrigin: string | null;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server origin from ELECTRON_RENDERER_URL, or null. Only loopback
 * http is accepted, so a stray environment variable cannot point the app (and
 * its IPC) at a remote site.
 */
export function parseDevServerUrl(value: string | undefined | null): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) return null;
  return url.origin;
}

/** True if `target` is `root` or inside it (case-insensitive on Windows). */
function isInside(root: string, target: string): boolean {
  const fold = (p: string) => (process.platform === 'win32' ? p.toLowerCase() : p);
  const rel = path.relative(fold(path.resolve(root)), fold(path.resolve(target)));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** A file: URL pointing inside the renderer folder (fileURLToPath rejects hosts and encoded slashes). */
function isRendererFile(url: URL, rendererDir: string): boolean {
  if (url.protocol !== 'file:') return false;
  try {
    return isInside(rendererDir, fileURLToPath(url));
  } catch {
    return false;
  }
}

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** Is this one of our own pages (navigation target, IPC sender)? */
export function isAppPageUrl(raw: string, origin: AppOrigin): boolean {
  const url = parse(raw);
  if (!url) return false;
  if (origin.devServerOrigin) return url.origin === origin.devServerOrigin;
  return isRendererFile(url, origin.rendererDir);
}

/**
 * May the renderer load this URL at all? The app is offline: our own files,
 * inline data/blob URLs, the DevTools, and in development the dev server
 * (including its HMR websocket). Everything else is cancelled.
 */
export function isAllowedRequestUrl(raw: string, origin: AppOrigin): boolean {
  const url = parse(raw);
  if (!url) return false;
  switch (url.protocol) {
    case 'file:':
      return isRendererFile(url, origin.rendererDir);
    case 'data:':
    case 'blob:':
    case 'devtools:':
      return true;
    case 'http:':
    case 'ws:': {
      if (!origin.devServerOrigin) return false;
      const dev = new URL(origin.devServerOrigin);
      return url.host === dev.host;
    }
    default:
      return false;
  }
}

/** What Electron tells us about an IPC sender, reduced to comparable facts. */
export interface SenderInfo {
  /** webContents id of the sender and of our main window (null if none). */
  senderId: number;
  windowId: number | null;
  /** The sending frame; null when it navigated away or was destroyed. */
  frame: { url: string; token: string; isTop: boolean } | null;
  /** frameToken of our window's main frame. */
  mainFrameToken: string | null;
}

/**
 * Trust a message only from our window's main frame showing our page, as
 * Electron's security checklist ("validate the sender of all IPC messages")
 * and Electron Fiddle do. Frames are compared by token because Electron may
 * hand out distinct wrapper objects for the same frame.
 */
export function isTrustedSender(sender: SenderInfo, origin: AppOrigin): boolean {
  const { frame } = sender;
  if (sender.windowId === null || sender.senderId !== sender.windowId) return false;
  if (!frame || !frame.isTop || frame.token !== sender.mainFrameToken) return false;
  return isAppPageUrl(frame.url, origin);
}

export const FORBIDDEN: ApiErrorBody = { code: 'FORBIDDEN', message: 'The request did not come from the Innspill window.' };

export type InvokeRequest = { ok: true; method: MethodName; input: object } | { ok: false; error: ApiErrorBody };

/**
 * Shape check of `invoke(method, input)` before it reaches the core: a known
 * method name and a plain-object input (absent means `{}`). The core's zod
 * schemas then validate the content.
 */
export function parseInvoke(method: unknown, input: unknown): InvokeRequest {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method: ${String(method).slice(0, 80)}` } };
  }
  if (input === undefined || input === null) return { ok: true, method, input: {} };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, error: { code: 'INVALID_INPUT', message: `${method}: input must be an object` } };
  }
  return { ok: true, method, input };
}
