import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClusterInfo, ListResponse } from '@kubeglance/shared/api';
import { fetchJson } from './http';
import { clustersKey, FALLBACK_REFRESH_MS } from './keys';

export function fetchClusters(signal?: AbortSignal): Promise<ListResponse<ClusterInfo>> {
  return fetchJson('/clusters', signal);
}

export function clustersQuery() {
  return queryOptions({
    queryKey: clustersKey,
    queryFn: ({ signal }) => fetchClusters(signal),
    refetchInterval: FALLBACK_REFRESH_MS,
  });
}

export function useClusters() {
  return useQuery(clustersQuery());
}
