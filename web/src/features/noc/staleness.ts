/** When the wall screen is STALE, and why, as sentences for the banner. */
import type { LiveCluster, LiveState } from '../../api/liveState';
import { dataAgeMs, isStale } from '../../lib/staleness';

export function resolutionOf(c: LiveCluster): number | null {
  return c.status.resolutionSeconds ?? c.totals.resolutionSeconds ?? null;
}

/**
 * Stale when no new sample has reached this screen for two resolutions (the
 * server may be gone), or when the server itself says the metrics stopped.
 */
export function clusterStale(c: LiveCluster, now: number): boolean {
  return isStale(c.receivedMs, resolutionOf(c), now) || c.status.metrics === 'stale';
}

export function staleReasons(live: LiveState, names: readonly string[], now: number): string[] {
  const reasons: string[] = [];
  for (const name of names) {
    const c = live.clusters[name];
    if (!c || !clusterStale(c, now)) continue;
    const seconds = Math.floor((dataAgeMs(c.receivedMs, now) ?? 0) / 1000);
    const every = resolutionOf(c);
    reasons.push(
      c.status.metrics === 'stale' && seconds <= 2 * (every ?? 0)
        ? `${name}: the metrics pipeline has stopped delivering new samples`
        : `${name}: no new data for ${seconds} s` + (every ? ` (expected every ${every} s)` : ''),
    );
  }
  const { connection } = live;
  const hasData = names.some((n) => live.clusters[n]);
  if (connection.state === 'retrying' && (reasons.length > 0 || !hasData)) {
    const wait =
      connection.retryAtMs == null
        ? 0
        : Math.max(0, Math.ceil((connection.retryAtMs - now) / 1000));
    reasons.push(
      `No live connection: ${connection.error ?? 'connection lost'}; reconnecting${wait > 0 ? ` in ${wait} s` : ''}.`,
    );
  }
  return reasons;
}
