import { cpuMillicoresKubectl } from '@kubeglance/shared/format';
import type { CoveragePoint, HistoryScope, Series } from '@kubeglance/shared/api';
import type { Inventory, MetricsSample } from '../kube/types.js';
import {
  historySource,
  importHistory,
  type HistoryData,
  type HistorySource,
} from './historyData.js';
import { buildGrid, CPU, MEMORY, readOnGrid } from './historyGrid.js';
import { runAtOnce } from '../kube/loopTurns.js';
import { RingBuffer } from './ringBuffer.js';
import { indexSample, type SampleIndex } from './sampleIndex.js';
import { SeriesIndex } from './seriesIndex.js';
import { ValueTable } from './valueTable.js';
import {
  CLUSTER,
  CLUSTER_KEY,
  COVERAGE,
  locateSeries,
  NAMESPACES,
  NODES,
  type HistoryKey,
} from './seriesKey.js';

export type { HistoryKey } from './seriesKey.js';

export interface HistoryOptions {
  /** How far back history reaches (default 1 h). */
  retentionMs?: number;
  /** Expected time between samples (default 15 s); see {@link HistoryStore.setResolution}. */
  resolutionMs?: number;
}

export interface HistoryStats {
  /** Stored series; each holds a CPU and a memory column. */
  series: number;
  /** Time slots currently holding a sample (≤ retention / resolution). */
  slots: number;
  /** Bytes allocated in typed arrays (time column, value chunks, bookkeeping). */
  bytes: number;
}

/** Shrink the ring only when it is this many times larger than needed (hysteresis). */
const SHRINK_FACTOR = 1.5;
/**
 * Work per turn of {@link HistoryStore.appendSteps}: about 10 ms each on a 2-core machine
 * (a chunk clear may pack a 16-tick block of 32 rows; a pod writes itself and its containers).
 */
const CHUNKS_PER_STEP = 4000;
const PODS_PER_STEP = 5000;

/**
 * One cluster's usage history over a sliding retention window, on a shared time column.
 *
 * Storage tiers: cluster, nodes and namespaces share a table whose chunks start as uint32
 * (millicores; memory in KiB) and widen to float64 when a value does not fit (totals above
 * 4 TiB, or bytes that are not whole KiB). Pods and containers — 99% of the series — start at
 * uint16 millicores (≤ 65.534 cores) and uint32 KiB (metrics-server reports memory in Ki), i.e.
 * 6 bytes per series per tick, widening per 32-row chunk when needed. Every value is exact.
 *
 * A failed poll is not stored; {@link buildGrid} turns the missing ticks into nulls at query
 * time. A series absent from a sample reads null at that tick. Series that have had no value
 * for a whole retention window are dropped (checked on every append), so memory follows the
 * live object count under churn, not the number of objects ever seen.
 */
export class HistoryStore {
  readonly retentionMs: number;
  private resolution: number;
  private readonly ring: RingBuffer;
  private readonly aggregates: SeriesIndex;
  private readonly workloads: SeriesIndex;

  constructor(options: HistoryOptions = {}) {
    this.retentionMs = options.retentionMs ?? 3_600_000;
    this.resolution = positive('resolutionMs', options.resolutionMs ?? 15_000);
    positive('retentionMs', this.retentionMs);
    const slots = this.capacityFor(this.resolution);
    const aggregateTable = new ValueTable(slots, [
      { encoding: 'u32' },
      { encoding: 'u32', quantum: 1024 },
    ]);
    const workloadTable = new ValueTable(slots, [
      { encoding: 'u16' },
      { encoding: 'u32', quantum: 1024 },
    ]);
    this.aggregates = new SeriesIndex(aggregateTable);
    this.workloads = new SeriesIndex(workloadTable);
    this.ring = new RingBuffer(slots, [aggregateTable, workloadTable]);
  }

  get resolutionMs(): number {
    return this.resolution;
  }

  /** Timestamp of the newest stored sample, or null before the first. */
  get lastTimestampMs(): number | null {
    const seq = this.ring.newestSeq;
    return seq < 0 ? null : this.ring.timeOf(seq);
  }

