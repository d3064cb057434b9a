import { startSim } from '@kubeglance/sim/index';
import { kubeconfigTargets, type ClusterTarget } from '../kube/clusterTargets.js';

/**
 * The demo: two simulated clusters of different sizes, started in-process but reached over
 * HTTPS with their generated kubeconfigs, so the product runs its real code path.
 */
export const DEMO_CLUSTERS = [
  { name: 'sim-prod', nodes: 24, pods: 720, namespaces: 10, seed: 42, churn: 6 },
  { name: 'sim-staging', nodes: 6, pods: 120, namespaces: 5, seed: 7, churn: 3 },
] as const;

export interface EmbeddedSims {
  targets: ClusterTarget[];
  stop(): Promise<void>;
}

export async function startEmbeddedSims(resolutionMs: number): Promise<EmbeddedSims> {
  const sims = await Promise.all(
    DEMO_CLUSTERS.map((c) =>
      startSim({
        name: c.name,
        nodes: c.nodes,
        pods: c.pods,
        namespaces: c.namespaces,
        seed: c.seed,
        churnPerMinute: c.churn,
        resolutionMs,
        port: 0,
      }),
    ),
  );
  const targets = sims.flatMap((s) => kubeconfigTargets(s.kubeconfigPath, [], false, true));
  return {
    targets,
    stop: async () => {
      await Promise.all(sims.map((s) => s.stop()));
    },
  };
}
