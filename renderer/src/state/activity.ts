import { useEffect, useRef } from 'preact/hooks';

/**
 * Reports the person's touches and keys to the terminal, at most once every `throttleMs` while
 * `active()` says there is something to keep alive: the terminal owns the clock (the kiosk's
 * session, the desk's lock), the page only says someone is there.
 */
export function useActivityReports(throttleMs: number, active: () => boolean, report: () => void): void {
  // The latest closures, so that the listeners stay put across renders.
  const latest = useRef({ active, report });
  latest.current = { active, report };
  useEffect(() => {
    let last = 0;
    const onInput = () => {
      if (!latest.current.active()) return;
      const now = Date.now();
      if (now - last < throttleMs) return;
      last = now;
      latest.current.report();
    };
    window.addEventListener('pointerdown', onInput, { capture: true });
    window.addEventListener('keydown', onInput, { capture: true });
    return () => {
      window.removeEventListener('pointerdown', onInput, { capture: true });
      window.removeEventListener('keydown', onInput, { capture: true });
    };
  }, [throttleMs]);
}
