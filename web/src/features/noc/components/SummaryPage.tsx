/**
 * First page with several clusters: one compact row each, then (for up to three
 * clusters) every cluster's node heat-map next to the combined alert list.
 */
import type { LiveCluster } from '../../../api/liveState';
import { allAlerts, unknownAlerts } from '../alerts';
import { AlertList } from './AlertList';
import { ClusterRows } from './ClusterRows';
import { NodeHeatmap, NodePrefix } from './NodeHeatmap';
import { sameNodeLabels } from '../../../lib/nodeLabels';
import { t } from '../../../i18n/t';

interface SummaryPageProps {
  names: readonly string[];
  clusters: Readonly<Record<string, LiveCluster>>;
  /** Requested clusters the server does not have. */
  unknown: readonly string[];
  namespaces: readonly string[];
  now: number;
  tick: number;
}

// Beyond this the heat-maps get too small to mean anything; the rows remain.
const MAX_HEATMAPS = 3;

export function SummaryPage({ names, clusters, unknown, namespaces, now, tick }: SummaryPageProps) {
  const present = names.flatMap((n) => (clusters[n] ? [clusters[n]] : []));
  const maps = present.length <= MAX_HEATMAPS ? present : [];
  const labels = maps.map((c) => sameNodeLabels(c.nodes.map((n) => n.name)));
  return (
    <div className="noc-summary">
      <ClusterRows
        names={names}
        clusters={clusters}
        unknown={unknown}
        namespaces={namespaces}
        now={now}
      />
      <div
        className="noc-summary-grid"
        style={{ gridTemplateColumns: `repeat(${maps.length}, minmax(0, 1fr)) minmax(0, 1.2fr)` }}
      >
        {maps.map((c, i) => (
          <section
            key={c.cluster}
            className="noc-panel"
            aria-label={t('noc.nodesOf', { cluster: c.cluster })}
          >
            <NodeHeatmap
              nodes={c.nodes}
              labels={labels[i]!}
              title={
                <>
                  {t('noc.clusterNodes', { cluster: c.cluster })}{' '}
                  <span className="noc-count">{c.summary.nodes.ready}</span>
                  <span className="noc-subtle">
                    {' '}
                    {t('noc.ofReady', { total: c.summary.nodes.total })}
                  </span>
                  <NodePrefix prefix={labels[i]?.prefix ?? ''} />
                </>
              }
            />
          </section>
        ))}
        <AlertList
          alerts={[...unknownAlerts(unknown), ...allAlerts(present, namespaces)]}
          unknownFor={names.filter((n) => !clusters[n] && !unknown.includes(n))}
          tick={tick}
          now={now}
        />
      </div>
    </div>
  );
}
