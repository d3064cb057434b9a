/**
 * One node: what `kubectl top node` and `kubectl describe node` say about it (usage,
 * Allocated resources, conditions), its usage over time, and its pods sortable by usage.
 */
import { useParams } from 'react-router';
import { formatMemoryKubectl, formatMillicoresKubectl } from '@kubeglance/shared/format';
import { useNodeDetail } from '../../api/nodeDetail';
import { describeError } from '../../api/errors';
import { Badge } from '../../components/Badge';
import { Panel } from '../../components/Panel';
import { PanelMessage, queryMessage } from '../../components/PanelMessage';
import { StatusBanner } from '../../components/StatusBanner';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useRange } from '../../hooks/useRange';
import { overviewPath } from '../../lib/paths';
import { heatLevel, HEAT_LABELS, hotterPercent } from '../../lib/thresholds';
import { AllocatedResources } from './components/AllocatedResources';
import { NodeConditions } from './components/NodeConditions';
import { NodePods } from './components/NodePods';
import { NodeUsageCharts } from './components/NodeUsageCharts';
import './node.css';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { t } from '../../i18n/t';

export default function NodePage({ cluster }: { cluster: string }) {
  const { node: name = '' } = useParams();
  const [range] = useRange();
  const detail = useNodeDetail(cluster, name);
  useDocumentTitle(`${t('node.heading')} ${name} · ${cluster}`);
  const d = detail.data;
  const message = queryMessage(detail, describeError, t('node.loading'));
  const heat = d ? heatLevel(hotterPercent(d.node.cpu.percent, d.node.memory.percent)) : null;
  return (
    <>
      <Breadcrumbs crumbs={[{ label: cluster, to: overviewPath(cluster) }, { label: name }]} />
      <div className="page-head">
        <h1>
          {t('node.heading')} <span className="mono">{name}</span>
        </h1>
        {d && (
          <Badge tone={d.node.ready ? 'ok' : 'bad'}>{d.node.ready ? 'Ready' : 'NotReady'}</Badge>
        )}
      </div>
      {d && (
        <StatusBanner problems={d.status.problems} title={t('banner.problemsIn', { cluster })} />
      )}
      {message ??
        (d && (
          <>
            <Panel title={t('node.usageNow')}>
              <dl className="node-facts">
                <div>
                  <dt>CPU</dt>
                  <dd>
                    {formatMillicoresKubectl(d.node.cpu.usageMillicores)} ·{' '}
                    {d.node.cpu.percent == null ? t('common.unknown') : `${d.node.cpu.percent}%`}
                  </dd>
                </div>
                <div>
                  <dt>{t('common.memory')}</dt>
                  <dd>
                    {formatMemoryKubectl(d.node.memory.usageBytes)} ·{' '}
                    {d.node.memory.percent == null
                      ? t('common.unknown')
                      : `${d.node.memory.percent}%`}
                  </dd>
                </div>
                <div>
                  <dt>{t('node.load')}</dt>
                  <dd className={heat == null ? undefined : `heat-text-${heat}`}>
                    {heat == null ? t('common.noMetrics') : HEAT_LABELS[heat]}
                  </dd>
                </div>
                <div>
                  <dt>{t('columns.roles')}</dt>
                  <dd>{d.node.roles.join(', ') || '<none>'}</dd>
                </div>
                <div>
                  <dt>{t('node.pool')}</dt>
                  <dd>{d.node.group ?? '—'}</dd>
                </div>
                <div>
                  <dt>{t('common.pods')}</dt>
                  <dd>{d.pods.length}</dd>
                </div>
              </dl>
            </Panel>
            <Panel title={t('node.allocatedTitle')}>
              <AllocatedResources detail={d} />
            </Panel>
            <Panel title={t('overview.usageOver', { range })}>
              <div className="panel-body">
                <NodeUsageCharts
                  cluster={cluster}
                  node={d.node}
                  requests={{ cpu: d.allocated.cpu.requests, memory: d.allocated.memory.requests }}
                  range={range}
                />
              </div>
            </Panel>
            <Panel title={t('node.podsCount', { n: d.pods.length })}>
              {d.pods.length === 0 ? (
                <PanelMessage kind="empty">{t('node.noPods')}</PanelMessage>
              ) : (
                <NodePods cluster={cluster} pods={d.pods} />
              )}
            </Panel>
            <Panel title={t('node.conditions')}>
              <NodeConditions conditions={d.conditions} />
            </Panel>
          </>
        ))}
    </>
  );
}
