import {
  podStatus,
  type ContainerRef,
  type Placement,
  type PodState,
  type StatusInput,
} from './podStatus.js';
import { formatCpuMilli, formatMemoryMi } from './quantity.js';
import { parseTime, rfc3339 } from './time.js';
import type { KubeObject } from './types.js';
import type { PodOverhead, QosClass } from './workloads.js';

/**
 * Whole pod objects: built from a template revision and a state, and re-stated when the pod
 * moves to a new state (stored objects are immutable, so that is always a new object).
 */

/** Everything needed to build a pod object. */
export interface PodInput {
  name: string;
  namespace: string;
  uid: string;
  createdMs: number;
  labels: Readonly<Record<string, string>>;
  ownerReferences: readonly unknown[];
  /** Shared `spec.containers` JSON of the pod's template revision. */
  containers: readonly Record<string, unknown>[];
  /** Shared `spec.initContainers` JSON (may be empty). */
  initContainers: readonly Record<string, unknown>[];
  /** RuntimeClass and its `spec.overhead`, when the template sets one. */
  overhead?: PodOverhead;
  annotations?: Readonly<Record<string, string>>;
  qos: QosClass;
  restartPolicy: string;
  serviceAccountName: string;
  priorityClassName?: string;
  priority?: number;
  hostNetwork?: boolean;
  placement?: Placement;
  state: PodState;
}

/** Builds a complete pod object (resourceVersion is stamped by the store). */
export function buildPod(input: PodInput): KubeObject {
  const spec: Record<string, unknown> = {};
  if (input.initContainers.length > 0) spec.initContainers = input.initContainers;
  Object.assign(spec, {
    containers: input.containers,
    restartPolicy: input.restartPolicy,
    serviceAccountName: input.serviceAccountName,
  });
  if (input.placement !== undefined && (input.state.phase !== 'Pending' || input.state.scheduled)) {
    spec.nodeName = input.placement.nodeName;
  }
  if (input.hostNetwork === true) spec.hostNetwork = true;
  if (input.priorityClassName !== undefined) spec.priorityClassName = input.priorityClassName;
  if (input.priority !== undefined) spec.priority = input.priority;
  if (input.overhead !== undefined) {
    const { runtimeClassName, cpuMilli, memoryMi } = input.overhead;
    spec.runtimeClassName = runtimeClassName;
    spec.overhead = { cpu: formatCpuMilli(cpuMilli), memory: formatMemoryMi(memoryMi) };
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      uid: input.uid,
      resourceVersion: '',
      creationTimestamp: rfc3339(input.createdMs),
      labels: input.labels as Record<string, string>,
      ...(input.annotations === undefined
        ? {}
        : { annotations: input.annotations as Record<string, string> }),
      ownerReferences: input.ownerReferences as KubeObject['metadata']['ownerReferences'],
    },
    spec,
    status: podStatus(
      {
        uid: input.uid,
        containers: input.containers,
        initContainers: input.initContainers,
        qos: input.qos,
        createdMs: input.createdMs,
        placement: input.placement,
      },
      input.state,
    ),
  };
}

/**
 * The same pod in a new state: a fresh object (stored objects are immutable) sharing
 * everything that did not change. Binding to a node happens here too (`placement`).
 */
export function withState(pod: KubeObject, state: PodState, placement?: Placement): KubeObject {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const where: Placement | undefined =
    placement ??
    (typeof spec.nodeName === 'string'
      ? { nodeName: spec.nodeName, hostIP: text(status.hostIP), podIP: text(status.podIP) }
      : undefined);
  const input: StatusInput = {
    uid: pod.metadata.uid,
    containers: (spec.containers ?? []) as ContainerRef[],
    initContainers: (spec.initContainers ?? []) as ContainerRef[],
    qos: status.qosClass as QosClass,
    createdMs: parseTime(pod.metadata.creationTimestamp),
    placement: where,
  };
  return {
    ...pod,
    metadata: { ...pod.metadata },
    spec: where === undefined ? spec : { ...spec, nodeName: where.nodeName },
    status: podStatus(input, state),
  };
}
