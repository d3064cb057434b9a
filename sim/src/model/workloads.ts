import {
  APP_REGISTRY,
  JOB_NAMES,
  KNOWN_WORKLOADS,
  SIDECARS,
  SIZES,
  STATEFUL_APPS,
  type KnownWorkload,
  type SidecarName,
  type SizeClass,
} from './catalog.js';
import { NameSource, appVersion, baseName } from './naming.js';
import type { Rng } from './random.js';

/** Controllers that own simulated pods (StaticPod = kubelet mirror pod, owned by its Node). */
export type WorkloadKind =
  'Deployment' | 'StatefulSet' | 'DaemonSet' | 'CronJob' | 'Job' | 'StaticPod';

/** A pod's QoS class (`status.qosClass`). */
export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** One container of a pod template; resources in millicores / MiB, absent when unset. */
export interface ContainerPlan {
  name: string;
  image: string;
  port?: number;
  cpuRequestMilli?: number;
  memoryRequestMi?: number;
  cpuLimitMilli?: number;
  memoryLimitMi?: number;
  /** `Always` on an init container makes it a native sidecar (restartable init container). */
  restartPolicy?: 'Always';
}

/** Extra pod cost a RuntimeClass declares (`spec.overhead`), added to the pod's requests. */
export interface PodOverhead {
  runtimeClassName: string;
  cpuMilli: number;
  memoryMi: number;
}

/** A workload as planned: identity, pod count and its (raw, later fitted) containers. */
export interface WorkloadPlan {
  kind: WorkloadKind;
  namespace: string;
  name: string;
  /** Value of the pods' `app.kubernetes.io/name` (or `k8s-app` / `component`) label. */
  app: string;
  system: boolean;
  qos: QosClass;
  containers: ContainerPlan[];
  /** Classic init containers and native sidecars, in start order (`spec.initContainers`). */
  initContainers?: ContainerPlan[];
  /** Pod annotations (static pods: the kubelet's `kubernetes.io/config.*`). */
  annotations?: Record<string, string>;
  /** Set when the pods run under a RuntimeClass with overhead (kata, gVisor). */
  overhead?: PodOverhead;
  /** Pods at generation time (DaemonSets: filled in with the node count). */
  replicas: number;
  /** StaticPod only: the node it runs on. */
  nodeIndex?: number;
}

/** How generic (non-catalog) workloads are split between controller kinds. */
const GENERIC_KINDS: readonly (readonly [WorkloadKind, number])[] = [
  ['Deployment', 83],
  ['StatefulSet', 8],
  ['CronJob', 6],
  ['Job', 3],
];

/** Replica counts of generic Deployments, before scaling with the namespace size. */
const REPLICA_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[1, 1], 32],
  [[2, 3], 28],
  [[3, 6], 20],
  [[6, 15], 12],
  [[15, 40], 6],
  [[40, 100], 2],
];

/**
 * Containers for a workload of the given QoS class. Guaranteed: limits equal requests in every
 * container; Burstable: requests with a looser (or no) limit; BestEffort: no resources at all.
 */
function containersFor(
  rng: Rng,
  qos: QosClass,
  main: { name: string; image: string; port?: number; size: readonly [number, number] },
  sidecars: readonly SidecarName[],
): ContainerPlan[] {
  const memoryLimitFactor = rng.pick([1, 1, 1.5, 2, 2, 4]);
  const cpuLimitFactor = rng.chance(0.4) ? rng.pick([2, 2, 4]) : 0;
  const make = (name: string, image: string, size: readonly [number, number], port?: number) => {
    const c: ContainerPlan = { name, image, ...(port === undefined ? {} : { port }) };
    if (qos === 'BestEffort') return c;
    // Teams size each workload differently: up to 2x either way of its class.
    const cpu = size[0] * rng.logUniform(0.5, 2);
    const memory = size[1] * rng.logUniform(0.5, 2);
    c.cpuRequestMilli = cpu;
    c.memoryRequestMi = memory;
    if (qos === 'Guaranteed') {
      c.cpuLimitMilli = cpu;
      c.memoryLimitMi = memory;
    } else {
      c.memoryLimitMi = memory * memoryLimitFactor;
      if (cpuLimitFactor > 0) c.cpuLimitMilli = cpu * cpuLimitFactor;
    }
    return c;
  };
  return [
    make(main.name, main.image, main.size, main.port),
    ...sidecars.map((name) => make(name, SIDECARS[name].image, SIDECARS[name].size)),
  ];
}

