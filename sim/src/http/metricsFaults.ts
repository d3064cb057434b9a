/**
 * Metrics faults applied to a served sample (the model's samples stay pure and cached):
 * unscraped nodes (`nodes-missing-metrics`, `kubelet-x509-*`) drop out with their pods, `clock-skew` moves one node's kubelet
 * clock an hour ahead, `bad-items` adds the malformed items real metrics-servers emit.
 */
import { rfc3339 } from '../model/time.js';
import type { ClusterStore, MetricsSample, PodMetricsItem } from '../model/types.js';
import type { SimDeps } from './context.js';
import { unscrapedNodes } from './metricsAvailability.js';

const HOUR_MS = 3_600_000;
/** 2^64 - 1 nanocores: a wrapped cumulative counter (beyond int64, let alone a double). */
export const OVERFLOW_CPU = '18446744073709551615n';

/** The node whose clock `clock-skew` moves: the first worker in name order (else any node). */
export function skewedNode(store: ClusterStore): string | undefined {
  const nodes = store.list('nodes');
  const worker = nodes.find(
    (n) => !('node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {})),
  );
  return (worker ?? nodes[0])?.metadata.name;
}

function later(timestamp: string | null, ms: number): string | null {
  return timestamp === null ? null : rfc3339(Date.parse(timestamp) + ms);
}

/**
 * The four malformed PodMetrics items of `bad-items`, made from real items: (1) every
 * container failed the CPU-rate check (metrics-server emits `timestamp: null`, `containers: []`,
 * window `0s`), (2) no containers but a timestamp, (3) a container whose CPU counter wrapped,
 * (4) the same pod twice, as during a replica switch.
 */
function withBadItems(pods: readonly PodMetricsItem[]): PodMetricsItem[] {
  if (pods.length < 4) return [...pods];
  const out = [...pods];
  const [a, b, c, d] = out as [PodMetricsItem, PodMetricsItem, PodMetricsItem, PodMetricsItem];
  out[0] = { ...a, timestamp: null, window: '0s', containers: [] };
  out[1] = { ...b, containers: [] };
  const [first, ...rest] = c.containers;
  if (first !== undefined) {
    out[2] = {
      ...c,
      containers: [{ ...first, usage: { ...first.usage, cpu: OVERFLOW_CPU } }, ...rest],
    };
  }
  out.splice(4, 0, d);
  return out;
}

/** The sample as served with the active metrics faults applied. */
export function applyMetricsFaults(raw: MetricsSample, deps: SimDeps): MetricsSample {
  const { faults } = deps;
  const { store } = deps.cluster;
  let { nodes, pods } = raw;
  const nodeOf = (p: PodMetricsItem): unknown =>
    store.get('pods', p.metadata.namespace, p.metadata.name)?.spec?.nodeName;
  const missing = unscrapedNodes(deps);
  if (missing.size > 0) {
    nodes = nodes.filter((n) => !missing.has(n.metadata.name));
    pods = pods.filter((p) => !missing.has(nodeOf(p) as string));
  }
  if (faults.has('clock-skew')) {
    const skewed = skewedNode(store);
    nodes = nodes.map((n) => {
      if (n.metadata.name !== skewed) return n;
      const timestamp = later(n.timestamp, HOUR_MS) as string;
      return { ...n, metadata: { ...n.metadata, creationTimestamp: timestamp }, timestamp };
    });
    pods = pods.map((p) =>
      nodeOf(p) === skewed ? { ...p, timestamp: later(p.timestamp, HOUR_MS) } : p,
    );
  }
  if (faults.has('bad-items')) pods = withBadItems(pods);
  return nodes === raw.nodes && pods === raw.pods ? raw : { ...raw, nodes, pods };
}
