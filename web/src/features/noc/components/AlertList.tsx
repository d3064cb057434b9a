/**
 * Alerts, worst first. As many whole alerts as fit the panel are shown; when there are more,
 * the list pages through them on the rotation tick instead of cutting them off. Each alert's
 * height is measured as laid out (a long title wraps onto more lines, never cut), so a page
 * never ends in half an alert.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useElementSize } from '../../../hooks/useElementSize';
import { alertPages } from '../alertPages';
import type { NocAlert } from '../nocAlerts';
import { t } from '../../../i18n/t';
import { formatDuration } from '../../../i18n/format';

interface AlertListProps {
  alerts: readonly NocAlert[];
  /** Clusters whose alerts are not known yet (no data): never say "No alerts" then. */
  unknownFor?: readonly string[];
  tick: number;
  /** Browser time now: alert ages advance with it. */
  now: number;
}

// Height of an alert not measured yet, in em: a title, its age, a detail line, spacing.
const ALERT_EM = 4.8;
// The list's row gap (.noc-alerts ul), as a share of the viewport height.
const GAP_VH = 0.008;

export function AlertList({ alerts, unknownFor = [], tick, now }: AlertListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const { width, height, fontSize } = useElementSize(ref);
  const [heights, setHeights] = useState(() => new Map<string, number>());
  const pages = alertPages(
    alerts.map((a) => heights.get(a.key)),
    height,
    GAP_VH * window.innerHeight,
    ALERT_EM * fontSize,
  );
  const page = tick % pages.length;
  const [start, end] = pages[page]!;
  const shown = alerts.slice(start, end);
  const ages = shown.map((a) =>
    a.startedMs == null ? null : formatDuration(Math.max(0, now - a.startedMs)),
  );
  // What the measured heights depend on: the alerts on screen as drawn, and the room.
  const onScreen = JSON.stringify([
    shown.map((a, i) => [a.key, a.severity, a.text, a.detail, a.href, ages[i]]),
    fontSize,
    window.innerWidth,
    window.innerHeight,
  ]);
  useMeasuredHeights(list, width, onScreen, heights, setHeights);
  return (
    <section className="noc-panel noc-alerts" aria-label={t('noc.alerts')}>
      <h2>
        {t('noc.alerts')} <span className="noc-count">{alerts.length}</span>
        {pages.length > 1 && (
          <span className="noc-subtle">
            {' · '}
            {t('noc.pageOf', { page: page + 1, pages: pages.length })}
          </span>
        )}
      </h2>
      <div ref={ref} className="noc-alerts-area">
        {alerts.length === 0 && unknownFor.length > 0 ? (
          <p className="noc-subtle">
            {t('noc.alertsUnknown', { clusters: unknownFor.join(t('common.listSeparator')) })}
          </p>
        ) : alerts.length === 0 ? (
          <p className="noc-all-clear">
            <span aria-hidden="true">✓ </span>
            {t('noc.noAlerts')}
          </p>
        ) : (
          <ul ref={list}>
            {shown.map((a, i) => (
              <li key={a.key} data-key={a.key} className={`noc-alert noc-alert-${a.severity}`}>
                <span className="noc-alert-sev">
                  {a.severity === 'critical' ? `▲ ${t('noc.critical')}` : `● ${t('noc.warning')}`}
                </span>
                {a.href ? (
                  <a className="noc-alert-text" href={a.href}>
                    {a.text}
                  </a>
                ) : (
                  <span className="noc-alert-text">{a.text}</span>
                )}
                {ages[i] != null && (
                  <span className="noc-alert-age">{t('noc.forAge', { age: ages[i] })}</span>
                )}
                {a.detail && <span className="noc-alert-detail">{a.detail}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/**
 * Measures the heights (px) of the alerts on screen by key after a render that changed what
 * is on screen (`onScreen`: the alerts' texts and ages, the page, the font size, the
 * viewport) or the list's width; a change re-renders at once (before paint), so an alert
 * that turned out taller than its estimate moves to the next page before anyone sees it cut.
 * Reading heights makes the browser lay the page out there and then, so it is not done after
 * the renders (a sample, the clock) that leave the list as it was.
 */
function useMeasuredHeights(
  list: RefObject<HTMLUListElement | null>,
  width: number,
  onScreen: string,
  heights: ReadonlyMap<string, number>,
  setHeights: (next: Map<string, number>) => void,
) {
  const widthOf = useRef(width);
  // `heights` is left out on purpose: new heights re-render the list, and only when that
  // changes what is on screen (another page split) is there anything new to measure.
  useLayoutEffect(() => {
    const fresh = widthOf.current !== width;
    widthOf.current = width;
    const next = new Map(fresh ? [] : heights);
    for (const li of Array.from(list.current?.children ?? []) as HTMLElement[]) {
      const key = li.dataset.key;
      if (key != null) next.set(key, li.getBoundingClientRect().height);
    }
    const changed =
      next.size !== heights.size ||
      [...next].some(([k, h]) => Math.abs((heights.get(k) ?? -1) - h) > 0.5);
    if (changed) setHeights(next);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list, width, onScreen]);
}
