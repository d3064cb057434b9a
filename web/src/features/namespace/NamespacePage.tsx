/** Namespace drilldown: usage over time by pod, then every pod with requests and limits. */
import { useParams } from 'react-router';
import { useNamespaces } from '../../api/namespaces';
import { useSummary } from '../../api/summary';
import { Panel } from '../../components/Panel';
import { StatusBanner } from '../../components/StatusBanner';
import { useRange } from '../../hooks/useRange';
import { useUrlText } from '../../hooks/useSearchState';
import { diagnosticsPath, overviewPath } from '../../lib/paths';
import { NamespaceCharts } from './components/NamespaceCharts';
import { NamespaceSwitcher } from './components/NamespaceSwitcher';
import { PodsPanel } from './components/PodsPanel';
import { NamespaceTotals } from './components/NamespaceTotals';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import './namespace.css';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { t } from '../../i18n/t';

export default function NamespacePage({ cluster }: { cluster: string }) {
  const { ns = '' } = useParams();
  const [range] = useRange();
  const [query] = useUrlText('q');
  const summary = useSummary(cluster);
  const totals = useNamespaces(cluster).data?.items.find((n) => n.name === ns);
  useDocumentTitle(`${t('namespace.heading', { namespace: ns })} · ${cluster}`);
  return (
    <>
      <Breadcrumbs crumbs={[{ label: cluster, to: overviewPath(cluster) }, { label: ns }]} />
      <div className="page-head">
        <h1>{t('namespace.heading', { namespace: ns })}</h1>
        <NamespaceSwitcher cluster={cluster} namespace={ns} />
        {totals && <NamespaceTotals totals={totals} />}
      </div>
      {summary.data && (
        <StatusBanner
          problems={summary.data.status.problems}
          title={t('banner.problemsIn', { cluster })}
          diagnostics={summary.data.status.diagnostics}
          diagnosticsHref={diagnosticsPath(cluster)}
        />
      )}
      <Panel title={t('overview.usageOver', { range })}>
        <div className="panel-body">
          <NamespaceCharts cluster={cluster} namespace={ns} range={range} query={query} />
        </div>
      </Panel>
      <PodsPanel key={`${cluster}/${ns}`} cluster={cluster} namespace={ns} />
    </>
  );
}
