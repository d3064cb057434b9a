/**
 * Area chart over time with optional reference lines. Loaded lazily (see
 * Chart.tsx) so Recharts stays out of the first JS a browser downloads.
 */
import { useEffect } from 'react';
import {
  Area,
  AreaChart,
  CartesianGrid,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  usePlotArea,
} from 'recharts';
import { knownCount } from '../../lib/chartFacts';
import { memorySpan } from '../../lib/historySource';
import { timeTicks, type ChartRow } from '../../lib/series';
import type { TimeSeriesChartProps } from './types';
import { dateTimeFormat } from '../../i18n/format';
import { t } from '../../i18n/t';

// Constant options: dateTimeFormat finds its cached format by the object.
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const FULL_TIME: Intl.DateTimeFormatOptions = {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
};
// Ranges over a day label ticks with the day.
const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric' };
const DAY_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};
const timeFormat = () => dateTimeFormat(TIME);
const fullTimeFormat = () => dateTimeFormat(FULL_TIME);
const dayFormat = () => dateTimeFormat(DAY);
const dayTimeFormat = () => dateTimeFormat(DAY_TIME);
const DAY_MS = 86_400_000;

// Below this many samples a series is drawn with dots: one or two points make no
// visible line on a full-range axis, and the first minutes would look empty.
const DOTS_BELOW = 10;

interface ImplProps extends TimeSeriesChartProps {
  /** Called once the plot area has a size, i.e. the SVG is drawn. */
  onDrawn: () => void;
}

