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

/** Sum of a pod's container requests (what the scheduler reserves on its node). */
export interface PodRequests {
  cpuMilli: number;
  memoryBytes: number;
}

/** Sums a pod's container requests. */
export function podRequests(containers: readonly ContainerPlan[]): PodRequests {
  let cpuMilli = 0;
  let memoryMi = 0;
  for (const c of containers) {
    cpuMilli += c.cpuRequestMilli ?? 0;
    memoryMi += c.memoryRequestMi ?? 0;
  }
  return { cpuMilli, memoryBytes: memoryMi * 1048576 };
}

/**
 * The QoS class Kubernetes derives from a pod's containers: Guaranteed if every container has
 * CPU and memory limits equal to its requests, BestEffort if none sets anything, else Burstable.
 */
export function qosClassOf(containers: readonly ContainerPlan[]): QosClass {
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
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
  plan.containers = plan.containers.map((c) => {
    const out: ContainerPlan = { name: c.name, image: c.image };
    if (c.port !== undefined) out.port = c.port;
    const cpuRequest = cpu(c.cpuRequestMilli);
    const memoryRequest = mem(c.memoryRequestMi);
    const cpuLimit = cpu(c.cpuLimitMilli);
    const memoryLimit = mem(c.memoryLimitMi);
    if (cpuRequest !== undefined) out.cpuRequestMilli = cpuRequest;
    if (memoryRequest !== undefined) out.memoryRequestMi = memoryRequest;
    if (cpuLimit !== undefined) out.cpuLimitMilli = cpuLimit;
    if (memoryLimit !== undefined) out.memoryLimitMi = memoryLimit;
    return out;
  });
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
  }));
}
