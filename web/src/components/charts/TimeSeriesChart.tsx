/**
 * Area chart over time with optional reference lines. Loaded lazily (see
 * Chart.tsx) so Recharts stays out of the first JS a browser downloads.
 */
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { timeTicks, type ChartRow } from '../../lib/series';
import type { TimeSeriesChartProps } from './types';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const fullTimeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export default function TimeSeriesChart(props: TimeSeriesChartProps) {
  const { rows, series, stacked, references = [], unit, fromMs, toMs, formatValue } = props;
  const fontSize = props.fontSize ?? 11;
  return (
    <AreaChart
      responsive
      style={{ width: '100%', height: props.height ?? 200 }}
      data={rows as ChartRow[]}
      margin={{ top: 8, right: 12, bottom: 0, left: 4 }}
      title={props.title}
    >
      <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={[fromMs, toMs]}
        allowDataOverflow
        ticks={timeTicks(fromMs, toMs)}
        tickFormatter={(t: number) => timeFormat.format(t)}
        stroke="var(--text-muted)"
        fontSize={fontSize}
      />
      <YAxis
        // Nice ticks from the data; reference lines above it extend the domain themselves.
        domain={[0, 'auto']}
        tickFormatter={(v: number) => formatValue(v)}
        stroke="var(--text-muted)"
        fontSize={fontSize}
        width={fontSize * 5}
        label={{
          value: unit,
          angle: -90,
          position: 'insideLeft',
          fill: 'var(--text-muted)',
          fontSize,
        }}
      />
      <Tooltip
        labelFormatter={(t) => fullTimeFormat.format(Number(t))}
        formatter={(v) => (typeof v === 'number' ? `${formatValue(v)} ${unit}` : 'no data')}
        contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)' }}
      />
      {series.length > 1 && <Legend wrapperStyle={{ fontSize: fontSize + 1 }} />}
      {series.map((s) => (
        <Area
          key={s.key}
          dataKey={s.key}
          name={s.label}
          stroke={s.color}
          fill={s.color}
          fillOpacity={stacked ? 0.55 : 0.18}
          strokeWidth={1.5}
          stackId={stacked ? 'stack' : undefined}
          isAnimationActive={false}
          connectNulls={false}
          type="monotone"
        />
      ))}
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
