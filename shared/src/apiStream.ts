/** API contract: server-sent events on `GET /api/v1/stream?clusters=a,b`. */
import type { HistoryResponse } from './apiHistory.js';
import type { NamespaceRow, NodeRow, Summary } from './apiRows.js';
import type { ClusterStatus } from './apiStatus.js';
import type { NodeColumns } from './nodeColumns.js';

export interface TopPod {
  namespace: string;
  name: string;
  node: string | null;
  cpuMillicores: number | null;
  memoryBytes: number | null;
  memoryLimitBytes: number | null;
}

/** Everything a screen needs to draw a cluster without another request. */
export interface ClusterSnapshot {
  cluster: string;
  simulated: boolean;
  summary: Summary;
  nodes: NodeRow[];
  /** The {@link NodeColumns.orderId} of `nodes`' order (sample events refer to it). */
  nodeOrderId: number;
  namespaces: NamespaceRow[];
  topPods: { cpu: TopPod[]; memory: TopPod[] };
  /** Cluster totals over the last hour. */
  history: HistoryResponse;
}

/** One new metrics sample of one cluster. */
export interface SampleEvent {
  cluster: string;
  timestampMs: number;
  summary: Summary;
  nodes: NodeColumns;
  namespaces: NamespaceRow[];
  topPods: { cpu: TopPod[]; memory: TopPod[] };
}

export interface StatusEvent {
  cluster: string;
  status: ClusterStatus;
}

/** Sent first on every connection; `version` changes when the server is redeployed. */
export interface HelloEvent {
  version: string;
  startedMs: number;
  /** The server's clock when this connection opened (ages are counted on it). */
  serverNowMs: number;
  /** Configured clusters this stream carries. */
  clusters: string[];
  /** Requested clusters the server does not have (the stream carries the others). */
  unknown: string[];
}

export type StreamEventName = 'hello' | 'snapshot' | 'sample' | 'status';
