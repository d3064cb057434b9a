/**
 * Each node's kubelet `/metrics/resource` (and `/metrics/cadvisor`'s CPU and working-set
 * families), reached as real scrape configs reach it: through
 * the apiserver's node proxy (`/api/v1/nodes/NODE/proxy/metrics/resource`, TLS + token) or,
 * for simple setups, on an optional plain-HTTP port serving the same path without auth.
 */
import { createServer, type Server } from 'node:http';
import { nodesMissingMetrics } from '../faults.js';
import { KubeletCounters, type StatsAtTick } from '../model/kubeletCounters.js';
import { podFactsOf, renderCadvisorMetrics } from '../model/cadvisorMetrics.js';
import { renderResourceMetrics } from '../model/resourceMetrics.js';
import type { SimCluster } from '../model/types.js';
import type { Handler, SimDeps } from './context.js';
import type { Router } from './router.js';
import { ApiError, notFound, serviceUnavailable } from './status.js';

export const KUBELET_RESOURCE_PATH = '/api/v1/nodes/:name/proxy/metrics/resource';
export const KUBELET_CADVISOR_PATH = '/api/v1/nodes/:name/proxy/metrics/cadvisor';
type Page = 'resource' | 'cadvisor';
const TEXT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const counters = new WeakMap<SimCluster, KubeletCounters>();

/** The one set of kubelet counters of a cluster (shared by scrapes and the backfill writer). */
export function kubeletCountersOf(cluster: SimCluster): KubeletCounters {
  let c = counters.get(cluster);
  if (c === undefined) {
    c = new KubeletCounters(cluster.metrics, cluster.store);
    counters.set(cluster, c);
  }
  return c;
}

/** The latest completed resolution period: the stats a kubelet would have now. */
export function kubeletStatsNow(cluster: SimCluster, now = Date.now()): StatsAtTick {
  const tick = Math.floor(now / cluster.metrics.resolutionMs) - 1;
  return kubeletCountersOf(cluster).at(tick);
}

/** The page for one node, or an ApiError as the apiserver's proxy would answer. */
function pageFor(deps: SimDeps, name: string, page: Page = 'resource'): string {
  const { cluster, faults } = deps;
  if (cluster.store.get('nodes', undefined, name) === undefined) {
    throw new ApiError(notFound('nodes', name));
  }
  // A node whose kubelet metrics-server cannot scrape is unreachable for Prometheus too.
  if (faults.has('nodes-missing-metrics')) {
    const missing = nodesMissingMetrics(cluster.store.list('nodes').map((n) => n.metadata.name));
    if (missing.has(name)) throw new ApiError(serviceUnavailable());
  }
  const stats = kubeletStatsNow(cluster);
  const node = stats.nodes.get(name) ?? { name, cpuSeconds: 0, memoryBytes: 0, pods: [] };
  if (page === 'resource') return renderResourceMetrics(node, stats.timestampMs);
  const index = cluster.store.list('nodes').findIndex((n) => n.metadata.name === name);
  return renderCadvisorMetrics(node, index, podFactsOf(cluster.store), stats.timestampMs);
}

const metricsPage =
  (page: Page): Handler =>
  (ctx) => {
    const text = pageFor(ctx.deps, ctx.params.name as string, page);
    ctx.res.writeHead(200, { 'Content-Type': TEXT_TYPE });
    ctx.res.end(text);
  };

export function addKubeletRoutes(router: Router): void {
  router.add(KUBELET_RESOURCE_PATH, { GET: metricsPage('resource') });
  router.add(KUBELET_CADVISOR_PATH, { GET: metricsPage('cadvisor') });
}

const PLAIN_PATH = /^\/api\/v1\/nodes\/([^/]+)\/proxy\/metrics\/(resource|cadvisor)\/?$/;

/** A plain-HTTP listener serving only the kubelet metrics paths (no TLS, no token). */
export async function listenKubeletPlain(deps: SimDeps, host: string, port: number) {
  const server: Server = createServer((req, res) => {
    const match = PLAIN_PATH.exec(new URL(req.url ?? '/', 'http://sim.invalid').pathname);
    try {
      if (!match || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found\n');
        return;
      }
      const text = pageFor(deps, decodeURIComponent(match[1] as string), match[2] as Page);
      res.writeHead(200, { 'Content-Type': TEXT_TYPE }).end(text);
    } catch (err) {
      const code = err instanceof ApiError ? err.status.code : 500;
      res.writeHead(code, { 'Content-Type': 'text/plain' }).end(`${(err as Error).message}\n`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return {
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
