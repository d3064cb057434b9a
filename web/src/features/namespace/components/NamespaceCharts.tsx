/**
 * Namespace CPU and memory over the range, stacked by its heaviest pods, with the rest as
 * "other pods" on its own axis (podStack.ts). Under the pod table's filter the charts show
 * the same pods: the heaviest matching ones and the sum of the other matches. Requests and
 * limits are in the page head as numbers: as lines they dwarf the usage.
 */
import { memo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { HistoryRange, PodRow, SampledListResponse } from '@kubeglance/shared/api';
import { useHistories, useHistory } from '../../../api/history';
import { describeError } from '../../../api/errors';
import { namespacePodsQuery } from '../../../api/namespacePods';
import { useTopPods } from '../../../api/topPods';
import { UsageChart } from '../../../components/charts/UsageChart';
import { PanelMessage, queryMessage } from '../../../components/PanelMessage';
import { matchesQuery } from '../../../lib/sort';
import { newestTime, rangeMs, seriesPoints } from '../../../lib/series';
import { podSearchText, toPodView } from '../podView';
import { useTableFirst } from '../useTableFirst';
import { heaviest, MAX_SUMMED, stackSeries, TOP, type StackInput } from '../podStack';
import { t } from '../../../i18n/t';

interface NamespaceChartsProps {
  cluster: string;
  namespace: string;
  range: HistoryRange;
  /** The pod table's filter ('' = all pods). */
  query: string;
}

const podItems = (list: SampledListResponse<PodRow>) => list.items;
const nothing = () => null;

/** The pods each chart draws and what its "other" band sums, with or without a filter. */
function usePodSelection(cluster: string, namespace: string, query: string) {
  const filtering = query.trim() !== '';
  const topCpu = useTopPods(cluster, { sort: 'cpu', limit: TOP, namespace }).data?.items ?? [];
  const topMem = useTopPods(cluster, { sort: 'memory', limit: TOP, namespace }).data?.items ?? [];
  // Only a filter needs the pod list: without one, its arrival (10,000 pods, the moment the
  // table is built) must not redraw the charts.
  const podList = useQuery({
    ...namespacePodsQuery(cluster, namespace),
    select: filtering ? podItems : nothing,
  });
  const pods = podList.data;
  const podsPending = podList.isPending;
  if (!filtering) {
    const cpu = topCpu.map((p) => p.name);
    return { cpu, memory: topMem.map((p) => p.name), matches: null, podsPending };
  }
  const matches = (pods ?? [])
    .filter((p) => matchesQuery(query, podSearchText(toPodView(p))))
    .map((p) => ({ name: p.name, cpu: p.cpu.usageMillicores, memory: p.memory.usageBytes }));
  return {
    cpu: heaviest(matches, 'cpu'),
    memory: heaviest(matches, 'memory'),
    matches,
    podsPending,
  };
}

/**
 * Memoised: its props are the only URL state it reads, so a sort or an expanded row (which
 * re-render the page through the URL) does not redraw both charts.
 */
export const NamespaceCharts = memo(function NamespaceCharts({
  cluster,
  namespace,
  range,
  query,
}: NamespaceChartsProps) {
  const total = useHistory(cluster, { scope: 'namespace', namespace }, range);
  const picked = usePodSelection(cluster, namespace, query);
  const page = [...new Set([...picked.cpu, ...picked.memory])];
  const matchNames = picked.matches?.map((m) => m.name) ?? [];
  const summed = picked.matches != null && matchNames.length <= MAX_SUMMED;
  const fetched = summed ? matchNames : page;
  const histories = useHistories(
    cluster,
    fetched.map((pod) => ({ scope: 'pod', namespace, pod })),
    range,
  );
  // Drawn once the pod table has been (useTableFirst.ts); until then each chart's frame
  // (title, legend) shows with its same-height placeholder, so nothing moves when it comes.
  const tableFirst = useTableFirst(picked.podsPending);
  const message = queryMessage(total, describeError, t('common.loadingHistory'));
  if (message || !total.data) return message;
  const cpuTotal = seriesPoints(total.data, 'cpu');
  const memTotal = seriesPoints(total.data, 'memory');
  const toMs = newestTime(cpuTotal, memTotal);
  if (toMs == null) return <PanelMessage kind="empty">{t('namespace.noMetrics')}</PanelMessage>;
  if (picked.matches?.length === 0)
    return <PanelMessage kind="empty">{t('namespace.noChartMatch')}</PanelMessage>;

  const series = (metric: 'cpu' | 'memory', top: readonly string[], totalPoints = cpuTotal) => {
    const points = new Map<string, ReturnType<typeof seriesPoints>>();
    fetched.forEach((name, i) => {
      const h = histories[i]?.data;
      if (h) points.set(name, seriesPoints(h, metric));
    });
    const other: StackInput['other'] =
      picked.matches == null
        ? { total: totalPoints }
        : summed
          ? { rest: matchNames.filter((n) => !top.includes(n)) }
          : null;
    const otherLabel =
      picked.matches == null ? t('namespace.otherPods') : t('namespace.otherMatchingPods');
    return stackSeries({ top, page, points, other, otherLabel });
  };
  const byPod = (metric: 'cpu' | 'memory') =>
    picked.matches == null
      ? t(`namespace.byPod.${metric}`)
      : t(`namespace.byPodMatching.${metric}`, { query: query.trim() });
  const charts = [
    { metric: 'cpu', title: byPod('cpu'), top: picked.cpu, total: cpuTotal },
    { metric: 'memory', title: byPod('memory'), top: picked.memory, total: memTotal },
  ] as const;
  return (
    <>
      {picked.matches != null && !summed && (
        <p className="chart-note">
          {t('namespace.topOfMatches', { n: matchNames.length, top: TOP })}
        </p>
      )}
      <div className="grid-2">
        {charts.map((c) => (
          <UsageChart
            key={c.metric}
            metric={c.metric}
            title={t('namespace.chartTitle', { title: c.title, range })}
            series={series(c.metric, c.top, c.total)}
            stacked
            fromMs={toMs - rangeMs(range)}
            toMs={toMs}
            height={240}
            spans={total.data.spans}
            drawLater={!tableFirst}
          />
        ))}
      </div>
    </>
  );
});
