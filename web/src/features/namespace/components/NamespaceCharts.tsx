/**
 * Namespace CPU and memory over the range, stacked by its top five pods plus
 * "other pods" (the namespace total minus those five). Requests and limits are in
 * the page head as numbers: as lines they dwarf the usage and flatten the stack.
 */
import type { HistoryRange, HistoryResponse, Point, TopPod } from '@kubeglance/shared/api';
import { useHistories, useHistory } from '../../../api/history';
import { describeError } from '../../../api/errors';
import { useTopPods } from '../../../api/topPods';
import { UsageChart, type UsageSeries } from '../../../components/charts/UsageChart';
import { PanelMessage, queryMessage } from '../../../components/PanelMessage';
import { newestTime, OTHER_KEY, rangeMs, seriesPoints, withOther } from '../../../lib/series';

const TOP = 5;

interface NamespaceChartsProps {
  cluster: string;
  namespace: string;
  range: HistoryRange;
}

export function NamespaceCharts({ cluster, namespace, range }: NamespaceChartsProps) {
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
  return (
    <div className="grid-2">
      <UsageChart
        metric="cpu"
        title={`CPU by pod, last ${range}`}
        series={cpu}
        stacked
        fromMs={toMs - rangeMs(range)}
        toMs={toMs}
        height={240}
        spans={total.data.spans}
      />
      <UsageChart
        metric="memory"
        title={`Memory by pod, last ${range}`}
        series={mem}
        stacked
        fromMs={toMs - rangeMs(range)}
        toMs={toMs}
        height={240}
        spans={total.data.spans}
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
  const labels: { key: string; label: string; color: string }[] = [];
  pods.forEach((p, i) => {
    const h = histories.get(p.name);
    if (!h) return;
    parts[`p${i}`] = seriesPoints(h, metric);
    labels.push({ key: `p${i}`, label: p.name, color: `var(--series-${i})` });
  });
  labels.push({
    key: OTHER_KEY,
    label: labels.length > 0 ? 'other pods' : 'all pods',
    color: 'var(--series-other)',
  });
  const data = withOther(totalPoints, parts);
  return labels.map((l): UsageSeries => ({ ...l, points: data[l.key] ?? [] }));
}
