/** The detailed wall-screen page of one cluster. */
import { memo } from 'react';
import { formatBytesIEC, formatCores } from '@kubeglance/shared/humanFormat';
import type { LiveCluster } from '../../../api/liveState';
import { partialNodes } from '../../../lib/partial';
import { percentOf } from '../../../lib/thresholds';
import { alertsOf } from '../alerts';
import { AlertList } from './AlertList';
import { BigStat } from './BigStat';
import { DiagnosisLine, diagnosisShown } from './DiagnosisLine';
import { NodeHeatmap, NodePrefix } from './NodeHeatmap';
import { sameNodeLabels, type NodeLabels } from '../../../lib/nodeLabels';
import { TopList } from './TopList';
import { t } from '../../../i18n/t';
import { currentLanguage } from '../../../i18n/i18n';

interface ClusterPageProps {
  cluster: LiveCluster;
  namespaces: readonly string[];
  tick: number;
  /** Browser time now (alert ages). */
  now: number;
  /** The STALE banner shows above the page (it takes room). */
  stale: boolean;
}

const pct = (v: number | null) => (v == null ? '?' : `${v}%`);

function ofAllocatable(usage: number | null, allocatable: number, format: (v: number) => string) {
  return usage == null
    ? t('noc.allocatableOnly', { value: format(allocatable) })
    : t('noc.usageOf', { usage: format(usage), total: format(allocatable) });
}

export function ClusterPage({ cluster, namespaces, tick, now, stale }: ClusterPageProps) {
  const { summary, topPods } = cluster;
  const { cpu, memory } = summary;
  const inScope = (p: { namespace: string }) =>
    namespaces.length === 0 || namespaces.includes(p.namespace);
  const alerts = alertsOf(cluster, namespaces);
  const labels = sameNodeLabels(cluster.nodes.map((n) => n.name));
  const partial = partialNodes(summary);
  // Over partial data, usage is printed against the allocatable of the nodes that reported.
  const cpuAlloc = partial ? summary.reporting.allocatableMillicores : cpu.allocatableMillicores;
  const memAlloc = partial ? summary.reporting.allocatableBytes : memory.allocatableBytes;
  const troubled = cluster.status.problems.length > 0;
  const tight = stale || diagnosisShown(cluster.status.diagnostics, troubled);
  return (
    <div className="noc-cluster-wrap">
      <DiagnosisLine
        cluster={cluster.cluster}
        diagnostics={cluster.status.diagnostics}
        troubled={troubled}
      />
      <div className={`noc-cluster${tight ? ' noc-cluster-tight' : ''}`}>
        <BigStat
          label="CPU"
          percent={cpu.percent}
          detail={ofAllocatable(cpu.usageMillicores, cpuAlloc, formatCores)}
          partial={partial}
          secondary={t('noc.requestsLimits', {
            requests: pct(percentOf(cpu.requestMillicores, cpu.allocatableMillicores)),
            limits: pct(percentOf(cpu.limitMillicores, cpu.allocatableMillicores)),
          })}
          points={cluster.totals.cpu}
          metric="cpu"
          allocatable={cpu.allocatableMillicores}
          color="var(--cpu)"
          language={currentLanguage()}
        />
        <BigStat
          label={t('common.memory')}
          percent={memory.percent}
          detail={ofAllocatable(memory.usageBytes, memAlloc, formatBytesIEC)}
          partial={partial}
          secondary={t('noc.requestsLimits', {
            requests: pct(percentOf(memory.requestBytes, memory.allocatableBytes)),
            limits: pct(percentOf(memory.limitBytes, memory.allocatableBytes)),
          })}
          points={cluster.totals.memory}
          metric="memory"
          allocatable={memory.allocatableBytes}
          color="var(--memory)"
          language={currentLanguage()}
        />
        <AlertList alerts={alerts} tick={tick} now={now} />
        <ClusterNodes
          nodes={cluster.nodes}
          labels={labels}
          ready={summary.nodes.ready}
          total={summary.nodes.total}
          language={currentLanguage()}
        />
        <TopList by="cpu" pods={topPods.cpu.filter(inScope)} />
        <TopList by="memory" pods={topPods.memory.filter(inScope)} />
      </div>
    </div>
  );
}

interface ClusterNodesProps {
  nodes: LiveCluster['nodes'];
  labels: NodeLabels;
  ready: number;
  total: number;
  /** The language on screen: the panel is drawn again in a new one. */
  language: string;
}

/** The page's heat-map: drawn again when a sample comes, not every second with the clock. */
const ClusterNodes = memo(function ClusterNodes({
  nodes,
  labels,
  ready,
  total,
}: ClusterNodesProps) {
  return (
    <section className="noc-panel noc-nodes" aria-label={t('common.nodes')}>
      <NodeHeatmap
        nodes={nodes}
        labels={labels}
        title={
          <>
            {t('common.nodes')} <span className="noc-count">{ready}</span>
            <span className="noc-subtle"> {t('noc.ofReady', { total })}</span>
            <NodePrefix prefix={labels.prefix} />
          </>
        }
      />
    </section>
  );
});
