/**
 * How the aggregated metrics API answers right now, derived from the faults and the warm-up:
 * one place that the request pipeline, discovery, the metrics handlers, the APIService status
 * and the metrics-server pod's readiness all read, so they never disagree.
 */
import { nodesMissingMetrics } from '../faults.js';
import type { SimDeps } from './context.js';

/**
 * `ok`: served. `missing`: no APIService, so the apiserver itself answers 404. `unavailable`:
 * the aggregator answers 503 (APIService not Available). `forbidden`: the request reaches
 * metrics-server, which denies it (RBAC, or the anonymous user of a broken aggregation layer).
 */
export type MetricsApiState = 'ok' | 'missing' | 'unavailable' | 'forbidden';

/** Whether metrics-server is still within its first two scrapes after the simulator started. */
export function warmingUp(deps: SimDeps, now = Date.now()): boolean {
  return deps.warmupUntilMs !== undefined && now < deps.warmupUntilMs;
}

/** Whether the metrics-server pod is Ready (its readiness probe needs stored metrics). */
export function metricsServerReady(deps: SimDeps, now = Date.now()): boolean {
  const { faults } = deps;
  return !(
    faults.has('missing-endpoints') ||
    faults.has('kubelet-x509-all') ||
    warmingUp(deps, now)
  );
}

export function metricsApiState(deps: SimDeps, now = Date.now()): MetricsApiState {
  const { faults } = deps;
  if (faults.has('apiservice-missing')) return 'missing';
  if (faults.has('metrics-unavailable') || faults.has('apiservice-timeout')) return 'unavailable';
  if (!metricsServerReady(deps, now)) return 'unavailable';
  if (faults.has('metrics-forbidden') || faults.has('aggregation-off')) return 'forbidden';
  return 'ok';
}

/** Node names whose kubelet metrics-server cannot scrape (and which it leaves out). */
export function unscrapedNodes(deps: SimDeps): Set<string> {
  const { faults, cluster } = deps;
  const names = cluster.store.list('nodes').map((n) => n.metadata.name);
  if (faults.has('kubelet-x509-all')) return new Set(names);
  if (faults.has('nodes-missing-metrics') || faults.has('kubelet-x509-some')) {
    return nodesMissingMetrics(names);
  }
  return new Set();
}

/** Nodes that fail with the x509 error in metrics-server's log (a subset of unscraped ones). */
export function x509Nodes(deps: SimDeps): string[] {
  const { faults } = deps;
  if (!faults.has('kubelet-x509-all') && !faults.has('kubelet-x509-some')) return [];
  return [...unscrapedNodes(deps)].sort();
}
