/**
 * Keeps the REST-backed screens current: each live `sample` (or a fresh snapshot
 * after a reconnect) marks that cluster's queries stale, so React Query refetches
 * what is on screen. The stream stays the clock; REST stays the source of detail.
 */
import { useEffect, useRef } from 'react';
import { useQueryClient, type Query } from '@tanstack/react-query';
import type { LiveState } from './liveState';
import { clusterKey, clustersKey } from './keys';

/**
 * Node histories feed sparklines that the stream extends point by point; refetching
 * dozens of them per sample would be wasted work.
 */
export function refreshedBySamples(query: Pick<Query, 'queryKey'>): boolean {
  const [, , kind, scope] = query.queryKey;
  return !(kind === 'history' && scope === 'node');
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
      void queryClient.invalidateQueries({
        queryKey: clusterKey(name),
        predicate: refreshedBySamples,
      });
      void queryClient.invalidateQueries({ queryKey: clustersKey });
    }
  }, [live.clusters, queryClient]);
}
