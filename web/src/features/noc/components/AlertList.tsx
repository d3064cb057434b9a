/**
 * Alerts, worst first. As many as fit the panel are shown; when there are more,
 * the list pages through them on the rotation tick instead of cutting them off.
 */
import { useRef } from 'react';
import { useElementSize } from '../../../hooks/useElementSize';
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
    <section className="noc-panel noc-alerts" aria-label={t('noc.alerts')}>
      <h2>
        {t('noc.alerts')} <span className="noc-count">{alerts.length}</span>
        {pages > 1 && (
          <span className="noc-subtle"> · {t('noc.pageOf', { page: page + 1, pages })}</span>
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
          <ul>
            {shown.map((a) => (
              <li key={a.key} className={`noc-alert noc-alert-${a.severity}`}>
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
                {a.startedMs != null && (
                  <span className="noc-alert-age">
                    {t('noc.forAge', { age: formatDuration(Math.max(0, now - a.startedMs)) })}
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
