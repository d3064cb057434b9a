import { parseCpuNanocores, parseMemoryBytes } from '@kubeglance/shared/quantity';
import type { ClusterStore, KubeObject, MetricsSource } from './types.js';

/** One container's resource stats as the kubelet's `/metrics/resource` reports them. */
export interface ContainerStats {
  name: string;
  /** Cumulative core-seconds since the counter was first seen. */
  cpuSeconds: number;
  memoryBytes: number;
  /** Unix seconds of the first tick this container was seen (its "start" on our timeline). */
  startSeconds: number;
}

export interface PodStats {
  namespace: string;
  name: string;
  cpuSeconds: number;
  memoryBytes: number;
  containers: ContainerStats[];
}

export interface NodeStats {
  name: string;
  cpuSeconds: number;
  memoryBytes: number;
  pods: PodStats[];
}

/** Every node's stats at one tick. */
export interface StatsAtTick {
  tick: number;
  timestampMs: number;
  nodes: Map<string, NodeStats>;
}

interface Counter {
  seconds: number;
  /** Tick of the last accrual: an absent container keeps its value but is not reported. */
  tick: number;
  startSeconds: number;
}

/**
 * A gap longer than this many ticks (nobody scraped for a long time) is not walked tick by
 * tick: the newest rate is applied to the whole gap, so a late first scrape stays cheap.
 */
const MAX_WALK_TICKS = 50_000;

/**
 * The kubelet's cumulative CPU counters over the same usage generator as metrics.k8s.io.
 * metrics-server derives a sample's CPU as Δcounter / Δt between two kubelet scrapes, so the
 * counter here advances by exactly `sample CPU × resolution` per tick: the rate over one tick
 * is the metrics API's value at that tick and `rate()` over a window is their mean.
 * Counters start at the first tick walked (the backfill start, or the first scrape).
 */
export class KubeletCounters {
  private readonly counters = new Map<string, Counter>();
  private tick = Number.NaN;
  private current: StatsAtTick | undefined;

  private podNodeCache: { list: readonly KubeObject[]; index: Map<string, string> } | undefined;

  constructor(
    private readonly metrics: MetricsSource,
    private readonly store: ClusterStore,
  ) {}

  /** Stats at `tick`, walking (and accruing) every tick since the last call. */
  at(tick: number): StatsAtTick {
    if (this.current !== undefined && tick <= this.tick) return this.current;
    const from = Number.isNaN(this.tick) ? tick : this.tick + 1;
    const skip = tick - from + 1 > MAX_WALK_TICKS ? tick - from : 0;
    for (let t = from + skip; t <= tick; t++) this.current = this.accrue(t, t === tick, skip);
    this.tick = tick;
    return this.current as StatsAtTick;
  }

  private accrue(tick: number, report: boolean, extraTicks: number): StatsAtTick {
    const sample = this.metrics.sampleAt(tick);
    const seconds = (this.metrics.resolutionMs / 1000) * (1 + extraTicks);
    const startSeconds = sample.timestampMs / 1000;
    const bump = (key: string, cores: number): Counter => {
      let c = this.counters.get(key);
      if (c === undefined) {
        c = { seconds: 0, tick, startSeconds };
        this.counters.set(key, c);
      }
      c.seconds += cores * seconds;
      c.tick = tick;
      return c;
    };
    const nodes = new Map<string, NodeStats>();
    for (const n of sample.nodes) {
      const c = bump(`node/${n.metadata.name}`, parseCpuNanocores(n.usage.cpu) / 1e9);
      const memoryBytes = parseMemoryBytes(n.usage.memory);
      nodes.set(n.metadata.name, {
        name: n.metadata.name,
        cpuSeconds: c.seconds,
        memoryBytes,
        pods: [],
      });
    }
    const nodeOf = report ? this.podNodes() : undefined;
    for (const p of sample.pods) {
      const { namespace, name } = p.metadata;
      const containers: ContainerStats[] = [];
      for (const ct of p.containers) {
        const c = bump(`${namespace}/${name}/${ct.name}`, parseCpuNanocores(ct.usage.cpu) / 1e9);
        const memoryBytes = parseMemoryBytes(ct.usage.memory);
        containers.push({
          name: ct.name,
          cpuSeconds: c.seconds,
          memoryBytes,
          startSeconds: c.startSeconds,
        });
      }
      const node = nodes.get(nodeOf?.get(`${namespace}/${name}`) ?? '');
      if (node === undefined) continue;
      node.pods.push({
        namespace,
        name,
        cpuSeconds: containers.reduce((s, c) => s + c.cpuSeconds, 0),
        memoryBytes: containers.reduce((s, c) => s + c.memoryBytes, 0),
        containers,
      });
    }
    if (report) this.forgetOlderThan(tick);
    return { tick, timestampMs: sample.timestampMs, nodes };
  }

  /** Which node each pod runs on (`spec.nodeName`; the metrics sample does not say). */
  private podNodes(): Map<string, string> {
    const list = this.store.list('pods');
    if (this.podNodeCache?.list !== list) {
      const index = new Map<string, string>();
      for (const p of list) {
        const node = (p.spec as { nodeName?: string } | undefined)?.nodeName;
        if (node) index.set(`${p.metadata.namespace}/${p.metadata.name}`, node);
      }
      this.podNodeCache = { list, index };
    }
    return this.podNodeCache.index;
  }

  /** Containers gone for a while restart from zero if they come back, like a new container. */
  private forgetOlderThan(tick: number): void {
    if (this.counters.size < 1000) return;
    for (const [key, c] of this.counters) if (tick - c.tick > 2) this.counters.delete(key);
  }
}
