/**
 * Wall-screen housekeeping: page rotation, reload after a server redeploy (new UI
 * build), and the optional periodic reload. Nobody is there to press F5.
 */
import { useEffect, useState } from 'react';
import type { LiveState } from '../../api/liveState';

/** A counter that advances every `intervalMs`; screens derive their page from it. */
export function useRotationTick(intervalMs: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return tick;
}

export function useAutoReload(live: LiveState, reloadMs: number | null): void {
  const { versionChanged } = live;
  const connected = live.connection.state === 'open';
  useEffect(() => {
    // `hello` came from the new server, so it is up: reload into the new build.
    if (versionChanged) window.location.reload();
  }, [versionChanged]);

  const [due, setDue] = useState(false);
  useEffect(() => {
    if (reloadMs == null) return;
    const timer = setTimeout(() => setDue(true), reloadMs);
    return () => clearTimeout(timer);
  }, [reloadMs]);
  // A periodic reload while the server is unreachable would trade a STALE screen
  // for a browser error page; it waits until the stream is connected again.
  useEffect(() => {
    if (due && connected) window.location.reload();
  }, [due, connected]);
}
