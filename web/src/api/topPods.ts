import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SampledListResponse, TopPod } from '@kubeglance/shared/api';
import { clusterPath, fetchJson, queryString } from './http';
import { clusterKey, FALLBACK_REFRESH_MS } from './keys';

export interface TopPodsParams {
  sort: 'cpu' | 'memory';
  limit: number;
  /** Restrict to one namespace; omitted: cluster-wide. */
  namespace?: string;
}

export function fetchTopPods(
  cluster: string,
  params: TopPodsParams,
  signal?: AbortSignal,
): Promise<SampledListResponse<TopPod>> {
  return fetchJson(clusterPath(cluster, 'pods') + queryString({ ...params }), signal);
}

export function topPodsQuery(cluster: string, params: TopPodsParams) {
  return queryOptions({
    queryKey: [...clusterKey(cluster), 'top', params.sort, params.limit, params.namespace ?? ''],
    queryFn: ({ signal }) => fetchTopPods(cluster, params, signal),
    refetchInterval: FALLBACK_REFRESH_MS,
  });
}

export function useTopPods(cluster: string, params: TopPodsParams) {
  return useQuery(topPodsQuery(cluster, params));
}
