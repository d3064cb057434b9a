/**
 * A tiny inline SVG trend line (no chart library: a table may hold hundreds).
 * `null` points break the line instead of dropping it to zero.
 */
import type { Point } from '@kubeglance/shared/api';

export interface SparkSeries {
  points: readonly Point[];
  /** Value at the top edge (e.g. allocatable); defaults to the series maximum. */
  max?: number | null;
  className: string;
}

interface SparklineProps {
  series: readonly SparkSeries[];
  /** Accessible description of the trend. */
  label: string;
  width?: number;
  height?: number;
  /** Time window shown, so lines of different length share one x axis. */
  fromMs: number;
  toMs: number;
}

export function Sparkline({
  series,
  label,
  width = 96,
  height = 22,
  fromMs,
  toMs,
}: SparklineProps) {
  const span = Math.max(1, toMs - fromMs);
  return (
    <svg
      className="sparkline"
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
    >
      {series.map((s) => (
        <path
          key={s.className}
          className={s.className}
          d={pathFor(s, width, height, fromMs, span)}
        />
      ))}
    </svg>
  );
}

function pathFor(s: SparkSeries, width: number, height: number, fromMs: number, span: number) {
  const known = s.points.flatMap(([, v]) => (v == null ? [] : [v]));
  const max = s.max != null && s.max > 0 ? s.max : Math.max(1, ...known);
  let d = '';
  let pen = false;
  for (const [t, v] of s.points) {
    if (v == null || t < fromMs) {
      pen = false;
      continue;
    }
    const x = ((t - fromMs) / span) * width;
    // 1px inset keeps the stroke inside the box at 0 % and 100 %.
    const y = height - 1 - Math.min(1, v / max) * (height - 2);
    d += `${pen ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
    pen = true;
  }
  return d;
}
