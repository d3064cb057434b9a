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
import { MiddleEllipsis } from '../MiddleEllipsis';
import { sourceCaption } from '../../lib/historySource';
import type { ChartSeriesDef, TimeSeriesChartProps } from './types';
import { dateTimeFormat } from '../../i18n/format';
import { t } from '../../i18n/t';

const TimeSeriesChartImpl = lazy(() => import('./TimeSeriesChart'));

const SINCE: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const SOURCE: Intl.DateTimeFormatOptions = { weekday: 'short', hour: '2-digit', minute: '2-digit' };
const sinceFormat = () => dateTimeFormat(SINCE);
const sourceFormat = () => dateTimeFormat(SOURCE);

export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const height = props.height ?? 200;
  const [drawn, setDrawn] = useState(false);
  const onDrawn = useCallback(() => setDrawn(true), []);
  const since = props.spans ? null : collectingSince(props.rows, props.fromMs, props.toMs);
  const source = sourceCaption(props.spans, (ms) => sourceFormat().format(ms));
  const placeholder = <div className="chart-placeholder" style={{ height }} />;
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
          {props.drawLater ? (
            placeholder
          ) : (
            <Suspense fallback={placeholder}>
              <TimeSeriesChartImpl {...props} onDrawn={onDrawn} />
            </Suspense>
          )}
        </div>
      </div>
      {props.series.length > 1 && <ChartLegend series={props.series} />}
      {/* The axis spans the whole range on purpose (no data, no line); this says why the
          left part is empty while the server has not been up that long. Below the plot, so
          it can never cover a reference label or the data. The wall screen's charts have a
          fixed height and no room below; its header says how old its data is. */}
      {since != null && props.fontSize == null && (
        <p className="chart-collecting">
          {t('charts.collectingSince', { time: sinceFormat().format(since) })}
        </p>
      )}
      {source && (
        <p className="chart-source" data-testid="chart-source">
          {source}
        </p>
      )}
    </figure>
  );
}

/**
 * The series' names in the page's text colour (AA contrast on any theme; series colours
 * are for the swatch only). Hidden from assistive tech: the figure's name lists them. A
 * grid of equal cells, a long name cut in the middle (its hash stays): the legend keeps its
 * height while the top pods change, so the page below does not jump.
 */
function ChartLegend({ series }: { series: readonly ChartSeriesDef[] }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {series.map((s) => (
        <li key={s.key} data-key={s.key}>
          <span
            className={s.aside ? 'chart-swatch chart-swatch-aside' : 'chart-swatch'}
            style={s.aside ? { borderColor: s.color } : { background: s.color }}
          />
          {/* Pod names keep their hash; words ("other pods") are cut at the end. */}
          {s.label.includes(' ') ? (
            <span className="chart-legend-label chart-legend-words" title={s.label}>
              {s.label}
            </span>
          ) : (
            <MiddleEllipsis className="chart-legend-label" text={s.label} />
          )}
          {s.aside && <span className="muted"> {t('charts.rightAxis')}</span>}
        </li>
      ))}
    </ul>
  );
}
