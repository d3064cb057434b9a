import {
  nodeProfile,
  parseContainers,
  podProfile,
  type NodeProfile,
  type ParsedContainer,
  type PodProfile,
  type ProfileContext,
} from './profiles.js';
import { hashString } from './random.js';
import { formatKi, formatNanocores } from './quantity.js';
import type { Scenario } from './scenario.js';
import { goDuration, rfc3339 } from './time.js';
import type {
  ClusterStore,
  KubeObject,
  MetricsSample,
  MetricsSource,
  NodeMetricsItem,
  PodMetricsItem,
} from './types.js';
import {
  WaveGroup,
  cpuCores,
  hotNodeShare,
  memoryBytes,
  nodeOverhead,
  rhythmFor,
  type Rhythm,
} from './usage.js';

/** Node usage never exceeds this share of capacity (kubelet and OS must still run). */
const CAPACITY_CEILING = 0.98;
/** Samples kept: the current scrape and the previous one (clients straddling a boundary). */
const CACHED_TICKS = 2;

/**
 * metrics.k8s.io over the store: one scrape per resolution period, computed from the objects
 * present when it is first asked for and cached. Values are deterministic in (seed, tick,
 * object identity); like metrics-server, pods younger than one resolution and pods that are
 * not Running (or have no running container) are absent.
 */
export class SimMetrics implements MetricsSource {
  private readonly rhythm: Rhythm;
  private readonly window: string;
  private readonly pods = new WeakMap<KubeObject, PodProfile | null>();
  private readonly nodes = new WeakMap<KubeObject, NodeProfile>();
  private readonly cache = new Map<number, MetricsSample>();
  private readonly parsed = new WeakMap<readonly object[], readonly ParsedContainer[]>();
  private readonly groups = new Map<string, WaveGroup>();
  private readonly profileContext: ProfileContext;

  constructor(
    private readonly store: ClusterStore,
    readonly resolutionMs: number,
    private readonly seedKey: number,
    private readonly scenario: Scenario,
  ) {
    this.rhythm = rhythmFor(seedKey);
    this.window = goDuration(resolutionMs);
    this.profileContext = {
      seedKey,
      scenario,
      parsed: (containers) => {
        let parsed = this.parsed.get(containers);
        if (parsed === undefined) {
          parsed = parseContainers(containers);
          this.parsed.set(containers, parsed);
        }
        return parsed;
      },
      group: (namespace) => {
        let group = this.groups.get(namespace);
        if (group === undefined) {
          const phase = 2 * Math.PI * (hashString(namespace, seedKey) / 4294967296);
          group = new WaveGroup(phase, this.rhythm);
          this.groups.set(namespace, group);
        }
        return group;
      },
    };
  }

  sampleAt(tick: number): MetricsSample {
    const cached = this.cache.get(tick);
    if (cached !== undefined) return cached;
    const sample = this.compute(tick);
    this.cache.set(tick, sample);
    while (this.cache.size > CACHED_TICKS) {
      const oldest = Math.min(...this.cache.keys());
      this.cache.delete(oldest);
    }
    return sample;
  }

  private podProfileOf(pod: KubeObject): PodProfile | undefined {
    let profile = this.pods.get(pod);
    if (profile === undefined) {
      profile = podProfile(pod, this.profileContext) ?? null;
      this.pods.set(pod, profile);
    }
    return profile ?? undefined;
  }

  private nodeProfileOf(node: KubeObject): NodeProfile {
    let profile = this.nodes.get(node);
    if (profile === undefined) {
      profile = nodeProfile(node, this.seedKey, this.scenario);
      this.nodes.set(node, profile);
    }
    return profile;
  }

