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
import { diagnosticsPath } from '../../lib/paths';
import { formatDuration } from '../../i18n/format';
import { CapacityTiles } from './components/CapacityTiles';
import { ClusterCharts } from './components/ClusterCharts';
import { NamespacesPanel } from './components/NamespacesPanel';
import { NodesPanel } from './components/NodesPanel';
import { TopPodsPanel } from './components/TopPodsPanel';
import './overview.css';
import { t } from '../../i18n/t';

export default function OverviewPage({ cluster }: { cluster: string }) {
  const summary = useSummary(cluster);
  const [range] = useRange();
  const live = useLiveStream(null).clusters[cluster];
  const data = summary.data;
  const age = useDataAge(cluster, live);
  useDocumentTitle(
    `${age.stale ? `${t('common.staleMark')} · ` : ''}${t('overview.docTitle')} · ${cluster}`,
  );
  return (
    <>
      <div className="page-head">
        <h1>{cluster}</h1>
        <span className="muted">{t('overview.subtitle')}</span>
      </div>
      {data && (
        <StatusBanner
          problems={data.status.problems}
          title={t('banner.problemsIn', { cluster })}
          diagnostics={data.status.diagnostics}
          diagnosticsHref={diagnosticsPath(cluster)}
        />
      )}
      {age.stale && data?.timestampMs != null && (
        <PanelMessage kind="info">
          {age.ageMs == null
            ? t('overview.staleNote')
            : t('overview.staleNoteAge', { age: formatDuration(age.ageMs) })}
        </PanelMessage>
      )}
      <Panel title={t('overview.capacityNow')}>
        <div className={age.stale ? 'is-stale' : undefined}>
          {queryMessage(summary, describeError, t('overview.loadingSummary')) ??
            (data && <CapacityTiles summary={data} />)}
        </div>
      </Panel>
      <Panel title={t('overview.usageOver', { range })}>
        <div className="panel-body">
          {data ? (
            <ClusterCharts cluster={cluster} summary={data} range={range} />
          ) : (
            queryMessage(summary, describeError, t('common.loadingHistory'))
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
