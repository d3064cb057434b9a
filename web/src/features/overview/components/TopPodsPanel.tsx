/** Cluster-wide top pods by CPU or by memory, linking to pod details. */
import { Link } from 'react-router';
import type { TopPod } from '@kubeglance/shared/api';
import { cpuColumnFormat, memoryColumnFormat, type Formatter } from '@kubeglance/shared/columnUnit';
import { formatPercent } from '@kubeglance/shared/humanFormat';
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
  // One unit for the whole column, chosen by its largest value.
  const format =
    by === 'cpu'
      ? cpuColumnFormat(items.map((p) => p.cpuMillicores))
      : memoryColumnFormat(items.map((p) => p.memoryBytes));
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
                    <UsageCells pod={p} by={by} format={format} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </Panel>
  );
}

interface UsageCellsProps {
  pod: TopPod;
  by: 'cpu' | 'memory';
  format: Formatter;
}

function UsageCells({ pod, by, format }: UsageCellsProps) {
  if (by === 'cpu') {
    return (
      <td className="num">{pod.cpuMillicores == null ? <Unknown /> : format(pod.cpuMillicores)}</td>
    );
  }
  const ofLimit = percentOf(pod.memoryBytes, pod.memoryLimitBytes);
  return (
    <>
      <td className="num">{pod.memoryBytes == null ? <Unknown /> : format(pod.memoryBytes)}</td>
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
