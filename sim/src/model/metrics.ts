import { ProfileCache } from './profileCache.js';
import { mix32, unit } from './random.js';
import type { PodProfile } from './profiles.js';
import type { Scenario } from './scenario.js';
import { ScrapeTiming, type ItemTime } from './scrapeTiming.js';
import type {
  ClusterStore,
  MetricsSample,
  MetricsSource,
  NodeMetricsItem,
  PodMetricsItem,
} from './types.js';
import {
  cpuCores,
  hotNodeShare,
  memoryBytes,
  nodeOverhead,
  rhythmFor,
  type Rhythm,
} from './usage.js';

/** Node usage never exceeds this share of capacity (kubelet and OS must still run). */
const CAPACITY_CEILING = 0.98;

/** A saturated node's ceiling wobbles a little (95.5-98%) rather than sitting on one value. */
function ceilingShare(nodeKey: number, tick: number): number {
  return CAPACITY_CEILING - 0.025 * unit(mix32(nodeKey ^ 0x9e37, tick));
}
/** Samples kept per replica: the current scrape and the previous one. */
const CACHED_TICKS = 2;
/** Share of containers the kubelet reports at byte (not page) granularity. */
const BYTE_GRANULAR_SHARE = 0.03;
/** Share of containers that are idle (CPU exactly 0, printed `0`). */
const IDLE_SHARE = 0.02;

/** How a metrics source stamps and prints its scrapes. */
export interface MetricsTimingOptions {
  /** Per-node timestamps and windows, canonical quantities (default true). */
  realistic: boolean;
  /** metrics-server replicas, each scraping on its own phase (default 1). */
  replicas: number;
}

/**
 * metrics.k8s.io over the store: one scrape per resolution period, computed from the objects
 * present when it is first asked for and cached. Values are deterministic in (seed, tick,
 * object identity); like metrics-server, pods younger than one resolution and pods that are
 * not Running (or have no running container) are absent.
 */
export class SimMetrics implements MetricsSource {
  private readonly rhythm: Rhythm;
  private readonly profiles: ProfileCache;
  private readonly cache = new Map<string, MetricsSample>();
  private readonly timing: ScrapeTiming;
  readonly replicas: number;

  constructor(
    private readonly store: ClusterStore,
    readonly resolutionMs: number,
    seedKey: number,
    scenario: Scenario,
    options: Partial<MetricsTimingOptions> = {},
  ) {
    this.rhythm = rhythmFor(seedKey);
    this.replicas = Math.max(1, Math.floor(options.replicas ?? 1));
    this.timing = new ScrapeTiming(resolutionMs, options.realistic ?? true, this.replicas);
    this.profiles = new ProfileCache(seedKey, scenario, this.rhythm);
  }

