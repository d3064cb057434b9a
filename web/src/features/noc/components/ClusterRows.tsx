/** One compact row per cluster: the first wall-screen page when there are several. */
import type { LiveCluster } from '../../../api/liveState';
import { dataAgeAt } from '../../../lib/staleness';
import { hottestNode, resourceWord } from '../nocAlerts';
import { alertsOf } from '../alerts';
import { clusterStale } from '../staleness';
import { t } from '../../../i18n/t';
import { formatAgo } from '../../../i18n/format';

interface ClusterRowsProps {
  names: readonly string[];
  clusters: Readonly<Record<string, LiveCluster>>;
  unknown: readonly string[];
  namespaces: readonly string[];
  now: number;
}

export function ClusterRows({ names, clusters, unknown, namespaces, now }: ClusterRowsProps) {
  // The box scrolls sideways on a phone, where seven columns cannot fit.
  return (
    <div className="noc-rows-scroll">
      <table className="noc-rows" aria-label={t('noc.clusters')}>
        <thead>
          <tr>
            <th scope="col">{t('header.cluster')}</th>
            <th scope="col">{t('columns.status')}</th>
            <th scope="col">CPU</th>
            <th scope="col">{t('common.memory')}</th>
            <th scope="col">{t('noc.hottestNode')}</th>
            <th scope="col">{t('noc.alerts')}</th>
            <th scope="col">{t('noc.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => {
            const c = clusters[name];
            if (unknown.includes(name)) {
              return (
                <tr key={name} className="noc-row-bad">
                  <th scope="row">{name}</th>
                  <td colSpan={6}>
                    <span className="noc-state noc-state-bad">
                      <span aria-hidden="true">▲ </span>
                      {t('noc.unknownClusterUpper')}
                    </span>{' '}
                    {t('noc.notConfigured')}
                  </td>
                </tr>
              );
            }
            if (!c) {
              return (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td colSpan={6} className="noc-subtle">
                    {t('noc.waitingForData')}
                  </td>
                </tr>
              );
            }
            return <ClusterRow key={name} cluster={c} namespaces={namespaces} now={now} />;
          })}
        </tbody>
      </table>
    </div>
  );
}

function ClusterRow({
  cluster: c,
  namespaces,
  now,
}: {
  cluster: LiveCluster;
  namespaces: readonly string[];
  now: number;
}) {
  const stale = clusterStale(c, now);
  const age = dataAgeAt(c, now);
  const hot = hottestNode(c.nodes);
  const alerts = alertsOf(c, namespaces);
  const state = stale ? t('common.staleMark') : t(`noc.state.${c.status.state}`);
  const bad = stale || c.status.state === 'down' || c.status.state === 'degraded';
  return (
    <tr className={bad ? 'noc-row-bad' : undefined}>
      <th scope="row">{c.cluster}</th>
      <td>
        <span className={`noc-state noc-state-${bad ? 'bad' : 'ok'}`}>
          <span aria-hidden="true">{bad ? '▲ ' : '● '}</span>
          {state}
        </span>
        {c.status.metrics !== 'ok' && (
          <span className="noc-subtle">
            {' · '}
            {t(`noc.metricsState.${c.status.metrics}`)}
          </span>
        )}
        {bad && c.status.diagnostics?.failing && (
          <span className="noc-row-diagnosis">
            {' · '}
            {t(`diagnostics.title.${c.status.diagnostics.failing.id}`)}
          </span>
        )}
      </td>
      <td>
        <Percent value={c.summary.cpu.percent} tone="cpu" />
      </td>
      <td>
        <Percent value={c.summary.memory.percent} tone="memory" />
      </td>
      <td>
        {hot ? `${hot.name} ${hot.percent}% ${resourceWord(hot.resource)}` : t('common.noMetrics')}
      </td>
      <td>{alerts.length}</td>
      <td>{age == null ? t('charts.noData') : formatAgo(age)}</td>
    </tr>
  );
}

function Percent({ value, tone }: { value: number | null; tone: 'cpu' | 'memory' }) {
  if (value == null) return <span className="noc-unknown">{t('common.noMetrics')}</span>;
  return (
    <span className="noc-pct">
      <span className="noc-pct-text">{value}%</span>
      <span className="noc-bar" aria-hidden="true">
        <span
          className={`noc-bar-fill noc-bar-${tone}`}
          style={{ width: `${Math.min(100, value)}%` }}
        />
      </span>
    </span>
  );
}
