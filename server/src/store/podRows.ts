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
 * Pod requests and limits, as k9s computes them for %CPU/R, %CPU/L, %MEM/R, %MEM/L: the sum
 * over containers of the values that are set, `null` only when no container sets one. So a
 * pod with limits on one of two containers reports that one limit (the other container is
 * unbounded); a pod with no limits at all reports `null`, not 0. CPU sums nanocores exactly
 * and rounds once.
 */
export function podResources(pod: PodInfo): PodResources {
  const sum = (pick: (c: ContainerSpec) => number | null): number | null => {
    let total: number | null = null;
    for (const c of pod.containers) {
      const v = pick(c);
      if (v !== null) total = (total ?? 0) + v;
    }
    return total;
  };
  return {
    cpuRequestMillicores: millicoresOrNull(sum((c) => c.cpuRequestNanocores)),
    cpuLimitMillicores: millicoresOrNull(sum((c) => c.cpuLimitNanocores)),
    memoryRequestBytes: sum((c) => c.memoryRequestBytes),
    memoryLimitBytes: sum((c) => c.memoryLimitBytes),
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
    containers: pod.containers.map((spec) =>
      containerRow(
        spec,
        totals?.usage.containers.find((c) => c.name === spec.name),
      ),
    ),
  };
}

function containerRow(spec: ContainerSpec, usage: ContainerUsage | undefined): ContainerRow {
  return {
    name: spec.name,
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
