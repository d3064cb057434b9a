/** The node's CPU and memory over the range, against its allocatable and its requests. */
import type { HistoryRange, NodeRow } from '@kubeglance/shared/api';
import { useHistory } from '../../../api/history';
import { describeError } from '../../../api/errors';
import { UsageChart } from '../../../components/charts/UsageChart';
import { PanelMessage, queryMessage } from '../../../components/PanelMessage';
import { allocationLines } from '../../../lib/allocations';
import { newestTime, rangeMs, seriesPoints } from '../../../lib/series';
import { t } from '../../../i18n/t';

interface NodeUsageChartsProps {
  cluster: string;
  node: NodeRow;
  requests: { cpu: number; memory: number };
  range: HistoryRange;
}

export function NodeUsageCharts({ cluster, node, requests, range }: NodeUsageChartsProps) {
  const history = useHistory(cluster, { scope: 'node', name: node.name }, range);
  const message = queryMessage(history, describeError, t('common.loadingHistory'));
  if (message || !history.data) return message;
  const cpu = seriesPoints(history.data, 'cpu');
  const memory = seriesPoints(history.data, 'memory');
  const toMs = newestTime(cpu, memory);
  if (toMs == null) return <PanelMessage kind="empty">{t('node.noMetrics')}</PanelMessage>;
  const fromMs = toMs - rangeMs(range);
  const cpuAlloc = allocationLines(history.data, 'cpu', requests.cpu);
  const memoryAlloc = allocationLines(history.data, 'memory', requests.memory);
  const refs = (allocatable: number, alloc: typeof cpuAlloc) => [
    { value: allocatable, label: t('charts.allocatable'), color: 'var(--text-muted)' },
    ...alloc.references,
  ];
  return (
    <div className="grid-2">
      <UsageChart
        metric="cpu"
        title={t('pod.chartTitle.cpu', { range })}
        series={[
          { key: 'usage', label: t('charts.usage.cpu'), color: 'var(--cpu)', points: cpu },
          ...cpuAlloc.series,
        ]}
        references={refs(node.cpu.allocatableMillicores, cpuAlloc)}
        fromMs={fromMs}
        toMs={toMs}
        spans={history.data.spans}
      />
      <UsageChart
        metric="memory"
        title={t('pod.chartTitle.memory', { range })}
        series={[
          { key: 'usage', label: t('charts.usage.memory'), color: 'var(--memory)', points: memory },
          ...memoryAlloc.series,
        ]}
        references={refs(node.memory.allocatableBytes, memoryAlloc)}
        fromMs={fromMs}
        toMs={toMs}
        spans={history.data.spans}
      />
    </div>
  );
}
