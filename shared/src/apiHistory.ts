/** API contract: `GET …/history` (see api.ts for units and nulls). */
import type { Problem } from './apiStatus.js';

export type HistoryScope = 'cluster' | 'node' | 'namespace' | 'pod' | 'container';
export type HistoryRange = '5m' | '15m' | '1h' | '6h' | '24h' | '7d' | '30d';
/** Ranges served from memory, always available. */
export const HISTORY_RANGES: readonly HistoryRange[] = ['5m', '15m', '1h'];
/** Ranges beyond the in-memory hour: only with a Prometheus configured (`--prometheus`). */
export const LONG_HISTORY_RANGES: readonly HistoryRange[] = ['6h', '24h', '7d', '30d'];

/** Where a stretch of a history response came from. */
export type HistorySource = 'memory' | 'prometheus';

/** One contiguous stretch of a history response and its source (times inclusive). */
export interface HistorySpan {
  source: HistorySource;
  fromMs: number;
  toMs: number;
}

/** `[unixMs, value]`; value `null` is a gap (no sample), never zero. */
export type Point = [number, number | null];

export interface Series {
  metric: 'cpu' | 'memory';
  unit: 'millicores' | 'bytes';
  points: Point[];
}

/** `[unixMs, nodesReporting, nodesTotal]`; nulls where no sample was stored. */
export type CoveragePoint = [number, number | null, number | null];

export interface HistoryResponse {
  scope: HistoryScope;
  range: HistoryRange;
  /** Time between points (for long ranges: the step, each point averaging the step before it). */
  resolutionSeconds: number;
  series: Series[];
  /**
   * Long ranges only: which source each stretch came from, oldest first (Prometheus, then the
   * in-memory hour). Absent for in-memory ranges (all `memory`).
   */
  spans?: HistorySpan[];
  /** Long ranges only: why part of the range is missing (e.g. Prometheus unavailable). */
  problem?: Problem;
  /**
   * Cluster scope only: how many nodes each point sums, on the same grid as `series`. A
   * point with fewer reporting nodes than total is partial, not a drop.
   */
  coverage?: CoveragePoint[];
  /**
   * Long ranges only, when Prometheus holds kube-state-metrics'
   * `kube_pod_container_resource_requests` / `_limits`: the scope's summed container requests
   * and limits over time (CPU series then memory, each point averaged over its step, on the
   * step grid up to the newest whole step). Absent without kube-state-metrics: charts then
   * show today's values, captioned so.
   */
  requests?: Series[];
  limits?: Series[];
}
