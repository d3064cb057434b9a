/** Typed contract fixtures for unit tests only (never imported by the app). */

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;
import { encodeNodeColumns, type NodeOrderColumns } from '@kubeglance/shared/nodeColumns';
import type {
  ClusterSnapshot,
  ClusterStatus,
  NodeRow,
  SampleEvent,
  Summary,
} from '@kubeglance/shared/api';

export const okStatus: ClusterStatus = {
  state: 'ok',
  inventorySynced: true,
  metrics: 'ok',
  lastSampleMs: 1_000,
  newestSampleSeenMs: 1_000,
  serverNowMs: 1_000,
  dataAgeMs: 0,
  resolutionSeconds: 15,
  problems: [],
};

export function node(name: string, cpu: number | null, memory: number | null): NodeRow {
  return {
    name,
    ready: true,
    roles: ['worker'],
    group: null,
    pods: 10,
    metricsAvailable: cpu != null,
    metricsTimestampMs: cpu == null ? null : 0,
    cpu: {
      usageMillicores: cpu,
      requestMillicores: 500,
      limitMillicores: null,
      allocatableMillicores: 4000,
      capacityMillicores: 4000,
      percent: cpu == null ? null : Math.floor((cpu / 4000) * 100),
    },
    memory: {
      usageBytes: memory,
      requestBytes: 1 * GiB,
      limitBytes: null,
      allocatableBytes: 8 * GiB,
      capacityBytes: 8 * GiB,
      percent: memory == null ? null : Math.floor((memory / (8 * GiB)) * 100),
    },
  };
}

export function summary(timestampMs: number, cpu: number, memory: number): Summary {
  return {
    cluster: 'alpha',
    simulated: true,
    status: { ...okStatus, lastSampleMs: timestampMs },
    timestampMs,
    stale: false,
    nodes: { total: 2, ready: 2, withMetrics: 1 },
    pods: { total: 20, running: 20, pending: 0, withMetrics: 20 },
    reporting: { allocatableMillicores: 4000, allocatableBytes: 8 * GiB },
    cpu: {
      usageMillicores: cpu,
      requestMillicores: 1000,
      limitMillicores: 2000,
      allocatableMillicores: 8000,
      capacityMillicores: 8000,
      percent: Math.floor((cpu / 8000) * 100),
    },
    memory: {
      usageBytes: memory,
      requestBytes: 2 * GiB,
      limitBytes: 4 * GiB,
      allocatableBytes: 16 * GiB,
      capacityBytes: 16 * GiB,
      percent: Math.floor((memory / (16 * GiB)) * 100),
    },
  };
}

export function snapshot(timestampMs = 1_000): ClusterSnapshot {
  return {
    cluster: 'alpha',
    simulated: true,
    summary: summary(timestampMs, 1200, 3 * GiB),
    nodes: [node('node-1', 1200, 3 * GiB), node('node-2', null, null)],
    nodeOrderId: 1,
    namespaces: [],
    topPods: { cpu: [], memory: [] },
    history: {
      scope: 'cluster',
      range: '1h',
      resolutionSeconds: 15,
      series: [
        { metric: 'cpu', unit: 'millicores', points: [[timestampMs, 1200]] },
        { metric: 'memory', unit: 'bytes', points: [[timestampMs, 3 * GiB]] },
      ],
    },
  };
}

/** The node order of {@link sample} events: node-1 as in the snapshot, node-3 smaller. */
export const sampleOrder: NodeOrderColumns = {
  names: ['node-1', 'node-3'],
  allocatableMillicores: [4000, 2000],
  allocatableBytes: [8 * GiB, 2 * GiB],
};

/** A sample event of order 2, carrying its order (percentages are left out, as the server does). */
export function sample(timestampMs: number, cpu = 1500): SampleEvent {
  return {
    cluster: 'alpha',
    timestampMs,
    summary: summary(timestampMs, cpu, 4 * GiB),
    nodes: encodeNodeColumns(
      [
        ['node-1', cpu, 4 * GiB, null, null, timestampMs],
        ['node-3', 10, MiB, null, null, timestampMs - 2000],
      ],
      timestampMs,
      2,
      sampleOrder,
    ),
    namespaces: [],
    topPods: { cpu: [], memory: [] },
  };
}
