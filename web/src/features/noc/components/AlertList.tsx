/**
 * Alerts, worst first. As many as fit the panel are shown; when there are more,
 * the list pages through them on the rotation tick instead of cutting them off.
 */
import { useRef } from 'react';
import { useElementSize } from '../../../hooks/useElementSize';
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

// Height of one alert in em: a (possibly wrapped) title, its age, a detail line, spacing.
const ALERT_EM = 4.8;

export function AlertList({ alerts, unknownFor = [], tick, now }: AlertListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const { height, fontSize } = useElementSize(ref);
  const pageSize = Math.max(1, Math.floor(height / (ALERT_EM * fontSize)));
  const pages = Math.max(1, Math.ceil(alerts.length / pageSize));
  const page = tick % pages;
  const shown = alerts.slice(page * pageSize, (page + 1) * pageSize);
  return (
    <section className="noc-panel noc-alerts" aria-label="Alerts">
      <h2>
        Alerts <span className="noc-count">{alerts.length}</span>
        {pages > 1 && (
          <span className="noc-subtle">
            {' '}
            · page {page + 1} of {pages}
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
          <ul>
            {shown.map((a) => (
              <li key={a.key} className={`noc-alert noc-alert-${a.severity}`}>
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
