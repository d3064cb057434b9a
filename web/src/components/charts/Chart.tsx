/**
 * The chart components the screens use. Each wraps a lazily loaded Recharts
 * implementation in Suspense with a same-height placeholder, so pages render
 * their numbers immediately and do not jump when the chart arrives.
 */
import { lazy, Suspense } from 'react';
import type { TimeSeriesChartProps } from './types';

const TimeSeriesChartImpl = lazy(() => import('./TimeSeriesChart'));

export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const height = props.height ?? 200;
  return (
    <figure className="chart">
      <figcaption className={props.hideTitle ? 'sr-only' : 'chart-title'}>{props.title}</figcaption>
      <Suspense fallback={<div className="chart-placeholder" style={{ height }} />}>
        <TimeSeriesChartImpl {...props} />
      </Suspense>
    </figure>
  );
}
