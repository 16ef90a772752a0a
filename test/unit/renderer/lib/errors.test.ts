// What the UI shows for a failed call: the core's known { code, message }
// kept (also as a plain object from Electron's bridge), anything else INTERNAL.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src-shared/errors';
import { toUiError } from '../../../../src-renderer/src/lib/errors';

describe('toUiError', () => {
  it('keeps a known code and its message, from an ApiError or a plain object', () => {
    expect(toUiError(new ApiError('NO_PROJECT', 'Ingen sak er åpen'))).toEqual({ code: 'NO_PROJECT', message: 'Ingen sak er åpen' });
    expect(toUiError({ code: 'INVALID_INPUT', message: 'path: Mangler filsti' })).toEqual({ code: 'INVALID_INPUT', message: 'path: Mangler filsti' });
  });

  it('turns an unknown code, a plain Error and a thrown string into INTERNAL with a message', () => {
    expect(toUiError({ code: 'EACCES', message: 'permission denied' })).toEqual({ code: 'INTERNAL', message: 'permission denied' });
    expect(toUiError(new Error('boom'))).toEqual({ code: 'INTERNAL', message: 'boom' });
    expect(toUiError('a string')).toEqual({ code: 'INTERNAL', message: 'a string' });
    expect(toUiError(null)).toEqual({ code: 'INTERNAL', message: 'null' });
    expect(toUiError({ code: 42 }).code).toBe('INTERNAL');
  });
});
