/** The detailed wall-screen page of one cluster. */
import { formatBytesIEC, formatCores } from '@kubeglance/shared/humanFormat';
import type { LiveCluster } from '../../../api/liveState';
import { partialNodes } from '../../../lib/partial';
import { percentOf } from '../../../lib/thresholds';
import { alertsOf } from '../alerts';
import { AlertList } from './AlertList';
import { BigStat } from './BigStat';
import { DiagnosisLine, diagnosisShown } from './DiagnosisLine';
import { NodeHeatmap, NodePrefix } from './NodeHeatmap';
import { nodeLabels } from '../../../lib/nodeLabels';
import { TopList } from './TopList';

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
    ? `${format(allocatable)} allocatable`
    : `${format(usage)} of ${format(allocatable)}`;
}

export function ClusterPage({ cluster, namespaces, tick, now, stale }: ClusterPageProps) {
  const { summary, topPods } = cluster;
  const { cpu, memory } = summary;
  const inScope = (p: { namespace: string }) =>
    namespaces.length === 0 || namespaces.includes(p.namespace);
  const alerts = alertsOf(cluster, namespaces);
  const labels = nodeLabels(cluster.nodes.map((n) => n.name));
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
          secondary={`requests ${pct(percentOf(cpu.requestMillicores, cpu.allocatableMillicores))} · limits ${pct(percentOf(cpu.limitMillicores, cpu.allocatableMillicores))}`}
          points={cluster.totals.cpu}
          metric="cpu"
          allocatable={cpu.allocatableMillicores}
          color="var(--cpu)"
        />
        <BigStat
          label="Memory"
          percent={memory.percent}
          detail={ofAllocatable(memory.usageBytes, memAlloc, formatBytesIEC)}
          partial={partial}
          secondary={`requests ${pct(percentOf(memory.requestBytes, memory.allocatableBytes))} · limits ${pct(percentOf(memory.limitBytes, memory.allocatableBytes))}`}
          points={cluster.totals.memory}
          metric="memory"
          allocatable={memory.allocatableBytes}
          color="var(--memory)"
        />
        <AlertList alerts={alerts} tick={tick} now={now} />
        <section className="noc-panel noc-nodes" aria-label="Nodes">
          <NodeHeatmap
            nodes={cluster.nodes}
            labels={labels}
            title={
              <>
                Nodes <span className="noc-count">{summary.nodes.ready}</span>
                <span className="noc-subtle"> / {summary.nodes.total} ready</span>
                <NodePrefix prefix={labels.prefix} />
              </>
            }
          />
        </section>
        <TopList by="cpu" pods={topPods.cpu.filter(inScope)} />
        <TopList by="memory" pods={topPods.memory.filter(inScope)} />
      </div>
    </div>
  );
}
