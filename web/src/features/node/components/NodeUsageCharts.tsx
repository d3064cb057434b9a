/** The node's CPU and memory over the range, against its allocatable and its requests. */
import type { HistoryRange, NodeRow } from '@kubeglance/shared/api';
import { useHistory } from '../../../api/history';
import { describeError } from '../../../api/errors';
import { UsageChart } from '../../../components/charts/UsageChart';
import { PanelMessage, queryMessage } from '../../../components/PanelMessage';
import { newestTime, rangeMs, seriesPoints } from '../../../lib/series';

interface NodeUsageChartsProps {
  cluster: string;
  node: NodeRow;
  requests: { cpu: number; memory: number };
  range: HistoryRange;
}

export function NodeUsageCharts({ cluster, node, requests, range }: NodeUsageChartsProps) {
  const history = useHistory(cluster, { scope: 'node', name: node.name }, range);
  const message = queryMessage(history, describeError, 'Loading history…');
  if (message || !history.data) return message;
  const cpu = seriesPoints(history.data, 'cpu');
  const memory = seriesPoints(history.data, 'memory');
  const toMs = newestTime(cpu, memory);
  if (toMs == null) return <PanelMessage kind="empty">No metrics for this node yet.</PanelMessage>;
  const fromMs = toMs - rangeMs(range);
  const refs = (allocatable: number, request: number) => [
    { value: allocatable, label: 'allocatable', color: 'var(--text-muted)' },
    { value: request, label: 'requests', color: 'var(--request)', dashed: true, labelBelow: true },
  ];
  return (
    <div className="grid-2">
      <UsageChart
        metric="cpu"
        title={`CPU, last ${range}`}
        series={[{ key: 'usage', label: 'CPU usage', color: 'var(--cpu)', points: cpu }]}
        references={refs(node.cpu.allocatableMillicores, requests.cpu)}
        fromMs={fromMs}
        toMs={toMs}
        spans={history.data.spans}
      />
      <UsageChart
        metric="memory"
        title={`Memory, last ${range}`}
        series={[{ key: 'usage', label: 'Memory usage', color: 'var(--memory)', points: memory }]}
        references={refs(node.memory.allocatableBytes, requests.memory)}
        fromMs={fromMs}
        toMs={toMs}
        spans={history.data.spans}
      />
    </div>
  );
}
