/**
 * The current time, re-rendering every `intervalMs`. Ages ("updated 8 s ago") and
 * staleness must advance even when no new data arrives — that is the point. One shared
 * ticker per interval, so every age on a page is computed from the same instant and
 * never disagrees with another by a second.
 */
import { useCallback, useSyncExternalStore } from 'react';

interface Ticker {
  now: number;
  listeners: Set<() => void>;
  timer?: ReturnType<typeof setInterval>;
}

const tickers = new Map<number, Ticker>();

function tickerFor(intervalMs: number): Ticker {
  let t = tickers.get(intervalMs);
  if (!t) tickers.set(intervalMs, (t = { now: Date.now(), listeners: new Set() }));
  return t;
}

export function useNow(intervalMs = 1000): number {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const t = tickerFor(intervalMs);
      t.listeners.add(onChange);
      if (!t.timer) {
        t.now = Date.now();
        t.timer = setInterval(() => {
          t.now = Date.now();
          t.listeners.forEach((l) => l());
        }, intervalMs);
      }
      return () => {
        t.listeners.delete(onChange);
        if (t.listeners.size === 0) {
          clearInterval(t.timer);
          t.timer = undefined;
        }
      };
    },
    [intervalMs],
  );
  const get = useCallback(() => tickerFor(intervalMs).now, [intervalMs]);
  return useSyncExternalStore(subscribe, get);
}
