import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import type { HistoryRange, HistoryResponse, HistoryScope } from '@kubeglance/shared/api';
import { clusterPath, fetchJson, queryString } from './http';
import { clusterKey, FALLBACK_REFRESH_MS } from './keys';

/** What a history request is about; which fields matter depends on `scope`. */
export interface HistoryTarget {
  scope: HistoryScope;
  /** Node, namespace, pod or container name (not used for `cluster`). */
  name?: string;
  /** Namespace of a pod or container. */
  namespace?: string;
  /** Pod of a container. */
  pod?: string;
}

export function fetchHistory(
  cluster: string,
  target: HistoryTarget,
  range: HistoryRange,
  signal?: AbortSignal,
): Promise<HistoryResponse> {
  return fetchJson(clusterPath(cluster, 'history') + queryString({ ...target, range }), signal);
}

export function historyQuery(cluster: string, target: HistoryTarget, range: HistoryRange) {
  const { scope, name = '', namespace = '', pod = '' } = target;
  return queryOptions({
    queryKey: [...clusterKey(cluster), 'history', scope, namespace, pod, name, range],
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
