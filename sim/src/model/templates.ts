import type { Rng } from './random.js';
import { containersJson, podRequests } from './resources.js';
import type { ObjectMeta } from './types.js';
import type { ContainerPlan, WorkloadKind, WorkloadPlan } from './workloads.js';

/**
 * Runtime workloads: a planned workload plus the current pod template revision its new pods
 * are stamped from, and the names of its live pods (churn replaces them revision by revision).
 */

export type OwnerReference = NonNullable<ObjectMeta['ownerReferences']>[number];

/** The parts of a pod shared by every pod of one template revision. */
export interface Revision {
  /** `pod-template-hash` (Deployments) or `controller-revision-hash` (StatefulSets, DaemonSets). */
  readonly hash: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly ownerReferences: readonly OwnerReference[];
  readonly containers: readonly ContainerPlan[];
  readonly containersJson: readonly Record<string, unknown>[];
  /** `spec.initContainers` JSON (empty when the template has none). */
  readonly initContainersJson: readonly Record<string, unknown>[];
}

/** A controller with its current template revision and live pods. */
export interface Workload {
  readonly plan: WorkloadPlan;
  readonly uid: string;
  revision: Revision;
  /** Requests of one pod: what the scheduler reserves for it. */
  readonly cpuRequestMilli: number;
  readonly memoryRequestBytes: number;
  /** Names of this workload's live pods, oldest first. */
  readonly pods: Set<string>;
  /** CronJob only: Succeeded pods kept as history, oldest first. */
  readonly finished: string[];
}

const APPS_V1 = 'apps/v1';

/** The selector label of a workload's pods; also the key usage profiles are grouped by. */
export function appLabelKey(plan: WorkloadPlan): string {
  if (!plan.system) return 'app.kubernetes.io/name';
  return plan.kind === 'StaticPod' ? 'component' : 'k8s-app';
}

function owner(apiVersion: string, kind: string, name: string, uid: string): OwnerReference[] {
  return [{ apiVersion, kind, name, uid, controller: true }];
}

/**
 * A new template revision: for a Deployment that is a new ReplicaSet (new hash, new RS uid),
 * for StatefulSets/DaemonSets a new ControllerRevision. `containers` default to the plan's.
 */
export function newRevision(
  rng: Rng,
  workload: { plan: WorkloadPlan; uid: string },
  containers: readonly ContainerPlan[] = workload.plan.containers,
): Revision {
  const { plan, uid } = workload;
  const hash = rng.templateHash();
  const labels: Record<string, string> = { [appLabelKey(plan)]: plan.app };
  let ownerReferences: OwnerReference[] = [];
  if (plan.system && plan.kind === 'StaticPod') labels.tier = 'control-plane';
  switch (plan.kind) {
    case 'Deployment':
      labels['pod-template-hash'] = hash;
      ownerReferences = owner(APPS_V1, 'ReplicaSet', `${plan.name}-${hash}`, rng.uuid());
      break;
    case 'StatefulSet':
      labels['controller-revision-hash'] = `${plan.name}-${hash}`;
      ownerReferences = owner(APPS_V1, 'StatefulSet', plan.name, uid);
      break;
    case 'DaemonSet':
      labels['controller-revision-hash'] = hash;
      labels['pod-template-generation'] = '1';
      ownerReferences = owner(APPS_V1, 'DaemonSet', plan.name, uid);
      break;
    default:
      // Jobs get per-Job labels and owners (jobInstance); static pods are owned by their Node.
      break;
  }
  return {
    hash,
    labels,
    ownerReferences,
    containers,
    containersJson: containersJson(containers),
    initContainersJson: containersJson(plan.initContainers ?? []),
  };
}

/** Creates the runtime workload for a plan whose resources are final. */
export function createWorkload(rng: Rng, plan: WorkloadPlan): Workload {
  const uid = rng.uuid();
  const requests = podRequests(plan);
  return {
    plan,
    uid,
    revision: newRevision(rng, { plan, uid }),
    cpuRequestMilli: requests.cpuMilli,
    memoryRequestBytes: requests.memoryBytes,
    pods: new Set(),
    finished: [],
  };
}

/** Labels and owner of one Job (a CronJob run or a one-off Job) and its pods. */
export function jobInstance(
  rng: Rng,
  workload: Workload,
  jobName: string,
): { labels: Record<string, string>; ownerReferences: OwnerReference[] } {
  const jobUid = rng.uuid();
  return {
    labels: {
      ...workload.revision.labels,
      'batch.kubernetes.io/controller-uid': jobUid,
      'batch.kubernetes.io/job-name': jobName,
      'controller-uid': jobUid,
      'job-name': jobName,
    },
    ownerReferences: owner('batch/v1', 'Job', jobName, jobUid),
  };
}

/** Restart policy per controller, as the API requires (Jobs may not use Always). */
export function restartPolicyOf(kind: WorkloadKind): 'Always' | 'OnFailure' | 'Never' {
  if (kind === 'CronJob') return 'OnFailure';
  return kind === 'Job' ? 'Never' : 'Always';
}
