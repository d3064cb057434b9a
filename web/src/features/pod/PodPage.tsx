/** One pod: facts, then per-container CPU and memory against request and limit. */
import { Link, useParams } from 'react-router';
import { useNamespacePods } from '../../api/namespacePods';
import { useSummary } from '../../api/summary';
import { describeError } from '../../api/errors';
import { Panel } from '../../components/Panel';
import { PanelMessage, queryMessage } from '../../components/PanelMessage';
import { StatusBanner } from '../../components/StatusBanner';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useCarriedSearch, useRange } from '../../hooks/useRange';
import { diagnosticsPath, namespacePath, overviewPath } from '../../lib/paths';
import { ContainerCharts } from './components/ContainerCharts';
import { PodFacts } from './components/PodFacts';
import './pod.css';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { t } from '../../i18n/t';

export default function PodPage({ cluster }: { cluster: string }) {
  const { ns = '', pod: name = '' } = useParams();
  const [range] = useRange();
  const search = useCarriedSearch();
  useDocumentTitle(`Pod ${name} · ${ns} · ${cluster}`);
  // The API has no single-pod endpoint; the namespace list is cached and shared
  // with the drilldown the user usually comes from.
  const pods = useNamespacePods(cluster, ns);
  const status = useSummary(cluster).data?.status;
  const problems = status?.problems ?? [];
  const pod = pods.data?.items.find((p) => p.name === name);
  const message = queryMessage(pods, describeError, t('pod.loading'));
  return (
    <>
      <Breadcrumbs
        crumbs={[
          { label: cluster, to: overviewPath(cluster) },
          { label: ns, to: namespacePath(cluster, ns) },
          { label: name },
        ]}
      />
      <div className="page-head">
        <h1>
          Pod <span className="mono">{name}</span>
        </h1>
      </div>
      <StatusBanner
        problems={problems}
        title={t('banner.problemsIn', { cluster })}
        diagnostics={status?.diagnostics}
        diagnosticsHref={diagnosticsPath(cluster)}
      />
      {message ??
        (!pod ? (
          <PanelMessage
            kind="empty"
            hint={<Link to={namespacePath(cluster, ns) + search}>{t('pod.backToNamespace')}</Link>}
          >
            {t('pod.notFound', { name, namespace: ns })}
          </PanelMessage>
        ) : (
          <>
            <Panel title="Pod">
              <PodFacts pod={pod} />
            </Panel>
            {pod.containers.map((c) => (
              <ContainerCharts
                key={c.name}
                cluster={cluster}
                namespace={ns}
                pod={name}
                container={c}
                range={range}
              />
            ))}
          </>
        ))}
    </>
  );
}
