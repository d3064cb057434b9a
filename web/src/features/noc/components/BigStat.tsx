/** A cluster resource as one big percentage, the exact numbers, and its last hour. */
import { memo, useMemo, useRef } from 'react';
import type { Point } from '@kubeglance/shared/api';
import { UsageChart } from '../../../components/charts/UsageChart';
import { useElementSize } from '../../../hooks/useElementSize';
import { downsamplePoints } from '../../../lib/downsample';
import { newestTime } from '../../../lib/series';
import { nocMinFontPx } from './NodeHeatmap';
import { t } from '../../../i18n/t';

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
  /** The language on screen: drawn again in a new one. */
  language: string;
}

/** Memoised: the wall screen's clock re-renders the page every second, a sample far less. */
export const BigStat = memo(function BigStat(props: BigStatProps) {
  const { label, percent, metric, points, allocatable, color } = props;
  const chartRef = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(chartRef);
  const toMs = newestTime(points);
  // An hour at a 1 s resolution is 3,600 points for a plot a few hundred pixels wide: the
  // chart gets about one per pixel column (spikes, gaps and the newest value kept).
  const drawn = useMemo(
    () =>
      toMs == null ? points : downsamplePoints(points, toMs - HOUR_MS, toMs, Math.floor(width)),
    [points, toMs, width],
  );
  return (
    <section className="noc-panel noc-big" aria-label={t('tile.usageLabel', { title: label })}>
      <h2>{label}</h2>
      {/* One image-like name for the number, read as a sentence rather than "28%". */}
      <p
        className="noc-big-number"
        role="img"
        aria-label={
          percent == null
            ? t('noc.bigNoMetrics', { label })
            : props.partial
              ? t('noc.bigUsedOn', { label, percent, partial: props.partial })
              : t('noc.bigUsed', { label, percent })
        }
      >
        {percent == null ? (
          <span className="noc-unknown">{t('common.noMetrics')}</span>
        ) : (
          `${percent}%`
        )}
      </p>
      {props.partial && (
        <p className="noc-big-partial">
          <span aria-hidden="true">◐ </span>
          {t('noc.partial', { partial: props.partial })}
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
            title={t('noc.usageLastHour', { label })}
            hideTitle
            series={[
              {
                key: 'usage',
                label: t('tile.usageLabel', { title: label }),
                color,
                points: drawn,
              },
            ]}
            references={[
              { value: allocatable, label: t('charts.allocatable'), color: 'var(--text-muted)' },
            ]}
            fromMs={toMs - HOUR_MS}
            toMs={toMs}
            height={Math.floor(height)}
            fontSize={Math.ceil(Math.max(nocMinFontPx(), Math.min(2 * nocMinFontPx(), height / 9)))}
          />
        )}
      </div>
    </section>
  );
});
