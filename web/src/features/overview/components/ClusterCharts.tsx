/** Cluster CPU and memory over the selected range, against allocatable, requests and limits. */
import type { HistoryRange, Summary } from '@kubeglance/shared/api';
import { useHistory } from '../../../api/history';
import { describeError } from '../../../api/errors';
import { TimeSeriesChart } from '../../../components/charts/Chart';
import { PanelMessage, queryMessage } from '../../../components/PanelMessage';
import {
  axisNumber,
  BYTES_PER_GIB,
  MILLICORES_PER_CORE,
  newestTime,
  rangeMs,
  seriesPoints,
  toChartRows,
} from '../../../lib/series';

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
  return (
    <div className="grid-2">
      <TimeSeriesChart
        title={`Cluster CPU usage, last ${range}, in cores`}
        rows={toChartRows({ usage: cpu }, MILLICORES_PER_CORE)}
        series={[{ key: 'usage', label: 'CPU usage', color: 'var(--cpu)' }]}
        references={[
          {
            value: c.allocatableMillicores / MILLICORES_PER_CORE,
            label: 'allocatable',
            color: 'var(--text-muted)',
          },
          {
            value: c.requestMillicores / MILLICORES_PER_CORE,
            label: 'requests',
            color: 'var(--request)',
            dashed: true,
          },
        ]}
        unit="cores"
        fromMs={fromMs}
        toMs={toMs}
        formatValue={axisNumber}
      />
      <TimeSeriesChart
        title={`Cluster memory usage, last ${range}, in GiB`}
        rows={toChartRows({ usage: memory }, BYTES_PER_GIB)}
        series={[{ key: 'usage', label: 'Memory usage', color: 'var(--memory)' }]}
        references={[
          {
            value: m.allocatableBytes / BYTES_PER_GIB,
            label: 'allocatable',
            color: 'var(--text-muted)',
          },
          {
            value: m.requestBytes / BYTES_PER_GIB,
            label: 'requests',
            color: 'var(--request)',
            dashed: true,
          },
        ]}
        unit="GiB"
        fromMs={fromMs}
        toMs={toMs}
        formatValue={axisNumber}
      />
    </div>
  );
}
