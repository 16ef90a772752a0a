// Norwegian text conventions and the typed client the UI talks through.
import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../../../src-shared/client';
import type { InnspillBridge } from '../../../src-shared/contract';
import { formatNorwegianDate, formatNorwegianNumber, normalizeForSearch, norwegianCompare } from '../../../src-shared/norwegian';

describe('norwegianCompare', () => {
  const sorted = (words: string[]) => [...words].sort(norwegianCompare);

  it('puts æ, ø and å after z, in that order', () => {
    expect(sorted(['å', 'z', 'ø', 'a', 'æ', 'o'])).toEqual(['a', 'o', 'z', 'æ', 'ø', 'å']);
    expect(sorted(['Årdal', 'Ørsta', 'Zzz', 'Ærø', 'Aukra'])).toEqual(['Aukra', 'Zzz', 'Ærø', 'Ørsta', 'Årdal']);
  });

  it('treats ø and å as letters of their own, not as o and a', () => {
    expect(norwegianCompare('ø', 'o')).not.toBe(0);
    expect(norwegianCompare('å', 'a')).not.toBe(0);
    expect(norwegianCompare('Ås', 'Asker')).toBeGreaterThan(0);
  });

  it('ignores case and orders numbers numerically', () => {
    expect(norwegianCompare('oslo', 'Oslo')).toBe(0);
    expect(sorted(['Rad 10', 'Rad 9', 'Rad 1'])).toEqual(['Rad 1', 'Rad 9', 'Rad 10']);
  });
});

describe('normalizeForSearch', () => {
  it('lower-cases, trims and keeps å, æ and ø distinct', () => {
    expect(normalizeForSearch('  ÅRDAL ')).toBe('årdal');
    expect(normalizeForSearch('Ærø Østre')).toBe('ærø østre');
    expect(normalizeForSearch('Årdal')).not.toBe(normalizeForSearch('Aardal'));
    expect(normalizeForSearch('Årdal').includes('aa')).toBe(false);
  });

  it('makes composed and decomposed å equal', () => {
    const decomposed = 'A\u030Ardal'; // A + combining ring above
    expect(decomposed).not.toBe('Årdal');
    expect(normalizeForSearch(decomposed)).toBe(normalizeForSearch('Årdal'));
  });
});

describe('formatNorwegianDate', () => {
  it('shows ISO dates as dd.mm.åååå', () => {
    expect(formatNorwegianDate('2022-06-01')).toBe('01.06.2022');
    expect(formatNorwegianDate('2026-11-27T10:07:53.123Z')).toBe('27.11.2026');
  });

  it('returns empty for nothing and other text unchanged', () => {
    expect(formatNorwegianDate(null)).toBe('');
    expect(formatNorwegianDate(undefined)).toBe('');
    expect(formatNorwegianDate('')).toBe('');
    expect(formatNorwegianDate('snart')).toBe('snart');
  });
});

describe('formatNorwegianNumber', () => {
  it('groups thousands with a no-break space', () => {
    expect(formatNorwegianNumber(5425270)).toBe('5\u00A0425\u00A0270');
    expect(formatNorwegianNumber(356)).toBe('356');
    expect(formatNorwegianNumber(0)).toBe('0');
  });

  it('uses a decimal comma', () => {
    expect(formatNorwegianNumber(2109.5)).toBe('2\u00A0109,5');
  });
});

describe('createClient', () => {
  function fakeBridge() {
    const unsubscribe = vi.fn();
    const bridge = {
      invoke: vi.fn(async (method: string, input: unknown) => ({ method, input })),
      on: vi.fn(() => unsubscribe),
    };
    return { bridge, unsubscribe, api: createClient(bridge as unknown as InnspillBridge) };
  }

  it('turns api.<domain>.<verb>(input) into bridge.invoke("<domain>.<verb>", input)', async () => {
    const { bridge, api } = fakeBridge();
    const result = await api.project.open({ path: '/p/høring.innspill' });
    expect(bridge.invoke).toHaveBeenCalledTimes(1);
    expect(bridge.invoke).toHaveBeenCalledWith('project.open', { path: '/p/høring.innspill' });
    expect(result).toEqual({ method: 'project.open', input: { path: '/p/høring.innspill' } });

    await api.registry.municipalities({ query: 'herøy' });
    expect(bridge.invoke).toHaveBeenLastCalledWith('registry.municipalities', { query: 'herøy' });
  });

  it('sends {} for methods called without input', async () => {
    const { bridge, api } = fakeBridge();
    await api.stats.get();
    await api.project.close();
    expect(bridge.invoke.mock.calls).toEqual([
      ['stats.get', {}],
      ['project.close', {}],
    ]);
  });

  it('passes bridge failures through unchanged', async () => {
    const { bridge, api } = fakeBridge();
    const failure = Object.assign(new Error('No project is open'), { code: 'NO_PROJECT' });
    bridge.invoke.mockRejectedValueOnce(failure);
    await expect(api.stats.get()).rejects.toBe(failure);
  });

  it('maps api.on to bridge.on and returns its unsubscribe', () => {
    const { bridge, api, unsubscribe } = fakeBridge();
    const listener = () => {};
    const off = api.on('project.changed', listener);
    expect(bridge.on).toHaveBeenCalledWith('project.changed', listener);
    off();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    expect(bridge.invoke).not.toHaveBeenCalled();
  });
});
