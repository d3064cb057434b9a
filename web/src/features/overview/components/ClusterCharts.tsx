/** Cluster CPU and memory over the selected range, against allocatable, requests and limits. */
import type { HistoryRange, Summary } from '@kubeglance/shared/api';
import { useHistory } from '../../../api/history';
import { describeError } from '../../../api/errors';
import { UsageChart } from '../../../components/charts/UsageChart';
import { PanelMessage, queryMessage } from '../../../components/PanelMessage';
import { allocationLines } from '../../../lib/allocations';
import { partialCount, partialPoints } from '../../../lib/coverage';
import { newestTime, rangeMs, seriesPoints } from '../../../lib/series';

interface ClusterChartsProps {
  cluster: string;
  summary: Summary;
  range: HistoryRange;
}

export function ClusterCharts({ cluster, summary, range }: ClusterChartsProps) {
  const history = useHistory(cluster, { scope: 'cluster' }, range);
  const message = queryMessage(history, describeError, 'Loading history…');
  if (message || !history.data) return message;
  const cpu = seriesPoints(history.data, 'cpu');
  const memory = seriesPoints(history.data, 'memory');
  const toMs = newestTime(cpu, memory) ?? summary.timestampMs;
  if (toMs == null || cpu.every(([, v]) => v == null)) {
    return (
      <PanelMessage kind="empty">Metrics not available yet: no samples in this range.</PanelMessage>
    );
  }
  const fromMs = toMs - rangeMs(range);
  const { cpu: c, memory: m } = summary;
  const cpuAlloc = allocationLines(history.data, 'cpu', c.requestMillicores);
  const memoryAlloc = allocationLines(history.data, 'memory', m.requestBytes);
  const coverage = history.data.coverage ?? [];
  const partial = partialCount(coverage);
  const marked = (label: string, color: string, points: typeof cpu) => [
    { key: 'usage', label, color, points },
    ...(partial.count > 0
      ? [
          {
            key: 'partial',
            label: 'partial: fewer nodes reported',
            color: 'var(--warn)',
            points: partialPoints(points, coverage),
          },
        ]
      : []),
  ];
  return (
    <>
      {partial.fewest && (
        <p className="chart-partial">
          <span aria-hidden="true">◐ </span>
          {partial.count} {partial.count === 1 ? 'point sums' : 'points sum'} only part of the
          cluster (as few as {partial.fewest[1]} of {partial.fewest[2]} nodes reported): marked in
          the charts, not a drop in usage.
        </p>
      )}
      <div className="grid-2">
        <UsageChart
          metric="cpu"
          title={`Cluster CPU usage, last ${range}`}
          series={[...marked('CPU usage', 'var(--cpu)', cpu), ...cpuAlloc.series]}
          references={[
            { value: c.allocatableMillicores, label: 'allocatable', color: 'var(--text-muted)' },
            ...cpuAlloc.references,
          ]}
          fromMs={fromMs}
          toMs={toMs}
          spans={history.data.spans}
        />
        <UsageChart
          metric="memory"
          title={`Cluster memory usage, last ${range}`}
          series={[...marked('Memory usage', 'var(--memory)', memory), ...memoryAlloc.series]}
          references={[
            { value: m.allocatableBytes, label: 'allocatable', color: 'var(--text-muted)' },
            ...memoryAlloc.references,
          ]}
          fromMs={fromMs}
          toMs={toMs}
          spans={history.data.spans}
        />
      </div>
    </>
  );
}
