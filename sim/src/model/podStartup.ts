import {
  containerIdOf,
  isSidecar,
  statusEntry,
  terminated,
  type ContainerRef,
} from './containerStatuses.js';
import { rfc3339 } from './time.js';
import type { Placement } from './podStatus.js';
import type { QosClass } from './workloads.js';

/**
 * The parts of pod status around start-up: conditions, the all-waiting statuses of a pod
 * whose images are being pulled, and init containers (classic ones Completed, native sidecars
 * running beside the pod).
 */

export type Json = Record<string, unknown>;

/** What a pod's status is derived from besides its lifecycle state. */
export interface StatusInput {
  uid: string;
  containers: readonly ContainerRef[];
  /** `spec.initContainers`: classic ones run to completion first, sidecars keep running. */
  initContainers: readonly ContainerRef[];
  qos: QosClass;
  createdMs: number;
  placement: Placement | undefined;
}

/** A pod condition (`time` already formatted: one timestamp string serves several fields). */
export function condition(type: string, status: string, time: string): Json {
  return { type, status, lastTransitionTime: time };
}

export function conditionWhy(
  type: string,
  status: string,
  time: string,
  reason: string,
  message?: string,
): Json {
  return message === undefined
    ? { type, status, lastTransitionTime: time, reason }
    : { type, status, lastTransitionTime: time, reason, message };
}

function names(containers: readonly ContainerRef[]): string {
  return containers.map((c) => String(c.name)).join(' ');
}

export function unready(containers: readonly ContainerRef[]): string {
  return `containers with unready status: [${names(containers)}]`;
}

const NOT_CREATED = { ready: false, started: false, restartCount: 0 };

/** Statuses of a pod whose images are still being pulled (nothing created yet). */
export function pendingStatus(input: StatusInput, scheduled: string): Json {
  const { containers, initContainers } = input;
  const message = unready(containers);
  const status: Json = { phase: 'Pending' };
  if (initContainers.length === 0) {
    const creating = { waiting: { reason: 'ContainerCreating' } };
    status.conditions = [
      condition('Initialized', 'True', scheduled),
      conditionWhy('Ready', 'False', scheduled, 'ContainersNotReady', message),
      conditionWhy('ContainersReady', 'False', scheduled, 'ContainersNotReady', message),
      condition('PodScheduled', 'True', scheduled),
    ];
    status.hostIP = input.placement?.hostIP;
    status.startTime = scheduled;
    status.containerStatuses = containers.map((c) =>
      statusEntry(c, { state: creating, ...NOT_CREATED }),
    );
  } else {
    const initializing = { waiting: { reason: 'PodInitializing' } };
    const incomplete = `containers with incomplete status: [${names(initContainers)}]`;
    status.conditions = [
      conditionWhy('Initialized', 'False', scheduled, 'ContainersNotInitialized', incomplete),
      conditionWhy('Ready', 'False', scheduled, 'ContainersNotReady', message),
      conditionWhy('ContainersReady', 'False', scheduled, 'ContainersNotReady', message),
      condition('PodScheduled', 'True', scheduled),
    ];
    status.hostIP = input.placement?.hostIP;
    status.startTime = scheduled;
    status.initContainerStatuses = initContainers.map((c) =>
      statusEntry(c, { state: initializing, ...NOT_CREATED }),
    );
    status.containerStatuses = containers.map((c) =>
      statusEntry(c, { state: initializing, ...NOT_CREATED }),
    );
  }
  status.qosClass = input.qos;
  return status;
}

/**
 * Init container statuses once the pod has started: classic ones Completed (one second each,
 * in order), native sidecars running since then, or Completed too when the pod finished.
 */
export function initStatuses(
  input: StatusInput,
  podKey: number,
  scheduledMs: number,
  finishedMs?: number,
): Json[] {
  const base = input.containers.length;
  return input.initContainers.map((c, i) => {
    const index = base + i;
    const id = containerIdOf(podKey, index, 0);
    const startedMs = scheduledMs + 1000 * (i + 1);
    if (isSidecar(c) && finishedMs === undefined) {
      const state = { running: { startedAt: rfc3339(startedMs) } };
      return statusEntry(c, {
        state,
        ready: true,
        started: true,
        restartCount: 0,
        containerID: id,
      });
    }
    const endMs = isSidecar(c) ? (finishedMs ?? startedMs) : startedMs + 1000;
    const state = terminated('Completed', 0, startedMs, endMs, id);
    const ready = !isSidecar(c);
    return statusEntry(c, { state, ready, started: false, restartCount: 0, containerID: id });
  });
}
