/** Cells of one pod or container row: usage, request, limit and k9s percentages. */
import type { PodMetricsState } from '@kubeglance/shared/api';
import { formatMemoryKubectl, formatMillicoresKubectl } from '@kubeglance/shared/format';
import { Flags } from '../../../components/PodBadges';
import { NotSet, Unknown } from '../../../components/Unknown';
import type { ResourceView, UsageView } from '../podView';
import { isOomRisk, isOverProvisioned } from '../../../lib/thresholds';

const METRICS_TEXT: Record<Exclude<PodMetricsState, 'ok'>, string> = {
  'warming-up': 'warming up',
  missing: 'no metrics',
};

function unknownUsage(metrics: PodMetricsState) {
  const text = metrics === 'ok' ? 'unknown' : METRICS_TEXT[metrics];
  const title =
    metrics === 'warming-up'
      ? 'The pod is younger than the first metrics scrape (about 2 minutes)'
      : 'metrics-server reports no usage for this pod';
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
      <span className="muted" title="not set">
        n/a
      </span>
    );
  if (value == null) return <Unknown text="—" title="usage unknown" />;
  return <span className={hot ? 'pct-hot' : undefined}>{value}%</span>;
}

function ResourceCells({
  u,
  format,
  metrics,
  memory,
}: {
  u: UsageView;
  format: (v: number) => string;
  metrics: PodMetricsState;
  memory: boolean;
}) {
  const hotLimit = memory && isOomRisk(u.pctLimit);
  const lowRequest = isOverProvisioned(u.pctRequest);
  return (
    <>
      <td className="num">{u.usage == null ? unknownUsage(metrics) : format(u.usage)}</td>
      <td className="num">{u.request == null ? <NotSet /> : format(u.request)}</td>
      <td className="num">{u.limit == null ? <NotSet /> : format(u.limit)}</td>
      <td className={`num ${lowRequest ? 'pct-low' : ''}`}>
        <Percent value={u.pctRequest} hasReference={u.request != null && u.request > 0} />
      </td>
      <td className="num">
        <Percent value={u.pctLimit} hasReference={u.limit != null && u.limit > 0} hot={hotLimit} />
      </td>
    </>
  );
}

export function UsageCells({ view, metrics }: { view: ResourceView; metrics: PodMetricsState }) {
  return (
    <>
      <ResourceCells
        u={view.cpu}
        format={formatMillicoresKubectl}
        metrics={metrics}
        memory={false}
      />
      <ResourceCells u={view.memory} format={formatMemoryKubectl} metrics={metrics} memory />
      <td>
        <Flags flags={view.flags} compact />
      </td>
    </>
  );
}
