/**
 * The wall screen's page of every node of a big cluster: the whole screen for the heat-map,
 * so each tile keeps its name (and its cluster page can show the nodes by group).
 */
import { memo } from 'react';
import type { LiveCluster } from '../../../api/liveState';
import { sameNodeLabels } from '../../../lib/nodeLabels';
import { NodeHeatmap, NodePrefix } from './NodeHeatmap';
import { t } from '../../../i18n/t';

/** Clusters with more nodes than this get a page of their own for the heat-map. */
export const NODES_PAGE_FROM = 48;

/** Memoised: the page's clock ticks every second, its cluster only with a sample. */
export const NodesPage = memo(function NodesPage({
  cluster,
}: {
  cluster: LiveCluster;
  /** The language on screen: the page is drawn again in a new one. */
  language: string;
}) {
  const labels = sameNodeLabels(cluster.nodes.map((n) => n.name));
  const { nodes } = cluster.summary;
  return (
    <section className="noc-panel noc-nodes noc-nodes-page" aria-label={t('common.nodes')}>
      <NodeHeatmap
        nodes={cluster.nodes}
        labels={labels}
        title={
          <>
            {t('common.nodes')} <span className="noc-count">{nodes.ready}</span>
            <span className="noc-subtle"> {t('noc.ofReady', { total: nodes.total })}</span>
            <NodePrefix prefix={labels.prefix} />
          </>
        }
      />
    </section>
  );
});
