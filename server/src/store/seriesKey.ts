import type { HistoryScope } from '@kubeglance/shared/api';
import type { SeriesIndex } from './seriesIndex.js';

/**
 * Identifies a series: node `{name}`, namespace `{namespace}` (or `{name}`), pod
 * `{namespace, pod}` (or `{namespace, name}`), container `{namespace, pod, name}`; cluster `{}`.
 * Extra fields are ignored, so the API's validated history query can be passed as is.
 */
export interface HistoryKey {
  name?: string;
  namespace?: string;
  pod?: string;
}

// Key spaces of the aggregate index (a node and a namespace may share a name). The workload
// index uses the namespace as key space and the pod name as key; containers are its children.
export const CLUSTER = 'cluster';
export const NODES = 'node';
export const NAMESPACES = 'namespace';
export const CLUSTER_KEY = '';
/** Nodes reporting / listed per sample (keys `reporting`, `total`); see HistoryStore.coverage. */
export const COVERAGE = 'coverage';

/** Where a series lives: its index and row (-1: the cluster series before its first value). */
export interface SeriesLocation {
  index: SeriesIndex;
  row: number;
}

/**
 * Resolves a history key to its row, or `undefined` for an unknown series or a key missing
 * the fields its scope needs. The cluster series is always known.
 */
export function locateSeries(
  aggregates: SeriesIndex,
  workloads: SeriesIndex,
  scope: HistoryScope,
  key: HistoryKey,
): SeriesLocation | undefined {
  const { name, namespace, pod } = key;
  const aggregate = (space: string, k: string | undefined) => {
    const entry = k ? aggregates.find(space, k) : undefined;
    return entry && { index: aggregates, row: entry.row };
  };
  const podEntry = (podName: string | undefined) =>
    namespace && podName ? workloads.find(namespace, podName) : undefined;
  switch (scope) {
    case 'cluster':
      return { index: aggregates, row: aggregates.find(CLUSTER, CLUSTER_KEY)?.row ?? -1 };
    case 'node':
      return aggregate(NODES, name);
    case 'namespace':
      return aggregate(NAMESPACES, namespace ?? name);
    case 'pod': {
      const entry = podEntry(pod ?? name);
      return entry && { index: workloads, row: entry.row };
    }
    case 'container': {
      const entry = podEntry(pod);
      const row = entry && name ? workloads.findChild(entry, name) : undefined;
      return row === undefined ? undefined : { index: workloads, row };
    }
  }
}
