/** A cluster resource as one big percentage, the exact numbers, and its last hour. */
import { useRef } from 'react';
import type { Point } from '@kubeglance/shared/api';
import { TimeSeriesChart } from '../../../components/charts/Chart';
import { useElementSize } from '../../../hooks/useElementSize';
import { axisNumber, newestTime, toChartRows } from '../../../lib/series';

const HOUR_MS = 60 * 60_000;

interface BigStatProps {
  label: string;
  percent: number | null;
  /** "9.9 cores of 16 cores allocatable" */
  detail: string;
  /** "requests 45 % · limits 120 %" */
  secondary: string;
  points: readonly Point[];
  /** Divisor from API units to the chart unit. */
  scale: number;
  unit: string;
  allocatable: number;
  color: string;
}

export function BigStat(props: BigStatProps) {
  const { label, percent, points, scale, unit, allocatable, color } = props;
  const chartRef = useRef<HTMLDivElement>(null);
  const { height } = useElementSize(chartRef);
  const toMs = newestTime(points);
  return (
    <section className="noc-panel noc-big" aria-label={`${label} usage`}>
      <h2>{label}</h2>
      <p className="noc-big-number">
        {percent == null ? <span className="noc-unknown">no metrics</span> : `${percent}%`}
      </p>
      <p className="noc-big-detail">{props.detail}</p>
      <p className="noc-big-secondary">{props.secondary}</p>
      <div ref={chartRef} className="noc-big-chart">
        {toMs != null && height > 40 && (
          <TimeSeriesChart
            title={`${label} usage, last hour, in ${unit}`}
            hideTitle
            rows={toChartRows({ usage: points }, scale)}
            series={[{ key: 'usage', label: `${label} usage`, color }]}
            references={[
              { value: allocatable / scale, label: 'allocatable', color: 'var(--text-muted)' },
            ]}
            unit={unit}
            fromMs={toMs - HOUR_MS}
            toMs={toMs}
            height={Math.floor(height)}
            fontSize={Math.round(Math.min(28, Math.max(12, height / 11)))}
            formatValue={axisNumber}
          />
        )}
      </div>
    </section>
  );
}
