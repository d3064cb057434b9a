import { createSimCluster, type SimClusterDeps, type SimClusterModel } from './cluster.js';
import type { SimOptions } from './types.js';

/** A fixed instant tests generate clusters at: 2026-11-21T10:00:00Z. */
export const TEST_NOW = Date.UTC(2026, 10, 21, 10, 0, 0);

/** The default demo size with a fixed seed; override any option. */
export function testOptions(overrides: Partial<SimOptions> = {}): SimOptions {
  return {
    name: 'kubeglance-sim',
    nodes: 20,
    pods: 400,
    namespaces: 10,
    seed: 42,
    resolutionMs: 15_000,
    churnPerMinute: 120,
    ...overrides,
  };
}

/** A cluster on a controllable clock (advance `clock.now`). */
export function testCluster(
  overrides: Partial<SimOptions> = {},
  deps: SimClusterDeps = {},
): { cluster: SimClusterModel; clock: { now: number } } {
  const clock = { now: TEST_NOW };
  const cluster = createSimCluster(testOptions(overrides), { now: () => clock.now, ...deps });
  return { cluster, clock };
}
