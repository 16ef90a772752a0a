// Hardening of the session and of every web contents: a strict CSP, no
// network, no navigation away from our page, no new windows, no permissions.
// The decisions themselves live in policy.ts.
import type { App, Session } from 'electron';
import { buildCsp, isAllowedRequestUrl, isAppPageUrl, type AppOrigin } from './policy';

export function hardenSession(ses: Session, origin: AppOrigin): void {
  // The app is offline by design: anything not ours is cancelled.
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, origin) });
  });

  // Headers only exist for the dev server; file:// pages get the same policy
  // from the <meta> tag that electron.vite.config.ts injects at build time.
  const csp = buildCsp(origin.devServerOrigin);
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() === 'content-security-policy') delete headers[key];
    }
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });

  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

/** Applies to every web contents ever created, including DevTools and any future window. */
export function hardenAllWebContents(app: App, origin: AppOrigin): void {
  app.on('web-contents-created', (_event, contents) => {
    const blockForeign = (event: { url: string; preventDefault(): void }) => {
      if (!isAppPageUrl(event.url, origin)) event.preventDefault();
    };
    contents.on('will-navigate', blockForeign);
    contents.on('will-redirect', blockForeign);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
