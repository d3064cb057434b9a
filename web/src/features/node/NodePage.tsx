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

export default function NodePage({ cluster }: { cluster: string }) {
  const { node: name = '' } = useParams();
  const [range] = useRange();
  const detail = useNodeDetail(cluster, name);
  useDocumentTitle(`Node ${name} · ${cluster}`);
  const d = detail.data;
  const message = queryMessage(detail, describeError, 'Loading node…');
  const heat = d ? heatLevel(hotterPercent(d.node.cpu.percent, d.node.memory.percent)) : null;
  return (
    <>
      <Breadcrumbs crumbs={[{ label: cluster, to: overviewPath(cluster) }, { label: name }]} />
      <div className="page-head">
        <h1>
          Node <span className="mono">{name}</span>
        </h1>
        {d && (
          <Badge tone={d.node.ready ? 'ok' : 'bad'}>{d.node.ready ? 'Ready' : 'NotReady'}</Badge>
        )}
      </div>
      {d && <StatusBanner problems={d.status.problems} title={`Problems in ${cluster}`} />}
      {message ??
        (d && (
          <>
            <Panel title="Usage now (kubectl top node)">
              <dl className="node-facts">
                <div>
                  <dt>CPU</dt>
                  <dd>
                    {formatMillicoresKubectl(d.node.cpu.usageMillicores)} ·{' '}
                    {d.node.cpu.percent == null ? 'unknown' : `${d.node.cpu.percent}%`}
                  </dd>
                </div>
                <div>
                  <dt>Memory</dt>
                  <dd>
                    {formatMemoryKubectl(d.node.memory.usageBytes)} ·{' '}
                    {d.node.memory.percent == null ? 'unknown' : `${d.node.memory.percent}%`}
                  </dd>
                </div>
                <div>
                  <dt>Load</dt>
                  <dd className={heat == null ? undefined : `heat-text-${heat}`}>
                    {heat == null ? 'no metrics' : HEAT_LABELS[heat]}
                  </dd>
                </div>
                <div>
                  <dt>Roles</dt>
                  <dd>{d.node.roles.join(', ') || '<none>'}</dd>
                </div>
                <div>
                  <dt>Pool</dt>
                  <dd>{d.node.group ?? '—'}</dd>
                </div>
                <div>
                  <dt>Pods</dt>
                  <dd>{d.pods.length}</dd>
                </div>
              </dl>
            </Panel>
            <Panel title="Allocated resources (kubectl describe node)">
              <AllocatedResources detail={d} />
            </Panel>
            <Panel title={`Usage over the last ${range}`}>
              <div className="panel-body">
                <NodeUsageCharts
                  cluster={cluster}
                  node={d.node}
                  requests={{ cpu: d.allocated.cpu.requests, memory: d.allocated.memory.requests }}
                  range={range}
                />
              </div>
            </Panel>
            <Panel title={`Pods (${d.pods.length})`}>
              {d.pods.length === 0 ? (
                <PanelMessage kind="empty">No pods are bound to this node.</PanelMessage>
              ) : (
                <NodePods cluster={cluster} pods={d.pods} />
              )}
            </Panel>
            <Panel title="Conditions">
              <NodeConditions conditions={d.conditions} />
            </Panel>
          </>
        ))}
    </>
  );
}
