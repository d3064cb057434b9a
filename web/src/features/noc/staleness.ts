/** When the wall screen is STALE, and why, as sentences for the banner. */
import type { LiveCluster, LiveState } from '../../api/liveState';
import { dataAgeAt, formatDataAge, staleAt } from '../../lib/staleness';

export function resolutionOf(c: LiveCluster): number | null {
  return c.status.resolutionSeconds ?? c.totals.resolutionSeconds ?? null;
}

/** See lib/staleness.ts: failing pipeline, cluster down, or data older than two resolutions. */
export function clusterStale(c: LiveCluster, now: number): boolean {
  return staleAt(c, now);
}

/** One line per stale cluster, with the same age every other caption on the page prints. */
export function staleReasons(live: LiveState, names: readonly string[], now: number): string[] {
  const reasons: string[] = [];
  for (const name of names) {
    const c = live.clusters[name];
    if (!c || !clusterStale(c, now)) continue;
    const age = dataAgeAt(c, now);
    const every = resolutionOf(c);
    const why =
      c.status.state === 'down'
        ? 'cluster unreachable'
        : c.status.metrics === 'failing'
          ? 'metrics pipeline failing'
          : c.status.metrics === 'stale'
            ? 'metrics pipeline stopped'
            : 'no new data';
    reasons.push(
      `${name}: ${why}; ` +
        (age == null
          ? 'no data yet'
          : `data ${formatDataAge(age)} old` + (every ? ` (expected every ${every} s)` : '')),
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
