/** Namespaces with usage, requests and limits; each links to its drilldown. */
import { Link } from 'react-router';
import type { NamespaceRow } from '@kubeglance/shared/api';
import { formatBytesIEC, formatCores } from '@kubeglance/shared/humanFormat';
import { SortHeaders } from '../../../components/SortHeader';
import { Unknown } from '../../../components/Unknown';
import type { Accessors, SortState } from '../../../lib/sort';

export const NAMESPACE_SORT_KEYS = [
  'name',
  'pods',
  'cpu',
  'cpuRequest',
  'cpuLimit',
  'memory',
  'memoryRequest',
  'memoryLimit',
] as const;
export type NamespaceSortKey = (typeof NAMESPACE_SORT_KEYS)[number];

export const namespaceAccessors: Accessors<NamespaceRow, NamespaceSortKey> = {
  name: (n) => n.name,
  pods: (n) => n.pods,
  cpu: (n) => n.cpu.usageMillicores,
  cpuRequest: (n) => n.cpu.requestMillicores,
  cpuLimit: (n) => n.cpu.limitMillicores,
  memory: (n) => n.memory.usageBytes,
  memoryRequest: (n) => n.memory.requestBytes,
  memoryLimit: (n) => n.memory.limitBytes,
};

const COLUMNS: { key: NamespaceSortKey; label: string; numeric?: boolean; title?: string }[] = [
  { key: 'name', label: 'Namespace' },
  { key: 'pods', label: 'Pods', numeric: true },
  { key: 'cpu', label: 'CPU usage', numeric: true },
  { key: 'cpuRequest', label: 'CPU requests', numeric: true },
  { key: 'cpuLimit', label: 'CPU limits', numeric: true },
  { key: 'memory', label: 'Memory usage', numeric: true },
  { key: 'memoryRequest', label: 'Memory requests', numeric: true },
  { key: 'memoryLimit', label: 'Memory limits', numeric: true },
];

interface NamespaceTableProps {
  namespaces: readonly NamespaceRow[];
  sort: SortState<NamespaceSortKey>;
  onSort: (key: NamespaceSortKey) => void;
  linkTo: (namespace: string) => string;
}

export function NamespaceTable({ namespaces, sort, onSort, linkTo }: NamespaceTableProps) {
  return (
    <div className="table-scroll namespace-table">
      <table className="data-table" aria-label="Namespaces" aria-rowcount={namespaces.length + 1}>
        <thead>
          <tr>
            <SortHeaders columns={COLUMNS} sort={sort} onSort={onSort} />
          </tr>
        </thead>
        <tbody>
          {namespaces.map((n) => (
            <tr key={n.name}>
              <th scope="row" className="name">
                <Link to={linkTo(n.name)}>{n.name}</Link>
              </th>
              <td className="num">{n.pods}</td>
              <td className="num">
                <Usage row={n} value={n.cpu.usageMillicores} format={formatCores} />
              </td>
              <td className="num">{formatCores(n.cpu.requestMillicores)}</td>
              <td className="num">{formatCores(n.cpu.limitMillicores)}</td>
              <td className="num">
                <Usage row={n} value={n.memory.usageBytes} format={formatBytesIEC} />
              </td>
              <td className="num">{formatBytesIEC(n.memory.requestBytes)}</td>
              <td className="num">{formatBytesIEC(n.memory.limitBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface UsageProps {
  row: NamespaceRow;
  value: number | null;
  format: (v: number) => string;
}

/** Usage, or why there is none: an empty namespace has nothing to measure. */
function Usage({ row, value, format }: UsageProps) {
  if (value != null) return <>{format(value)}</>;
  return row.pods === 0 ? <Unknown text="no pods" /> : <Unknown text="no metrics" />;
}
