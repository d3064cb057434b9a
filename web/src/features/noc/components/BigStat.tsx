/** A cluster resource as one big percentage, the exact numbers, and its last hour. */
import { useRef } from 'react';
import type { Point } from '@kubeglance/shared/api';
import { UsageChart } from '../../../components/charts/UsageChart';
import { useElementSize } from '../../../hooks/useElementSize';
import { newestTime } from '../../../lib/series';
import { nocMinFontPx } from './NodeHeatmap';

const HOUR_MS = 60 * 60_000;
/** The least chart height worth drawing, in wall-screen minimum font sizes. */
const CHART_MIN_FONTS = 3.5;

interface BigStatProps {
  label: string;
  percent: number | null;
  /** "9.9 cores of 16 cores allocatable" */
  detail: string;
  /** "requests 45 % · limits 120 %" */
  secondary: string;
  metric: 'cpu' | 'memory';
  /** In API units (millicores, bytes). */
  points: readonly Point[];
  allocatable: number;
  color: string;
  /** "55 of 60 nodes": the number covers only part of the cluster. */
  partial?: string | null;
}

export function BigStat(props: BigStatProps) {
  const { label, percent, metric, points, allocatable, color } = props;
  const chartRef = useRef<HTMLDivElement>(null);
  const { height } = useElementSize(chartRef);
  const toMs = newestTime(points);
  return (
    <section className="noc-panel noc-big" aria-label={`${label} usage`}>
      <h2>{label}</h2>
      {/* One image-like name for the number, read as a sentence rather than "28%". */}
      <p
        className="noc-big-number"
        role="img"
        aria-label={
          percent == null
            ? `${label}: no metrics`
            : `${label} ${percent}% used${props.partial ? ` on ${props.partial}` : ''}`
        }
      >
        {percent == null ? <span className="noc-unknown">no metrics</span> : `${percent}%`}
      </p>
      {props.partial && (
        <p className="noc-big-partial">
          <span aria-hidden="true">◐ </span>partial: {props.partial}
        </p>
      )}
      <p className="noc-big-detail">{props.detail}</p>
      <p className="noc-big-secondary">{props.secondary}</p>
      <div ref={chartRef} className="noc-big-chart">
        {/* A chart needs room for its tick labels at the wall's minimum font size and a
            plot between them; a thinner one is left out rather than drawn unreadable. */}
        {toMs != null && height >= CHART_MIN_FONTS * nocMinFontPx() && (
          <UsageChart
            metric={metric}
            title={`${label} usage, last hour`}
            hideTitle
            series={[{ key: 'usage', label: `${label} usage`, color, points }]}
            references={[{ value: allocatable, label: 'allocatable', color: 'var(--text-muted)' }]}
            fromMs={toMs - HOUR_MS}
            toMs={toMs}
            height={Math.floor(height)}
            fontSize={Math.ceil(Math.max(nocMinFontPx(), Math.min(2 * nocMinFontPx(), height / 9)))}
          />
        )}
      </div>
    </section>
  );
}
