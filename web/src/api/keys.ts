/**
 * Query-key roots. Every per-cluster query starts with `clusterKey(name)`, so one
 * live `sample` event can refresh everything shown for that cluster in one call.
 */
export const clustersKey = ['clusters'] as const;

export function clusterKey(cluster: string) {
  return ['cluster', cluster] as const;
}

/** Safety net when the live stream is down: lists refresh on their own this often. */
export const FALLBACK_REFRESH_MS = 30_000;
