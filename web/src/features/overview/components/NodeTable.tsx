/**
 * `kubectl top nodes` as a sortable table, plus status, roles, pods and a trend.
 * Nodes without metrics print `<unknown>` exactly like kubectl — never 0.
 */
import type { ReactNode } from 'react';
import type { NodeRow } from '@kubeglance/shared/api';
import {
  formatMemoryKubectl,
  formatMillicoresKubectl,
  formatPercentKubectl,
} from '@kubeglance/shared/format';
import { Badge } from '../../../components/Badge';
import { SortHeaders } from '../../../components/SortHeader';
import type { SortState } from '../../../lib/sort';
import { nodeLag } from './nodeLag';
import type { NodeSortKey } from './nodeSort';

interface NodeTableProps {
  nodes: readonly NodeRow[];
  /** The sample the rows come from (its time), to tell nodes whose own metrics lag. */
  sampleMs: number | null;
  resolutionSeconds: number;
  sort: SortState<NodeSortKey>;
  onSort: (key: NodeSortKey) => void;
  renderTrend: (node: NodeRow) => ReactNode;
}

const COLUMNS: { key: NodeSortKey; label: string; numeric?: boolean; title?: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'status', label: 'Status' },
  { key: 'roles', label: 'Roles' },
  { key: 'cpu', label: 'CPU(cores)', numeric: true, title: 'CPU usage in millicores' },
  { key: 'cpuPercent', label: 'CPU%', numeric: true, title: 'CPU usage, % of allocatable' },
  { key: 'memory', label: 'MEMORY(bytes)', numeric: true, title: 'Memory usage in MiB' },
  {
    key: 'memoryPercent',
    label: 'MEMORY%',
    numeric: true,
    title: 'Memory usage, % of allocatable',
  },
  { key: 'pods', label: 'Pods', numeric: true },
];

export function NodeTable({
  nodes,
  sampleMs,
  resolutionSeconds,
  sort,
  onSort,
  renderTrend,
}: NodeTableProps) {
  return (
    <div className="table-scroll node-table">
      <table className="data-table" aria-label="Nodes" aria-rowcount={nodes.length + 1}>
        <thead>
          <tr>
            <SortHeaders columns={COLUMNS} sort={sort} onSort={onSort} />
            <th scope="col">Trend</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((n) => {
            const lag = nodeLag(n, sampleMs, resolutionSeconds);
            return (
              <tr key={n.name}>
                <th scope="row" className="name mono">
                  {n.name}
                </th>
                <td>
                  <Badge tone={n.ready ? 'ok' : 'bad'}>{n.ready ? 'Ready' : 'NotReady'}</Badge>
                  {lag && (
                    <span className="node-lag muted" title="This node's own metrics timestamp">
                      {' '}
                      {lag}
                    </span>
                  )}
                </td>
                <td>
                  {n.roles.length > 0 ? (
                    n.roles.join(',')
                  ) : (
                    <span className="muted">&lt;none&gt;</span>
                  )}
                </td>
                <td className="num">{formatMillicoresKubectl(n.cpu.usageMillicores)}</td>
                <td className="num">{formatPercentKubectl(n.cpu.percent)}</td>
                <td className="num">{formatMemoryKubectl(n.memory.usageBytes)}</td>
                <td className="num">{formatPercentKubectl(n.memory.percent)}</td>
                <td className="num">{n.pods}</td>
                <td>{renderTrend(n)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
