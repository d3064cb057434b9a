/** First page with several clusters: one row each, then every cluster's alerts. */
import type { LiveCluster } from '../../../api/liveState';
import { allAlerts } from '../alerts';
import { AlertList } from './AlertList';
import { ClusterRows } from './ClusterRows';

interface SummaryPageProps {
  names: readonly string[];
  clusters: Readonly<Record<string, LiveCluster>>;
  namespaces: readonly string[];
  now: number;
  tick: number;
}

export function SummaryPage({ names, clusters, namespaces, now, tick }: SummaryPageProps) {
  const present = names.flatMap((n) => (clusters[n] ? [clusters[n]] : []));
  return (
    <div className="noc-summary">
      <ClusterRows names={names} clusters={clusters} namespaces={namespaces} now={now} />
      <AlertList alerts={allAlerts(present, namespaces)} tick={tick} />
    </div>
  );
}
