/**
 * The namespace page draws its pod table before its charts. With 10,000 pods the table's
 * first render (views, sort) and the charts' first render (loading Recharts, its layout
 * reads and store updates) used to land in the same moments after the pod list arrived, and
 * the table was painted, and could be sorted, only after both. The charts are now drawn once
 * the pod list has settled and the main thread has gone idle after it (the table drawn);
 * meanwhile each shows its title, legend and a same-height placeholder. A pod list that
 * takes long does not hold them back for more than `MAX_WAIT_MS`.
 */
import { useEffect, useState } from 'react';

/** The longest the charts wait for a pending pod list. */
export const MAX_WAIT_MS = 3000;
/** The longest the charts wait for an idle moment once the pod list is there. */
export const IDLE_TIMEOUT_MS = 1000;

type Idle = (run: () => void) => () => void;

/** `requestIdleCallback` where there is one (not in every browser), else a timer. */
const whenIdle: Idle = (run) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 1);
  return () => clearTimeout(id);
};

/**
 * False while the pod table still has its first render ahead (`podsPending`: the pod list
 * has not arrived or failed yet), then true from the first idle moment after it; true after
 * `MAX_WAIT_MS` whatever the pod list does. Once true it stays true.
 */
export function useTableFirst(podsPending: boolean, idle: Idle = whenIdle): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (ready || podsPending) return;
    return idle(() => setReady(true));
  }, [ready, podsPending, idle]);
  useEffect(() => {
    if (ready) return;
    const id = setTimeout(() => setReady(true), MAX_WAIT_MS);
    return () => clearTimeout(id);
  }, [ready]);
  return ready;
}
