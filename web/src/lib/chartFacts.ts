/**
 * What a chart says, in words and numbers, for the parts of a chart that are not
 * the picture: its accessible name, whether sparse data needs dots, and since when
 * history has been collected (a young server has only minutes of a 1 h range).
 */
import type { ChartRow } from './series';
import { t } from '../i18n/t';

interface Named {
  key: string;
  label: string;
}

/** The newest non-null value of `key` (rows are in time order), or null. */
export function latestValue(rows: readonly ChartRow[], key: string): number | null {
  for (let i = rows.length - 1; i >= 0; i--) {
    const v = rows[i]?.[key];
    if (v != null) return v;
  }
  return null;
}

/** How many rows carry a value for `key`. */
export function knownCount(rows: readonly ChartRow[], key: string): number {
  let n = 0;
  for (const r of rows) if (r[key] != null) n++;
  return n;
}

/**
 * "CPU, last 15m, in cores. Latest: usage 0.28 cores, other pods 1.2 cores": title,
 * then each series' newest value (an unknown one is said to be unknown, never 0).
 */
export function chartLabel(
  title: string,
  rows: readonly ChartRow[],
  series: readonly Named[],
  format: (v: number) => string,
  unit: string,
): string {
  if (!rows.some((r) => series.some((s) => r[s.key] != null)))
    return t('charts.label.noData', { title });
  const parts = series.map((s) => {
    const v = latestValue(rows, s.key);
    return `${s.label} ${v == null ? t('common.unknown') : `${format(v)} ${unit}`}`;
  });
  return t('charts.label.latest', { title, values: parts.join(t('common.listSeparator')) });
}

/**
 * Time of the first sample when it lies inside the range, far enough from its
 * start (more than 5 % of the span) that the empty left part needs explaining.
 */
export function collectingSince(
  rows: readonly ChartRow[],
  fromMs: number,
  toMs: number,
): number | null {
  const first = rows[0]?.t;
  if (first == null) return null;
  return first - fromMs > (toMs - fromMs) * 0.05 ? first : null;
}