  private compute(tick: number): MetricsSample {
    const { rhythm, resolutionMs } = this;
    const timestampMs = tick * resolutionMs;
    const timestamp = rfc3339(timestampMs);
    const nodeObjects = this.store.list('nodes');
    const nodes = nodeObjects.map((n) => this.nodeProfileOf(n));
    const nodeIndex = new Map<string, number>();
    nodes.forEach((n, i) => nodeIndex.set(n.name, i));

    // Pass 1: raw usage of every reportable container, summed per node.
    const reported: { profile: PodProfile; node: number; first: number }[] = [];
    const cpu: number[] = [];
    const memory: number[] = [];
    const nodeCpu = new Float64Array(nodes.length);
    const nodeMemory = new Float64Array(nodes.length);
    for (const pod of this.store.list('pods')) {
      const profile = this.podProfileOf(pod);
      if (profile === undefined || profile.containers.length === 0) continue;
      if (!(timestampMs - profile.createdMs >= resolutionMs)) continue;
      const node = nodeIndex.get(profile.nodeName);
      if (node === undefined) continue;
      reported.push({ profile, node, first: cpu.length });
      for (const c of profile.containers) {
        const c1 = cpuCores(c, timestampMs, tick);
        const m1 = memoryBytes(c, timestampMs, tick);
        cpu.push(c1);
        memory.push(m1);
        nodeCpu[node] = (nodeCpu[node] ?? 0) + c1;
        nodeMemory[node] = (nodeMemory[node] ?? 0) + m1;
      }
    }

    // Pass 2: overhead per node, and how much pods must yield where they would overflow it.
    const overhead = nodes.map((n) =>
      nodeOverhead(n.capacityCores, n.capacityBytes, n.key, rhythm, timestampMs, tick),
    );
    const cpuScale = nodes.map((n, i) =>
      fitScale(nodeCpu[i] ?? 0, overhead[i]?.cpu ?? 0, n.capacityCores),
    );
    const memoryScale = nodes.map((n, i) =>
      fitScale(nodeMemory[i] ?? 0, overhead[i]?.memory ?? 0, n.capacityBytes),
    );

    // Pass 3: pod items in integer units; node sums use the same integers (node >= its pods).
    const podNano = new Float64Array(nodes.length);
    const podKi = new Float64Array(nodes.length);
    const pods: PodMetricsItem[] = new Array<PodMetricsItem>(reported.length);
    reported.forEach(({ profile, node, first }, r) => {
      const containers = profile.containers.map((c, j) => {
        const nano = Math.round((cpu[first + j] ?? 0) * (cpuScale[node] ?? 1) * 1e9);
        const ki = Math.round(((memory[first + j] ?? 0) * (memoryScale[node] ?? 1)) / 1024);
        podNano[node] = (podNano[node] ?? 0) + nano;
        podKi[node] = (podKi[node] ?? 0) + ki;
        return { name: c.name, usage: { cpu: `${nano}n`, memory: `${ki}Ki` } };
      });
      pods[r] = {
        metadata: {
          name: profile.name,
          namespace: profile.namespace,
          creationTimestamp: timestamp,
          ...(profile.labels === undefined ? {} : { labels: profile.labels }),
        },
        timestamp,
        window: this.window,
        containers,
      };
    });

    const nodeItems: NodeMetricsItem[] = nodes.map((n, i) => {
      let cores = (podNano[i] ?? 0) / 1e9 + (overhead[i]?.cpu ?? 0);
      if (n.hot)
        cores = Math.max(
          cores,
          n.allocatableCores * hotNodeShare(rhythm, n.key, timestampMs, tick),
        );
      const bytes = (podKi[i] ?? 0) * 1024 + (overhead[i]?.memory ?? 0);
      const cpuNano = Math.max(
        podNano[i] ?? 0,
        Math.min(cores, CAPACITY_CEILING * n.capacityCores) * 1e9,
      );
      const memoryBytesTotal = Math.max(
        (podKi[i] ?? 0) * 1024,
        Math.min(bytes, CAPACITY_CEILING * n.capacityBytes),
      );
      return {
        metadata: {
          name: n.name,
          creationTimestamp: timestamp,
          ...(n.labels === undefined ? {} : { labels: n.labels }),
        },
        timestamp,
        window: this.window,
        usage: { cpu: formatNanocores(cpuNano / 1e9), memory: formatKi(memoryBytesTotal) },
      };
    });
    return { tick, timestampMs, nodes: nodeItems, pods };
  }
}

/** Factor (<= 1) pods' usage is scaled by so pods + overhead stay under the ceiling. */
function fitScale(pods: number, overhead: number, capacity: number): number {
  const room = CAPACITY_CEILING * capacity - overhead;
  if (pods <= room || pods <= 0) return 1;
  return Math.max(0, room) / pods;
}
