import { Churn } from './churn.js';
import { generateCluster } from './generate.js';
import { PodLifecycle } from './lifecycle.js';
import { SimMetrics } from './metrics.js';
import { ObjectStore } from './objectStore.js';
import { Rng, mix32, seedKey } from './random.js';
import type { Scenario } from './scenario.js';
import { PLAIN_ASPECTS, type SimCluster, type SimOptions } from './types.js';

/** Optional knobs, mostly for tests. */
export interface SimClusterDeps {
  /** Clock in epoch ms (default `Date.now`); generation and churn read it. */
  now?: () => number;
  /** Watch events retained per kind before older resourceVersions are 'gone' (default 10 000). */
  eventWindow?: number;
  /** Period of the churn timer in ms (default 1000). */
  churnIntervalMs?: number;
}

/** The cluster model with the extra handles tests and tools use beyond `SimCluster`. */
export interface SimClusterModel extends SimCluster {
  /** The store with its mutators (the same object as `store`). */
  readonly objects: ObjectStore;
  /** The hot node and leaking workloads chosen from the seed. */
  readonly scenario: Scenario;
  /** When the initial objects were generated (epoch ms, whole seconds). */
  readonly generatedAtMs: number;
  /** One churn step at `nowMs` (default: the clock), exactly what the timer runs. */
  churnStep(nowMs?: number): void;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(`invalid sim options: ${message}`);
}

function validate(o: SimOptions): void {
  check(Number.isInteger(o.nodes) && o.nodes >= 1, `nodes must be an integer >= 1, got ${o.nodes}`);
  check(Number.isInteger(o.pods) && o.pods >= 0, `pods must be an integer >= 0, got ${o.pods}`);
  check(
    Number.isInteger(o.namespaces) && o.namespaces >= 0,
    `namespaces must be an integer >= 0, got ${o.namespaces}`,
  );
  check(Number.isFinite(o.seed), `seed must be a finite number, got ${o.seed}`);
  check(
    Number.isFinite(o.resolutionMs) && o.resolutionMs >= 1,
    `resolutionMs must be >= 1, got ${o.resolutionMs}`,
  );
  const replicas = o.metricsReplicas ?? 1;
  check(
    Number.isInteger(replicas) && replicas >= 1 && replicas <= 10,
    `metricsReplicas must be an integer from 1 to 10, got ${replicas}`,
  );
  check(
    (o.memoryPins ?? []).every((p) => Number.isFinite(p) && p > 0 && p <= 1),
    `memoryPins must be shares in (0, 1], got ${(o.memoryPins ?? []).join(', ')}`,
  );
  const unknown = (o.plain ?? []).filter((p) => !PLAIN_ASPECTS.includes(p));
  check(
    unknown.length === 0,
    `plain accepts ${PLAIN_ASPECTS.join(', ')}, got ${unknown.join(', ')}`,
  );
  check(
    Number.isFinite(o.churnPerMinute) && o.churnPerMinute >= 0,
    `churnPerMinute must be >= 0, got ${o.churnPerMinute}`,
  );
}

/**
 * Creates a simulated cluster: generates the initial nodes, namespaces and pods from the seed
 * (at the clock's current time), loads them into a store, and wires the metrics source and
 * the churn engine. Nothing runs until `start()`; `stop()` leaves no timers behind.
 */
export function createSimCluster(options: SimOptions, deps: SimClusterDeps = {}): SimClusterModel {
  validate(options);
  const now = deps.now ?? Date.now;
  const plain = new Set(options.plain ?? []);
  const generated = generateCluster({
    ...options,
    nowMs: now(),
    realisticWorkloads: !plain.has('workloads'),
  });
  const store = new ObjectStore(
    deps.eventWindow === undefined ? {} : { eventWindow: deps.eventWindow },
  );
  store.load(
    'namespaces',
    generated.namespaces.map((ns) => ns.object),
  );
  store.load(
    'nodes',
    generated.nodes.map((node) => node.object),
  );
  store.load('pods', generated.pods);

  const key = seedKey(options.seed);
  const metrics = new SimMetrics(store, options.resolutionMs, key, generated.scenario, {
    realistic: !plain.has('metrics'),
    replicas: options.metricsReplicas ?? 1,
  });
  // Usage profiles of the initial pods now, so the first scrape costs no more than later ones.
  metrics.warm();
  // Churn draws from its own stream, so it never changes what generation produced.
  const churnRng = new Rng(mix32(key, 0xc4057));
  const lifecycle = new PodLifecycle(store, generated.scheduler, generated.nodes, churnRng);
  const churn = new Churn(
    lifecycle,
    churnRng,
    generated.workloads,
    options.pods,
    options.churnPerMinute,
    generated.nowMs,
  );
  let timer: ReturnType<typeof setInterval> | undefined;

  return {
    options,
    store,
    objects: store,
    metrics,
    scenario: generated.scenario,
    generatedAtMs: generated.nowMs,
    start() {
      if (timer !== undefined || options.churnPerMinute <= 0) return;
      timer = setInterval(() => churn.step(now()), deps.churnIntervalMs ?? 1000);
      // The HTTP server keeps the process alive; the churn timer alone should not.
      timer.unref();
    },
    stop() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
    churnStep(nowMs?: number) {
      churn.step(nowMs ?? now());
    },
  };
}
