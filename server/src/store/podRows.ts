import type { ContainerRow, PodMetricsState, PodRow } from '@kubeglance/shared/api';
import { cpuMillicoresKubectl } from '@kubeglance/shared/format';
import type {
  ContainerSpec,
  ContainerUsage,
  Inventory,
  MetricsSample,
  PodInfo,
} from '../kube/types.js';
import { compareNames, indexInventory, millicoresOrNull } from './inventoryIndex.js';
import { findPod, indexSample, type PodTotals } from './sampleIndex.js';

/** kubectl's `metricsCreationDelay`: a pod without metrics this young is not yet "missing". */
export const METRICS_GRACE_MS = 2 * 60_000;

/** A pod's requests and limits (millicores / bytes); see {@link podResources}. */
export interface PodResources {
  cpuRequestMillicores: number | null;
  cpuLimitMillicores: number | null;
  memoryRequestBytes: number | null;
  memoryLimitBytes: number | null;
}

/**
 * A pod's requests and limit as the API shows them: requests are the effective `PodRequests`
 * (sidecars, the largest init container, overhead); the limit is the one the kubelet enforces
 * on the pod, `null` when any container lacks one (then the pod as a whole is unbounded, even
 * if some containers are limited; each container row still shows its own limit). This is
 * also k9s's rule for %CPU/L and %MEM/L. CPU is rounded once from exact nanocores.
 */
export function podResources(pod: PodInfo): PodResources {
  const { requests, enforcedLimits } = pod.resources;
  return {
    cpuRequestMillicores: millicoresOrNull(requests.cpuNanocores),
    cpuLimitMillicores: millicoresOrNull(enforcedLimits.cpuNanocores),
    memoryRequestBytes: requests.memoryBytes,
    memoryLimitBytes: enforcedLimits.memoryBytes,
  };
}

/** `ok` with metrics; otherwise `warming-up` inside kubectl's 2-minute grace, then `missing`. */
export function podMetricsState(pod: PodInfo, hasMetrics: boolean, nowMs: number): PodMetricsState {
  if (hasMetrics) return 'ok';
  return nowMs - pod.createdMs < METRICS_GRACE_MS ? 'warming-up' : 'missing';
}

/**
 * Every inventory pod of one namespace (with or without metrics), sorted by name; an unknown
 * namespace gives `[]`. Pod CPU is `kubectl top pod`'s: ceil(sum of all reported containers'
 * nanocores / 1e6). `containers` lists every spec container with its own usage (rounded
 * individually, as `kubectl top pod --containers`), `null` when the sample lacks it.
 * Completed (Succeeded/Failed) and unscheduled pods never have metrics, so they read
 * `missing` once past the grace; read `metrics` together with `phase`.
 */
export function podRows(
  inventory: Inventory,
  sample: MetricsSample | null,
  namespace: string,
  nowMs: number,
): PodRow[] {
  const pods = indexInventory(inventory).podsByNamespace.get(namespace) ?? [];
  return podRowsOf(pods, sample, nowMs);
}

/** Rows for the given pods (any namespaces), sorted by name; see {@link podRows}. */
export function podRowsOf(
  pods: readonly PodInfo[],
  sample: MetricsSample | null,
  nowMs: number,
): PodRow[] {
  const usage = sample ? indexSample(sample) : undefined;
  return pods
    .map((pod) => podRow(pod, usage && findPod(usage, pod.namespace, pod.name), nowMs))
    .sort((a, b) => compareNames(a.name, b.name));
}

function podRow(pod: PodInfo, totals: PodTotals | undefined, nowMs: number): PodRow {
  const r = podResources(pod);
  return {
    name: pod.name,
    namespace: pod.namespace,
    node: pod.node,
    phase: pod.phase,
    restarts: pod.restarts,
    qosClass: pod.qosClass,
    createdMs: pod.createdMs,
    metrics: podMetricsState(pod, totals !== undefined, nowMs),
    cpu: {
      usageMillicores: totals ? totals.cpuMillicores : null,
      requestMillicores: r.cpuRequestMillicores,
      limitMillicores: r.cpuLimitMillicores,
    },
    memory: {
      usageBytes: totals ? totals.memoryBytes : null,
      requestBytes: r.memoryRequestBytes,
      limitBytes: r.memoryLimitBytes,
    },
    containers: containerRows(pod, totals?.usage.containers ?? []),
  };
}

/**
 * Regular containers and sidecars always; classic init and ephemeral containers only while
 * the kubelet reports usage for them (they are not running otherwise); and any reported
 * container the spec does not name (the informer lagging a spec change), so the rows always
 * cover what `kubectl top pod --containers` prints.
 */
function containerRows(pod: PodInfo, usage: readonly ContainerUsage[]): ContainerRow[] {
  const rows: ContainerRow[] = [];
  for (const spec of pod.containers) {
    const used = usage.find((c) => c.name === spec.name);
    if (spec.kind === 'container' || spec.kind === 'sidecar' || used) {
      rows.push(containerRow(spec, used));
    }
  }
  for (const used of usage) {
    if (!pod.containers.some((c) => c.name === used.name)) {
      rows.push(containerRow(unknownSpec(used.name), used));
    }
  }
  return rows;
}

function unknownSpec(name: string): ContainerSpec {
  return {
    name,
    kind: 'container',
    cpuRequestNanocores: null,
    cpuLimitNanocores: null,
    memoryRequestBytes: null,
    memoryLimitBytes: null,
  };
}

function containerRow(spec: ContainerSpec, usage: ContainerUsage | undefined): ContainerRow {
  return {
    name: spec.name,
    kind: spec.kind,
    cpu: {
      usageMillicores: usage ? cpuMillicoresKubectl(usage.cpuNanocores) : null,
      requestMillicores: millicoresOrNull(spec.cpuRequestNanocores),
      limitMillicores: millicoresOrNull(spec.cpuLimitNanocores),
    },
    memory: {
      usageBytes: usage ? usage.memoryBytes : null,
      requestBytes: spec.memoryRequestBytes,
      limitBytes: spec.memoryLimitBytes,
    },
  };
}
