/**
 * kube-state-metrics' `/metrics` (requests and limits only), reached as a Prometheus outside
 * the cluster would through the apiserver's service proxy.
 */
import { renderKubeStateMetrics } from '../model/kubeStateMetrics.js';
import type { Handler } from './context.js';
import type { Router } from './router.js';

export const KSM_PATH =
  '/api/v1/namespaces/kube-system/services/kube-state-metrics:http-metrics/proxy/metrics';

const page: Handler = (ctx) => {
  ctx.res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
  ctx.res.end(renderKubeStateMetrics(ctx.deps.cluster.store));
};

export function addKubeStateMetricsRoutes(router: Router): void {
  router.add(KSM_PATH, { GET: page });
}