  /**
   * Adopts a newly detected resolution (used for gap detection from the next sample on). The
   * ring grows at once to `retention / resolution` slots, keeping every sample; it shrinks,
   * keeping the newest samples that fit, only when it is over 1.5× too large. Re-laying costs
   * O(stored bytes), so a detector that wobbles between 14 s and 15 s must not trigger it on
   * every flip.
   */
  setResolution(resolutionMs: number): void {
    this.resolution = positive('resolutionMs', resolutionMs);
    const wanted = this.capacityFor(resolutionMs);
    const current = this.ring.capacity;
    if (wanted > current || wanted * SHRINK_FACTOR < current) this.ring.resize(wanted);
  }

  /**
   * Stores one sample: cluster (sum over the sample's nodes), each node, each namespace (sum
   * over its pods in the sample), each pod and each container. CPU in kubectl millicores
   * (pod, namespace and cluster round the exact nanocore sum once), memory in bytes.
   * Returns false, storing nothing, when the timestamp is not newer than the last sample's.
   *
   * Usage is derived from the sample alone, so informer lag (a pod not listed yet, or already
   * deleted) never changes what is stored. `inventory` only supplies the cluster's coverage:
   * how many of its nodes the sample covers, so a partial sum is never read as a drop.
   */
  append(sample: MetricsSample, inventory?: Inventory): boolean {
    return runAtOnce(this.appendSteps(sample, inventory));
  }

  /**
   * {@link append} as a job for {@link runInTurns}: at 150,000 pods writing a tick touches
   * ~560,000 series, far too long for one turn of the event loop. The tick is written into the
   * ring's spare slot, so readers between two steps see the previous ticks, whole, and the new
   * one appears at once when the last step commits it.
   */
  *appendSteps(sample: MetricsSample, inventory?: Inventory): Generator<void, boolean> {
    const last = this.lastTimestampMs;
    if (last !== null && !(sample.timestampMs > last)) return false;
    const seq = this.ring.begin(sample.timestampMs, this.resolution);
    // A job abandoned half way (or a throw) must not leave the ring waiting for a commit.
    let committed = false;
    try {
      const slot = this.ring.slotOf(seq);
      yield* this.ring.clearPending(CHUNKS_PER_STEP);
      const index = indexSample(sample);
      const table = this.aggregates.table;
      const agg = (space: string, key: string, nanocores: number, bytes: number) => {
        const { row } = this.aggregates.touch(space, key, seq);
        write(table, row, slot, cpuMillicoresKubectl(nanocores), bytes);
      };
      // No node metrics at all: the cluster total is unknown, not zero.
      if (sample.nodes.length > 0) {
        agg(CLUSTER, CLUSTER_KEY, index.nodeCpuNanocores, index.nodeMemoryBytes);
      }
      for (const n of sample.nodes) agg(NODES, n.name, n.cpuNanocores, n.memoryBytes);
      if (inventory) this.appendCoverage(inventory, index, seq, slot);
      for (const [ns, t] of index.namespaces) agg(NAMESPACES, ns, t.cpuNanocores, t.memoryBytes);
      yield;
      yield* this.appendWorkloads(index, seq, slot);
      this.ring.commit();
      committed = true;
      this.sweep();
    } finally {
      if (!committed) this.ring.abort();
    }
    return true;
  }

  /**
   * Points for the window `(end - rangeMs, end]` (never reaching back past the retention
   * window), `end` defaulting to the newest sample's timestamp. Pass `endMs` (e.g. now, on the
   * upstream clock) to show a trailing outage as nulls. Returns CPU (millicores) then memory
   * (bytes) on the same grid, or `undefined` for a series that is not stored (never seen, or
   * dropped after a retention window without values). The cluster series always exists.
   */
  query(
    scope: HistoryScope,
    key: HistoryKey,
    rangeMs: number,
    endMs?: number,
    /** Internal: read a coverage series instead (`['reporting']` or `['total']`). */
    coverageKey?: [string],
  ): Series[] | undefined {
    const located = coverageKey
      ? { index: this.aggregates, row: this.aggregates.find(COVERAGE, coverageKey[0])?.row ?? -1 }
      : locateSeries(this.aggregates, this.workloads, scope, key);
    if (!located) return undefined;
    const { index, row } = located;
    const newest = this.lastTimestampMs ?? 0;
    const end = endMs ?? newest;
    const startMs = Math.max(end - rangeMs, newest - this.retentionMs);
    const grid = buildGrid(this.ring, { startMs, endMs: end, resolutionMs: this.resolution });
    return readOnGrid(this.ring, grid, index.table, row);
  }

