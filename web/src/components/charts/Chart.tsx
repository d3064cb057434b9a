/**
 * The chart components the screens use. Each wraps a lazily loaded Recharts
 * implementation in Suspense with a same-height placeholder, so pages render
 * their numbers immediately and do not jump when the chart arrives.
 *
 * For assistive tech the chart is one named figure: "title. Latest: …". The
 * Recharts drawing is hidden from it (its own "application" surface announces
 * nothing useful). `aria-busy` stays true until the drawing is on screen.
 */
import { lazy, Suspense, useCallback, useState } from 'react';
import { chartLabel, collectingSince } from '../../lib/chartFacts';
import { sourceCaption } from '../../lib/historySource';
import type { TimeSeriesChartProps } from './types';

const TimeSeriesChartImpl = lazy(() => import('./TimeSeriesChart'));

const sinceFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const sourceFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const height = props.height ?? 200;
  const fontSize = props.fontSize ?? 11;
  const [drawn, setDrawn] = useState(false);
  const onDrawn = useCallback(() => setDrawn(true), []);
  const since = props.spans ? null : collectingSince(props.rows, props.fromMs, props.toMs);
  const source = sourceCaption(props.spans, (ms) => sourceFormat.format(ms));
  return (
    <figure
      className="chart"
      aria-label={chartLabel(props.title, props.rows, props.series, props.formatValue, props.unit)}
      aria-busy={!drawn}
    >
      <figcaption className={props.hideTitle ? 'sr-only' : 'chart-title'} aria-hidden="true">
        {props.title}
      </figcaption>
      <div className="chart-body">
        <div aria-hidden="true">
          <Suspense fallback={<div className="chart-placeholder" style={{ height }} />}>
            <TimeSeriesChartImpl {...props} onDrawn={onDrawn} />
          </Suspense>
        </div>
        {/* The axis spans the whole range on purpose (no data, no line); this says why
            the left part is empty while the server has not been up that long. Placed at the
            bottom left, the empty part, clear of the reference labels along the top. */}
        {/* Only where the plot has room for it below the reference labels. */}
        {since != null && height >= fontSize * 9 && (
          <span
            className="chart-collecting"
            style={{ left: fontSize * 5 + 12, bottom: fontSize * 2 + 14, fontSize }}
          >
            collecting history since {sinceFormat.format(since)}
          </span>
        )}
      </div>
      {source && (
        <p className="chart-source" data-testid="chart-source">
          {source}
        </p>
      )}
    </figure>
  );
}
