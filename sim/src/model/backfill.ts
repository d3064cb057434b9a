import { CADVISOR_FAMILIES, cadvisorRows, type PodFacts } from './cadvisorMetrics.js';
import type { KubeletCounters, NodeStats } from './kubeletCounters.js';
import { KSM_FAMILIES, ksmRows } from './kubeStateMetrics.js';
import type { ClusterStore } from './types.js';
import { labelText, RESOURCE_FAMILIES } from './resourceMetrics.js';

/** What a backfill covers and which target labels the scrape would have added. */
export interface BackfillOptions {
  /** First sample time (unix ms; rounded down to a tick). */
  fromMs: number;
  /** Last sample time (unix ms, inclusive). */
  toMs: number;
  /** Time between written samples (the "scrape interval" of the past). */
  stepMs: number;
  /**
   * Labels Prometheus adds at scrape time, per node: they must be exactly those of the live
   * scrape config, or the backfilled and live samples become different series.
   */
  targetLabels: (node: string) => Record<string, string>;
  /** Leaves a node's samples out at some times (a kubelet that was unreachable then). */
  skip?: ((node: string, timeMs: number) => boolean) | undefined;
  /**
   * `/metrics/cadvisor` instead of `/metrics/resource`: cAdvisor's CPU and working-set rows,
   * with the pods' uids and images and each node's index (which sandbox style it reports).
   */
  cadvisor?: { facts: Map<string, PodFacts>; nodeIndex: Map<string, number> } | undefined;
  /**
   * Also kube-state-metrics' requests and limits of the pods that existed at each sample,
   * with these target labels (its scrape keeps KSM's own namespace/pod: `honor_labels`).
   */
  kubeStateMetrics?: { store: ClusterStore; targetLabels: Record<string, string> } | undefined;
}

/** The families' headers and one node's sample lines, in either page's layout. */
function familiesOf(options: BackfillOptions) {
  const c = options.cadvisor;
  if (c === undefined) {
    return {
      families: RESOURCE_FAMILIES,
      *rows(node: NodeStats): Generator<[string, Record<string, string>, number]> {
        for (const f of RESOURCE_FAMILIES)
          for (const [labels, value] of f.series(node)) yield [f.name, labels, value];
      },
    };
  }
  return {
    families: CADVISOR_FAMILIES,
    *rows(
      node: NodeStats,
      timestampMs: number,
    ): Generator<[string, Record<string, string>, number]> {
      const index = c.nodeIndex.get(node.name) ?? 0;
      for (const [family, labels, value] of cadvisorRows(node, index, c.facts, timestampMs))
        yield [CADVISOR_FAMILIES[family].name, labels, value];
    },
  };
}

/**
 * Days of past kubelet `/metrics/resource` samples as OpenMetrics, for
 * `promtool tsdb create-blocks-from openmetrics`. The counters are walked tick by tick (every
 * resolution period, like a live kubelet), and a sample is written every `stepMs`. Writing
 * through the same {@link KubeletCounters} a live simulator serves keeps the counters
 * continuous where the backfill ends and scraping begins.
 *
 * Yields chunks of text; the caller writes them to a file or stream.
 */
export function* openMetricsBackfill(
  counters: KubeletCounters,
  resolutionMs: number,
  options: BackfillOptions,
): Generator<string> {
  const layout = familiesOf(options);
  for (const f of layout.families) {
    // OpenMetrics names a counter family without its `_total` suffix.
    const family = f.type === 'counter' ? f.name.replace(/_total$/, '') : f.name;
    yield `# HELP ${family} ${f.help}\n# TYPE ${family} ${f.type}\n`;
  }
  const ksm = options.kubeStateMetrics;
  if (ksm)
    for (const f of KSM_FAMILIES) yield `# HELP ${f.name} ${f.help}\n# TYPE ${f.name} gauge\n`;
  const stepTicks = Math.max(1, Math.round(options.stepMs / resolutionMs));
  const first = Math.floor(options.fromMs / resolutionMs);
  const last = Math.floor(options.toMs / resolutionMs);
  for (let tick = first; tick <= last; tick += stepTicks) {
    const stats = counters.at(tick);
    const seconds = stats.timestampMs / 1000;
    const lines: string[] = [];
    for (const node of stats.nodes.values()) {
      if (options.skip?.(node.name, stats.timestampMs)) continue;
      const target = options.targetLabels(node.name);
      for (const [name, labels, value] of layout.rows(node, stats.timestampMs)) {
        lines.push(`${name}${labelText({ ...labels, ...target })} ${value} ${seconds}`);
      }
    }
    if (ksm) {
      for (const [name, labels, value] of ksmRows(ksm.store, stats.timestampMs))
        lines.push(`${name}${labelText({ ...ksm.targetLabels, ...labels })} ${value} ${seconds}`);
    }
    yield `${lines.join('\n')}\n`;
  }
  yield '# EOF\n';
}

/**
 * The target labels of `deploy/prometheus/kubelet-resource.yml` (and of kube-prometheus-stack's
 * kubelet ServiceMonitor): `job`, `instance` and `node` = node name, `metrics_path`.
 */
export function scrapeConfigLabels(
  job = 'kubelet',
  metricsPath = '/metrics/resource',
): (node: string) => Record<string, string> {
  return (node) => ({ instance: node, job, metrics_path: metricsPath, node });
}
