/** The cluster's CPU and memory now, plus node and pod counts. */
import type { Summary } from '@kubeglance/shared/api';
import { formatBytesIEC, formatCores } from '@kubeglance/shared/humanFormat';
import { ResourceTile } from '../../../components/ResourceTile';
import { partialNodes } from '../../../lib/partial';
import { t } from '../../../i18n/t';

export function CapacityTiles({ summary }: { summary: Summary }) {
  const { cpu, memory, nodes, pods } = summary;
  const text = partialNodes(summary);
  const partial = (allocatable: number) => (text ? { text, allocatable } : null);
  return (
    <div className="capacity-tiles">
      <ResourceTile
        title="CPU"
        tone="cpu"
        format={formatCores}
        totals={{
          usage: cpu.usageMillicores,
          percent: cpu.percent,
          request: cpu.requestMillicores,
          limit: cpu.limitMillicores,
          allocatable: cpu.allocatableMillicores,
          capacity: cpu.capacityMillicores,
          partial: partial(summary.reporting.allocatableMillicores),
        }}
      />
      <ResourceTile
        title={t('common.memory')}
        tone="memory"
        format={formatBytesIEC}
        totals={{
          usage: memory.usageBytes,
          percent: memory.percent,
          request: memory.requestBytes,
          limit: memory.limitBytes,
          allocatable: memory.allocatableBytes,
          capacity: memory.capacityBytes,
          partial: partial(summary.reporting.allocatableBytes),
        }}
      />
      <div className="stat-tile" role="group" aria-label={t('overview.nodesAndPods')}>
        <h3>{t('overview.nodesAndPods')}</h3>
        <dl className="stat-list stat-counts">
          <div>
            <dt>{t('overview.nodesReady')}</dt>
            <dd>
              {nodes.ready} / {nodes.total}
            </dd>
          </div>
          <div>
            <dt>{t('overview.nodesWithMetrics')}</dt>
            <dd>{nodes.withMetrics}</dd>
          </div>
          <div>
            <dt>{t('overview.podsRunning')}</dt>
            <dd>
              {pods.running} / {pods.total}
            </dd>
          </div>
          <div>
            <dt>{t('overview.podsPending')}</dt>
            <dd>{pods.pending}</dd>
          </div>
          <div>
            <dt>{t('overview.podsWithMetrics')}</dt>
            <dd>{pods.withMetrics}</dd>
          </div>
        </dl>
      </div>
    </div>
  );
}
