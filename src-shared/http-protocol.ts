// How the browser UI talks to the local host process (src-main/host):
//   POST /api/invoke/<method>   body: JSON input, header x-innspill-token
//        → 200 { ok: true, result } | 4xx/5xx { ok: false, error: { code, message } }
//   GET  /api/events?token=…    Server-Sent Events, `event: <name>`, `data: <json>`
//   GET  /?token=…              the UI; sets an HttpOnly, SameSite=Strict cookie
//                               that authorises the UI's static files.
export const INVOKE_PREFIX = '/api/invoke/';
export const EVENTS_PATH = '/api/events';
export const TOKEN_HEADER = 'x-innspill-token';
export const TOKEN_QUERY = 'token';
export const TOKEN_COOKIE = 'innspill_token';
export const TOKEN_STORAGE_KEY = 'innspill.token';
