import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import type { HistoryRange, HistoryResponse } from '@kubeglance/shared/api';
import { clusterPath, fetchJson, queryString } from './http';
import { FALLBACK_REFRESH_MS, queryKeys, type HistoryTarget } from './keys';

export type { HistoryTarget };

export function fetchHistory(
  cluster: string,
  target: HistoryTarget,
  range: HistoryRange,
  signal?: AbortSignal,
): Promise<HistoryResponse> {
  return fetchJson(clusterPath(cluster, 'history') + queryString({ ...target, range }), signal);
}

export function historyQuery(cluster: string, target: HistoryTarget, range: HistoryRange) {
  return queryOptions({
    queryKey: queryKeys.history(cluster, target, range),
    queryFn: ({ signal }) => fetchHistory(cluster, target, range, signal),
    refetchInterval: FALLBACK_REFRESH_MS,
    // Switching the range keeps the old chart until the new one arrives, instead of flashing.
    placeholderData: keepPreviousData,
  });
}

export function useHistory(
  cluster: string,
  target: HistoryTarget,
  range: HistoryRange,
  enabled = true,
) {
  return useQuery({ ...historyQuery(cluster, target, range), enabled });
}

/** Several histories at once (top pods of a namespace, containers of a pod). */
export function useHistories(cluster: string, targets: HistoryTarget[], range: HistoryRange) {
  return useQueries({ queries: targets.map((t) => historyQuery(cluster, t, range)) });
}
