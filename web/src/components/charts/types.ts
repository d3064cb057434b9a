import type { HistorySpan } from '@kubeglance/shared/api';
import type { ChartRow } from '../../lib/series';

export interface ChartSeriesDef {
  /** Key in the rows (keep it free of dots: Recharts reads dots as paths). */
  key: string;
  label: string;
  /** Any CSS colour, including var(--x). */
  color: string;
  /**
   * Draw on a second axis at the right, as an unfilled dashed outline outside the stack:
   * for a remainder ("other pods") that would otherwise dwarf the series that matter. The
   * axis is labelled "other".
   */
  aside?: boolean;
  /** A dashed line without fill, never stacked (requests/limits over time). */
  line?: boolean;
}

export interface ChartReference {
  value: number;
  label: string;
  color: string;
  dashed?: boolean;
  /** Put the label under the line (for a line that may sit just below another). */
  labelBelow?: boolean;
}

export interface TimeSeriesChartProps {
  /** Accessible name of the chart. */
  title: string;
  rows: readonly ChartRow[];
  series: readonly ChartSeriesDef[];
  /** Stack the series (parts of a whole) instead of overlaying them. */
  stacked?: boolean;
  /** Horizontal lines: requests, limits, allocatable. */
  references?: readonly ChartReference[];
  /** Axis unit label, e.g. "cores" or "GiB". */
  unit: string;
  fromMs: number;
  toMs: number;
  height?: number;
  /** Axis text size in px (the wall screen needs larger text). */
  fontSize?: number;
  /** Keep the caption for screen readers only (the wall screen labels charts itself). */
  hideTitle?: boolean;
  /** Tick and tooltip text for a value (already in `unit`). */
  formatValue: (value: number) => string;
  /** Long ranges: where each stretch came from (marked on the chart and in its caption). */
  spans?: readonly HistorySpan[] | undefined;
  /** Not drawn yet: its same-height placeholder stands in (a page drawing its table first). */
  drawLater?: boolean;
}
