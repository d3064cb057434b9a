import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClusterInfo, ListResponse } from '@kubeglance/shared/api';
import { fetchJson } from './http';
import { FALLBACK_REFRESH_MS, queryKeys } from './keys';

export function fetchClusters(signal?: AbortSignal): Promise<ListResponse<ClusterInfo>> {
  return fetchJson('/clusters', signal);
}

export function clustersQuery() {
  return queryOptions({
    queryKey: queryKeys.clusters(),
    queryFn: ({ signal }) => fetchClusters(signal),
    refetchInterval: FALLBACK_REFRESH_MS,
  });
}

export function useClusters() {
  return useQuery(clustersQuery());
}
