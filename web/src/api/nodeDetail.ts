import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NodeDetail } from '@kubeglance/shared/api';
import { clusterPath, fetchJson } from './http';
import { FALLBACK_REFRESH_MS, queryKeys } from './keys';

export function fetchNodeDetail(
  cluster: string,
  node: string,
  signal?: AbortSignal,
): Promise<NodeDetail> {
  return fetchJson(clusterPath(cluster, 'nodes', node), signal);
}

export function nodeDetailQuery(cluster: string, node: string) {
  return queryOptions({
    queryKey: queryKeys.node(cluster, node),
    queryFn: ({ signal }) => fetchNodeDetail(cluster, node, signal),
    refetchInterval: FALLBACK_REFRESH_MS,
  });
}

/** One node: describe-like facts, conditions and its pods with usage. */
export function useNodeDetail(cluster: string, node: string) {
  return useQuery(nodeDetailQuery(cluster, node));
}
