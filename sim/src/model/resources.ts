import {
  CPU_LADDER_MILLI,
  MEMORY_LADDER_MI,
  formatCpuMilli,
  formatMemoryMi,
  nearestOnLadder,
} from './quantity.js';
import type { ContainerPlan, QosClass, WorkloadPlan } from './workloads.js';

/**
 * Container resources: fitting planned requests to the cluster's capacity, rounding them to
 * values people write, the pod QoS class, and the containers' JSON.
 */

/** A pod's effective requests: what the scheduler reserves for it on its node. */
export interface PodRequests {
  cpuMilli: number;
  memoryBytes: number;
}

/** The parts of a pod template that decide its requests and QoS class. */
export type PodResources = Pick<WorkloadPlan, 'containers' | 'initContainers' | 'overhead'>;

/**
 * Effective requests as the scheduler computes them (component-helpers `PodRequests`): per
 * resource, max(sum of regular containers + sum of native sidecars, the largest classic init
 * container plus the sidecars started before it) + `spec.overhead`.
 */
export function podRequests(pod: PodResources): PodRequests {
  const effective = (get: (c: ContainerPlan) => number | undefined): number => {
    let sum = 0;
    for (const c of pod.containers) sum += get(c) ?? 0;
    let sidecars = 0;
    let initPeak = 0;
    for (const c of pod.initContainers ?? []) {
      const own = get(c) ?? 0;
      if (c.restartPolicy === 'Always') {
        sum += own;
        sidecars += own;
        initPeak = Math.max(initPeak, sidecars);
      } else {
        initPeak = Math.max(initPeak, own + sidecars);
      }
    }
    return Math.max(sum, initPeak);
  };
  const cpuMilli = effective((c) => c.cpuRequestMilli) + (pod.overhead?.cpuMilli ?? 0);
  const memoryMi = effective((c) => c.memoryRequestMi) + (pod.overhead?.memoryMi ?? 0);
  return { cpuMilli, memoryBytes: memoryMi * 1048576 };
}

/**
 * The QoS class Kubernetes derives from a pod's containers, init containers included:
 * Guaranteed if every container has CPU and memory limits equal to its requests, BestEffort if
 * none sets anything, else Burstable.
 */
export function qosClassOf(pod: PodResources): QosClass {
  let any = false;
  let guaranteed = true;
  for (const c of [...pod.containers, ...(pod.initContainers ?? [])]) {
    const cpuReq = c.cpuRequestMilli ?? c.cpuLimitMilli;
    const memReq = c.memoryRequestMi ?? c.memoryLimitMi;
    if (
      cpuReq !== undefined ||
      memReq !== undefined ||
      c.cpuLimitMilli !== undefined ||
      c.memoryLimitMi !== undefined
    ) {
      any = true;
    }
    if (
      c.cpuLimitMilli === undefined ||
      c.memoryLimitMi === undefined ||
      cpuReq !== c.cpuLimitMilli ||
      memReq !== c.memoryLimitMi
    ) {
      guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/**
 * Scales a plan's resources by the cluster-fit factors and rounds them to ladder values.
 * Rounding is monotonic, so Guaranteed stays Guaranteed and limits stay >= requests.
 */
export function fitResources(plan: WorkloadPlan, cpuFactor: number, memoryFactor: number): void {
  const cpu = (v: number | undefined) =>
    v === undefined ? undefined : nearestOnLadder(v * cpuFactor, CPU_LADDER_MILLI);
  const mem = (v: number | undefined) =>
    v === undefined ? undefined : nearestOnLadder(v * memoryFactor, MEMORY_LADDER_MI);
  const fit = (c: ContainerPlan): ContainerPlan => {
    const out: ContainerPlan = { name: c.name, image: c.image };
    if (c.port !== undefined) out.port = c.port;
    if (c.restartPolicy !== undefined) out.restartPolicy = c.restartPolicy;
    const cpuRequest = cpu(c.cpuRequestMilli);
    const memoryRequest = mem(c.memoryRequestMi);
    const cpuLimit = cpu(c.cpuLimitMilli);
    const memoryLimit = mem(c.memoryLimitMi);
    if (cpuRequest !== undefined) out.cpuRequestMilli = cpuRequest;
    if (memoryRequest !== undefined) out.memoryRequestMi = memoryRequest;
    if (cpuLimit !== undefined) out.cpuLimitMilli = cpuLimit;
    if (memoryLimit !== undefined) out.memoryLimitMi = memoryLimit;
    return out;
  };
  plan.containers = plan.containers.map(fit);
  if (plan.initContainers !== undefined) plan.initContainers = plan.initContainers.map(fit);
}

/** `resources` as the apiserver serialises it (keys sorted, `{}` when nothing is set). */
function resourcesJson(c: ContainerPlan): Record<string, Record<string, string>> {
  const limits: Record<string, string> = {};
  const requests: Record<string, string> = {};
  if (c.cpuLimitMilli !== undefined) limits.cpu = formatCpuMilli(c.cpuLimitMilli);
  if (c.memoryLimitMi !== undefined) limits.memory = formatMemoryMi(c.memoryLimitMi);
  if (c.cpuRequestMilli !== undefined) requests.cpu = formatCpuMilli(c.cpuRequestMilli);
  if (c.memoryRequestMi !== undefined) requests.memory = formatMemoryMi(c.memoryRequestMi);
  const out: Record<string, Record<string, string>> = {};
  if (Object.keys(limits).length > 0) out.limits = limits;
  if (Object.keys(requests).length > 0) out.requests = requests;
  return out;
}

/**
 * `spec.containers` JSON. Built once per pod template and shared by all its pods: objects are
 * immutable once stored, and sharing keeps 150 000 pods affordable in memory.
 */
export function containersJson(containers: readonly ContainerPlan[]): Record<string, unknown>[] {
  return containers.map((c) => ({
    name: c.name,
    image: c.image,
    ...(c.port === undefined ? {} : { ports: [{ containerPort: c.port, protocol: 'TCP' }] }),
    resources: resourcesJson(c),
    ...(c.restartPolicy === undefined ? {} : { restartPolicy: c.restartPolicy }),
  }));
}
