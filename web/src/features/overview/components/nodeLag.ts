/** Whether a node's own metrics timestamp lags (or leads) the sample it arrived in. */
import type { NodeRow } from '@kubeglance/shared/api';
import { formatAge } from '@kubeglance/shared/humanFormat';
import { t } from '../../../i18n/t';

/**
 * A short note for a node whose metrics are older than the sample by more than two
 * resolutions (`metrics 45s old`), or stamped that far ahead of it (`clock 1h ahead`):
 * each kubelet stamps its own data, so a node can lag while the cluster is fresh. `null`
 * when the node is in step, or has no metrics (that is shown as `<unknown>` already).
 */
export function nodeLag(
  node: NodeRow,
  sampleMs: number | null,
  resolutionSeconds: number,
): string | null {
  if (node.metricsTimestampMs == null || sampleMs == null) return null;
  const lagMs = sampleMs - node.metricsTimestampMs;
  const tolerance = 2 * resolutionSeconds * 1000;
  if (lagMs > tolerance) return t('overview.metricsOld', { age: formatAge(lagMs) });
  if (-lagMs > tolerance) return t('overview.clockAhead', { age: formatAge(-lagMs) });
  return null;
}
