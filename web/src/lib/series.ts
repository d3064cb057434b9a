/** Time series plumbing between the history API, live samples and chart rows. */
import type { HistoryRange, HistoryResponse, Point } from '@kubeglance/shared/api';

export const MILLICORES_PER_CORE = 1000;
export const BYTES_PER_GIB = 1024 ** 3;

const RANGE_MS: Record<HistoryRange, number> = {
  '5m': 5 * 60_000,
  '15m': 15 * 60_000,
  '1h': 60 * 60_000,
  '6h': 6 * 60 * 60_000,
  '24h': 24 * 60 * 60_000,
  '7d': 7 * 24 * 60 * 60_000,
  '30d': 30 * 24 * 60 * 60_000,
};

export function rangeMs(range: HistoryRange): number {
  return RANGE_MS[range];
}

export function seriesPoints(
  history: HistoryResponse | undefined,
  metric: 'cpu' | 'memory',
): readonly Point[] {
  return history?.series.find((s) => s.metric === metric)?.points ?? [];
}

/**
 * History from the API followed by the live points that are newer than its last
 * point, cut to `sinceMs`. Lets a sparkline start full and keep moving with SSE.
 */
export function mergePoints(base: readonly Point[], live: readonly Point[], sinceMs = 0): Point[] {
  const lastBase = base.length > 0 ? (base[base.length - 1]?.[0] ?? 0) : -Infinity;
  return [...base, ...live.filter(([t]) => t > lastBase)].filter(([t]) => t >= sinceMs);
}

/** Append when newer than the last point (samples can be replayed on reconnect). */
export function appendPoint(points: readonly Point[], point: Point, keepSinceMs: number): Point[] {
  const last = points[points.length - 1];
  if (last && last[0] >= point[0]) return points as Point[];
  const kept =
    points[0] && points[0][0] < keepSinceMs ? points.filter(([t]) => t >= keepSinceMs) : points;
  return [...kept, point];
}

export const OTHER_KEY = 'other';

export type ChartRow = { t: number } & Record<string, number | null>;

/**
 * One row per timestamp across several series, values divided by `scale`
 * (millicores → cores, bytes → GiB). Missing values stay `null` (a gap), not 0.
 */
export function toChartRows(
  seriesByKey: Readonly<Record<string, readonly Point[]>>,
  scale = 1,
): ChartRow[] {
  const keys = Object.keys(seriesByKey);
  const rows = new Map<number, ChartRow>();
  for (const key of keys) {
    for (const [t, v] of seriesByKey[key] ?? []) {
      let row = rows.get(t);
      if (!row) {
        row = { t } as ChartRow;
        for (const k of keys) row[k] = null;
        rows.set(t, row);
      }
      row[key] = v == null ? null : v / scale;
    }
  }
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

/**
 * Split a total into named parts plus `other` (total minus the parts), for a
 * stacked "top pods + the rest" chart (callers key the parts p0, p1… so no pod name
 * can collide with OTHER_KEY or contain the dots Recharts reads as paths). `other`
 * is unknown where the total is, and never negative (parts and total can come from
 * slightly different samples).
 */
export function withOther(
  total: readonly Point[],
  parts: Readonly<Record<string, readonly Point[]>>,
): Record<string, Point[]> {
  const sums = new Map<number, number>();
  for (const points of Object.values(parts)) {
    for (const [t, v] of points) if (v != null) sums.set(t, (sums.get(t) ?? 0) + v);
  }
  const other: Point[] = total.map(([t, v]) => [
    t,
    v == null ? null : Math.max(0, v - (sums.get(t) ?? 0)),
  ]);
  const result: Record<string, Point[]> = {};
  for (const [key, points] of Object.entries(parts)) result[key] = [...points];
  result[OTHER_KEY] = other;
  return result;
}

/** Timestamp of the newest point of any series, or null. */
export function newestTime(...series: readonly (readonly Point[])[]): number | null {
  let newest: number | null = null;
  for (const points of series) {
    const last = points[points.length - 1];
    if (last && (newest == null || last[0] > newest)) newest = last[0];
  }
  return newest;
}

/** Axis tick text for a value already in display units (cores, GiB): 0.25, 1.5, 12, 140. */
export function axisNumber(value: number): string {
  const abs = Math.abs(value);
  const digits = abs === 0 || abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return String(Number(value.toFixed(digits)));
}

export interface ChartUnit {
  /** Divisor from API units (millicores, bytes) to chart units. */
  scale: number;
  unit: string;
}

/**
 * A readable chart unit for the largest value shown: a sidecar at 2m CPU reads
 * "2 millicores", not "0.00 cores"; a cluster at 38000m reads "38 cores".
 */
export function chartUnit(metric: 'cpu' | 'memory', maxValue: number): ChartUnit {
  if (metric === 'cpu') {
    return maxValue < MILLICORES_PER_CORE
      ? { scale: 1, unit: 'millicores' }
      : { scale: MILLICORES_PER_CORE, unit: 'cores' };
  }
  return maxValue < BYTES_PER_GIB
    ? { scale: 1024 ** 2, unit: 'MiB' }
    : { scale: BYTES_PER_GIB, unit: 'GiB' };
}

/** Largest known value across series and extra values (requests, limits). */
export function maxValue(
  series: readonly (readonly Point[])[],
  extra: readonly (number | null)[] = [],
) {
  let max = 0;
  for (const points of series) for (const [, v] of points) if (v != null && v > max) max = v;
  for (const v of extra) if (v != null && v > max) max = v;
  return max;
}

const TICK_STEPS_MIN = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 7200];

/** Time-axis ticks on whole minutes, at most `maxTicks`, so labels never repeat. */
export function timeTicks(fromMs: number, toMs: number, maxTicks = 6): number[] {
  const spanMin = Math.max(1, (toMs - fromMs) / 60_000);
  const stepMin = TICK_STEPS_MIN.find((s) => spanMin / s <= maxTicks) ?? 7200;
  const step = stepMin * 60_000;
  const ticks: number[] = [];
  for (let t = Math.ceil(fromMs / step) * step; t <= toMs; t += step) ticks.push(t);
  return ticks;
}
