/**
 * CPU or memory over time from API units (millicores, bytes): picks a readable
 * unit for the values shown and labels the axis and title with it.
 */
import type { HistorySpan, Point } from '@kubeglance/shared/api';
import { axisNumber, chartUnit, maxValue, toChartRows } from '../../lib/series';
import { TimeSeriesChart } from './Chart';
import type { ChartReference } from './types';
import { t } from '../../i18n/t';

export interface UsageSeries {
  key: string;
  label: string;
  color: string;
  points: readonly Point[];
  /** On its own right-hand axis, as an outline (see ChartSeriesDef.aside). */
  aside?: boolean;
  /** A dashed line without fill, never stacked (requests/limits over time). */
  line?: boolean;
}

interface UsageChartProps {
  metric: 'cpu' | 'memory';
  /** Without the unit: ", in cores" is appended. */
  title: string;
  series: readonly UsageSeries[];
  /** Values in API units. */
  references?: readonly ChartReference[];
  stacked?: boolean;
  fromMs: number;
  toMs: number;
  height?: number;
  fontSize?: number;
  hideTitle?: boolean;
  spans?: readonly HistorySpan[] | undefined;
  drawLater?: boolean;
}

export function UsageChart({
  metric,
  title,
  series,
  references = [],
  stacked,
  ...rest
}: UsageChartProps) {
  // One unit for both axes, chosen by the series that matter (the left axis): "other pods"
  // in thousands of millicores reads fine, top pods in hundredths of a core do not.
  const main = series.some((s) => !s.aside) ? series.filter((s) => !s.aside) : series;
  const top = stacked
    ? maxValue(
        [
          sumPoints(main.filter((s) => !s.line).map((s) => s.points)),
          ...main.filter((s) => s.line).map((s) => s.points),
        ],
        references.map((r) => r.value),
      )
    : maxValue(
        main.map((s) => s.points),
        references.map((r) => r.value),
      );
  const { scale, unit } = chartUnit(metric, top);
  return (
    <TimeSeriesChart
      {...rest}
      title={t('charts.titleIn', { title, unit })}
      rows={toChartRows(Object.fromEntries(series.map((s) => [s.key, s.points])), scale)}
      series={series}
      stacked={stacked}
      references={references.map((r) => ({ ...r, value: r.value / scale }))}
      unit={unit}
      formatValue={axisNumber}
    />
  );
}

/** Point-wise sum (for the top of a stack); unknowns count as nothing. */
function sumPoints(all: readonly (readonly Point[])[]): Point[] {
  const sums = new Map<number, number>();
  for (const points of all) for (const [t, v] of points) sums.set(t, (sums.get(t) ?? 0) + (v ?? 0));
  return [...sums.entries()];
}
