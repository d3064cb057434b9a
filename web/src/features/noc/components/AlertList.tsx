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
import { formatDataAge } from '../../../lib/staleness';

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
  const heights = useMeasuredHeights(list, width);
  const pages = alertPages(
    alerts.map((a) => heights.get(a.key)),
    height,
    GAP_VH * window.innerHeight,
    ALERT_EM * fontSize,
  );
  const page = tick % pages.length;
  const [start, end] = pages[page]!;
  const shown = alerts.slice(start, end);
  return (
    <section className="noc-panel noc-alerts" aria-label="Alerts">
      <h2>
        Alerts <span className="noc-count">{alerts.length}</span>
        {pages.length > 1 && (
          <span className="noc-subtle">
            {' '}
            · page {page + 1} of {pages.length}
          </span>
        )}
      </h2>
      <div ref={ref} className="noc-alerts-area">
        {alerts.length === 0 && unknownFor.length > 0 ? (
          <p className="noc-subtle">Alerts not known yet: waiting for {unknownFor.join(', ')}</p>
        ) : alerts.length === 0 ? (
          <p className="noc-all-clear">
            <span aria-hidden="true">✓ </span>No alerts
          </p>
        ) : (
          <ul ref={list}>
            {shown.map((a) => (
              <li key={a.key} data-key={a.key} className={`noc-alert noc-alert-${a.severity}`}>
                <span className="noc-alert-sev">
                  {a.severity === 'critical' ? '▲ CRITICAL' : '● WARNING'}
                </span>
                {a.href ? (
                  <a className="noc-alert-text" href={a.href}>
                    {a.text}
                  </a>
                ) : (
                  <span className="noc-alert-text">{a.text}</span>
                )}
                {a.startedMs != null && (
                  <span className="noc-alert-age">
                    for {formatDataAge(Math.max(0, now - a.startedMs))}
                  </span>
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
 * Heights (px) of the alerts on screen by key, measured after each render at this width; a
 * change re-renders at once (before paint), so an alert that turned out taller than its
 * estimate moves to the next page before anyone sees it cut.
 */
function useMeasuredHeights(list: RefObject<HTMLUListElement | null>, width: number) {
  const [heights, setHeights] = useState(() => new Map<string, number>());
  const widthOf = useRef(width);
  // After every render: what is on screen (alerts, their ages, the page) may change without
  // any dependency changing; the comparison below stops the chain once heights are known.
  // eslint-disable-next-line react-hooks/exhaustive-deps
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
  });
  return heights;
}
