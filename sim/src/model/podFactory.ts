import type { SimNode } from './nodes.js';
import { buildPod } from './pods.js';
import type { Placement, PodState } from './podStatus.js';
import type { Rng } from './random.js';
import type { Scheduler } from './scheduler.js';
import { SYSTEM_PRIORITY, systemPriorityClass, usesHostNetwork } from './system.js';
import { jobInstance, restartPolicyOf, type OwnerReference, type Workload } from './templates.js';
import type { KubeObject } from './types.js';

/**
 * Stamps pods out of workloads: controller-style names, labels and owners per controller
 * kind, and node placement. Shared by the initial generation and churn.
 */

/** Whether a namespace/name is taken (a Set at generation, the store during churn). */
export type NameTaken = (namespace: string, name: string) => boolean;

/** A free name `<base>-<5 chars>`, like `generateName` (collisions are rare but possible). */
export function generatedName(rng: Rng, namespace: string, base: string, taken: NameTaken): string {
  for (;;) {
    // join() yields a flat string; a template would leave a rope for every later read to flatten.
    const name = [base, rng.suffix()].join('-');
    if (!taken(namespace, name)) return name;
  }
}

/** Labels and owners of the Job a new batch pod belongs to, and the Job-name base. */
export interface JobRun {
  jobName: string;
  labels: Record<string, string>;
  ownerReferences: OwnerReference[];
}

/**
 * A new run of a CronJob (named after its scheduled minute, as the controller does) or of a
 * Job (its plan name unless `name` says otherwise).
 */
export function jobRun(rng: Rng, workload: Workload, scheduledMs: number, name?: string): JobRun {
  const { plan } = workload;
  const jobName =
    name ??
    (plan.kind === 'CronJob' ? `${plan.name}-${Math.floor(scheduledMs / 60_000)}` : plan.name);
  return { jobName, ...jobInstance(rng, workload, jobName) };
}

/** The name a new pod of this workload gets. `ordinal` for StatefulSets, `job` for batch. */
export function podNameFor(
  rng: Rng,
  workload: Workload,
  taken: NameTaken,
  options: { ordinal?: number; job?: JobRun; node?: SimNode } = {},
): string {
  const { plan } = workload;
  switch (plan.kind) {
    case 'StatefulSet':
      return `${plan.name}-${options.ordinal ?? 0}`;
    case 'StaticPod':
      return `${plan.app}-${options.node?.name ?? ''}`;
    case 'Deployment':
      return generatedName(rng, plan.namespace, `${plan.name}-${workload.revision.hash}`, taken);
    case 'CronJob':
    case 'Job':
      return generatedName(rng, plan.namespace, options.job?.jobName ?? plan.name, taken);
    default:
      return generatedName(rng, plan.namespace, plan.name, taken);
  }
}

/** Binds a pod to a node: host network pods share the node's IP. */
export function placementOn(node: SimNode, scheduler: Scheduler, hostNetwork: boolean): Placement {
  return {
    nodeName: node.name,
    hostIP: node.internalIP,
    podIP: hostNetwork ? node.internalIP : scheduler.podIP(node.index),
  };
}

/** Everything about a new pod that varies per pod. */
export interface NewPod {
  name: string;
  uid: string;
  createdMs: number;
  state: PodState;
  placement?: Placement;
  ordinal?: number;
  job?: JobRun;
  node?: SimNode;
}

/** Builds the pod object for a workload (its current revision) in the given state. */
export function podFor(workload: Workload, pod: NewPod): KubeObject {
  const { plan, revision } = workload;
  let labels: Readonly<Record<string, string>> = pod.job?.labels ?? revision.labels;
  let ownerReferences: readonly OwnerReference[] =
    pod.job?.ownerReferences ?? revision.ownerReferences;
  if (plan.kind === 'StatefulSet') {
    labels = {
      ...labels,
      'apps.kubernetes.io/pod-index': String(pod.ordinal ?? 0),
      'statefulset.kubernetes.io/pod-name': pod.name,
    };
  }
  if (plan.kind === 'StaticPod' && pod.node !== undefined) {
    // Mirror pods of static manifests are owned by their Node.
    ownerReferences = [
      {
        apiVersion: 'v1',
        kind: 'Node',
        name: pod.node.name,
        uid: pod.node.object.metadata.uid,
        controller: true,
      },
    ];
  }
  const priorityClassName = plan.system ? systemPriorityClass(plan) : undefined;
  return buildPod({
    name: pod.name,
    namespace: plan.namespace,
    uid: pod.uid,
    createdMs: pod.createdMs,
    labels,
    ownerReferences,
    containers: revision.containersJson,
    initContainers: revision.initContainersJson,
    ...(plan.overhead === undefined ? {} : { overhead: plan.overhead }),
    ...(plan.annotations === undefined ? {} : { annotations: plan.annotations }),
    qos: plan.qos,
    restartPolicy: restartPolicyOf(plan.kind),
    serviceAccountName: plan.system && plan.kind !== 'StaticPod' ? plan.name : 'default',
    ...(priorityClassName === undefined
      ? {}
      : { priorityClassName, priority: SYSTEM_PRIORITY[priorityClassName] ?? 0 }),
    hostNetwork: usesHostNetwork(plan),
    ...(pod.placement === undefined ? {} : { placement: pod.placement }),
    state: pod.state,
  });
}

/** The scheduler's message for a pod that fits nowhere, in kube-scheduler's wording. */
export function unschedulableMessage(nodes: readonly SimNode[]): string {
  const total = nodes.length;
  const tainted = nodes.filter((n) => !n.schedulable).length;
  const rest = total - tainted;
  const taint =
    tainted > 0
      ? `${tainted} node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, `
      : '';
  return (
    `0/${total} nodes are available: ${taint}${rest} Insufficient cpu. ` +
    `preemption: 0/${total} nodes are available: ${tainted > 0 ? `${tainted} Preemption is not helpful for scheduling, ` : ''}` +
    `${rest} No preemption victims found for incoming pod.`
  );
}