function pickQos(rng: Rng, kind: WorkloadKind): QosClass {
  const guaranteed = kind === 'StatefulSet' ? 40 : 18;
  return rng.weighted<QosClass>([
    ['Guaranteed', guaranteed],
    ['Burstable', 90 - guaranteed],
    ['BestEffort', 10],
  ]);
}

function pickSidecars(rng: Rng, kind: WorkloadKind, meshed: boolean): SidecarName[] {
  const out: SidecarName[] = [];
  // Istio skips batch pods here: an injected proxy keeps a finished Job's pod running.
  if (meshed && kind !== 'Job' && kind !== 'CronJob') out.push('istio-proxy');
  if (rng.chance(0.12)) out.push('log-shipper');
  if (kind === 'Deployment' && rng.chance(0.06)) out.push('cloud-sql-proxy');
  return out;
}

/**
 * Plans the workloads of one user namespace so that their pods add up to exactly `budget`.
 * Platform namespaces get their well-known components first (DaemonSets only if the budget
 * covers every node); the rest is filled with generic services, data stores and batch jobs
 * whose replica counts grow with the namespace, so a 25 000-pod namespace has big Deployments
 * rather than thousands of tiny ones.
 */
export function planNamespace(
  rng: Rng,
  namespace: string,
  meshed: boolean,
  budget: number,
  nodeCount: number,
): WorkloadPlan[] {
  const plans: WorkloadPlan[] = [];
  const names = new NameSource(rng, baseName(namespace));
  let left = budget;
  const add = (plan: WorkloadPlan): void => {
    plans.push(plan);
    left -= plan.replicas;
  };
  const fromKnown = (known: KnownWorkload, name: string, replicas: number): WorkloadPlan => {
    const kind = known.kind;
    const qos = pickQos(rng, kind);
    const containers = containersFor(
      rng,
      qos,
      {
        name: known.name.replace(/-(main|k8s|controller)$/, ''),
        image: known.image,
        port: known.port,
        size: SIZES[known.size],
      },
      pickSidecars(rng, kind, meshed),
    );
    return { kind, namespace, name, app: name, system: false, qos, containers, replicas };
  };

  for (const known of KNOWN_WORKLOADS[namespace] ?? []) {
    const replicas = known.kind === 'DaemonSet' ? nodeCount : known.replicas;
    if (replicas > left) continue;
    add(fromKnown(known, names.claim(known.name), replicas));
  }

  const scale = Math.max(1, Math.sqrt(budget / 400));
  while (left > 0) {
    const kind = rng.weighted(GENERIC_KINDS);
    let plan: WorkloadPlan;
    if (kind === 'StatefulSet') {
      const known = rng.pick(STATEFUL_APPS);
      const replicas = Math.round(known.replicas * (scale > 4 ? rng.int(1, 3) : 1));
      plan = fromKnown(known, names.claim(`${baseName(namespace)}-${known.name}`), replicas);
    } else if (kind === 'CronJob' || kind === 'Job') {
      const job = rng.pick(JOB_NAMES);
      const name = names.claim(`${baseName(namespace)}-${job}`);
      const size: SizeClass = rng.pick(['small', 'medium', 'large']);
      const image = `${APP_REGISTRY}/${namespace}/${job}:${appVersion(rng)}`;
      // A CronJob keeps its last 3 finished Jobs' pods, plus maybe a running one.
      const replicas = kind === 'CronJob' ? rng.int(1, 4) : rng.pick([1, 1, 1, 2, 4]);
      const qos = pickQos(rng, kind);
      const containers = containersFor(
        rng,
        qos,
        { name: job, image, size: SIZES[size] },
        pickSidecars(rng, kind, meshed),
      );
      plan = { kind, namespace, name, app: name, system: false, qos, containers, replicas };
    } else {
      const name = names.service();
      const [lo, hi] = rng.weighted(REPLICA_BANDS);
      const replicas = Math.max(1, Math.round(rng.int(lo, hi) * scale));
      const size: SizeClass = rng.weighted([
        ['tiny', 15],
        ['small', 35],
        ['medium', 30],
        ['large', 15],
        ['xlarge', 5],
      ]);
      const component = name.slice(name.lastIndexOf('-') + 1);
      const image = `${APP_REGISTRY}/${namespace}/${name}:${appVersion(rng)}`;
      const port = component === 'grpc' ? 9090 : 8080;
      const qos = pickQos(rng, kind);
      const containers = containersFor(
        rng,
        qos,
        { name: component, image, port, size: SIZES[size] },
        pickSidecars(rng, kind, meshed),
      );
      plan = { kind, namespace, name, app: name, system: false, qos, containers, replicas };
    }
    plan.replicas = Math.max(1, Math.min(plan.replicas, left));
    add(plan);
  }
  return plans;
}
