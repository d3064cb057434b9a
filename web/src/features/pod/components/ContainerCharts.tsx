/** One container's CPU and memory over the range, with its request and limit as lines. */
import type { ContainerRow, HistoryRange } from '@kubeglance/shared/api';
import { formatBytesIEC, formatCores } from '@kubeglance/shared/humanFormat';
import { useHistory } from '../../../api/history';
import { describeError } from '../../../api/errors';
import { UsageChart } from '../../../components/charts/UsageChart';
import type { ChartReference } from '../../../components/charts/types';
import { Panel } from '../../../components/Panel';
import { Flags } from '../../../components/PodBadges';
import { ContainerKindBadge } from '../../../components/ContainerKind';
import { PanelMessage, queryMessage } from '../../../components/PanelMessage';
import { usageFlags } from '../../../lib/thresholds';
import { newestTime, rangeMs, seriesPoints } from '../../../lib/series';
import { t } from '../../../i18n/t';

interface ContainerChartsProps {
  cluster: string;
  namespace: string;
  pod: string;
  container: ContainerRow;
  range: HistoryRange;
}

/** A value, or words for its absence (never a zero). */
function show(value: number | null, format: (v: number) => string, none?: string) {
  return value == null ? (none ?? t('common.notSet')) : format(value);
}

function lines(request: number | null, limit: number | null): ChartReference[] {
  if (request != null && request === limit) {
    return [{ value: limit, label: t('pod.requestEqualsLimit'), color: 'var(--limit)' }];
  }
  const refs: ChartReference[] = [];
  if (request != null) {
    refs.push({
      value: request,
      label: t('pod.request'),
      color: 'var(--request)',
      dashed: true,
      labelBelow: true,
    });
  }
  if (limit != null) refs.push({ value: limit, label: t('pod.limit'), color: 'var(--limit)' });
  return refs;
}

export function ContainerCharts({
  cluster,
  namespace,
  pod,
  container,
  range,
}: ContainerChartsProps) {
  const history = useHistory(
    cluster,
    { scope: 'container', namespace, pod, name: container.name },
    range,
  );
  const { cpu, memory } = container;
  const summary = (
    <span className="muted container-summary">
      {t('pod.containerSummary', {
        cpu: show(cpu.usageMillicores, formatCores, t('common.unknown')),
        cpuRequest: show(cpu.requestMillicores, formatCores),
        cpuLimit: show(cpu.limitMillicores, formatCores),
        memory: show(memory.usageBytes, formatBytesIEC, t('common.unknown')),
        memoryRequest: show(memory.requestBytes, formatBytesIEC),
        memoryLimit: show(memory.limitBytes, formatBytesIEC),
      })}
    </span>
  );
  return (
    <Panel
      title={
        <>
          {t('pod.container', { name: container.name })}{' '}
          <ContainerKindBadge kind={container.kind} />
        </>
      }
      actions={<Flags flags={usageFlags(cpu, memory)} />}
    >
      <div className="panel-body">
        <p className="container-facts">{summary}</p>
        <ContainerChartBody history={history} range={range} container={container} />
      </div>
    </Panel>
  );
}

function ContainerChartBody({
  history,
  range,
  container,
}: {
  history: ReturnType<typeof useHistory>;
  range: HistoryRange;
  container: ContainerRow;
}) {
  const message = queryMessage(history, describeError, t('common.loadingHistory'));
  if (message || !history.data) return message;
  const cpu = seriesPoints(history.data, 'cpu');
  const memory = seriesPoints(history.data, 'memory');
  const toMs = newestTime(cpu, memory);
  if (toMs == null) return <PanelMessage kind="empty">{t('pod.noMetrics')}</PanelMessage>;
  const fromMs = toMs - rangeMs(range);
  return (
    <div className="grid-2">
      <UsageChart
        metric="cpu"
        title={t('pod.chartTitle.cpu', { range })}
        series={[{ key: 'usage', label: t('charts.usage.cpu'), color: 'var(--cpu)', points: cpu }]}
        references={lines(container.cpu.requestMillicores, container.cpu.limitMillicores)}
        fromMs={fromMs}
        toMs={toMs}
        spans={history.data.spans}
      />
      <UsageChart
        metric="memory"
        title={t('pod.chartTitle.memory', { range })}
        series={[
          { key: 'usage', label: t('charts.usage.memory'), color: 'var(--memory)', points: memory },
        ]}
        references={lines(container.memory.requestBytes, container.memory.limitBytes)}
        fromMs={fromMs}
        toMs={toMs}
        spans={history.data.spans}
      />
    </div>
  );
}
