import type { NodeStats } from './kubeletCounters.js';

/**
 * The kubelet's `/metrics/resource` families (k8s.io/kubernetes pkg/kubelet/metrics/collectors):
 * names, label sets, types and help texts as the real kubelet writes them, STABLE ones
 * prefixed `[STABLE]` by component-base. Node families carry no labels: the scrape config
 * adds the node's identity (`node`/`instance`).
 */
interface Family {
  name: string;
  type: 'counter' | 'gauge';
  help: string;
  /** The series of one node: labels and value. */
  series: (node: NodeStats) => Iterable<[Record<string, string>, number]>;
}

const STABLE = '[STABLE] ';

function* containers(node: NodeStats, value: 'cpu' | 'memory' | 'start') {
  for (const p of node.pods) {
    for (const c of p.containers) {
      const labels = { container: c.name, namespace: p.namespace, pod: p.name };
      const v =
        value === 'cpu' ? c.cpuSeconds : value === 'memory' ? c.memoryBytes : c.startSeconds;
      yield [labels, v] as [Record<string, string>, number];
    }
  }
}

function* pods(node: NodeStats, value: 'cpu' | 'memory') {
  for (const p of node.pods) {
    const v = value === 'cpu' ? p.cpuSeconds : p.memoryBytes;
    yield [{ namespace: p.namespace, pod: p.name }, v] as [Record<string, string>, number];
  }
}

export const RESOURCE_FAMILIES: readonly Family[] = [
  {
    name: 'container_cpu_usage_seconds_total',
    type: 'counter',
    help: `${STABLE}Cumulative cpu time consumed by the container in core-seconds`,
    series: (n) => containers(n, 'cpu'),
  },
  {
    name: 'container_memory_working_set_bytes',
    type: 'gauge',
    help: `${STABLE}Current working set of the container in bytes`,
    series: (n) => containers(n, 'memory'),
  },
  {
    name: 'container_start_time_seconds',
    type: 'gauge',
    help: `${STABLE}Start time of the container since unix epoch in seconds`,
    series: (n) => containers(n, 'start'),
  },
  {
    name: 'node_cpu_usage_seconds_total',
    type: 'counter',
    help: `${STABLE}Cumulative cpu time consumed by the node in core-seconds`,
    series: (n) => [[{}, n.cpuSeconds]],
  },
  {
    name: 'node_memory_working_set_bytes',
    type: 'gauge',
    help: `${STABLE}Current working set of the node in bytes`,
    series: (n) => [[{}, n.memoryBytes]],
  },
  {
    name: 'pod_cpu_usage_seconds_total',
    type: 'counter',
    help: `${STABLE}Cumulative cpu time consumed by the pod in core-seconds`,
    series: (n) => pods(n, 'cpu'),
  },
  {
    name: 'pod_memory_working_set_bytes',
    type: 'gauge',
    help: `${STABLE}Current working set of the pod in bytes`,
    series: (n) => pods(n, 'memory'),
  },
];

const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** `{a="x",b="y"}` (sorted as given), or '' for no labels. */
export function labelText(labels: Record<string, string>): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escape(v)}"`);
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}

/**
 * One node's `/metrics/resource` page in the Prometheus text format 0.0.4, every sample
 * stamped with the stats' time in ms (as the kubelet does: the time cAdvisor took them, not
 * the scrape's), followed by `resource_scrape_error 0`.
 */
export function renderResourceMetrics(node: NodeStats, timestampMs: number): string {
  const out: string[] = [];
  for (const f of RESOURCE_FAMILIES) {
    out.push(`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`);
    for (const [labels, value] of f.series(node)) {
      out.push(`${f.name}${labelText(labels)} ${value} ${timestampMs}`);
    }
  }
  out.push(
    '# HELP resource_scrape_error [STABLE] 1 if there was an error while getting container metrics, 0 otherwise',
    '# TYPE resource_scrape_error gauge',
    'resource_scrape_error 0',
  );
  return `${out.join('\n')}\n`;
}
