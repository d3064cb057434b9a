/** Cluster CPU and memory over the selected range, against allocatable, requests and limits. */
import type {
  CoveragePoint,
  HistoryRange,
  HistorySpan,
  Point,
  Summary,
} from '@kubeglance/shared/api';
import { useHistory } from '../../../api/history';
import { describeError } from '../../../api/errors';
import { UsageChart, type UsageSeries } from '../../../components/charts/UsageChart';
import { PanelMessage, queryMessage } from '../../../components/PanelMessage';
import { allocationLines, type AllocationLines } from '../../../lib/allocations';
import { partialCount, partialPoints } from '../../../lib/coverage';
import { newestTime, rangeMs, seriesPoints } from '../../../lib/series';
import { t } from '../../../i18n/t';

interface ClusterChartsProps {
  cluster: string;
  summary: Summary;
  range: HistoryRange;
}

/** What differs between the CPU and the memory chart. */
const METRICS = {
  cpu: { color: 'var(--cpu)' },
  memory: { color: 'var(--memory)' },
} as const;

type Metric = keyof typeof METRICS;

export function ClusterCharts({ cluster, summary, range }: ClusterChartsProps) {
  const history = useHistory(cluster, { scope: 'cluster' }, range);
  const message = queryMessage(history, describeError, t('common.loadingHistory'));
  if (message || !history.data) return message;
  const points = {
    cpu: seriesPoints(history.data, 'cpu'),
    memory: seriesPoints(history.data, 'memory'),
  };
  const toMs = newestTime(points.cpu, points.memory) ?? summary.timestampMs;
  if (toMs == null || points.cpu.every(([, v]) => v == null)) {
    return <PanelMessage kind="empty">{t('charts.noSamples')}</PanelMessage>;
  }
  const coverage = history.data.coverage ?? [];
  const partial = partialCount(coverage);
  const totals = {
    cpu: {
      allocatable: summary.cpu.allocatableMillicores,
      requests: summary.cpu.requestMillicores,
    },
    memory: { allocatable: summary.memory.allocatableBytes, requests: summary.memory.requestBytes },
  };
  return (
    <>
      {partial.fewest && (
        <p className="chart-partial">
          <span aria-hidden="true">◐ </span>
          {t(partial.count === 1 ? 'charts.partialPoint' : 'charts.partialPoints', {
            n: partial.count,
            fewest: partial.fewest[1],
            total: partial.fewest[2],
          })}
        </p>
      )}
      <div className="grid-2">
        {(['cpu', 'memory'] as const).map((metric) => (
          <ClusterUsageChart
            key={metric}
            metric={metric}
            title={t(`charts.clusterUsage.${metric}`, { range })}
            points={points[metric]}
            coverage={coverage}
            allocatable={totals[metric].allocatable}
            allocation={allocationLines(history.data, metric, totals[metric].requests)}
            fromMs={toMs - rangeMs(range)}
            toMs={toMs}
            spans={history.data.spans}
          />
        ))}
      </div>
    </>
  );
}

interface ClusterUsageChartProps {
  metric: Metric;
  title: string;
  points: readonly Point[];
  coverage: readonly CoveragePoint[];
  allocatable: number;
  /** Requests (and limits) as lines over time, or today's requests as a reference. */
  allocation: AllocationLines;
  fromMs: number;
  toMs: number;
  spans: readonly HistorySpan[] | undefined;
}

/** One resource's usage, its partial points marked, against allocatable, requests and limits. */
function ClusterUsageChart({
  metric,
  points,
  coverage,
  allocation,
  ...props
}: ClusterUsageChartProps) {
  const { color } = METRICS[metric];
  const series: UsageSeries[] = [
    { key: 'usage', label: t(`charts.usage.${metric}`), color, points },
  ];
  if (partialCount(coverage).count > 0) {
    series.push({
      key: 'partial',
      label: t('charts.partialSeries'),
      color: 'var(--warn)',
      points: partialPoints(points, coverage),
    });
  }
  series.push(...allocation.series);
  return (
    <UsageChart
      metric={metric}
      title={props.title}
      series={series}
      references={[
        { value: props.allocatable, label: t('charts.allocatable'), color: 'var(--text-muted)' },
        ...allocation.references,
      ]}
      fromMs={props.fromMs}
      toMs={props.toMs}
      spans={props.spans}
    />
  );
}