export default function TimeSeriesChart(props: ImplProps) {
  const { rows, series, stacked, references = [], unit, fromMs, toMs, formatValue } = props;
  const fontSize = props.fontSize ?? 11;
  const long = toMs - fromMs > DAY_MS;
  const memory = memorySpan(props.spans);
  const aside = series.find((s) => s.aside);
  const xAxisHeight = Math.max(30, Math.ceil(fontSize * 1.4) + 8);
  // The unit reads up the side of the plot at page sizes. A wall screen's large text would
  // reach past the chart's left edge when turned on its side, and a short plot cuts it to
  // "cor": there each tick carries the unit instead.
  const unitFits =
    fontSize <= 16 &&
    (props.height ?? 200) - xAxisHeight - 8 >= (0.62 * unit.length + 1) * fontSize;
  const tick = (v: number) => (unitFits ? formatValue(v) : `${formatValue(v)} ${unit}`);
  // Wide enough for the longest tick (the top one, a nice number above the data).
  const stackedKeys = stacked ? series.filter((s) => !s.aside && !s.line).map((s) => s.key) : [];
  const top = Math.max(
    0,
    ...references.map((r) => r.value),
    ...rows.map((row) => rowTop(row, stackedKeys)),
  );
  const axisWidth = fontSize * Math.max(5, 0.62 * tick(top * 1.2).length + (unitFits ? 1.8 : 0.8));
  return (
    <AreaChart
      responsive
      style={{ width: '100%', height: props.height ?? 200 }}
      data={rows as ChartRow[]}
      margin={{ top: 8, right: aside ? 4 : 12, bottom: 0, left: 4 }}
      // The wrapping <figure> is the accessible chart; no keyboard surface of its own.
      accessibilityLayer={false}
    >
      <DrawnSignal onDrawn={props.onDrawn} />
      <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={[fromMs, toMs]}
        allowDataOverflow
        ticks={timeTicks(fromMs, toMs)}
        tickFormatter={(t: number) => (long ? dayFormat : timeFormat)().format(t)}
        stroke="var(--text-muted)"
        fontSize={fontSize}
        // Room for the tick labels at large (wall-screen) font sizes; Recharts' default is 30.
        height={xAxisHeight}
      />
      <YAxis
        // Nice ticks from the data; reference lines above it extend the domain themselves.
        domain={[0, 'auto']}
        tickFormatter={tick}
        stroke="var(--text-muted)"
        fontSize={fontSize}
        width={axisWidth}
        label={
          unitFits
            ? {
                value: unit,
                angle: -90,
                position: 'insideLeft',
                fill: 'var(--text-muted)',
                fontSize,
              }
            : undefined
        }
      />
      {aside && (
        <YAxis
          yAxisId="aside"
          orientation="right"
          domain={[0, 'auto']}
          tickFormatter={(v: number) => formatValue(v)}
          stroke="var(--text-muted)"
          fontSize={fontSize}
          width={fontSize * 5}
          label={{
            // Short: the legend names the series; a long name would be cut at the edge.
            value: t('charts.otherAxis', { unit }),
            angle: 90,
            position: 'insideRight',
            fill: 'var(--text-muted)',
            fontSize,
          }}
        />
      )}
      <Tooltip
        labelFormatter={(t) => (long ? dayTimeFormat : fullTimeFormat)().format(Number(t))}
        formatter={(v) =>
          typeof v === 'number' ? `${formatValue(v)} ${unit}` : t('charts.noData')
        }
        contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)' }}
      />
      {/* The legend is HTML beside the chart (Chart.tsx): text in the page's text colour. */}
      {series.map((s) => (
        <Area
          dot={knownCount(rows, s.key) < DOTS_BELOW ? { r: 2.5, fillOpacity: 1 } : false}
          key={s.key}
          dataKey={s.key}
          name={s.label}
          stroke={s.color}
          fill={s.aside ? 'none' : s.color}
          fillOpacity={s.aside || s.line ? 0 : stacked ? 0.55 : 0.18}
          strokeWidth={s.aside ? 2 : 1.5}
          strokeDasharray={s.aside ? '5 3' : s.line ? '6 4' : undefined}
          yAxisId={s.aside ? 'aside' : 0}
          stackId={stacked && !s.aside && !s.line ? 'stack' : undefined}
          isAnimationActive={false}
          connectNulls={false}
          type="monotone"
        />
      ))}
      {memory && props.spans && props.spans.length > 1 && (
        // The stretch from kubeglance's own memory, shaded; the rest came from Prometheus.
        <ReferenceArea
          x1={memory.fromMs}
          x2={Math.max(memory.toMs, toMs)}
          fill="var(--text-muted)"
          fillOpacity={0.12}
          ifOverflow="hidden"
          // Named only where the stretch is wide enough for the word (the caption says it too).
          label={
            (toMs - memory.fromMs) / (toMs - fromMs) >= 0.15
              ? { value: 'memory', position: 'insideTopLeft', fill: 'var(--text-muted)', fontSize }
              : undefined
          }
        />
      )}
      {references.map((r) => (
        <ReferenceLine
          key={r.label}
          y={r.value}
          stroke={r.color}
          strokeDasharray={r.dashed ? '6 4' : undefined}
          ifOverflow="extendDomain"
          label={{
            value: r.label,
            position: r.labelBelow ? 'insideBottomRight' : 'insideTopRight',
            fill: r.color,
            fontSize,
          }}
        />
      ))}
    </AreaChart>
  );
}

/** Tells the figure the chart is drawn: the plot area exists only once measured. */
function DrawnSignal({ onDrawn }: { onDrawn: () => void }) {
  const plot = usePlotArea();
  const ready = plot != null && plot.width > 0;
  useEffect(() => {
    if (ready) onDrawn();
  }, [ready, onDrawn]);
  return null;
}

/** The highest point of a chart row: its largest value, or its stacked series' sum. */
function rowTop(row: ChartRow, stackedKeys: readonly string[]): number {
  let max = 0;
  for (const [key, v] of Object.entries(row)) if (key !== 't' && v != null && v > max) max = v;
  const sum = stackedKeys.reduce((acc, key) => acc + (row[key] ?? 0), 0);
  return Math.max(max, sum);
}
