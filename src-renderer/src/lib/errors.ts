// Turns whatever a call threw into the `{ code, message }` the UI shows. The
// HTTP bridge throws ApiError; across Electron's context bridge only plain
// objects survive, so the shape is checked rather than the class.
import { errorCodes, type ErrorCode } from '../../../src-shared/errors';

export interface UiError {
  code: ErrorCode;
  message: string;
}

export function toUiError(error: unknown): UiError {
  if (typeof error === 'object' && error !== null) {
    const e = error as { code?: unknown; message?: unknown };
    const message = typeof e.message === 'string' ? e.message : String(error);
    if (typeof e.code === 'string' && (errorCodes as readonly string[]).includes(e.code)) {
      return { code: e.code as ErrorCode, message };
    }
    return { code: 'INTERNAL', message };
  }
  return { code: 'INTERNAL', message: String(error) };
}
