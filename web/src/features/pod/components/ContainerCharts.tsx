/** One container's CPU and memory over the range, with its request and limit as lines. */
import type { ContainerRow, HistoryRange } from '@kubeglance/shared/api';
import { formatBytesIEC, formatCores } from '@kubeglance/shared/humanFormat';
import { useHistory } from '../../../api/history';
import { describeError } from '../../../api/errors';
import { TimeSeriesChart } from '../../../components/charts/Chart';
import type { ChartReference } from '../../../components/charts/types';
import { Panel } from '../../../components/Panel';
import { Flags } from '../../../components/PodBadges';
import { PanelMessage, queryMessage } from '../../../components/PanelMessage';
import { usageFlags } from '../../../lib/thresholds';
import {
  axisNumber,
  BYTES_PER_GIB,
  MILLICORES_PER_CORE,
  newestTime,
  rangeMs,
  seriesPoints,
  toChartRows,
} from '../../../lib/series';

interface ContainerChartsProps {
  cluster: string;
  namespace: string;
  pod: string;
  container: ContainerRow;
  range: HistoryRange;
}

/** A value, or words for its absence (never a zero). */
function show(value: number | null, format: (v: number) => string, none = 'not set') {
  return value == null ? none : format(value);
}

function lines(request: number | null, limit: number | null, scale: number): ChartReference[] {
  const refs: ChartReference[] = [];
  if (request != null)
    refs.push({ value: request / scale, label: 'request', color: 'var(--request)', dashed: true });
  if (limit != null) refs.push({ value: limit / scale, label: 'limit', color: 'var(--limit)' });
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
      CPU {show(cpu.usageMillicores, formatCores, 'unknown')} (request{' '}
      {show(cpu.requestMillicores, formatCores)}, limit {show(cpu.limitMillicores, formatCores)}) ·
      memory {show(memory.usageBytes, formatBytesIEC, 'unknown')} (request{' '}
      {show(memory.requestBytes, formatBytesIEC)}, limit {show(memory.limitBytes, formatBytesIEC)})
    </span>
  );
  return (
    <Panel
      title={`Container ${container.name}`}
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
  const message = queryMessage(history, describeError, 'Loading history…');
  if (message || !history.data) return message;
  const cpu = seriesPoints(history.data, 'cpu');
  const memory = seriesPoints(history.data, 'memory');
  const toMs = newestTime(cpu, memory);
  if (toMs == null)
    return <PanelMessage kind="empty">Metrics not available yet for this container.</PanelMessage>;
  const fromMs = toMs - rangeMs(range);
  return (
    <div className="grid-2">
      <TimeSeriesChart
        title={`CPU, last ${range}, in cores`}
        rows={toChartRows({ usage: cpu }, MILLICORES_PER_CORE)}
        series={[{ key: 'usage', label: 'CPU usage', color: 'var(--cpu)' }]}
        references={lines(
          container.cpu.requestMillicores,
          container.cpu.limitMillicores,
          MILLICORES_PER_CORE,
        )}
        unit="cores"
        fromMs={fromMs}
        toMs={toMs}
        formatValue={axisNumber}
      />
      <TimeSeriesChart
        title={`Memory, last ${range}, in GiB`}
        rows={toChartRows({ usage: memory }, BYTES_PER_GIB)}
        series={[{ key: 'usage', label: 'Memory usage', color: 'var(--memory)' }]}
        references={lines(
          container.memory.requestBytes,
          container.memory.limitBytes,
          BYTES_PER_GIB,
        )}
        unit="GiB"
        fromMs={fromMs}
        toMs={toMs}
        formatValue={axisNumber}
      />
    </div>
  );
}
