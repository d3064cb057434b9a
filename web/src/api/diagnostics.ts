import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DiagnosticsReport } from '@kubeglance/shared/api';
import { clusterPath, fetchJson } from './http';
import { queryKeys } from './keys';

/** The latest diagnostics run; `refresh` asks for a new one (the server rate-limits it). */
export function fetchDiagnostics(
  cluster: string,
  refresh: boolean,
  signal?: AbortSignal,
): Promise<DiagnosticsReport> {
  return fetchJson(`${clusterPath(cluster, 'diagnostics')}${refresh ? '?refresh=1' : ''}`, signal);
}

/** Diagnostics change rarely; the page also refetches when the live status says a run finished. */
export const DIAGNOSTICS_REFRESH_MS = 15_000;

export function diagnosticsQuery(cluster: string) {
  return queryOptions({
    queryKey: queryKeys.diagnostics(cluster),
    queryFn: ({ signal }) => fetchDiagnostics(cluster, false, signal),
    refetchInterval: DIAGNOSTICS_REFRESH_MS,
  });
}

export function useDiagnostics(cluster: string) {
  return useQuery(diagnosticsQuery(cluster));
}
