import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleTimer, useIdleReset } from './idle';

describe('the kiosk starts again when nobody uses it', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('fires once after the quiet time, and each touch starts the wait again', () => {
    const idle = vi.fn();
    const timer = idleTimer(60_000, idle);
    vi.advanceTimersByTime(59_000);
    timer.poke();
    vi.advanceTimersByTime(59_000);
    expect(idle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(idle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(120_000);
    expect(idle).toHaveBeenCalledTimes(1);
  });

  it('counts a tap or a key anywhere on the page as use, and does nothing while inactive', () => {
    const idle = vi.fn();
    const { rerender, unmount } = renderHook(({ active }) => useIdleReset(60_000, active, idle), { initialProps: { active: true } });
    vi.advanceTimersByTime(50_000);
    act(() => { window.dispatchEvent(new Event('pointerdown')); });
    vi.advanceTimersByTime(50_000);
    expect(idle).not.toHaveBeenCalled();
    act(() => { window.dispatchEvent(new KeyboardEvent('keydown', { key: 'A' })); });
    vi.advanceTimersByTime(60_000);
    expect(idle).toHaveBeenCalledTimes(1);

    rerender({ active: false });
    vi.advanceTimersByTime(300_000);
    expect(idle).toHaveBeenCalledTimes(1);
    unmount();
  });
});
