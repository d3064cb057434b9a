/**
 * Requests and limits on a usage chart. Over a long range whose response carries
 * kube-state-metrics' history they are lines over time (what was requested then); otherwise
 * today's requests are one flat line, named "today" on a long range so nobody reads it as
 * last week's value.
 */
import type { HistoryResponse, Point } from '@kubeglance/shared/api';
import type { UsageSeries } from '../components/charts/UsageChart';
import type { ChartReference } from '../components/charts/types';
import { t } from '../i18n/t';

function pointsOf(list: HistoryResponse['requests'], metric: 'cpu' | 'memory'): Point[] | null {
  const points = list?.find((s) => s.metric === metric)?.points;
  return points && points.some(([, v]) => v !== null) ? points : null;
}

export interface AllocationLines {
  series: UsageSeries[];
  references: ChartReference[];
}

/** Lines for one chart; `today` is the current requests sum (API units). */
export function allocationLines(
  data: HistoryResponse,
  metric: 'cpu' | 'memory',
  today: number,
): AllocationLines {
  const requests = pointsOf(data.requests, metric);
  if (requests) {
    const limits = pointsOf(data.limits, metric);
    const line = (key: string, label: string, color: string, points: Point[]): UsageSeries => ({
      key,
      label,
      color,
      points,
      line: true,
    });
    return {
      series: [
        line('requests', t('charts.ksmRequests'), 'var(--request)', requests),
        ...(limits ? [line('limits', t('charts.ksmLimits'), 'var(--limit)', limits)] : []),
      ],
      references: [],
    };
  }
  const label = data.spans ? t('charts.requestsToday') : t('charts.requests');
  return {
    series: [],
    references: [{ value: today, label, color: 'var(--request)', dashed: true, labelBelow: true }],
  };
}
