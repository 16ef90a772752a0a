// A debounced value waits for a pause in typing and drops the values
// superseded within it.
// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDebouncedValue } from '../../../../src-renderer/src/hooks/useDebouncedValue';

afterEach(() => vi.useRealTimers());

describe('useDebouncedValue', () => {
  it('gives the first value at once, a new one only after the delay, and skips values typed in between', () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const { result, rerender } = renderHook(({ value }) => {
      const debounced = useDebouncedValue(value, 300);
      if (seen[seen.length - 1] !== debounced) seen.push(debounced);
      return debounced;
    }, { initialProps: { value: 'b' } });
    expect(result.current).toBe('b');
    rerender({ value: 'bå' });
    act(() => void vi.advanceTimersByTime(200));
    rerender({ value: 'bål' });
    act(() => void vi.advanceTimersByTime(299));
    expect(result.current).toBe('b');
    act(() => void vi.advanceTimersByTime(1));
    expect(result.current).toBe('bål');
    expect(seen).toEqual(['b', 'bål']);
  });
});
