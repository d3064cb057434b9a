// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_WAIT_MS, useTableFirst } from './useTableFirst';

/** An idle scheduler the test runs by hand. */
function manualIdle() {
  const waiting = new Set<() => void>();
  const idle = (run: () => void) => {
    waiting.add(run);
    return () => void waiting.delete(run);
  };
  const goIdle = () =>
    act(() => {
      for (const run of [...waiting]) {
        waiting.delete(run);
        run();
      }
    });
  return { idle, goIdle, waiting };
}

describe('useTableFirst', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('waits while the pod list is pending, then for the next idle moment', () => {
    const { idle, goIdle, waiting } = manualIdle();
    const { result, rerender } = renderHook(({ pending }) => useTableFirst(pending, idle), {
      initialProps: { pending: true },
    });
    goIdle();
    expect(result.current).toBe(false);
    expect(waiting.size).toBe(0);
    rerender({ pending: false });
    expect(result.current).toBe(false);
    expect(waiting.size).toBe(1);
    goIdle();
    expect(result.current).toBe(true);
    // A later refetch (pending again) does not hide the charts.
    rerender({ pending: true });
    expect(result.current).toBe(true);
  });

  it('does not wait longer than MAX_WAIT_MS for a pod list that takes long', () => {
    const { idle } = manualIdle();
    const { result } = renderHook(() => useTableFirst(true, idle));
    act(() => void vi.advanceTimersByTime(MAX_WAIT_MS - 1));
    expect(result.current).toBe(false);
    act(() => void vi.advanceTimersByTime(1));
    expect(result.current).toBe(true);
  });

  it('uses the browser idle callback by default', () => {
    const { result, rerender } = renderHook(({ pending }) => useTableFirst(pending), {
      initialProps: { pending: true },
    });
    rerender({ pending: false });
    expect(result.current).toBe(false);
    act(() => void vi.advanceTimersByTime(MAX_WAIT_MS - 1));
    expect(result.current).toBe(true);
  });
});
