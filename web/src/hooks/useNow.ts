/**
 * The current time, re-rendering every `intervalMs`. Ages ("updated 8 s ago") and
 * staleness must advance even when no new data arrives — that is the point.
 */
import { useEffect, useState } from 'react';

export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
