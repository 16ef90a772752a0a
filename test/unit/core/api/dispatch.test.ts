// The single entry point of every transport: method names, input parsing
// against the contract, and errors that never carry a stack trace.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../src-main/core';
import { createDispatch, type DispatchResult } from '../../../../src-main/core/api/dispatch';
import type { Logger } from '../../../../src-main/core/deps';
import { methodNames } from '../../../../src-shared/contract';
import { errorCodes, isApiErrorBody } from '../../../../src-shared/errors';
import { STACK_LINE } from '../../../helpers/api';
import { tempDir, testCore } from '../../../helpers/core';

let cleanup: () => void;
let core: Core;

beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  core = testCore(t.dir);
});
afterEach(async () => {
  await core.dispose();
  cleanup();
});

/** The error of a dispatch that must fail. */
function failure(result: DispatchResult) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.result)}`);
  expect(isApiErrorBody(result.error)).toBe(true);
  return result.error;
}

describe('the handler table', () => {
  it('implements every method in the contract, and nothing else', () => {
    expect(Object.keys(core.handlers).sort()).toEqual([...methodNames].sort());
  });
});

describe('unknown methods', () => {
  it.each(['project.delete', 'nope', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 42, null, undefined])(
    '%j → UNKNOWN_METHOD',
    async (method) => {
      const error = failure(await core.dispatch(method, {}));
      expect(error.code).toBe('UNKNOWN_METHOD');
    },
  );

  it('names the method, shortened', async () => {
    expect(failure(await core.dispatch('project.delete', {})).message).toContain('project.delete');
    expect(failure(await core.dispatch('x'.repeat(10_000), {})).message.length).toBeLessThan(200);
  });
});

describe('input validation', () => {
  const invalid = async (method: string, input: unknown) => {
    const error = failure(await core.dispatch(method, input));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain(method);
    return error.message;
  };

  it('rejects wrong types and names the field', async () => {
    expect(await invalid('project.open', { path: 42 })).toMatch(/path: .*expected string/);
    expect(await invalid('project.create', { path: 'x.innspill', template: 'brev-2023' })).toMatch(/template:/);
    expect(await invalid('registry.municipalities', { countyNumber: 3 })).toMatch(/countyNumber:/);
    expect(await invalid('registry.municipalities', { policeDistrictCode: 'Oslo' })).toMatch(/policeDistrictCode:/);
    expect(await invalid('settings.update', { locale: 'de' })).toMatch(/locale:/);
  });

  it('rejects a missing or empty path', async () => {
    expect(await invalid('project.open', {})).toMatch(/path:/);
    expect(await invalid('project.open', { path: '' })).toMatch(/path: Mangler filsti/);
    expect(await invalid('project.open', { path: '   ' })).toMatch(/path: Mangler filsti/);
    expect(await invalid('project.create', { path: '' })).toMatch(/path: Mangler filsti/);
  });

  it('rejects extra keys (the schemas are strict) and names them', async () => {
    expect(await invalid('project.open', { path: 'a.innspill', readonly: true })).toMatch(/readonly/);
    expect(await invalid('stats.get', { verbose: true })).toMatch(/verbose/);
    expect(await invalid('settings.update', { userName: 'Kari', recentProjects: [] })).toMatch(/recentProjects/);
  });

  it('rejects input that is not an object', async () => {
    await invalid('project.open', 'a.innspill');
    await invalid('stats.get', [1, 2]);
  });

  it('treats missing input as an empty object', async () => {
    expect(await core.dispatch('project.current', undefined)).toEqual({ ok: true, result: null });
    expect(await core.dispatch('project.current', null)).toEqual({ ok: true, result: null });
  });

  it('never runs the handler for invalid input', async () => {
    await invalid('project.create', { path: 'ny.innspill', extra: 1 });
    expect(await core.dispatch('project.current', {})).toEqual({ ok: true, result: null });
  });
});

describe('failures inside a handler', () => {
  function logging() {
    const logged: { message: string; fields?: Record<string, unknown> }[] = [];
    const logger: Logger = { info() {}, warn() {}, error: (message, fields) => logged.push({ message, fields }) };
    return { logger, logged };
  }

  it('turns an unexpected error into INTERNAL without a stack trace, and logs the stack', async () => {
    const { logger, logged } = logging();
    const dispatch = createDispatch(
      {
        ...core.handlers,
        'app.info': async () => {
          throw new TypeError("Cannot read properties of undefined (reading 'name')");
        },
      },
      logger,
    );
    const result = await dispatch('app.info', {});
    const error = failure(result);
    expect(error).toEqual({ code: 'INTERNAL', message: "Cannot read properties of undefined (reading 'name')" });
    expect(JSON.stringify(result)).not.toMatch(/\\n\s+at |    at /);
    expect(error.message).not.toMatch(STACK_LINE);
    expect(logged).toHaveLength(1);
    expect(String(logged[0].fields?.error)).toMatch(STACK_LINE);
  });

  it('gives INTERNAL a message even for thrown non-errors', async () => {
    const { logger } = logging();
    const dispatch = createDispatch(
      {
        ...core.handlers,
        'app.info': async () => {
          throw 'a string';
        },
      },
      logger,
    );
    const error = failure(await dispatch('app.info', {}));
    expect(error.code).toBe('INTERNAL');
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('passes ApiErrors through as their code and message only', async () => {
    const result = await core.dispatch('stats.get', {});
    expect(result).toEqual({ ok: false, error: { code: 'NO_PROJECT', message: expect.any(String) } });
    expect(Object.keys(failure(result))).toEqual(['code', 'message']);
  });

  it('only ever answers with known error codes', async () => {
    for (const [method, input] of [['nope', {}], ['project.open', { path: 1 }], ['stats.get', {}], ['project.open', { path: 'borte.innspill' }]] as const) {
      expect(errorCodes).toContain(failure(await core.dispatch(method, input)).code);
    }
  });
});

describe('successful calls', () => {
  it('return { ok: true, result }', async () => {
    const result = await core.dispatch('app.info', {});
    expect(result).toMatchObject({ ok: true, result: { name: 'Innspill', shell: 'host', schemaVersion: expect.any(String) } });
  });
});
