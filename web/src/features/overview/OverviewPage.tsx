/** Overview of one cluster: capacity now, usage over time, nodes, top pods, namespaces. */
import { useSummary } from '../../api/summary';
import { describeError } from '../../api/errors';
import { useLiveStream } from '../../api/live';
import { Panel } from '../../components/Panel';
import { PanelMessage, queryMessage } from '../../components/PanelMessage';
import { StatusBanner } from '../../components/StatusBanner';
import { useDataAge } from '../../hooks/useDataAge';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useRange } from '../../hooks/useRange';
import { formatDataAge } from '../../lib/staleness';
import { CapacityTiles } from './components/CapacityTiles';
import { ClusterCharts } from './components/ClusterCharts';
import { NamespacesPanel } from './components/NamespacesPanel';
import { NodesPanel } from './components/NodesPanel';
import { TopPodsPanel } from './components/TopPodsPanel';
import './overview.css';

export default function OverviewPage({ cluster }: { cluster: string }) {
  const summary = useSummary(cluster);
  const [range] = useRange();
  const live = useLiveStream(null).clusters[cluster];
  const data = summary.data;
  const age = useDataAge(cluster, live);
  useDocumentTitle(`${age.stale ? 'STALE · ' : ''}Overview · ${cluster}`);
  return (
    <>
      <div className="page-head">
        <h1>{cluster}</h1>
        <span className="muted">Cluster overview</span>
      </div>
      {data && <StatusBanner problems={data.status.problems} title={`Problems in ${cluster}`} />}
      {age.stale && data?.timestampMs != null && (
        <PanelMessage kind="info">
          STALE: showing the last known numbers,{' '}
          {age.ageMs == null ? '' : `${formatDataAge(age.ageMs)} old; `}
          the metrics pipeline has not delivered a fresh sample.
        </PanelMessage>
      )}
      <Panel title="Capacity now">
        <div className={age.stale ? 'is-stale' : undefined}>
          {queryMessage(summary, describeError, 'Loading cluster summary…') ??
            (data && <CapacityTiles summary={data} />)}
        </div>
      </Panel>
      <Panel title={`Usage over the last ${range}`}>
        <div className="panel-body">
          {data ? (
            <ClusterCharts cluster={cluster} summary={data} range={range} />
          ) : (
            queryMessage(summary, describeError, 'Loading history…')
          )}
        </div>
      </Panel>
      <NodesPanel cluster={cluster} range={range} live={live} />
      <div className="grid-2">
        <TopPodsPanel cluster={cluster} by="cpu" />
        <TopPodsPanel cluster={cluster} by="memory" />
      </div>
      <NamespacesPanel cluster={cluster} />
    </>
  );
}
