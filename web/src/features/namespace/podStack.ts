/**
 * Which pods a namespace's stacked charts draw, and the series for them: the heaviest pods
 * by the chart's metric, each in its own colour (from its name, so the same in both charts
 * and every range), plus the rest of the pods as one "other pods" outline on its own axis,
 * so a namespace of hundreds of small pods does not flatten the few that matter.
 */
import type { Point } from '@kubeglance/shared/api';
import type { UsageSeries } from '../../components/charts/UsageChart';
import { podColors } from '../../lib/podColors';
import { OTHER_KEY, withOther } from '../../lib/series';
import { t } from '../../i18n/t';

/** Pods drawn one by one per chart. */
export const TOP = 5;

/** A filter matching more pods than this draws only the top ones (no "other" sum). */
export const MAX_SUMMED = 40;

type Metric = 'cpu' | 'memory';

/** The pods' current usage, by name (from the pod table's rows). */
export interface PodUsage {
  name: string;
  cpu: number | null;
  memory: number | null;
}

/** The names of the `TOP` pods with the highest known usage (ties by name). */
export function heaviest(pods: readonly PodUsage[], metric: Metric): string[] {
  return pods
    .filter((p) => p[metric] != null)
    .sort((a, b) => (b[metric] ?? 0) - (a[metric] ?? 0) || a.name.localeCompare(b.name))
    .slice(0, TOP)
    .map((p) => p.name);
}

/** Point-wise sum of several series; unknown only where every one is unknown. */
export function sumSeries(all: readonly (readonly Point[])[]): Point[] {
  const sums = new Map<number, number | null>();
  for (const points of all) {
    for (const [t, v] of points) {
      const prev = sums.get(t) ?? null;
      sums.set(t, v == null ? prev : (prev ?? 0) + v);
    }
  }
  return [...sums.entries()].sort((a, b) => a[0] - b[0]);
}

export interface StackInput {
  /** The chart's pods, heaviest first (only those whose history has arrived are drawn). */
  top: readonly string[];
  /** Every pod drawn in either chart of the page: decides the colours. */
  page: readonly string[];
  /** History of each pod for this metric. */
  points: ReadonlyMap<string, readonly Point[]>;
  /**
   * What "other pods" is: `total` (the namespace's total, minus the top pods), `rest` (the
   * sum of these pods), or null (not drawn: too many matches to sum).
   */
  other: { total: readonly Point[] } | { rest: readonly string[] } | null;
  /** "other pods", or "other matching pods" under a filter. */
  otherLabel: string;
}

/** The series of one stacked chart. */
export function stackSeries(input: StackInput): UsageSeries[] {
  const colors = podColors(input.page);
  const keyOf = new Map([...input.page].sort().map((name, i) => [name, `p${i}`]));
  const parts: Record<string, readonly Point[]> = {};
  const series: UsageSeries[] = [];
  for (const name of input.top) {
    const points = input.points.get(name);
    const key = keyOf.get(name);
    if (!points || !key) continue;
    parts[key] = points;
    series.push({ key, label: name, color: colors.get(name) ?? 'var(--series-other)', points });
  }
  const { other } = input;
  if (other == null || ('rest' in other && other.rest.length === 0)) return series;
  let otherPoints: readonly Point[];
  if ('total' in other) {
    otherPoints = withOther(other.total, parts)[OTHER_KEY] ?? [];
  } else {
    const rest = other.rest.map((n) => input.points.get(n));
    // Not all of the rest has arrived: no sum yet rather than one that is too low.
    if (rest.some((p) => p == null)) return series;
    otherPoints = sumSeries(rest as (readonly Point[])[]);
  }
  const alone = series.length === 0;
  series.push({
    key: OTHER_KEY,
    label: alone ? t('namespace.allPods') : input.otherLabel,
    color: 'var(--series-other)',
    points: otherPoints,
    // With no pod of its own to dwarf, the total is the chart's main series.
    aside: !alone,
  });
  return series;
}
