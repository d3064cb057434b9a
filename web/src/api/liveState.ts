/**
 * What the live stream has told us, per cluster, as an immutable value. Pure so it
 * can be unit-tested event by event; `live.ts` wires it to a connection and React.
 */
import { nodeOrderOf, type NodeOrderColumns } from '@kubeglance/shared/nodeColumns';
import type {
  ClusterSnapshot,
  ClusterStatus,
  HelloEvent,
  SampleEvent,
  StatusEvent,
  StreamEventName,
} from '@kubeglance/shared/api';
import { appendPoint, seriesPoints } from '../lib/series';
import { mergeNodeUsage, sampleNodes } from './liveNodes';
import { appendFrame, usageFrame, type NodeUsageFrame, type UsageSeries } from './liveNodeUsage';
import type { ConnectionInfo } from './streamClient';

/** Live points are kept for the longest chart range. */
export const LIVE_WINDOW_MS = 60 * 60_000;
/**
 * Per-node live points only bridge the time since a node's trend last fetched its history
 * (history queries refetch every 30 s), so a few minutes are enough. Keeping an hour for
 * every node made each sample copy 10,000 series at 5,000 nodes, and grew the tab of a wall
 * screen that never draws them by ~50 bytes per node and tick.
 */
export const NODE_LIVE_WINDOW_MS = 3 * 60_000;

export type { UsageSeries } from './liveNodeUsage';

export interface LiveCluster extends Omit<ClusterSnapshot, 'history'> {
  status: ClusterStatus;
  /** Timestamp of the newest sample (snapshot or `sample` event), upstream clock. */
  lastSampleMs: number | null;
  /**
   * Browser time when `status` arrived. With the status's server-side `dataAgeMs` this
   * gives the data's age at any moment (lib/staleness.ts); neither the cluster's nor the
   * browser's clock is trusted.
   */
  receivedMs: number;
  /** Cluster totals: the snapshot's hour of history, then one point per sample. */
  totals: UsageSeries & { resolutionSeconds: number };
  /**
   * Per node, the last few minutes of samples (`nodeLiveUsage` reads a node's series): the
   * live end of the overview's node trends, which fetch the rest as history.
   */
  nodeFrames: readonly NodeUsageFrame[];
  /**
   * The node order of `nodeOrderId` (names and allocatable), for sample events that leave it
   * out; a sample's percentages are computed from its allocatable.
   */
  nodeOrder: NodeOrderColumns;
}

export interface LiveState {
  connection: ConnectionInfo;
  /** Server build of the first `hello`; a different later one means "redeployed". */
  version: string | null;
  versionChanged: boolean;
  /** Cluster names from the last `hello`. */
  clusterNames: string[];
  /** Requested clusters the server does not have (from `hello`, or a refused stream). */
  unknownClusters: string[];
  clusters: Record<string, LiveCluster>;
  /** Browser time of the last event of any kind. */
  lastEventMs: number | null;
}

export function initialLiveState(): LiveState {
  return {
    connection: { state: 'connecting', attempt: 0, retryAtMs: null, error: null },
    version: null,
    versionChanged: false,
    clusterNames: [],
    unknownClusters: [],
    clusters: {},
    lastEventMs: null,
  };
}

export function withConnection(state: LiveState, connection: ConnectionInfo): LiveState {
  return {
    ...state,
    connection,
    // A stream refused for naming no configured cluster: every requested name is unknown.
    unknownClusters: connection.unknownClusters ?? state.unknownClusters,
  };
}

export function applyEvent(
  state: LiveState,
  name: StreamEventName,
  data: unknown,
  nowMs: number,
): LiveState {
  const next = { ...state, lastEventMs: nowMs };
  switch (name) {
    case 'hello':
      return applyHello(next, data as HelloEvent);
    case 'snapshot':
      return putCluster(next, fromSnapshot(data as ClusterSnapshot, nowMs));
    case 'sample':
      return updateCluster(next, (data as SampleEvent).cluster, (c) =>
        applySample(c, data as SampleEvent, nowMs),
      );
    case 'status':
      return updateCluster(next, (data as StatusEvent).cluster, (c) =>
        applyStatus(c, data as StatusEvent, nowMs),
      );
  }
}

function applyHello(state: LiveState, hello: HelloEvent): LiveState {
  const changed = state.version != null && state.version !== hello.version;
  return {
    ...state,
    version: state.version ?? hello.version,
    versionChanged: state.versionChanged || changed,
    clusterNames: hello.clusters,
    unknownClusters: hello.unknown ?? [],
  };
}

function putCluster(state: LiveState, cluster: LiveCluster): LiveState {
  return { ...state, clusters: { ...state.clusters, [cluster.cluster]: cluster } };
}

function updateCluster(state: LiveState, name: string, fn: (c: LiveCluster) => LiveCluster) {
  const current = state.clusters[name];
  // Samples before the snapshot cannot be placed; the snapshot always comes first.
  return current ? putCluster(state, fn(current)) : state;
}

export function fromSnapshot(snapshot: ClusterSnapshot, nowMs: number): LiveCluster {
  const { history, ...rest } = snapshot;
  const ts = snapshot.summary.timestampMs;
  const rows = snapshot.nodes.map(
    (n) => [n.name, n.cpu.usageMillicores, n.memory.usageBytes] as const,
  );
  return {
    ...rest,
    status: snapshot.summary.status,
    lastSampleMs: ts,
    receivedMs: nowMs,
    totals: {
      cpu: [...seriesPoints(history, 'cpu')],
      memory: [...seriesPoints(history, 'memory')],
      resolutionSeconds: history.resolutionSeconds,
    },
    nodeFrames: ts == null ? [] : [usageFrame(ts, rows, undefined)],
    nodeOrder: nodeOrderOf(snapshot.nodes),
  };
}

export function applySample(cluster: LiveCluster, sample: SampleEvent, nowMs: number): LiveCluster {
  const t = sample.timestampMs;
  // A replayed or out-of-order sample is not new data.
  if (cluster.lastSampleMs != null && t <= cluster.lastSampleMs) return cluster;
  const since = t - LIVE_WINDOW_MS;
  const nodeSince = t - NODE_LIVE_WINDOW_MS;
  const nodes = sampleNodes(cluster, sample);
  const frame = usageFrame(t, nodes.usage, cluster.nodeFrames[cluster.nodeFrames.length - 1]);
  return {
    ...cluster,
    summary: sample.summary,
    status: sample.summary.status,
    nodes: mergeNodeUsage(cluster.nodes, nodes.usage),
    nodeOrderId: nodes.orderId,
    nodeOrder: nodes.order,
    namespaces: sample.namespaces,
    topPods: sample.topPods,
    lastSampleMs: t,
    receivedMs: nowMs,
    totals: {
      ...cluster.totals,
      cpu: appendPoint(cluster.totals.cpu, [t, sample.summary.cpu.usageMillicores], since),
      memory: appendPoint(cluster.totals.memory, [t, sample.summary.memory.usageBytes], since),
    },
    nodeFrames: appendFrame(cluster.nodeFrames, frame, nodeSince),
  };
}

function applyStatus(cluster: LiveCluster, event: StatusEvent, nowMs: number): LiveCluster {
  return {
    ...cluster,
    status: event.status,
    receivedMs: nowMs,
    summary: { ...cluster.summary, status: event.status },
  };
}
