import type { SimNode } from './nodes.js';
import type { ContainerPlan, WorkloadPlan } from './workloads.js';

/**
 * kube-system as kubeadm sets it up: static control-plane pods on each control-plane node,
 * kube-proxy on every node, two CoreDNS replicas and metrics-server (which the dashboard
 * itself depends on).
 */

const K8S_VERSION = 'v1.31.4';
const REGISTRY = 'registry.k8s.io';

/** Priority the system priority classes resolve to (`spec.priority`). */
export const SYSTEM_PRIORITY: Readonly<Record<string, number>> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

/** Priority class of a system workload: node-level agents outrank cluster add-ons. */
export function systemPriorityClass(plan: WorkloadPlan): string {
  return plan.kind === 'StaticPod' || plan.kind === 'DaemonSet'
    ? 'system-node-critical'
    : 'system-cluster-critical';
}

/** Whether a system workload's pods share their node's network namespace (and IP). */
export function usesHostNetwork(plan: WorkloadPlan): boolean {
  return plan.system && (plan.kind === 'StaticPod' || plan.kind === 'DaemonSet');
}

const STATIC_COMPONENTS: readonly (readonly [string, string, number, number])[] = [
  // [component, image, cpu request m, memory request Mi] (kubeadm defaults)
  ['etcd', `${REGISTRY}/etcd:3.5.15-0`, 100, 100],
  ['kube-apiserver', `${REGISTRY}/kube-apiserver:${K8S_VERSION}`, 250, 0],
  ['kube-controller-manager', `${REGISTRY}/kube-controller-manager:${K8S_VERSION}`, 200, 0],
  ['kube-scheduler', `${REGISTRY}/kube-scheduler:${K8S_VERSION}`, 100, 0],
];

function plan(
  kind: WorkloadPlan['kind'],
  name: string,
  app: string,
  containers: ContainerPlan[],
  replicas: number,
  nodeIndex?: number,
): WorkloadPlan {
  const qos = containers.some(
    (c) => c.cpuRequestMilli !== undefined || c.memoryRequestMi !== undefined,
  )
    ? 'Burstable'
    : 'BestEffort';
  return {
    kind,
    namespace: 'kube-system',
    name,
    app,
    system: true,
    qos,
    containers,
    replicas,
    ...(nodeIndex === undefined ? {} : { nodeIndex }),
  };
}

/** Pods kube-system needs for this many nodes: 4 per control-plane node + 1 per node + 3. */
export function systemPodsNeeded(nodes: readonly SimNode[]): number {
  return nodes.filter((n) => n.controlPlane).length * STATIC_COMPONENTS.length + nodes.length + 3;
}

/**
 * The kube-system workloads, trimmed to at most `budget` pods. When the requested pod total
 * is smaller than what kube-system needs, the most essential pods are kept: the control plane
 * first, then CoreDNS, metrics-server, and kube-proxy on as many nodes as remain (a DaemonSet
 * that has not reached every node yet). User namespaces then stay empty.
 */
export function planSystem(nodes: readonly SimNode[], budget: number): WorkloadPlan[] {
  const plans: WorkloadPlan[] = [];
  let left = budget;
  for (const node of nodes.filter((n) => n.controlPlane)) {
    for (const [component, image, cpu, memory] of STATIC_COMPONENTS) {
      if (left === 0) return plans;
      const container: ContainerPlan = { name: component, image, cpuRequestMilli: cpu };
      if (memory > 0) container.memoryRequestMi = memory;
      plans.push(
        plan('StaticPod', `${component}-${node.name}`, component, [container], 1, node.index),
      );
      left--;
    }
  }
  const coredns = Math.min(2, left);
  if (coredns > 0) {
    const container: ContainerPlan = {
      name: 'coredns',
      image: `${REGISTRY}/coredns/coredns:v1.11.3`,
      port: 53,
      cpuRequestMilli: 100,
      memoryRequestMi: 70,
      memoryLimitMi: 170,
    };
    plans.push(plan('Deployment', 'coredns', 'kube-dns', [container], coredns));
    left -= coredns;
  }
  if (left > 0) {
    const container: ContainerPlan = {
      name: 'metrics-server',
      image: `${REGISTRY}/metrics-server/metrics-server:v0.7.2`,
      port: 10250,
      cpuRequestMilli: 100,
      memoryRequestMi: 200,
    };
    plans.push(plan('Deployment', 'metrics-server', 'metrics-server', [container], 1));
    left--;
  }
  const proxies = Math.min(nodes.length, left);
  if (proxies > 0) {
    const container: ContainerPlan = {
      name: 'kube-proxy',
      image: `${REGISTRY}/kube-proxy:${K8S_VERSION}`,
    };
    plans.push(plan('DaemonSet', 'kube-proxy', 'kube-proxy', [container], proxies));
  }
  return plans;
}
