import { unschedulableMessage } from './podFactory.js';
import { initialPods, type InitialContext } from './initialPods.js';
import { PLATFORM_NAMESPACES, buildNamespaces, type SimNamespace } from './namespaces.js';
import { buildNodes, type SimNode } from './nodes.js';
import { Rng, mix32, seedKey } from './random.js';
import { addRealism } from './realism.js';
import { fitResources, podRequests, qosClassOf } from './resources.js';
import { chooseScenario, leakKey, type Scenario } from './scenario.js';
import { Scheduler } from './scheduler.js';
import { planSystem } from './system.js';
import { createWorkload, type Workload } from './templates.js';
import { DAY, MINUTE, SECOND } from './time.js';
import type { KubeObject } from './types.js';
import { planNamespace, type WorkloadPlan } from './workloads.js';

/** Inputs of the initial cluster: the sizing options plus the moment it is generated at. */
export interface GenerateOptions {
  nodes: number;
  pods: number;
  namespaces: number;
  seed: number;
  resolutionMs: number;
  nowMs: number;
  /** Native sidecars, init containers, overhead, mirror annotations (default true). */
  realisticWorkloads?: boolean;
  /** Shares of the memory limit to hold one workload each at (see `Scenario.memoryPins`). */
  memoryPins?: readonly number[];
}

/** The initial cluster: objects for the store plus the bookkeeping churn and metrics need. */
export interface GeneratedCluster {
  readonly nowMs: number;
  readonly nodes: readonly SimNode[];
  readonly namespaces: readonly SimNamespace[];
  readonly workloads: readonly Workload[];
  readonly pods: KubeObject[];
  readonly scheduler: Scheduler;
  readonly scenario: Scenario;
}

/** Share of schedulable capacity the cluster's requests are fitted to (the rest is headroom). */
const TARGET_REQUEST_SHARE = 0.7;

/**
 * kubelet `maxPods`: the default 110 unless the requested density needs more (then 250, as
 * many providers allow, or beyond for synthetic extremes), so every pod can be placed.
 */
export function maxPodsPerNode(pods: number, nodes: number): number {
  const perNode = pods / Math.max(nodes, 1);
  if (perNode <= 80) return 110;
  if (perNode <= 180) return 250;
  return Math.ceil((perNode * 1.4) / 10) * 10;
}

/**
 * Splits `total` pods over namespaces with a Zipf-like skew by rank (`ranks[i]` is namespace
 * i's rank, 0 = biggest): a few big namespaces, a long tail of small ones. Exact: the parts
 * always sum to `total`.
 */
export function splitBudget(total: number, ranks: readonly number[]): number[] {
  if (ranks.length === 0) return [];
  const weights = ranks.map((rank) => 1 / (rank + 1) ** 1.1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((v, i) => [v - Math.floor(v), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left === 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}

/**
 * Scales user workloads' requests so the whole cluster requests about 70% of what its
 * schedulable nodes can allocate: dense clusters get leaner pods instead of unplaceable ones.
 */
function fitToCluster(plans: readonly WorkloadPlan[], nodes: readonly SimNode[]): void {
  let cpu = 0;
  let memory = 0;
  for (const plan of plans) {
    const r = podRequests(plan);
    cpu += r.cpuMilli * plan.replicas;
    memory += r.memoryBytes * plan.replicas;
  }
  let allocCpu = 0;
  let allocMemory = 0;
  for (const node of nodes) {
    if (!node.schedulable) continue;
    allocCpu += node.allocatableCpuMilli;
    allocMemory += node.allocatableMemoryBytes;
  }
  const cpuFactor = cpu > 0 ? Math.min(1, (TARGET_REQUEST_SHARE * allocCpu) / cpu) : 1;
  const memoryFactor = memory > 0 ? Math.min(1, (TARGET_REQUEST_SHARE * allocMemory) / memory) : 1;
  for (const plan of plans) fitResources(plan, cpuFactor, memoryFactor);
}

/** Generates the initial cluster. Same options (seed and `nowMs` included) → identical objects. */
export function generateCluster(options: GenerateOptions): GeneratedCluster {
  const rng = new Rng(seedKey(options.seed));
  const nowMs = Math.floor(options.nowMs / SECOND) * SECOND;
  // Old enough that the first scrape after start already reports every running pod.
  const minAgeMs = Math.max(5 * MINUTE, 3 * options.resolutionMs);
  const clusterBornMs = nowMs - rng.float(120, 400) * DAY;
  const maxPods = maxPodsPerNode(options.pods, options.nodes);
  const nodes = buildNodes(rng, options.nodes, maxPods, nowMs, clusterBornMs);
  const namespaces = buildNamespaces(rng, options.namespaces, clusterBornMs, nowMs);

  const systemPlans = planSystem(nodes, options.pods);
  const userBudget = options.pods - systemPlans.reduce((n, p) => n + p.replicas, 0);
  let userNamespaces = namespaces.filter((ns) => !ns.system);
  // With no user namespaces requested, user workloads live in `default`.
  if (userNamespaces.length === 0)
    userNamespaces = namespaces.filter((ns) => ns.name === 'default');
  // Product namespaces take the big shares in seeded order; platform ones (monitoring,
  // ingress-nginx, ...) the tail, as teams' apps outnumber the shared tooling.
  const indexes = userNamespaces.map((_, i) => i);
  const platform = (i: number) => PLATFORM_NAMESPACES.has(userNamespaces[i]?.name ?? '');
  const order = [
    ...rng.shuffle(indexes.filter((i) => !platform(i))),
    ...rng.shuffle(indexes.filter(platform)),
  ];
  const ranks = new Array<number>(indexes.length);
  order.forEach((nsIndex, rank) => (ranks[nsIndex] = rank));
  const budgets = splitBudget(userBudget, ranks);
  const userPlans = userNamespaces.flatMap((ns, i) =>
    planNamespace(rng, ns.name, ns.meshed, budgets[i] ?? 0, nodes.length),
  );
  if (options.realisticWorkloads !== false) {
    addRealism(
      new Rng(mix32(seedKey(options.seed), 0x7ea1)),
      [...systemPlans, ...userPlans],
      nowMs,
    );
  }
  fitToCluster(userPlans, nodes);
  const plans = [...systemPlans, ...userPlans];
  // The class follows from the final resources, exactly as the apiserver derives it.
  for (const plan of plans) plan.qos = qosClassOf(plan);

  const workloads = plans.map((plan) => createWorkload(rng, plan));
  const scenario = chooseScenario(rng, nodes, workloads, options.memoryPins);
  const scheduler = new Scheduler(nodes);
  const ctx: InitialContext = {
    rng,
    nowMs,
    minAgeMs,
    nodes,
    scheduler,
    taken: new Map(),
    unschedulableMessage: unschedulableMessage(nodes),
    leaking: (w) => scenario.memoryLeaks.has(leakKey(w.plan.namespace, w.plan.app)),
  };
  const pods: KubeObject[] = [];
  // Pinned pods first: they take their node regardless, the scheduler works around them.
  const pinned = (w: Workload) => w.plan.kind === 'StaticPod' || w.plan.kind === 'DaemonSet';
  for (const first of [true, false]) {
    for (const w of workloads) {
      if (pinned(w) === first) for (const pod of initialPods(ctx, w)) pods.push(pod);
    }
  }
  return { nowMs, nodes, namespaces, workloads, pods, scheduler, scenario };
}
