/**
 * A node's CPU and memory trend: its history (fetched once the row scrolls into
 * view) extended by the live samples of the stream.
 */
import { useRef } from 'react';
import type { HistoryRange, NodeRow } from '@kubeglance/shared/api';
import { useHistory } from '../../../api/history';
import type { UsageSeries } from '../../../api/liveState';
import { Sparkline } from '../../../components/Sparkline';
import { useSeen } from '../../../hooks/useInView';
import { mergePoints, newestTime, rangeMs, seriesPoints } from '../../../lib/series';
import { t } from '../../../i18n/t';

interface NodeTrendProps {
  cluster: string;
  node: NodeRow;
  range: HistoryRange;
  live: UsageSeries | undefined;
}

export function NodeTrend({ cluster, node, range, live }: NodeTrendProps) {
  const ref = useRef<HTMLSpanElement>(null);
  const seen = useSeen(ref);
  const history = useHistory(cluster, { scope: 'node', name: node.name }, range, seen);
  const cpu = mergePoints(seriesPoints(history.data, 'cpu'), live?.cpu ?? []);
  const memory = mergePoints(seriesPoints(history.data, 'memory'), live?.memory ?? []);
  const toMs = newestTime(cpu, memory) ?? 0;
  return (
    <span ref={ref} className="node-trend">
      {!node.metricsAvailable && cpu.every(([, v]) => v == null) ? (
        <span className="muted">{t('common.noMetrics')}</span>
      ) : cpu.filter(([, v]) => v != null).length < 3 ? (
        // One or two points draw a dot or a stub that reads as a broken line.
        <span className="muted">{t('overview.collecting')}</span>
      ) : (
        <Sparkline
          label={t('overview.trendLabel', { node: node.name, range })}
          fromMs={toMs - rangeMs(range)}
          toMs={toMs}
          series={[
            { points: cpu, max: node.cpu.allocatableMillicores, className: 'spark-cpu' },
            { points: memory, max: node.memory.allocatableBytes, className: 'spark-memory' },
          ]}
        />
      )}
    </span>
  );
}
