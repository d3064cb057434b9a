/**
 * Library API of the simulated cluster: `startSim()` builds a cluster model and serves it as a
 * kube-apiserver (core/v1 nodes, namespaces, pods; metrics.k8s.io; APIService and
 * SelfSubjectAccessReview) over TLS with a bearer token, and writes a kubeconfig for it.
 *
 * ```ts
 * const sim = await startSim({ nodes: 5, pods: 50 });
 * // kubectl --kubeconfig sim.kubeconfigPath top nodes
 * sim.faults.set('metrics-unavailable');
 * await sim.stop();
 * ```
 */
import { createSimCluster } from './model/cluster.js';
import type { SimOptions } from './model/types.js';
import { serveCluster, type RunningSim, type ServeOptions } from './http/serve.js';

export type { RunningSim, ServeOptions } from './http/serve.js';
export { serveCluster } from './http/serve.js';
export { FAULTS, FAULT_NAMES, isFaultName, type FaultName, type Faults } from './faults.js';
export type { PlainAspect, SimCluster, SimOptions } from './model/types.js';
export { PLAIN_ASPECTS } from './model/types.js';

/** Everything `startSim` accepts; every field is optional there. */
export type StartSimOptions = SimOptions & ServeOptions;

/** Defaults shared by the library and the CLI (the CLI's port default is 6443 instead of 0). */
export const DEFAULT_OPTIONS: StartSimOptions = {
  name: 'kubeglance-sim',
  nodes: 20,
  pods: 400,
  namespaces: 8,
  seed: 42,
  resolutionMs: 15_000,
  churnPerMinute: 6,
  port: 0,
  host: '127.0.0.1',
  faults: [],
  slowMs: 3_000,
  bookmarkIntervalMs: 10_000,
};

/**
 * Start a simulator. Port 0 (the default) picks a free port; without `kubeconfigPath` the
 * kubeconfig goes to a temp dir that `stop()` removes.
 */
export async function startSim(options: Partial<StartSimOptions> = {}): Promise<RunningSim> {
  const merged: StartSimOptions = { ...DEFAULT_OPTIONS, ...stripUndefined(options) };
  const { name, nodes, pods, namespaces, seed, resolutionMs, churnPerMinute } = merged;
  const cluster = await createSimCluster({
    name,
    nodes,
    pods,
    namespaces,
    seed,
    resolutionMs,
    churnPerMinute,
    ...(merged.plain === undefined ? {} : { plain: merged.plain }),
    ...(merged.metricsReplicas === undefined ? {} : { metricsReplicas: merged.metricsReplicas }),
    ...(merged.memoryPins === undefined ? {} : { memoryPins: merged.memoryPins }),
  });
  try {
    return await serveCluster(cluster, merged);
  } catch (err) {
    cluster.stop();
    throw err;
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
