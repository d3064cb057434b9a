/** Cluster-wide top pods by CPU or by memory, linking to pod details. */
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { TopPod } from '@kubeglance/shared/api';
import { cpuColumnFormat, memoryColumnFormat, type Formatter } from '@kubeglance/shared/columnUnit';
import { formatPercent } from '@kubeglance/shared/humanFormat';
import { useTopPods } from '../../../api/topPods';
import { describeError } from '../../../api/errors';
import { Panel } from '../../../components/Panel';
import { PanelMessage, queryMessage } from '../../../components/PanelMessage';
import { Unknown } from '../../../components/Unknown';
import { usePhone } from '../../../hooks/usePhone';
import { useCarriedSearch } from '../../../hooks/useRange';
import { namespacePath, podPath } from '../../../lib/paths';
import { percentOf } from '../../../lib/thresholds';
import { t } from '../../../i18n/t';

interface TopPodsPanelProps {
  cluster: string;
  by: 'cpu' | 'memory';
  limit?: number;
}

export function TopPodsPanel({ cluster, by, limit = 10 }: TopPodsPanelProps) {
  const top = useTopPods(cluster, { sort: by, limit });
  const search = useCarriedSearch();
  const title = t(`overview.topPods.${by}`);
  const message = queryMessage(top, describeError);
  const items = top.data?.items ?? [];
  // One unit for the whole column, chosen by its largest value.
  const formats: Formats = {
    cpu: cpuColumnFormat(items.map((p) => p.cpuMillicores)),
    memory: memoryColumnFormat(items.map((p) => p.memoryBytes)),
  };
  const columns = columnsOf(by, usePhone());
  return (
    <Panel title={title}>
      {message ??
        (items.length === 0 ? (
          <PanelMessage kind="empty">{t('overview.noPodUsage')}</PanelMessage>
        ) : (
          <div className="table-scroll">
            <table className="data-table" aria-label={title}>
              <thead>
                <tr>
                  {columns.map((key) => (
                    <Fragment key={key}>{headers()[key]}</Fragment>
                  ))}
                </tr>
              </thead>
              <tbody>
                {items.map((p, i) => {
                  const cells: Record<Column, ReactNode> = {
                    rank: <td className="num muted">{i + 1}</td>,
                    pod: (
                      <th scope="row" className="name">
                        <Link to={podPath(cluster, p.namespace, p.name) + search}>{p.name}</Link>
                      </th>
                    ),
                    namespace: (
                      <td>
                        <Link to={namespacePath(cluster, p.namespace) + search}>{p.namespace}</Link>
                      </td>
                    ),
                    ...usageCells(p, formats),
                  };
                  return (
                    <tr key={`${p.namespace}/${p.name}`}>
                      {columns.map((key) => (
                        <Fragment key={key}>{cells[key]}</Fragment>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
    </Panel>
  );
}

type Column = 'rank' | 'pod' | 'namespace' | 'cpu' | 'memory' | 'ofLimit';
interface Formats {
  cpu: Formatter;
  memory: Formatter;
}

/**
 * The columns in order. A phone leads with pod, CPU and memory (both resources, so each list
 * reads like `kubectl top pods`), then the namespace and the rank, reached by scrolling.
 */
function columnsOf(by: 'cpu' | 'memory', phone: boolean): Column[] {
  const usage: Column[] = by === 'cpu' ? ['cpu'] : ['memory', 'ofLimit'];
  if (phone)
    return [
      'pod',
      'cpu',
      'memory',
      ...(by === 'memory' ? ['ofLimit' as const] : []),
      'namespace',
      'rank',
    ];
  return ['rank', 'pod', 'namespace', ...usage];
}

const headers = (): Record<Column, ReactNode> => ({
  rank: (
    <th scope="col" className="num">
      #
    </th>
  ),
  pod: <th scope="col">Pod</th>,
  namespace: <th scope="col">{t('common.namespace')}</th>,
  cpu: (
    <th scope="col" className="num">
      CPU
    </th>
  ),
  memory: (
    <th scope="col" className="num">
      {t('common.memory')}
    </th>
  ),
  ofLimit: (
    <th scope="col" className="num" title={t('columns.ofLimitTitle')}>
      {t('columns.ofLimit')}
    </th>
  ),
});

function usageCells(
  pod: TopPod,
  formats: Formats,
): Record<'cpu' | 'memory' | 'ofLimit', ReactNode> {
  const ofLimit = percentOf(pod.memoryBytes, pod.memoryLimitBytes);
  return {
    cpu: (
      <td className="num">
        {pod.cpuMillicores == null ? <Unknown /> : formats.cpu(pod.cpuMillicores)}
      </td>
    ),
    memory: (
      <td className="num">
        {pod.memoryBytes == null ? <Unknown /> : formats.memory(pod.memoryBytes)}
      </td>
    ),
    ofLimit: (
      <td className="num">
        {pod.memoryLimitBytes == null ? (
          <span className="muted">{t('common.noLimit')}</span>
        ) : ofLimit == null ? (
          <Unknown />
        ) : (
          formatPercent(ofLimit)
        )}
      </td>
    ),
  };
}
