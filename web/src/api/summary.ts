import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Summary } from '@kubeglance/shared/api';
import { clusterPath, fetchJson } from './http';
import { FALLBACK_REFRESH_MS, queryKeys } from './keys';

export function fetchSummary(cluster: string, signal?: AbortSignal): Promise<Summary> {
  return fetchJson(clusterPath(cluster, 'summary'), signal);
}

export function summaryQuery(cluster: string) {
  return queryOptions({
    queryKey: queryKeys.summary(cluster),
    queryFn: ({ signal }) => fetchSummary(cluster, signal),
    refetchInterval: FALLBACK_REFRESH_MS,
  });
}

export function useSummary(cluster: string) {
  return useQuery(summaryQuery(cluster));
}
