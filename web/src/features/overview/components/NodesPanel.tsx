/** Node table container: data, live trends, URL-backed sort and filter. */
import { useMemo } from 'react';
import type { HistoryRange } from '@kubeglance/shared/api';
import { useNodes } from '../../../api/nodes';
import { describeError } from '../../../api/errors';
import type { LiveCluster } from '../../../api/liveState';
import { nodeLiveUsage } from '../../../api/liveNodeUsage';
import { FilterInput } from '../../../components/FilterInput';
import { Panel } from '../../../components/Panel';
import { PanelMessage, queryMessage } from '../../../components/PanelMessage';
import { useUrlSort, useUrlText } from '../../../hooks/useSearchState';
import { matchesQuery, sortRows, type SortState } from '../../../lib/sort';
import { NodeTable } from './NodeTable';
import { NodeTrend } from './NodeTrend';
import { nodeAccessors, NODE_SORT_KEYS, type NodeSortKey } from './nodeSort';
import { t } from '../../../i18n/t';

const DEFAULT_SORT: SortState<NodeSortKey> = { key: 'name', dir: 'asc' };
const TEXT_KEYS: NodeSortKey[] = ['name', 'status', 'roles'];

interface NodesPanelProps {
  cluster: string;
  range: HistoryRange;
  live: LiveCluster | undefined;
}

export function NodesPanel({ cluster, range, live }: NodesPanelProps) {
  const nodes = useNodes(cluster);
  const [sort, onSort] = useUrlSort('nsort', NODE_SORT_KEYS, DEFAULT_SORT, TEXT_KEYS);
  const [query, setQuery] = useUrlText('nq');
  const items = nodes.data?.items;
  const rows = useMemo(() => {
    const filtered = (items ?? []).filter((n) => matchesQuery(query, [n.name, ...n.roles]));
    return sortRows(filtered, sort, nodeAccessors, (n) => n.name);
  }, [items, query, sort]);
  const total = items?.length ?? 0;
  const message = queryMessage(nodes, describeError, t('overview.loadingNodes'));
  return (
    <Panel
      title={t('common.nodes')}
      actions={
        <FilterInput
          label={t('overview.filterNodes')}
          placeholder={t('overview.filterNodesPlaceholder')}
          value={query}
          onChange={setQuery}
        />
      }
    >
      {message ??
        (total === 0 ? (
          <PanelMessage kind="empty">{t('overview.noNodes')}</PanelMessage>
        ) : (
          <>
            <NodeTable
              cluster={cluster}
              nodes={rows}
              sampleMs={nodes.data?.timestampMs ?? null}
              resolutionSeconds={live?.status.resolutionSeconds ?? 15}
              sort={sort}
              onSort={onSort}
              renderTrend={(n) => (
                <NodeTrend
                  cluster={cluster}
                  node={n}
                  range={range}
                  live={live && nodeLiveUsage(live.nodeFrames, n.name)}
                />
              )}
            />
            <p className="table-foot" aria-live="polite">
              {rows.length === total
                ? t('overview.nodeCount', { n: total })
                : t('overview.nodesMatch', { n: rows.length, total, query })}
            </p>
          </>
        ))}
    </Panel>
  );
}
