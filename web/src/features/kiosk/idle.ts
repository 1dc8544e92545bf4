import { useEffect, useRef } from 'react';

/** Calls onIdle once after `ms` without a poke; each poke starts the wait again. */
export function idleTimer(ms: number, onIdle: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const poke = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, ms);
  };
  poke();
  return { poke, stop: () => clearTimeout(timer) };
}

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'input'] as const;

/**
 * The kiosk starts again after `ms` without anyone touching it, so the next visitor never sees
 * the last one's name. Only while `active` (the start screen needs no reset).
 */
export function useIdleReset(ms: number, active: boolean, onIdle: () => void): void {
  const callback = useRef(onIdle);
  callback.current = onIdle;
  useEffect(() => {
    if (!active) return undefined;
    const timer = idleTimer(ms, () => callback.current());
    ACTIVITY.forEach((e) => window.addEventListener(e, timer.poke, { passive: true }));
    return () => {
      timer.stop();
      ACTIVITY.forEach((e) => window.removeEventListener(e, timer.poke));
    };
  }, [ms, active]);
}
