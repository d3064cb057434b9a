import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SampledListResponse, TopPod } from '@kubeglance/shared/api';
import { clusterPath, fetchJson, queryString } from './http';
import { FALLBACK_REFRESH_MS, queryKeys, type TopPodsParams } from './keys';

export type { TopPodsParams };

export function fetchTopPods(
  cluster: string,
  params: TopPodsParams,
  signal?: AbortSignal,
): Promise<SampledListResponse<TopPod>> {
  return fetchJson(clusterPath(cluster, 'pods') + queryString({ ...params }), signal);
}

export function topPodsQuery(cluster: string, params: TopPodsParams) {
  return queryOptions({
    queryKey: queryKeys.topPods(cluster, params),
    queryFn: ({ signal }) => fetchTopPods(cluster, params, signal),
    refetchInterval: FALLBACK_REFRESH_MS,
  });
}

export function useTopPods(cluster: string, params: TopPodsParams) {
  return useQuery(topPodsQuery(cluster, params));
}
