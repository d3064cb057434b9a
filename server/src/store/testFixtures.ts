/**
 * Builders for the store's tests and benchmark: small, explicit inventories and samples.
 * Not used by production code.
 */
import { podResources, type PodOverhead } from '../kube/podResources.js';
import {
  podKey,
  type ContainerSpec,
  type Inventory,
  type MetricsSample,
  type NamespaceInfo,
  type NodeInfo,
  type PodInfo,
  type PodUsage,
} from '../kube/types.js';

export const MI = 1024 * 1024;
export const GI = 1024 * MI;

export function node(name: string, over: Partial<NodeInfo> = {}): NodeInfo {
  return {
    name,
    ready: true,
    roles: [],
    unschedulable: false,
    allocatable: { cpuNanocores: 4e9, memoryBytes: 16 * GI },
    capacity: { cpuNanocores: 4e9, memoryBytes: 16 * GI },
    createdMs: 0,
    labels: {},
    group: null,
    conditions: [],
    ...over,
  };
}

export function container(name: string, over: Partial<ContainerSpec> = {}): ContainerSpec {
  return {
    name,
    kind: 'container',
    cpuRequestNanocores: null,
    cpuLimitNanocores: null,
    memoryRequestBytes: null,
    memoryLimitBytes: null,
    ...over,
  };
}

/** A pod; `resources` is derived from `containers` (and `overhead`) unless given. */
export function pod(
  namespace: string,
  name: string,
  over: Partial<PodInfo> & { overhead?: PodOverhead } = {},
): PodInfo {
  const { overhead, ...rest } = over;
  const containers = rest.containers ?? [container('app')];
  return {
    namespace,
    name,
    node: 'n1',
    phase: 'Running',
    restarts: 0,
    running: true,
    qosClass: 'BestEffort',
    createdMs: 0,
    ...rest,
    containers,
    resources: rest.resources ?? podResources(containers, overhead),
  };
}

export function inventory(
  nodes: NodeInfo[],
  pods: PodInfo[],
  namespaces: string[] = [...new Set(pods.map((p) => p.namespace))],
): Inventory {
  const ns = (name: string): NamespaceInfo => ({ name, phase: 'Active', createdMs: 0 });
  return {
    nodes: new Map(nodes.map((n) => [n.name, n])),
    pods: new Map(pods.map((p) => [podKey(p.namespace, p.name), p])),
    namespaces: new Map(namespaces.map((n) => [n, ns(n)])),
  };
}

/** `[container, nanocores, bytes]` triples. */
export type ContainerValues = [string, number, number][];

export function podUsage(
  namespace: string,
  name: string,
  containers: ContainerValues,
  timestampMs = 0,
): PodUsage {
  return {
    namespace,
    name,
    containers: containers.map(([n, cpu, mem]) => ({
      name: n,
      cpuNanocores: cpu,
      memoryBytes: mem,
    })),
    timestampMs,
    windowMs: 15_000,
  };
}

export function sample(
  timestampMs: number,
  nodes: [string, number, number][],
  pods: PodUsage[] = [],
): MetricsSample {
  return {
    timestampMs,
    nodes: nodes.map(([name, cpu, mem]) => ({
      name,
      cpuNanocores: cpu,
      memoryBytes: mem,
      timestampMs,
      windowMs: 15_000,
    })),
    pods,
  };
}
