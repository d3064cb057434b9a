import { runAtOnce, runInTurns } from './loopTurns.js';
import type { MetricsSample, NodeUsage, PodUsage } from './types.js';

/** Pods merged per event-loop turn by {@link SampleMerger.mergeInTurns}. */
export const MERGE_SLICE = 5000;

/**
 * Turns successive metrics responses into samples that only ever move forward, item by item.
 *
 * Every node (and pod) carries its own timestamp from its kubelet's clock, so "the newest
 * timestamp" cannot identify a sample: one node whose clock is an hour ahead would make every
 * later poll look unchanged. Instead a response is new when ANY item advanced past what is
 * held for it. An item older than the one held (another metrics-server replica answering
 * with an older scrape) keeps the held one, so replicas answering alternately never make
 * values go back and forth. But an item that went back by far more than replicas can differ
 * ({@link clockResetMs}) is taken: its kubelet's clock was corrected (e.g. after running an
 * hour ahead), and holding the old value would freeze that node for the hour. Items absent
 * from the response are dropped (no metrics now); duplicates within one response collapse to
 * the newest.
 */
export interface MergeResult {
  /** The merged sample; `null` when no item advanced (an unchanged poll). */
  sample: MetricsSample | null;
  /** Items newer than the ones held. */
  advanced: number;
  /** Items in the response that were older than the ones held (kept the held ones). */
  regressed: number;
  /** Repeated items within the response, collapsed. */
  duplicates: number;
}

interface HeldNode {
  usage: NodeUsage;
  /** Local time when this node's timestamp last advanced. */
  advancedAtMs: number;
}

/** What is known about one node's clock: when it last advanced, and how far from ours. */
export interface NodeClock {
  name: string;
  /** Local time when its timestamp last advanced. */
  advancedAtMs: number;
  /** Its timestamp minus the local time it was first seen (> 0: stamped in our future). */
  offsetMs: number;
}

export class SampleMerger {
  private nodes = new Map<string, HeldNode>();
  private pods = new Map<string, Map<string, PodUsage>>();
  private lastTimestampMs: number | null = null;

  /** Every held node's clock facts, for per-node staleness and skew. */
  nodeClocks(): NodeClock[] {
    return [...this.nodes.values()].map((h) => ({
      name: h.usage.name,
      advancedAtMs: h.advancedAtMs,
      offsetMs: h.usage.timestampMs - h.advancedAtMs,
    }));
  }

  merge(
    nodes: readonly NodeUsage[],
    pods: readonly PodUsage[],
    nowMs: number,
    resolutionMs = 15_000,
  ): MergeResult {
    return runAtOnce(this.mergeSteps(nodes, pods, nowMs, resolutionMs));
  }

  /**
   * {@link merge} in turns of the event loop ({@link MERGE_SLICE} pods per turn). Nothing is
   * held differently until the last turn, so one merge must end before the next starts (the
   * poller never overlaps polls).
   */
  mergeInTurns(
    nodes: readonly NodeUsage[],
    pods: readonly PodUsage[],
    nowMs: number,
    resolutionMs = 15_000,
  ): Promise<MergeResult> {
    return runInTurns(this.mergeSteps(nodes, pods, nowMs, resolutionMs));
  }

  private *mergeSteps(
    nodes: readonly NodeUsage[],
    pods: readonly PodUsage[],
    nowMs: number,
    resolutionMs: number,
  ): Generator<void, MergeResult> {
    const resetMs = clockResetMs(resolutionMs);
    const newer = (fresh: number, held: number) => fresh > held || held - fresh > resetMs;
    let advanced = 0;
    let regressed = 0;
    let duplicates = 0;
    const nextNodes = new Map<string, HeldNode>();
    for (const n of nodes) {
      const seen = nextNodes.get(n.name);
      if (seen) duplicates++;
      const held = seen ?? this.nodes.get(n.name);
      if (!held || newer(n.timestampMs, held.usage.timestampMs)) {
        if (!seen) advanced++;
        nextNodes.set(n.name, { usage: n, advancedAtMs: nowMs });
      } else {
        if (!seen && n.timestampMs < held.usage.timestampMs) regressed++;
        nextNodes.set(n.name, held);
      }
    }
    const nextPods = new Map<string, Map<string, PodUsage>>();
    let nsName: string | undefined;
    let nsNext: Map<string, PodUsage> | undefined;
    let nsHeld: Map<string, PodUsage> | undefined;
    let inSlice = 0;
    for (const p of pods) {
      if (++inSlice === MERGE_SLICE) {
        inSlice = 0;
        yield;
      }
      if (p.namespace !== nsName) {
        nsName = p.namespace;
        nsNext = nextPods.get(nsName);
        if (!nsNext) nextPods.set(nsName, (nsNext = new Map()));
        nsHeld = this.pods.get(nsName);
      }
      const seen = nsNext!.get(p.name);
      if (seen) duplicates++;
      const held = seen ?? nsHeld?.get(p.name);
      if (!held || newer(p.timestampMs, held.timestampMs)) {
        if (!seen) advanced++;
        nsNext!.set(p.name, p);
      } else {
        if (!seen && p.timestampMs < held.timestampMs) regressed++;
        nsNext!.set(p.name, held);
      }
    }
    if (advanced === 0) return { sample: null, advanced, regressed, duplicates };
    this.nodes = nextNodes;
    this.pods = nextPods;
    const sample = this.toSample(nowMs);
    return { sample, advanced, regressed, duplicates };
  }

  private toSample(nowMs: number): MetricsSample {
    const nodes = [...this.nodes.values()].map((h) => h.usage);
    const pods: PodUsage[] = [];
    for (const ns of this.pods.values()) for (const p of ns.values()) pods.push(p);
    const timestampMs = Math.max(
      sampleTime(nodes.length > 0 ? nodes : pods, nowMs),
      this.lastTimestampMs ?? -Infinity,
    );
    this.lastTimestampMs = timestampMs;
    return { timestampMs, nodes, pods };
  }
}

/**
 * How far back an item may jump before it counts as a corrected clock rather than an older
 * replica's answer: replicas scrape within one resolution of each other.
 */
export function clockResetMs(resolutionMs: number): number {
  return Math.max(4 * resolutionMs, 60_000);
}

/**
 * The time a sample stands for: the lower median of its items' timestamps (one node with a
 * clock far ahead or behind cannot move it), never later than the local clock (data cannot come
 * from the future), and never before the previous sample's (history needs increasing times).
 */
function sampleTime(items: readonly { timestampMs: number }[], nowMs: number): number {
  const times = items.map((i) => i.timestampMs).sort((a, b) => a - b);
  const median = times[Math.floor((times.length - 1) / 2)] ?? nowMs;
  return Math.min(median, nowMs);
}
