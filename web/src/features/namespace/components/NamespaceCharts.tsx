/**
 * Namespace CPU and memory over the range, stacked by its top five pods plus
 * "other pods" (the namespace total minus those five), with requests and limits.
 */
import type {
  HistoryRange,
  HistoryResponse,
  NamespaceRow,
  Point,
  TopPod,
} from '@kubeglance/shared/api';
import { useHistories, useHistory } from '../../../api/history';
import { describeError } from '../../../api/errors';
import { useTopPods } from '../../../api/topPods';
import { TimeSeriesChart } from '../../../components/charts/Chart';
import type { ChartReference, ChartSeriesDef } from '../../../components/charts/types';
import { PanelMessage, queryMessage } from '../../../components/PanelMessage';
import {
  axisNumber,
  BYTES_PER_GIB,
  MILLICORES_PER_CORE,
  newestTime,
  OTHER_KEY,
  rangeMs,
  seriesPoints,
  toChartRows,
  withOther,
} from '../../../lib/series';

const TOP = 5;

interface NamespaceChartsProps {
  cluster: string;
  namespace: string;
  range: HistoryRange;
  totals: NamespaceRow | undefined;
}

export function NamespaceCharts({ cluster, namespace, range, totals }: NamespaceChartsProps) {
  const total = useHistory(cluster, { scope: 'namespace', namespace }, range);
  const topCpu = useTopPods(cluster, { sort: 'cpu', limit: TOP, namespace }).data?.items ?? [];
  const topMem = useTopPods(cluster, { sort: 'memory', limit: TOP, namespace }).data?.items ?? [];
  const podNames = [...new Set([...topCpu, ...topMem].map((p) => p.name))];
  const podHistories = useHistories(
    cluster,
    podNames.map((pod) => ({ scope: 'pod', namespace, pod })),
    range,
  );
  const message = queryMessage(total, describeError, 'Loading history…');
  if (message || !total.data) return message;
  const cpuTotal = seriesPoints(total.data, 'cpu');
  const memTotal = seriesPoints(total.data, 'memory');
  const toMs = newestTime(cpuTotal, memTotal);
  if (toMs == null)
    return <PanelMessage kind="empty">Metrics not available yet for this namespace.</PanelMessage>;
  const byPod = new Map(podNames.map((name, i) => [name, podHistories[i]?.data]));
  const cpu = stackByPod(topCpu, 'cpu', cpuTotal, byPod);
  const mem = stackByPod(topMem, 'memory', memTotal, byPod);
  const refs = (
    request: number | undefined,
    limit: number | undefined,
    scale: number,
  ): ChartReference[] => [
    ...(request
      ? [{ value: request / scale, label: 'requests', color: 'var(--request)', dashed: true }]
      : []),
    ...(limit
      ? [{ value: limit / scale, label: 'limits', color: 'var(--limit)', dashed: true }]
      : []),
  ];
  return (
    <div className="grid-2">
      <TimeSeriesChart
        title={`CPU by pod, last ${range}, in cores`}
        rows={toChartRows(cpu.data, MILLICORES_PER_CORE)}
        series={cpu.series}
        stacked
        references={refs(
          totals?.cpu.requestMillicores,
          totals?.cpu.limitMillicores,
          MILLICORES_PER_CORE,
        )}
        unit="cores"
        fromMs={toMs - rangeMs(range)}
        toMs={toMs}
        height={240}
        formatValue={axisNumber}
      />
      <TimeSeriesChart
        title={`Memory by pod, last ${range}, in GiB`}
        rows={toChartRows(mem.data, BYTES_PER_GIB)}
        series={mem.series}
        stacked
        references={refs(totals?.memory.requestBytes, totals?.memory.limitBytes, BYTES_PER_GIB)}
        unit="GiB"
        fromMs={toMs - rangeMs(range)}
        toMs={toMs}
        height={240}
        formatValue={axisNumber}
      />
    </div>
  );
}

/** Series for a stacked chart: one per top pod whose history has arrived, plus the rest. */
function stackByPod(
  pods: readonly TopPod[],
  metric: 'cpu' | 'memory',
  totalPoints: readonly Point[],
  histories: ReadonlyMap<string, HistoryResponse | undefined>,
) {
  const parts: Record<string, readonly Point[]> = {};
  const series: ChartSeriesDef[] = [];
  pods.forEach((p, i) => {
    const h = histories.get(p.name);
    if (!h) return;
    parts[`p${i}`] = seriesPoints(h, metric);
    series.push({ key: `p${i}`, label: p.name, color: `var(--series-${i})` });
  });
  series.push({
    key: OTHER_KEY,
    label: series.length > 0 ? 'other pods' : 'all pods',
    color: 'var(--series-other)',
  });
  return { data: withOther(totalPoints, parts), series };
}
