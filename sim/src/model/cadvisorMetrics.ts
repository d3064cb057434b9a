import { createHash } from 'node:crypto';
import type { NodeStats } from './kubeletCounters.js';
import { labelText } from './resourceMetrics.js';
import type { ClusterStore } from './types.js';

/**
 * The kubelet's `/metrics/cadvisor` CPU and working-set families, one series per cgroup as
 * cAdvisor writes them: labels `container`, `id` (cgroup path), `image`, `name` (runtime
 * container id), `namespace`, `pod` (and `cpu="total"` on CPU). Besides the containers it has
 * rows a sum must leave out: the root cgroup `id="/"` (the node), `/kubepods` and
 * `/system.slice/kubelet.service` (`container=""`, no pod), one pod-level cgroup per pod
 * (`container=""` with namespace/pod: the sum of its containers and sandbox), and the
 * sandbox ("pause") container — `container=""` with the pause image as containerd reports
 * it, or `container="POD"` as dockershim did (alternating by node, so both occur).
 */
export const CADVISOR_FAMILIES = [
  {
    name: 'container_cpu_usage_seconds_total',
    type: 'counter',
    help: 'Cumulative cpu time consumed in seconds.',
  },
  {
    name: 'container_memory_working_set_bytes',
    type: 'gauge',
    help: 'Current working set in bytes.',
  },
] as const;

const PAUSE_IMAGE = 'registry.k8s.io/pause:3.9';
/** The sandbox's own usage: tiny, but never zero, so counting it would show. */
const PAUSE_CORES = 0.0002;
const PAUSE_BYTES = 299_008;

/** What the pod objects say that the counters do not: uid, QoS class and images. */
export interface PodFacts {
  uid: string;
  qos: string;
  images: Map<string, string>;
}

/** Pod facts from the cluster store, keyed `namespace/name`. */
export function podFactsOf(store: ClusterStore): Map<string, PodFacts> {
  const out = new Map<string, PodFacts>();
  for (const p of store.list('pods')) {
    const spec = p.spec as { containers?: { name: string; image?: string }[] } | undefined;
    const status = p.status as { qosClass?: string } | undefined;
    out.set(`${p.metadata.namespace}/${p.metadata.name}`, {
      uid: p.metadata.uid ?? createHash('sha1').update(p.metadata.name).digest('hex'),
      qos: (status?.qosClass ?? 'Burstable').toLowerCase(),
      images: new Map((spec?.containers ?? []).map((c) => [c.name, c.image ?? ''])),
    });
  }
  return out;
}

const runtimeId = (key: string) => createHash('sha256').update(key).digest('hex');

/** One series: family index (0 CPU, 1 memory), labels, value. */
type Row = [0 | 1, Record<string, string>, number];

function cgroup(id: string, extra: Partial<Record<string, string>> = {}) {
  return { container: '', id, image: '', name: '', namespace: '', pod: '', ...extra };
}

/** Every cgroup row of one node at `timestampMs`. */
export function* cadvisorRows(
  node: NodeStats,
  nodeIndex: number,
  facts: Map<string, PodFacts>,
  timestampMs: number,
): Generator<Row> {
  const both = function* (labels: Record<string, string>, cpu: number, mem: number) {
    yield [0, { ...labels, cpu: 'total' }, cpu] as Row;
    yield [1, labels, mem] as Row;
  };
  const podsCpu = node.pods.reduce((s, p) => s + p.cpuSeconds, 0);
  const podsMem = node.pods.reduce((s, p) => s + p.memoryBytes, 0);
  yield* both(cgroup('/'), node.cpuSeconds, node.memoryBytes);
  yield* both(cgroup('/kubepods'), podsCpu, podsMem);
  yield* both(
    cgroup('/system.slice/kubelet.service'),
    Math.max(0, node.cpuSeconds - podsCpu),
    Math.max(0, node.memoryBytes - podsMem),
  );
  for (const p of node.pods) {
    const f = facts.get(`${p.namespace}/${p.name}`);
    const uid = f?.uid ?? runtimeId(p.name).slice(0, 36);
    const podId = `/kubepods/${f?.qos ?? 'burstable'}/pod${uid}`;
    const who = { namespace: p.namespace, pod: p.name };
    const started = Math.min(...p.containers.map((c) => c.startSeconds));
    const pauseCpu = PAUSE_CORES * Math.max(0, timestampMs / 1000 - started);
    yield* both(cgroup(podId, who), p.cpuSeconds + pauseCpu, p.memoryBytes + PAUSE_BYTES);
    const sandbox = runtimeId(`${uid}/sandbox`);
    yield* both(
      cgroup(`${podId}/${sandbox}`, {
        ...who,
        container: nodeIndex % 2 === 0 ? '' : 'POD',
        image: PAUSE_IMAGE,
        name: sandbox,
      }),
      pauseCpu,
      PAUSE_BYTES,
    );
    for (const c of p.containers) {
      const id = runtimeId(`${uid}/${c.name}`);
      yield* both(
        cgroup(`${podId}/${id}`, {
          ...who,
          container: c.name,
          image: f?.images.get(c.name) ?? '',
          name: id,
        }),
        c.cpuSeconds,
        c.memoryBytes,
      );
    }
  }
}

/** One node's `/metrics/cadvisor` page (text format 0.0.4), samples stamped like the kubelet's. */
export function renderCadvisorMetrics(
  node: NodeStats,
  nodeIndex: number,
  facts: Map<string, PodFacts>,
  timestampMs: number,
): string {
  const lines: string[][] = CADVISOR_FAMILIES.map((f) => [
    `# HELP ${f.name} ${f.help}`,
    `# TYPE ${f.name} ${f.type}`,
  ]);
  for (const [family, labels, value] of cadvisorRows(node, nodeIndex, facts, timestampMs)) {
    lines[family]!.push(
      `${CADVISOR_FAMILIES[family].name}${labelText(labels)} ${value} ${timestampMs}`,
    );
  }
  return `${lines.flat().join('\n')}\n`;
}
