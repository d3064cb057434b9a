/**
 * Query keys, all made here: `[kind, params]` with the parameters in an object
 * (`['pods', { cluster, namespace }]`). Keys are matched by TanStack Query's partial
 * matching on that object (`['pods', { cluster }]` matches every namespace of a cluster),
 * never picked apart by position, so adding a parameter cannot shift another one.
 */
import type { QueryKey } from '@tanstack/react-query';
import type { HistoryRange, HistoryScope } from '@kubeglance/shared/api';

/** What a history request is about; which fields matter depends on `scope`. */
export interface HistoryTarget {
  scope: HistoryScope;
  /** Node, namespace, pod or container name (not used for `cluster`). */
  name?: string;
  /** Namespace of a pod or container. */
  namespace?: string;
  /** Pod of a container. */
  pod?: string;
}

/** Parameters of a top-pods list. */
export interface TopPodsParams {
  sort: 'cpu' | 'memory';
  limit: number;
  /** Restrict to one namespace; omitted: cluster-wide. */
  namespace?: string;
}

export const queryKeys = {
  clusters: () => ['clusters'] as const,
  summary: (cluster: string) => ['summary', { cluster }] as const,
  nodes: (cluster: string) => ['nodes', { cluster }] as const,
  node: (cluster: string, node: string) => ['node', { cluster, node }] as const,
  namespaces: (cluster: string) => ['namespaces', { cluster }] as const,
  pods: (cluster: string, namespace: string) => ['pods', { cluster, namespace }] as const,
  topPods: (cluster: string, params: TopPodsParams) =>
    ['top-pods', { cluster, ...params }] as const,
  history: (cluster: string, target: HistoryTarget, range: HistoryRange) =>
    ['history', { cluster, ...target, range }] as const,
};

// Node histories feed sparklines that the stream extends point by point; refetching
// dozens of them per sample would be wasted work.
const SAMPLE_REFRESHED_HISTORIES: readonly HistoryScope[] = [
  'cluster',
  'namespace',
  'pod',
  'container',
];

/** Key prefixes of everything one live sample of `cluster` makes stale. */
export function sampleRefreshedKeys(cluster: string): QueryKey[] {
  return [
    ['summary', { cluster }],
    ['nodes', { cluster }],
    ['node', { cluster }],
    ['namespaces', { cluster }],
    ['pods', { cluster }],
    ['top-pods', { cluster }],
    ...SAMPLE_REFRESHED_HISTORIES.map((scope) => ['history', { cluster, scope }]),
  ];
}

/** Safety net when the live stream is down: lists refresh on their own this often. */
export const FALLBACK_REFRESH_MS = 30_000;
