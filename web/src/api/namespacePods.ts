import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PodRow, SampledListResponse } from '@kubeglance/shared/api';
import { clusterPath, fetchJson } from './http';
import { FALLBACK_REFRESH_MS, queryKeys } from './keys';

export function fetchNamespacePods(
  cluster: string,
  namespace: string,
  signal?: AbortSignal,
): Promise<SampledListResponse<PodRow>> {
  return fetchJson(clusterPath(cluster, 'namespaces', namespace, 'pods'), signal);
}

export function namespacePodsQuery(cluster: string, namespace: string) {
  return queryOptions({
    queryKey: queryKeys.pods(cluster, namespace),
    queryFn: ({ signal }) => fetchNamespacePods(cluster, namespace, signal),
    refetchInterval: FALLBACK_REFRESH_MS,
  });
}

export function useNamespacePods(cluster: string, namespace: string) {
  return useQuery(namespacePodsQuery(cluster, namespace));
}
