import type { SimNode } from './nodes.js';
import type { Rng } from './random.js';
import type { Workload } from './templates.js';

/**
 * The storyline the metrics tell, chosen once from the seed: one node running hot and a few
 * workloads with a memory leak (their pods creep towards the memory limit, "OOM risk").
 */
export interface Scenario {
  /** The node whose CPU usage stays above 85% of allocatable. */
  readonly hotNode: string | undefined;
  /** `namespace/app` keys of leaking workloads (see `leakKey`). */
  readonly memoryLeaks: ReadonlySet<string>;
  /**
   * `namespace/app` keys of workloads whose containers' memory is held at a fixed share of
   * their limit (option `memoryPins`), for tests of thresholds and rounding.
   */
  readonly memoryPins: ReadonlyMap<string, number>;
}

/** Key of a workload (or a pod, via its namespace and app label) in `Scenario.memoryLeaks`. */
export function leakKey(namespace: string, app: string): string {
  return `${namespace}/${app}`;
}

/**
 * Picks the hot node among the nodes ordinary pods run on, and 1 leaking Deployment per ~120
 * eligible ones (those whose main container has a memory limit to creep towards).
 */
export function chooseScenario(
  rng: Rng,
  nodes: readonly SimNode[],
  workloads: readonly Workload[],
  pins: readonly number[] = [],
): Scenario {
  const workers = nodes.filter((n) => n.schedulable);
  const hotNode = workers.length > 0 ? rng.pick(workers).name : undefined;
  const eligible = workloads.filter(
    (w) =>
      !w.plan.system &&
      w.plan.kind === 'Deployment' &&
      w.plan.containers[0]?.memoryLimitMi !== undefined,
  );
  const count = Math.min(eligible.length, 1 + Math.floor(eligible.length / 120));
  const memoryLeaks = new Set<string>();
  for (const w of rng.shuffle([...eligible]).slice(0, count))
    memoryLeaks.add(leakKey(w.plan.namespace, w.plan.app));
  return { hotNode, memoryLeaks, memoryPins: choosePins(workloads, memoryLeaks, pins) };
}

/**
 * One workload per pin: the first (by namespace, then name) non-system Deployment with one
 * replica, whose containers all have a memory limit and which has no init containers or
 * sidecars, so the pod's usage over its limit is exactly the pin. Chosen without the seed's
 * random stream, so pins never change the rest of the cluster.
 */
function choosePins(
  workloads: readonly Workload[],
  leaks: ReadonlySet<string>,
  pins: readonly number[],
): Map<string, number> {
  const eligible = workloads
    .map((w) => w.plan)
    .filter(
      (p) =>
        !p.system &&
        p.kind === 'Deployment' &&
        p.replicas === 1 &&
        (p.initContainers ?? []).length === 0 &&
        p.containers.every((c) => c.memoryLimitMi !== undefined) &&
        !leaks.has(leakKey(p.namespace, p.app)),
    )
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  const chosen = new Map<string, number>();
  for (const plan of eligible) {
    const share = pins[chosen.size];
    if (share === undefined) break;
    const key = leakKey(plan.namespace, plan.app);
    if (!chosen.has(key)) chosen.set(key, share);
  }
  return chosen;
}
