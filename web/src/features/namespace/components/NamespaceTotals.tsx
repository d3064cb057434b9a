/**
 * A namespace's usage against its requests and limits (as % of each), how many pods set
 * no limit next to the limit totals, and "12 of 14 pods" when usage covers only part.
 */
import type { NamespaceRow } from '@kubeglance/shared/api';
import { formatBytesIEC, formatCores } from '@kubeglance/shared/humanFormat';
import { Unknown } from '../../../components/Unknown';
import { partialPods } from '../../../lib/partial';
import { percentOf } from '../../../lib/thresholds';
import { t } from '../../../i18n/t';

function share(usage: number | null, of: number | null): string {
  const p = percentOf(usage, of);
  return p == null ? '' : ` (${p}%)`;
}

interface ResourceLineProps {
  label: string;
  usage: number | null;
  request: number;
  limit: number | null;
  unbounded: number;
  format: (v: number) => string;
}

function ResourceLine({ label, usage, request, limit, unbounded, format }: ResourceLineProps) {
  return (
    <span className="ns-total">
      {label}{' '}
      {usage == null ? <Unknown text={t('common.noMetrics')} /> : <strong>{format(usage)}</strong>}
      {' · '}
      {t('namespace.requestsValue', { value: format(request) })}
      {share(usage, request)}
      {' · '}
      {t('namespace.limitsValue', { value: limit == null ? t('common.noneSet') : format(limit) })}
      {share(usage, limit)}
      {unbounded > 0 && (
        <span className="muted">
          {' · '}
          {t(unbounded === 1 ? 'namespace.withoutLimitOne' : 'namespace.withoutLimit', {
            n: unbounded,
          })}
        </span>
      )}
    </span>
  );
}

export function NamespaceTotals({ totals }: { totals: NamespaceRow }) {
  const partial = partialPods(totals);
  return (
    <p className="ns-totals">
      <span>
        {t('namespace.podCount', { n: totals.pods })}
        {partial && (
          <strong className="stat-partial">
            {' · '}
            {t('namespace.partialUsage', { partial })}
          </strong>
        )}
      </span>
      <ResourceLine
        label="CPU"
        usage={totals.cpu.usageMillicores}
        request={totals.cpu.requestMillicores}
        limit={totals.cpu.limitMillicores}
        unbounded={totals.podsWithoutCpuLimit}
        format={formatCores}
      />
      <ResourceLine
        label={t('common.memory')}
        usage={totals.memory.usageBytes}
        request={totals.memory.requestBytes}
        limit={totals.memory.limitBytes}
        unbounded={totals.podsWithoutMemoryLimit}
        format={formatBytesIEC}
      />
    </p>
  );
}
