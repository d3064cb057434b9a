import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NodeRow, SampledListResponse } from '@kubeglance/shared/api';
import { clusterPath, fetchJson } from './http';
import { FALLBACK_REFRESH_MS, queryKeys } from './keys';

export function fetchNodes(
  cluster: string,
  signal?: AbortSignal,
): Promise<SampledListResponse<NodeRow>> {
  return fetchJson(clusterPath(cluster, 'nodes'), signal);
}

export function nodesQuery(cluster: string) {
  return queryOptions({
    queryKey: queryKeys.nodes(cluster),
    queryFn: ({ signal }) => fetchNodes(cluster, signal),
    refetchInterval: FALLBACK_REFRESH_MS,
  });
}

export function useNodes(cluster: string) {
  return useQuery(nodesQuery(cluster));
}
