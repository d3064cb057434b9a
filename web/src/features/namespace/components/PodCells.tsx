/** Cells of one pod or container row: usage, request, limit and k9s percentages. */
import type { ReactNode } from 'react';
import type { PodMetricsState } from '@kubeglance/shared/api';
import { formatMemoryKubectl, formatMillicoresKubectl } from '@kubeglance/shared/format';
import { Flags } from '../../../components/PodBadges';
import { NotSet, Unknown } from '../../../components/Unknown';
import type { ResourceView, UsageView } from '../podView';
import { isOomRisk, isOverProvisioned } from '../../../lib/thresholds';
import { t } from '../../../i18n/t';

function unknownUsage(metrics: PodMetricsState) {
  const text =
    metrics === 'ok'
      ? t('common.unknown')
      : metrics === 'warming-up'
        ? t('namespace.warmingUp')
        : t('common.noMetrics');
  const title =
    metrics === 'warming-up' ? t('namespace.warmingUpTitle') : t('namespace.noUsageTitle');
  return <Unknown text={text} title={title} />;
}

function Percent({
  value,
  hasReference,
  hot,
}: {
  value: number | null;
  hasReference: boolean;
  hot?: boolean;
}) {
  if (!hasReference)
    return (
      <span className="muted" title={t('common.notSet')}>
        {t('namespace.notApplicable')}
      </span>
    );
  if (value == null) return <Unknown text="—" title={t('tile.usageUnknown')} />;
  return <span className={hot ? 'pct-hot' : undefined}>{value}%</span>;
}

/** The usage columns of the pod table, by column key. */
export type UsageKey =
  | 'cpu'
  | 'cpuRequest'
  | 'cpuLimit'
  | 'cpuPctRequest'
  | 'cpuPctLimit'
  | 'memory'
  | 'memoryRequest'
  | 'memoryLimit'
  | 'memoryPctRequest'
  | 'memoryPctLimit'
  | 'flags';

type ResourceKey = 'Usage' | 'Request' | 'Limit' | 'PctRequest' | 'PctLimit';

function resourceCells(
  u: UsageView,
  format: (v: number) => string,
  metrics: PodMetricsState,
  memory: boolean,
): Record<ResourceKey, ReactNode> {
  const hotLimit = memory && isOomRisk(u.pctLimit);
  const lowRequest = isOverProvisioned(u.pctRequest);
  return {
    Usage: <td className="num">{u.usage == null ? unknownUsage(metrics) : format(u.usage)}</td>,
    Request: <td className="num">{u.request == null ? <NotSet /> : format(u.request)}</td>,
    Limit: <td className="num">{u.limit == null ? <NotSet /> : format(u.limit)}</td>,
    PctRequest: (
      <td className={`num ${lowRequest ? 'pct-low' : ''}`}>
        <Percent value={u.pctRequest} hasReference={u.request != null && u.request > 0} />
      </td>
    ),
    PctLimit: (
      <td className="num">
        <Percent value={u.pctLimit} hasReference={u.limit != null && u.limit > 0} hot={hotLimit} />
      </td>
    ),
  };
}

/** The usage, request, limit, percentage and flag cells of one pod or container row. */
export function usageCells(
  view: ResourceView,
  metrics: PodMetricsState,
): Record<UsageKey, ReactNode> {
  const cpu = resourceCells(view.cpu, formatMillicoresKubectl, metrics, false);
  const mem = resourceCells(view.memory, formatMemoryKubectl, metrics, true);
  return {
    cpu: cpu.Usage,
    cpuRequest: cpu.Request,
    cpuLimit: cpu.Limit,
    cpuPctRequest: cpu.PctRequest,
    cpuPctLimit: cpu.PctLimit,
    memory: mem.Usage,
    memoryRequest: mem.Request,
    memoryLimit: mem.Limit,
    memoryPctRequest: mem.PctRequest,
    memoryPctLimit: mem.PctLimit,
    flags: (
      <td>
        <Flags flags={view.flags} compact />
      </td>
    ),
  };
}
