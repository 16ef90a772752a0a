// The Content-Security-Policy for the UI, in Electron (as a meta tag in the
// built page, and a header in development) and in the local host: nothing but
// our own origin, no inline scripts, no remote fonts or images. In development
// Vite's React refresh preamble is an inline script and HMR uses a websocket,
// so only then are those allowed.
export function buildCsp(devServerOrigin: string | null = null): string {
  const directives = [
    "default-src 'self'",
    "img-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    "connect-src 'self'" + (devServerOrigin ? ' ' + devServerOrigin.replace(/^http/, 'ws') : ''),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
  if (devServerOrigin) directives.push("script-src 'self' 'unsafe-inline'");
  return directives.join('; ');
}

export const CONTENT_SECURITY_POLICY = buildCsp();
