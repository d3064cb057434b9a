import type { ContainerSpec } from './types.js';

/**
 * A pod's effective requests and limits, computed once when the pod is parsed.
 *
 * Rules (Kubernetes `k8s.io/component-helpers/resource` `PodRequests`/`PodLimits`, which the
 * scheduler and `kubectl describe node` (kubectl 1.29+) apply, per resource):
 *   max( sum(regular containers) + sum(sidecars),
 *        for each classic init container: its value + the sidecars declared before it )
 *   + `spec.overhead` (added to a limit only when that limit is set and non-zero).
 * A container that does not set a value contributes nothing to that resource; a resource no
 * container (nor the overhead) sets is `null`, never 0.
 *
 * `enforcedLimits` is what the kubelet puts on the pod cgroup (`ResourceConfigForPod`): only
 * when every container, init containers included, declares a non-zero limit for the resource;
 * otherwise the pod as a whole is unbounded there (`null`), whatever the other limits add up to.
 */
export interface ResourceValues {
  cpuNanocores: number | null;
  memoryBytes: number | null;
}

export interface PodResources {
  /** `PodRequests`: what the scheduler reserves on the node. */
  requests: ResourceValues;
  /** `PodLimits`: the limits that are set (what `kubectl describe node` sums). */
  limits: ResourceValues;
  /** The pod-level limit the kubelet enforces; null when any container lacks one. */
  enforcedLimits: ResourceValues;
}

export interface PodOverhead {
  cpuNanocores: number | null;
  memoryBytes: number | null;
}

const NO_OVERHEAD: PodOverhead = { cpuNanocores: null, memoryBytes: null };

type Pick = (c: ContainerSpec) => number | null;

const pickers = {
  cpuRequest: (c: ContainerSpec) => c.cpuRequestNanocores,
  memoryRequest: (c: ContainerSpec) => c.memoryRequestBytes,
  cpuLimit: (c: ContainerSpec) => c.cpuLimitNanocores,
  memoryLimit: (c: ContainerSpec) => c.memoryLimitBytes,
} satisfies Record<string, Pick>;

/** Present-aware sum: absent only when both are absent (Go's `addResourceList`). */
function add(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : a + b;
}

/** Present-aware max (Go's `maxResourceList`). */
function max(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

/**
 * The sidecar-aware aggregate of one resource. `containers` holds every container of the pod;
 * init containers (`sidecar`, `init`) must be in their spec order, which decides which sidecars
 * are already running while a classic init container runs.
 */
export function aggregate(containers: readonly ContainerSpec[], pick: Pick): number | null {
  let total: number | null = null;
  let sidecarsSoFar: number | null = null;
  let initPeak: number | null = null;
  for (const c of containers) {
    const v = pick(c);
    if (c.kind === 'container') {
      total = add(total, v);
    } else if (c.kind === 'sidecar') {
      total = add(total, v);
      sidecarsSoFar = add(sidecarsSoFar, v);
      initPeak = max(initPeak, sidecarsSoFar);
    } else if (c.kind === 'init') {
      initPeak = max(initPeak, add(v, sidecarsSoFar));
    }
  }
  return max(total, initPeak);
}

function limitWithOverhead(limit: number | null, overhead: number | null): number | null {
  return limit !== null && limit !== 0 && overhead !== null ? limit + overhead : limit;
}

function enforced(containers: readonly ContainerSpec[], pick: Pick, limit: number | null) {
  const running = containers.filter((c) => c.kind !== 'ephemeral');
  const all = running.length > 0 && running.every((c) => (pick(c) ?? 0) !== 0);
  return all ? limit : null;
}

/** Effective requests and limits of a pod; see {@link PodResources}. */
export function podResources(
  containers: readonly ContainerSpec[],
  overhead: PodOverhead = NO_OVERHEAD,
): PodResources {
  const cpuLimit = limitWithOverhead(
    aggregate(containers, pickers.cpuLimit),
    overhead.cpuNanocores,
  );
  const memoryLimit = limitWithOverhead(
    aggregate(containers, pickers.memoryLimit),
    overhead.memoryBytes,
  );
  return {
    requests: {
      cpuNanocores: add(aggregate(containers, pickers.cpuRequest), overhead.cpuNanocores),
      memoryBytes: add(aggregate(containers, pickers.memoryRequest), overhead.memoryBytes),
    },
    limits: { cpuNanocores: cpuLimit, memoryBytes: memoryLimit },
    enforcedLimits: {
      cpuNanocores: enforced(containers, pickers.cpuLimit, cpuLimit),
      memoryBytes: enforced(containers, pickers.memoryLimit, memoryLimit),
    },
  };
}
