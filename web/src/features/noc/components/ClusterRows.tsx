/** One compact row per cluster: the first wall-screen page when there are several. */
import type { LiveCluster } from '../../../api/liveState';
import { dataAgeAt, formatDataAge } from '../../../lib/staleness';
import { hottestNode } from '../nocAlerts';
import { alertsOf } from '../alerts';
import { clusterStale } from '../staleness';

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
      <table className="noc-rows" aria-label="Clusters">
        <thead>
          <tr>
            <th scope="col">Cluster</th>
            <th scope="col">Status</th>
            <th scope="col">CPU</th>
            <th scope="col">Memory</th>
            <th scope="col">Hottest node</th>
            <th scope="col">Alerts</th>
            <th scope="col">Updated</th>
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
                      <span aria-hidden="true">▲ </span>UNKNOWN CLUSTER
                    </span>{' '}
                    not configured on this server
                  </td>
                </tr>
              );
            }
            if (!c) {
              return (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td colSpan={6} className="noc-subtle">
                    waiting for data
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
  const state = stale ? 'STALE' : c.status.state.toUpperCase();
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
          <span className="noc-subtle"> · metrics {c.status.metrics}</span>
        )}
        {bad && c.status.diagnostics?.failing && (
          <span className="noc-row-diagnosis"> · {c.status.diagnostics.failing.title}</span>
        )}
      </td>
      <td>
        <Percent value={c.summary.cpu.percent} tone="cpu" />
      </td>
      <td>
        <Percent value={c.summary.memory.percent} tone="memory" />
      </td>
      <td>{hot ? `${hot.name} ${hot.percent}% ${hot.resource}` : 'no metrics'}</td>
      <td>{alerts.length}</td>
      <td>{age == null ? 'no data' : `${formatDataAge(age)} ago`}</td>
    </tr>
  );
}

function Percent({ value, tone }: { value: number | null; tone: 'cpu' | 'memory' }) {
  if (value == null) return <span className="noc-unknown">no metrics</span>;
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
