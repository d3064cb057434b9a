/** Cluster-wide top pods by CPU or by memory, linking to pod details. */
import { Link } from 'react-router';
import type { TopPod } from '@kubeglance/shared/api';
import { formatBytesIEC, formatCores, formatPercent } from '@kubeglance/shared/humanFormat';
import { useTopPods } from '../../../api/topPods';
import { describeError } from '../../../api/errors';
import { Panel } from '../../../components/Panel';
import { PanelMessage, queryMessage } from '../../../components/PanelMessage';
import { Unknown } from '../../../components/Unknown';
import { useCarriedSearch } from '../../../hooks/useRange';
import { namespacePath, podPath } from '../../../lib/paths';
import { percentOf } from '../../../lib/thresholds';

interface TopPodsPanelProps {
  cluster: string;
  by: 'cpu' | 'memory';
  limit?: number;
}

export function TopPodsPanel({ cluster, by, limit = 10 }: TopPodsPanelProps) {
  const top = useTopPods(cluster, { sort: by, limit });
  const search = useCarriedSearch();
  const title = by === 'cpu' ? 'Top pods by CPU' : 'Top pods by memory';
  const message = queryMessage(top, describeError);
  const items = top.data?.items ?? [];
  return (
    <Panel title={title}>
      {message ??
        (items.length === 0 ? (
          <PanelMessage kind="empty">
            Metrics not available yet: no pod has usage data.
          </PanelMessage>
        ) : (
          <div className="table-scroll">
            <table className="data-table" aria-label={title}>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    #
                  </th>
                  <th scope="col">Pod</th>
                  <th scope="col">Namespace</th>
                  <th scope="col" className="num">
                    {by === 'cpu' ? 'CPU' : 'Memory'}
                  </th>
                  {by === 'memory' && (
                    <th
                      scope="col"
                      className="num"
                      title="Memory usage as a share of the pod's limit"
                    >
                      % of limit
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {items.map((p, i) => (
                  <tr key={`${p.namespace}/${p.name}`}>
                    <td className="num muted">{i + 1}</td>
                    <th scope="row" className="name">
                      <Link to={podPath(cluster, p.namespace, p.name) + search}>{p.name}</Link>
                    </th>
                    <td>
                      <Link to={namespacePath(cluster, p.namespace) + search}>{p.namespace}</Link>
                    </td>
                    <UsageCells pod={p} by={by} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </Panel>
  );
}

function UsageCells({ pod, by }: { pod: TopPod; by: 'cpu' | 'memory' }) {
  if (by === 'cpu') {
    return (
      <td className="num">
        {pod.cpuMillicores == null ? <Unknown /> : formatCores(pod.cpuMillicores)}
      </td>
    );
  }
  const ofLimit = percentOf(pod.memoryBytes, pod.memoryLimitBytes);
  return (
    <>
      <td className="num">
        {pod.memoryBytes == null ? <Unknown /> : formatBytesIEC(pod.memoryBytes)}
      </td>
      <td className="num">
        {pod.memoryLimitBytes == null ? (
          <span className="muted">no limit</span>
        ) : ofLimit == null ? (
          <Unknown />
        ) : (
          formatPercent(ofLimit)
        )}
      </td>
    </>
  );
}
