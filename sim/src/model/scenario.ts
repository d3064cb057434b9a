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
  return { hotNode, memoryLeaks };
}
