import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NamespaceRow, SampledListResponse } from '@kubeglance/shared/api';
import { clusterPath, fetchJson } from './http';
import { FALLBACK_REFRESH_MS, queryKeys } from './keys';

export function fetchNamespaces(
  cluster: string,
  signal?: AbortSignal,
): Promise<SampledListResponse<NamespaceRow>> {
  return fetchJson(clusterPath(cluster, 'namespaces'), signal);
}

export function namespacesQuery(cluster: string) {
  return queryOptions({
    queryKey: queryKeys.namespaces(cluster),
    queryFn: ({ signal }) => fetchNamespaces(cluster, signal),
    refetchInterval: FALLBACK_REFRESH_MS,
  });
}

export function useNamespaces(cluster: string) {
  return useQuery(namespacesQuery(cluster));
}
