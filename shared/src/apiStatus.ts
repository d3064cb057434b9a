/** API contract: a cluster's health (problems, status) and what the server says of it (see api.ts). */
import type { DiagnosticsSummary, Phrase } from './apiDiagnostics.js';
import type { HistoryRange } from './apiHistory.js';
import type { PhraseParams } from './phrase.js';

/** Machine-readable reason the metrics pipeline (or the cluster connection) is unhealthy. */
export type ProblemCode =
  | 'metrics-api-unavailable' // 503 from the aggregated metrics API (APIService not Available)
  | 'metrics-api-missing' // 404: metrics-server not installed / APIService not registered
  | 'metrics-forbidden' // 403: RBAC does not allow reading metrics.k8s.io
  | 'metrics-stale' // timestamps stopped advancing
  | 'nodes-missing-metrics' // some nodes absent from NodeMetrics (kubelet scrape failures)
  | 'metrics-not-ready' // metrics-server up, but no samples yet
  | 'throttled' // 429 from the apiserver
  | 'upstream-timeout' // the apiserver did not answer in time
  | 'apiserver-unreachable' // connection refused / DNS / TLS handshake failure
  | 'unauthorized' // 401: the credential was rejected
  | 'inventory-forbidden' // 403 listing nodes/pods/namespaces
  | 'watch-failed' // informers cannot keep their watch open
  | 'watch-churn' // watches keep expiring (410) or failing: repeated relists, backed off
  | 'malformed-metrics' // some metrics items were unusable (dropped) or duplicated (collapsed)
  | 'clock-skew' // node timestamps far from kubeglance's clock (a kubelet clock is off)
  | 'nodes-stale-metrics' // some nodes' timestamps stopped advancing while others advance
  | 'prometheus-unavailable' // --prometheus is set but its HTTP API does not answer
  | 'upstream-error'; // anything else, with detail

export interface Problem {
  code: ProblemCode;
  /** One plain sentence for a human: what is wrong. */
  message: string;
  /** What to do about it (a command, a flag, a manifest change). */
  hint: string;
  /** Upstream detail (HTTP status and Status.message), for the diagnostics view. */
  detail?: string;
  /**
   * When `detail` is kubeglance's own words (not upstream text), the same line by line as
   * phrases (`watch-churn.relists`, `malformed-metrics.<reason>`), for browsers that say it in
   * another language; each phrase's `text` is its line of `detail`.
   */
  details?: Phrase[];
  /**
   * What `message` says in numbers and names, for browsers that render the sentence in
   * another language (see phrase.ts); absent when the message has nothing variable.
   */
  params?: PhraseParams;
  sinceMs: number;
}

export type ClusterState = 'starting' | 'ok' | 'degraded' | 'down';
export type MetricsState = 'waiting' | 'ok' | 'stale' | 'failing';

export interface ClusterStatus {
  state: ClusterState;
  inventorySynced: boolean;
  metrics: MetricsState;
  /** Timestamp (upstream `timestamp`) of the newest stored sample. */
  lastSampleMs: number | null;
  /**
   * When the newest stored sample reached the server, by the server's clock. The one
   * definition of data age: `serverNowMs - newestSampleSeenMs` (see {@link DataAge}).
   */
  newestSampleSeenMs: number | null;
  /** The server's clock when this status was computed, so a browser can align its own. */
  serverNowMs: number;
  /** `serverNowMs - newestSampleSeenMs`; null before the first sample. */
  dataAgeMs: number | null;
  resolutionSeconds: number | null;
  problems: Problem[];
  /** The latest diagnostics run in one line (null until the first run); see DiagnosticsReport. */
  diagnostics?: DiagnosticsSummary | null;
}

export interface ClusterInfo {
  /** kubeconfig context name, or the simulated cluster's name. */
  name: string;
  simulated: boolean;
  /** API server URL (no credentials). */
  server: string;
  status: ClusterStatus;
  /**
   * Ranges the history API accepts for this cluster: the in-memory ones, plus the long ones
   * when a Prometheus is configured for it. Absent from older servers (= HISTORY_RANGES).
   */
  historyRanges?: HistoryRange[];
}
