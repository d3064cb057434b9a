/**
 * `kubectl top nodes` as a sortable table, plus status, roles, pods and a trend.
 * Nodes without metrics print `<unknown>` exactly like kubectl — never 0.
 */
import { Fragment, type ReactNode } from 'react';
import type { NodeRow } from '@kubeglance/shared/api';
import {
  formatMemoryKubectl,
  formatMillicoresKubectl,
  formatPercentKubectl,
} from '@kubeglance/shared/format';
import { Link } from 'react-router';
import { Badge } from '../../../components/Badge';
import { useCarriedSearch } from '../../../hooks/useRange';
import { nodePath } from '../../../lib/paths';
import { HEAT_LABELS, heatLevel, hotterPercent } from '../../../lib/thresholds';
import { SortHeaders } from '../../../components/SortHeader';
import { usePhone } from '../../../hooks/usePhone';
import { leadingColumns } from '../../../lib/columnOrder';
import type { SortState } from '../../../lib/sort';
import { nodeLag } from './nodeLag';
import type { NodeSortKey } from './nodeSort';
import { t } from '../../../i18n/t';

interface NodeTableProps {
  cluster: string;
  nodes: readonly NodeRow[];
  /** The sample the rows come from (its time), to tell nodes whose own metrics lag. */
  sampleMs: number | null;
  resolutionSeconds: number;
  sort: SortState<NodeSortKey>;
  onSort: (key: NodeSortKey) => void;
  renderTrend: (node: NodeRow) => ReactNode;
}

// CPU(cores), CPU%, MEMORY(bytes), MEMORY% are `kubectl top nodes`' own headers, in every language.
const nodeColumns = (): {
  key: NodeSortKey;
  label: string;
  numeric?: boolean;
  title?: string;
}[] => [
  { key: 'name', label: t('columns.name') },
  { key: 'status', label: t('columns.status') },
  { key: 'roles', label: t('columns.roles') },
  { key: 'cpu', label: 'CPU(cores)', numeric: true, title: t('columns.cpuCoresTitle') },
  { key: 'cpuPercent', label: 'CPU%', numeric: true, title: t('columns.cpuPercentTitle') },
  { key: 'memory', label: 'MEMORY(bytes)', numeric: true, title: t('columns.memoryBytesTitle') },
  {
    key: 'memoryPercent',
    label: 'MEMORY%',
    numeric: true,
    title: t('columns.memoryPercentTitle'),
  },
  { key: 'pods', label: t('common.pods'), numeric: true },
];

/** The columns a phone shows first (the others follow, scrolled to). */
const PHONE_LEAD: readonly NodeSortKey[] = ['name', 'cpu', 'memory'];

export function NodeTable({
  cluster,
  nodes,
  sampleMs,
  resolutionSeconds,
  sort,
  onSort,
  renderTrend,
}: NodeTableProps) {
  const search = useCarriedSearch();
  // On a phone, name, CPU and memory lead; the desktop order is unchanged.
  const columns = leadingColumns(nodeColumns(), PHONE_LEAD, usePhone());
  const cell = (key: NodeSortKey, n: NodeRow): ReactNode => {
    switch (key) {
      case 'name':
        return (
          <th scope="row" className="name mono">
            <Link to={nodePath(cluster, n.name) + search}>{n.name}</Link>
          </th>
        );
      case 'status':
        return <StatusCell node={n} lag={nodeLag(n, sampleMs, resolutionSeconds)} />;
      case 'roles':
        return (
          <td>
            {n.roles.length > 0 ? n.roles.join(',') : <span className="muted">&lt;none&gt;</span>}
          </td>
        );
      case 'cpu':
        return <td className="num">{formatMillicoresKubectl(n.cpu.usageMillicores)}</td>;
      case 'cpuPercent':
        return <td className="num">{formatPercentKubectl(n.cpu.percent)}</td>;
      case 'memory':
        return <td className="num">{formatMemoryKubectl(n.memory.usageBytes)}</td>;
      case 'memoryPercent':
        return <td className="num">{formatPercentKubectl(n.memory.percent)}</td>;
      case 'pods':
        return <td className="num">{n.pods}</td>;
    }
  };
  return (
    <div className="table-scroll node-table">
      <table className="data-table" aria-label={t('common.nodes')} aria-rowcount={nodes.length + 1}>
        <thead>
          <tr>
            <SortHeaders columns={columns} sort={sort} onSort={onSort} />
            <th scope="col">{t('columns.trend')}</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((n) => (
            <tr key={n.name}>
              {columns.map((c) => (
                <Fragment key={c.key}>{cell(c.key, n)}</Fragment>
              ))}
              <td>{renderTrend(n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StatusCell({ node: n, lag }: { node: NodeRow; lag: string | null }) {
  return (
    <td>
      <Badge tone={n.ready ? 'ok' : 'bad'}>{n.ready ? 'Ready' : 'NotReady'}</Badge>
      <HeatBadge node={n} />
      {lag && (
        <span className="node-lag muted" title={t('overview.nodeLagTitle')}>
          {' '}
          {lag}
        </span>
      )}
    </td>
  );
}

/** "hot 91%" / "busy 72%": the hotter printed percentage, by the shared thresholds, in words. */
function HeatBadge({ node }: { node: NodeRow }) {
  const percent = hotterPercent(node.cpu.percent, node.memory.percent);
  const level = heatLevel(percent);
  if (level == null || level < 2) return null;
  return (
    <>
      {' '}
      <Badge tone={level === 3 ? 'bad' : 'warn'} title={HEAT_LABELS[level]}>
        {t(level === 3 ? 'heat.hot' : 'heat.busy', { percent })}
      </Badge>
    </>
  );
}
