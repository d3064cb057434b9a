/** Namespaces with usage, requests and limits; each links to its drilldown. */
import { Link } from 'react-router';
import type { NamespaceRow } from '@kubeglance/shared/api';
import { cpuColumnFormat, memoryColumnFormat } from '@kubeglance/shared/columnUnit';
import { NO_VALUE } from '@kubeglance/shared/humanFormat';
import { SortHeaders } from '../../../components/SortHeader';
import { Unknown } from '../../../components/Unknown';
import type { Accessors, SortState } from '../../../lib/sort';
import { t } from '../../../i18n/t';

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

const columns = (): { key: NamespaceSortKey; label: string; numeric?: boolean }[] => [
  { key: 'name', label: t('common.namespace') },
  { key: 'pods', label: t('common.pods'), numeric: true },
  { key: 'cpu', label: t('columns.cpuUsage'), numeric: true },
  { key: 'cpuRequest', label: t('columns.cpuRequests'), numeric: true },
  { key: 'cpuLimit', label: t('columns.cpuLimits'), numeric: true },
  { key: 'memory', label: t('columns.memoryUsage'), numeric: true },
  { key: 'memoryRequest', label: t('columns.memoryRequests'), numeric: true },
  { key: 'memoryLimit', label: t('columns.memoryLimits'), numeric: true },
];

interface NamespaceTableProps {
  namespaces: readonly NamespaceRow[];
  sort: SortState<NamespaceSortKey>;
  onSort: (key: NamespaceSortKey) => void;
  linkTo: (namespace: string) => string;
}

export function NamespaceTable({ namespaces, sort, onSort, linkTo }: NamespaceTableProps) {
  // One unit per column (`2.33 cores` never above `896m`), chosen by its largest value.
  const cpu = {
    usage: cpuColumnFormat(namespaces.map((n) => n.cpu.usageMillicores)),
    request: cpuColumnFormat(namespaces.map((n) => n.cpu.requestMillicores)),
    limit: cpuColumnFormat(namespaces.map((n) => n.cpu.limitMillicores)),
  };
  const mem = {
    usage: memoryColumnFormat(namespaces.map((n) => n.memory.usageBytes)),
    request: memoryColumnFormat(namespaces.map((n) => n.memory.requestBytes)),
    limit: memoryColumnFormat(namespaces.map((n) => n.memory.limitBytes)),
  };
  return (
    <div className="table-scroll namespace-table">
      <table
        className="data-table"
        aria-label={t('common.namespaces')}
        aria-rowcount={namespaces.length + 1}
      >
        <thead>
          <tr>
            <SortHeaders columns={columns()} sort={sort} onSort={onSort} />
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
                <Usage row={n} value={n.cpu.usageMillicores} format={cpu.usage} />
              </td>
              <td className="num">{orDash(n.cpu.requestMillicores, cpu.request)}</td>
              <td className="num">{orDash(n.cpu.limitMillicores, cpu.limit)}</td>
              <td className="num">
                <Usage row={n} value={n.memory.usageBytes} format={mem.usage} />
              </td>
              <td className="num">{orDash(n.memory.requestBytes, mem.request)}</td>
              <td className="num">{orDash(n.memory.limitBytes, mem.limit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function orDash(value: number | null, format: (v: number) => string): string {
  return value == null ? NO_VALUE : format(value);
}

interface UsageProps {
  row: NamespaceRow;
  value: number | null;
  format: (v: number) => string;
}

/** Usage, or why there is none: an empty namespace has nothing to measure. */
function Usage({ row, value, format }: UsageProps) {
  if (value != null) return <>{format(value)}</>;
  return row.pods === 0 ? (
    <Unknown text={t('common.noPods')} />
  ) : (
    <Unknown text={t('common.noMetrics')} />
  );
}
