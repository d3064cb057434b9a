/**
 * Keeps the REST-backed screens current: each live `sample` (or a fresh snapshot
 * after a reconnect) marks that cluster's queries stale, so React Query refetches
 * what is on screen. The stream stays the clock; REST stays the source of detail.
 */
import { useEffect, useRef } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { LiveState } from './liveState';
import { queryKeys, sampleRefreshedKeys } from './keys';

/** Marks stale what a new sample of `cluster` changed (see {@link sampleRefreshedKeys}). */
export async function invalidateForSample(queryClient: QueryClient, cluster: string) {
  await Promise.all([
    ...sampleRefreshedKeys(cluster).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    queryClient.invalidateQueries({ queryKey: queryKeys.clusters() }),
  ]);
}

export function useLiveRefresh(live: LiveState): void {
  const queryClient = useQueryClient();
  const seen = useRef(new Map<string, object>());
  useEffect(() => {
    for (const [name, cluster] of Object.entries(live.clusters)) {
      const before = seen.current.get(name);
      if (before === cluster) continue;
      seen.current.set(name, cluster);
      // The first snapshot matches what REST just returned; later changes do not.
      if (before === undefined) continue;
      void invalidateForSample(queryClient, name);
    }
  }, [live.clusters, queryClient]);
}
