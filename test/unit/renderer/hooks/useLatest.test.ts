// useLatest keeps one ref that always holds the latest render's value.
// @vitest-environment happy-dom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useLatest } from '../../../../src-renderer/src/hooks/useLatest';

describe('useLatest', () => {
  it('keeps one ref whose value is always the latest render’s', () => {
    const { result, rerender } = renderHook(({ value }) => useLatest(value), { initialProps: { value: 1 } });
    const ref = result.current;
    rerender({ value: 2 });
    expect(result.current).toBe(ref);
    expect(ref.current).toBe(2);
  });
});
