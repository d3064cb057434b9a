/**
 * Fewer points for a chart than a series has samples: an hour at 1 s is 3,600 points for a
 * plot a few hundred pixels wide, and the chart library's work grows with every one of them.
 */
import type { Point } from '@kubeglance/shared/api';

/**
 * About `columns` points of `points` (in time order) over `[fromMs, toMs]`: the range is cut
 * into `columns / 2` equal time buckets, aligned to the epoch so a bucket keeps its
 * bounds while the range slides, and each bucket keeps its lowest and its highest sample (a
 * spike stays visible) plus its first gap (`null`), so a gap is still drawn as one. A run of
 * gaps becomes one gap. The first and the last point are always kept, so the newest value
 * and where the data starts read the same as from the whole series. Kept points are samples
 * as they were, never averages. Returns `points` itself when it is short enough.
 */
export function downsamplePoints(
  points: readonly Point[],
  fromMs: number,
  toMs: number,
  columns: number,
): readonly Point[] {
  if (columns < 2 || points.length <= columns) return points;
  const bucketMs = Math.max(1, Math.ceil((toMs - fromMs) / Math.floor(columns / 2)));
  const out: Point[] = [];
  const keep = (i: number) => {
    const p = points[i]!;
    const last = out[out.length - 1];
    // One gap is enough to break the line; several in a row add nothing.
    if (p[1] == null && last && last[1] == null && i !== points.length - 1) return;
    out.push(p);
  };
  let bucket = NaN;
  let min = -1;
  let max = -1;
  let gap = -1;
  const flush = () => {
    const picked = [min, max, gap].filter((i) => i >= 0).sort((a, b) => a - b);
    picked.forEach((i, k) => {
      if (i !== picked[k - 1]) keep(i);
    });
  };
  for (let i = 0; i < points.length; i++) {
    const [t, v] = points[i]!;
    const b = Math.floor(t / bucketMs);
    if (b !== bucket) {
      flush();
      bucket = b;
      min = max = gap = -1;
      if (i === 0) {
        // The first point stays whatever its value: it says where the series starts.
        keep(0);
        continue;
      }
    }
    if (v == null) {
      if (gap < 0) gap = i;
    } else {
      if (min < 0 || v < points[min]![1]!) min = i;
      if (max < 0 || v > points[max]![1]!) max = i;
    }
  }
  flush();
  const lastIndex = points.length - 1;
  if (out[out.length - 1] !== points[lastIndex]) keep(lastIndex);
  return out;
}