  /**
   * Everything stored, read on demand for saving across a restart ({@link importData} reverses
   * it). Ticks appended while it is read are left for the next save; ticks they push out of
   * the ring are read as gaps.
   */
  exportSource(): HistorySource {
    return historySource(this.ring, [this.aggregates, this.workloads], this.resolution);
  }

  /** Loads saved history into this (empty) store, a few ticks per turn of the event loop. */
  async importData(data: HistoryData): Promise<void> {
    if (this.lastTimestampMs !== null) throw new Error('history store is not empty');
    this.setResolution(data.resolutionMs);
    await importHistory(data, this.ring, [this.aggregates, this.workloads]);
    if (this.lastTimestampMs !== null) this.sweep();
  }

  /** Sizes for `/metrics` and the benchmark. */
  stats(): HistoryStats {
    return {
      series: this.aggregates.size + this.workloads.size,
      slots: this.ring.size,
      bytes: this.ring.bytes + this.aggregates.bytes + this.workloads.bytes,
    };
  }

  /** Nodes reporting / nodes listed, as two CPU-column series of the aggregate table. */
  private appendCoverage(inventory: Inventory, index: SampleIndex, seq: number, slot: number) {
    let reporting = 0;
    for (const name of inventory.nodes.keys()) if (index.nodes.has(name)) reporting++;
    const table = this.aggregates.table;
    write(table, this.aggregates.touch(COVERAGE, 'reporting', seq).row, slot, reporting, 0);
    write(table, this.aggregates.touch(COVERAGE, 'total', seq).row, slot, inventory.nodes.size, 0);
  }

  /**
   * Coverage of the cluster series on the same grid as {@link query} (same arguments):
   * `[t, nodesReporting, nodesTotal]`, nulls where nothing was stored.
   */
  coverage(rangeMs: number, endMs?: number): CoveragePoint[] {
    const reporting = this.query('cluster', {}, rangeMs, endMs, ['reporting']);
    const total = this.query('cluster', {}, rangeMs, endMs, ['total']);
    const points = reporting?.[0]?.points ?? [];
    return points.map(([t, r], i) => [t, r, total?.[0]?.points[i]?.[1] ?? null]);
  }

  /** Pods, then their containers as child series (no per-container key strings). */
  private *appendWorkloads(index: SampleIndex, seq: number, slot: number): Generator<void> {
    const { table } = this.workloads;
    let written = 0;
    // Key space = namespace: the same string object for all its pods (hash computed once).
    for (const [ns, { pods }] of index.namespaces) {
      for (const [name, pod] of pods) {
        const entry = this.workloads.touch(ns, name, seq);
        write(table, entry.row, slot, pod.cpuMillicores, pod.memoryBytes);
        for (const c of pod.usage.containers) {
          const row = this.workloads.touchChild(entry, c.name, seq);
          write(table, row, slot, cpuMillicoresKubectl(c.cpuNanocores), c.memoryBytes);
        }
        if (++written % PODS_PER_STEP === 0) yield;
      }
    }
  }

  private capacityFor(resolutionMs: number): number {
    return Math.max(1, Math.ceil(this.retentionMs / resolutionMs));
  }

  /** Drops series whose newest value is older than the retention window. */
  private sweep(): void {
    const newest = this.lastTimestampMs!;
    const cutoff = this.ring.firstSeqAfter(newest - this.retentionMs);
    this.aggregates.sweep(cutoff);
    this.workloads.sweep(cutoff);
  }
}

function write(table: ValueTable, row: number, slot: number, cpu: number, memory: number): void {
  table.set(CPU, row, slot, cpu);
  table.set(MEMORY, row, slot, memory);
}

function positive(what: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) throw new Error(`${what} must be > 0, got ${value}`);
  return value;
}
