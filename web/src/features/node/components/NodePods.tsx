/**
 * The pods on one node (as `kubectl get pods -A --field-selector spec.nodeName=`), with
 * usage as `kubectl top pods` prints it, sortable; hot pods are marked in words and colour
 * from the same printed percentage.
 */
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { PodRow } from '@kubeglance/shared/api';
import { formatMemoryKubectl, formatMillicoresKubectl } from '@kubeglance/shared/format';
import { Flags } from '../../../components/PodBadges';
import { SortHeaders, type SortColumn } from '../../../components/SortHeader';
import { useCarriedSearch } from '../../../hooks/useRange';
import { useUrlSort } from '../../../hooks/useSearchState';
import { podPath } from '../../../lib/paths';
import { sortRows, type Accessors, type SortState } from '../../../lib/sort';
import { percentOf, usageFlags } from '../../../lib/thresholds';
import { t } from '../../../i18n/t';

type Key = 'name' | 'namespace' | 'phase' | 'cpu' | 'cpuRequest' | 'memory' | 'memoryLimit';
const KEYS: readonly Key[] = [
  'name',
  'namespace',
  'phase',
  'cpu',
  'cpuRequest',
  'memory',
  'memoryLimit',
];
const DEFAULT_SORT: SortState<Key> = { key: 'cpu', dir: 'desc' };
const TEXT_KEYS: Key[] = ['name', 'namespace', 'phase'];

// kubectl's and k9s' own headers stay as they print them; the titles explain them.
const columns = (): SortColumn<Key>[] => [
  { key: 'name', label: t('columns.name') },
  { key: 'cpu', label: 'CPU(cores)', numeric: true, title: t('node.asKubectlTop') },
  { key: 'memory', label: 'MEMORY(bytes)', numeric: true, title: t('node.asKubectlTop') },
  {
    key: 'cpuRequest',
    label: '%CPU/R',
    numeric: true,
    title: t('namespace.colTitle.cpuPctRequest'),
  },
  {
    key: 'memoryLimit',
    label: '%MEM/L',
    numeric: true,
    title: t('namespace.colTitle.memoryPctLimit'),
  },
  { key: 'namespace', label: t('common.namespace') },
  { key: 'phase', label: t('columns.status') },
];

const accessors: Accessors<PodRow, Key> = {
  name: (p) => p.name,
  namespace: (p) => p.namespace,
  phase: (p) => p.phase,
  cpu: (p) => p.cpu.usageMillicores,
  memory: (p) => p.memory.usageBytes,
  cpuRequest: (p) => percentOf(p.cpu.usageMillicores, p.cpu.requestMillicores),
  memoryLimit: (p) => percentOf(p.memory.usageBytes, p.memory.limitBytes),
};

function pct(v: number | null, none: string) {
  return v == null ? <span className="muted">{none}</span> : `${v}%`;
}

export function NodePods({ cluster, pods }: { cluster: string; pods: readonly PodRow[] }) {
  const [sort, onSort] = useUrlSort('psort', KEYS, DEFAULT_SORT, TEXT_KEYS);
  const search = useCarriedSearch();
  const rows = useMemo(
    () => sortRows(pods, sort, accessors, (p) => `${p.namespace}/${p.name}`),
    [pods, sort],
  );
  return (
    <div className="table-scroll">
      <table className="data-table node-pods" aria-label={t('node.podsOnNode')}>
        <thead>
          <tr>
            <SortHeaders columns={columns()} sort={sort} onSort={onSort} />
            <th scope="col">{t('namespace.col.flags')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => {
            const flags = usageFlags(p.cpu, p.memory);
            const hot = flags.some((f) => f.kind === 'oom-risk');
            return (
              <tr key={`${p.namespace}/${p.name}`} className={hot ? 'row-hot' : undefined}>
                <th scope="row" className="name mono wrap">
                  <Link to={podPath(cluster, p.namespace, p.name) + search}>{p.name}</Link>
                </th>
                <td className="num">{formatMillicoresKubectl(p.cpu.usageMillicores)}</td>
                <td className="num">{formatMemoryKubectl(p.memory.usageBytes)}</td>
                <td className="num">
                  {pct(
                    percentOf(p.cpu.usageMillicores, p.cpu.requestMillicores),
                    t('node.noRequest'),
                  )}
                </td>
                <td className={`num ${hot ? 'text-bad' : ''}`}>
                  {pct(percentOf(p.memory.usageBytes, p.memory.limitBytes), t('common.noLimit'))}
                </td>
                <td className="mono">{p.namespace}</td>
                <td>{p.phase}</td>
                <td>
                  <Flags flags={flags} compact />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
