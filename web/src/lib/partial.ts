/** Saying out loud that a total covers only part of what it is a total of. */
import type { Summary } from '@kubeglance/shared/api';
import { t } from '../i18n/t';

/** "55 of 60 nodes" when some nodes have no metrics (the totals cover only the others). */
export function partialNodes(summary: Pick<Summary, 'nodes'>): string | null {
  const { withMetrics, total } = summary.nodes;
  return withMetrics > 0 && withMetrics < total
    ? t('partial.nodes', { n: withMetrics, total })
    : null;
}

/** "12 of 14 pods" when some of a namespace's running pods have no metrics yet. */
export function partialPods(row: { podsWithMetrics: number; activePods: number }): string | null {
  const { podsWithMetrics, activePods } = row;
  return podsWithMetrics > 0 && podsWithMetrics < activePods
    ? t('partial.pods', { n: podsWithMetrics, total: activePods })
    : null;
}
