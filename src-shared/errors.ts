// The only error shape that crosses a transport boundary: a stable code and a
// human-readable message. Stack traces never leave the process.

export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'NO_PROJECT',
  'NOT_FOUND',
  'FILE_EXISTS',
  'NOT_A_PROJECT',
  'NEWER_VERSION',
  'READ_ONLY',
  'CONFLICT',
  'CORRUPT',
  'FORBIDDEN',
  'INTERNAL',
  'NOT_A_PACKAGE',
  'WRONG_PROJECT',
  'CANCELLED',
  'PASSPHRASE_REQUIRED',
  'WRONG_PASSPHRASE',
  'PACKAGE_TAMPERED',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
}

export class ApiError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }

  toJSON(): ApiErrorBody {
    return { code: this.code, message: this.message };
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    (errorCodes as readonly string[]).includes(v.code) &&
    typeof v.message === 'string'
  );
}
