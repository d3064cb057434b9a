import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ClusterPipeline } from '../pipeline/clusterPipeline.js';
import type { ClusterRegistry } from '../pipeline/registry.js';
import type { HistoryStats } from '../store/history.js';
import { registerDiagnosticsMetrics } from './diagnosticsMetrics.js';
import type { Broadcaster } from './sse/broadcaster.js';

/**
 * kubeglance's own Prometheus metrics (`GET /metrics`): poll durations, upstream errors
 * and request counts, SSE clients, ring-buffer size. Gauges are read at scrape time from
 * the live objects rather than kept in sync by hand.
 */
export function createPromRegistry(clusters: ClusterRegistry, broadcaster: Broadcaster): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'kubeglance_process_' });

  const pollDuration = new Histogram({
    name: 'kubeglance_poll_duration_seconds',
    help: 'Duration of one metrics poll (fetch of NodeMetrics+PodMetrics, parse), per cluster',
    labelNames: ['cluster', 'phase'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  for (const p of clusters.pipelines()) {
    p.on('sample', (_s, r) => {
      pollDuration.observe({ cluster: p.name, phase: 'fetch' }, r.fetchMs / 1000);
      pollDuration.observe({ cluster: p.name, phase: 'parse' }, r.parseMs / 1000);
    });
  }

  new Counter({
    name: 'kubeglance_upstream_errors_total',
    help: 'Failed upstream requests (metrics polls and informer list/watch), per cluster',
    labelNames: ['cluster'],
    registers: [registry],
    collect() {
      this.reset();
      for (const p of clusters.pipelines()) this.inc({ cluster: p.name }, p.upstreamErrors);
    },
  });

  new Counter({
    name: 'kubeglance_upstream_requests_total',
    help: 'Upstream GET requests by path (watches excluded), per cluster',
    labelNames: ['cluster', 'path'],
    registers: [registry],
    collect() {
      this.reset();
      for (const p of clusters.pipelines()) {
        for (const [path, c] of p.upstream.counters)
          this.inc({ cluster: p.name, path }, c.requests);
      }
    },
  });

  new Gauge({
    name: 'kubeglance_sse_clients',
    help: 'Connected server-sent-event clients',
    registers: [registry],
    collect() {
      this.set(broadcaster.size);
    },
  });

  new Counter({
    name: 'kubeglance_sse_dropped_clients_total',
    help: 'SSE clients dropped because they could not keep up',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(broadcaster.dropped);
    },
  });

  const historyGauge = (
    name: string,
    help: string,
    pick: (s: { series: number; bytes: number }) => number,
  ) =>
    new Gauge({
      name,
      help,
      labelNames: ['cluster'],
      registers: [registry],
      collect() {
        for (const p of clusters.pipelines()) this.set({ cluster: p.name }, pick(historyStats(p)));
      },
    });
  historyGauge('kubeglance_history_series', 'Series held in the ring buffer', (s) => s.series);
  historyGauge('kubeglance_history_bytes', 'Bytes allocated by the ring buffer', (s) => s.bytes);

  registerDiagnosticsMetrics(registry, clusters);
  return registry;
}

const statsCache = new WeakMap<ClusterPipeline, { key: string; stats: HistoryStats }>();

/**
 * The history's size, counted again only after it changed (an append or a new resolution):
 * counting walks every series (tens of milliseconds at 30,000 pods), and a scrape must not
 * hold the event loop for that.
 */
function historyStats(p: ClusterPipeline): HistoryStats {
  const h = p.history;
  const key = `${h.lastTimestampMs}|${h.resolutionMs}`;
  const c = statsCache.get(p);
  if (c?.key === key) return c.stats;
  const stats = h.stats();
  statsCache.set(p, { key, stats });
  return stats;
}
