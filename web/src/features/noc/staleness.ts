/** Why the wall screen is stale, as sentences for the banner. */
import { formatRelativeTime } from '@kubeglance/shared/humanFormat';
import type { LiveCluster, LiveState } from '../../api/liveState';
import { isStale } from '../../lib/staleness';

export function resolutionOf(c: LiveCluster): number | null {
  return c.status.resolutionSeconds ?? c.totals.resolutionSeconds ?? null;
}

export function staleReasons(live: LiveState, names: readonly string[], now: number): string[] {
  const reasons: string[] = [];
  for (const name of names) {
    const c = live.clusters[name];
    if (!c || !isStale(c.lastSampleMs, resolutionOf(c), now)) continue;
    const every = resolutionOf(c);
    reasons.push(
      `${name}: last data ${formatRelativeTime(c.lastSampleMs, now)}` +
        (every ? ` (expected every ${every} s)` : ''),
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
      `Server unreachable (${connection.error ?? 'connection lost'}); reconnecting${wait > 0 ? ` in ${wait} s` : ''}.`,
    );
  }
  return reasons;
}