  sampleAt(tick: number, replica = 0): MetricsSample {
    const key = `${replica % this.replicas}/${tick}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const sample = this.compute(tick, replica % this.replicas);
    this.cache.set(key, sample);
    // Insertion order is age order: drop the oldest beyond two per replica.
    for (const old of this.cache.keys()) {
      if (this.cache.size <= CACHED_TICKS * this.replicas) break;
      this.cache.delete(old);
    }
    return sample;
  }

  /** Builds profiles for every current pod now, so the first scrape is as fast as the next. */
  warm(): void {
    this.profiles.beginScrape();
    for (const pod of this.store.list('pods')) this.profiles.pod(pod);
  }

  private compute(tick: number, replica: number): MetricsSample {
    const { resolutionMs, timing } = this;
    this.profiles.beginScrape();
    const timestampMs = timing.scrapeMs(tick, replica);
    const { nodes, index } = this.profiles.nodes(this.store.list('nodes'));
    const nodeCount = nodes.length;

    // Pass 1: raw usage of every reportable container, summed per node.
    const podObjects = this.store.list('pods');
    const reported: PodProfile[] = [];
    const reportedNode: number[] = [];
    const cpu: number[] = [];
    const memory: number[] = [];
    const nodeCpu = new Float64Array(nodeCount);
    const nodeMemory = new Float64Array(nodeCount);
    for (const pod of podObjects) {
      const profile = this.profiles.pod(pod);
      if (profile === undefined || profile.containers.length === 0) continue;
      if (!(timestampMs - profile.createdMs >= resolutionMs)) continue;
      const node = index.get(profile.nodeName);
      if (node === undefined) continue;
      reported.push(profile);
      reportedNode.push(node);
      for (const c of profile.containers) {
        const cores = cpuCores(c, timestampMs, tick);
        const bytes = memoryBytes(c, timestampMs, tick);
        cpu.push(cores);
        memory.push(bytes);
        nodeCpu[node] = (nodeCpu[node] as number) + cores;
        nodeMemory[node] = (nodeMemory[node] as number) + bytes;
      }
    }
    this.profiles.prune(podObjects.length);

    // Pass 2: overhead per node, and how much pods must yield where they would overflow it.
    const overheadCpu = new Float64Array(nodeCount);
    const overheadMemory = new Float64Array(nodeCount);
    const ceiling = new Float64Array(nodeCount);
    const cpuScale = new Float64Array(nodeCount);
    const memoryScale = new Float64Array(nodeCount);
    nodes.forEach((n, i) => {
      const o = nodeOverhead(
        n.capacityCores,
        n.capacityBytes,
        n.key,
        this.rhythm,
        timestampMs,
        tick,
      );
      overheadCpu[i] = o.cpu;
      overheadMemory[i] = o.memory;
      const share = ceilingShare(n.key, tick);
      ceiling[i] = share;
      cpuScale[i] = fitScale(nodeCpu[i] as number, o.cpu, share * n.capacityCores);
      memoryScale[i] = fitScale(nodeMemory[i] as number, o.memory, share * n.capacityBytes);
    });

    // Pass 3: pod items in integer units; node sums use the same integers (node >= its pods).
    const podNano = new Float64Array(nodeCount);
    const podBytes = new Float64Array(nodeCount);
    const nodeTimes = nodes.map((n) => timing.node(n.key, tick, timestampMs));
    const pods = new Array<PodMetricsItem>(reported.length);
    let k = 0;
    for (let r = 0; r < reported.length; r++) {
      const profile = reported[r] as PodProfile;
      const node = reportedNode[r] as number;
      const containers: PodMetricsItem['containers'] = [];
      for (const c of profile.containers) {
        const idle = timing.realistic && unit(c.key) < IDLE_SHARE;
        const nano = idle ? 0 : Math.round((cpu[k] as number) * (cpuScale[node] as number) * 1e9);
        // A pinned working set is served as is: no node squeeze, no rounding.
        const bytes =
          c.pinnedBytes ??
          timing.memoryBytes(
            (memory[k] as number) * (memoryScale[node] as number),
            unit(mix32(c.key, 7)) < BYTE_GRANULAR_SHARE,
          );
        k++;
        podNano[node] = (podNano[node] as number) + nano;
        podBytes[node] = (podBytes[node] as number) + bytes;
        containers.push({
          name: c.name,
          usage: { cpu: timing.cpu(nano), memory: timing.memory(bytes) },
        });
      }
      const { name, namespace, labels } = profile;
      const time = timing.pod(nodeTimes[node] as ItemTime, profile.containers[0]?.key ?? 0, tick);
      const timestamp = timing.timestamp(time.timestampMs);
      pods[r] = {
        metadata: { name, namespace, creationTimestamp: timestamp, labels },
        timestamp,
        window: timing.window(time.windowMs),
        containers,
      };
    }

    const nodeItems = nodes.map((n, i): NodeMetricsItem => {
      const podCpu = podNano[i] as number;
      const podMemory = podBytes[i] as number;
      let cores = podCpu / 1e9 + (overheadCpu[i] as number);
      if (n.hot) {
        const share = hotNodeShare(this.rhythm, n.key, timestampMs, tick);
        cores = Math.max(cores, n.allocatableCores * share);
      }
      const bytes = podMemory + (overheadMemory[i] as number);
      const share = ceiling[i] as number;
      const cpuNano = Math.max(podCpu, Math.min(cores, share * n.capacityCores) * 1e9);
      const memoryTotal = Math.max(podMemory, Math.min(bytes, share * n.capacityBytes));
      const time = nodeTimes[i] as ItemTime;
      const timestamp = timing.timestamp(time.timestampMs);
      const memoryBytes = Math.max(podMemory, timing.memoryBytes(memoryTotal, false));
      return {
        metadata: { name: n.name, creationTimestamp: timestamp, labels: n.labels },
        timestamp,
        window: timing.window(time.windowMs),
        usage: { cpu: timing.nodeCpu(cpuNano / 1e9), memory: timing.memory(memoryBytes) },
      };
    });
    return { tick, timestampMs, nodes: nodeItems, pods };
  }
}

/** Factor (<= 1) pods' usage is scaled by so pods + overhead stay under the ceiling. */
function fitScale(pods: number, overhead: number, ceiling: number): number {
  const room = ceiling - overhead;
  if (pods <= room || pods <= 0) return 1;
  return Math.max(0, room) / pods;
}
