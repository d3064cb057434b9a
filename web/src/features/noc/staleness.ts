/** When the wall screen is STALE, and why, as sentences for the banner. */
import type { LiveCluster, LiveState } from '../../api/liveState';
import { dataAgeAt, staleAt } from '../../lib/staleness';
import { t } from '../../i18n/t';
import { formatDuration } from '../../i18n/format';

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
        ? t('noc.why.unreachable')
        : c.status.metrics === 'failing'
          ? t('noc.why.failing')
          : c.status.metrics === 'stale'
            ? t('noc.why.stopped')
            : t('noc.why.noNewData');
    const old =
      age == null
        ? t('noc.noDataYet')
        : every
          ? t('noc.dataOldExpected', { age: formatDuration(age), every })
          : t('noc.dataOld', { age: formatDuration(age) });
    reasons.push(t('noc.staleReason', { name, why, old }));
  }
  const { connection } = live;
  const hasData = names.some((n) => live.clusters[n]);
  if (connection.state === 'retrying' && (reasons.length > 0 || !hasData)) {
    const wait =
      connection.retryAtMs == null
        ? 0
        : Math.max(0, Math.ceil((connection.retryAtMs - now) / 1000));
    const error = connection.error ?? t('noc.connectionLost');
    reasons.push(wait > 0 ? t('noc.noLiveIn', { error, wait }) : t('noc.noLive', { error }));
  }
  return reasons;
}
