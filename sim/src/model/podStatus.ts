import { containerIdOf, podKeyOf, statusEntry, terminated } from './containerStatuses.js';
import {
  condition,
  conditionWhy,
  initStatuses,
  pendingStatus,
  unready,
  type Json,
  type StatusInput,
} from './podStartup.js';
import { rfc3339 } from './time.js';

/**
 * Pod `status` per lifecycle state, as the kubelet reports it: phase, the four standard
 * conditions, IPs, start time and per-container state. Fields kubectl, client-node and the
 * dashboard read are present, container statuses as complete as a kubelet's; the long tail
 * (null lastProbeTimes, volume mounts, allocated resources...) is left out so list responses
 * at 150 000 pods stay fast.
 */

/** Where a scheduled pod runs. */
export type { ContainerRef } from './containerStatuses.js';
export type { StatusInput } from './podStartup.js';

export interface Placement {
  nodeName: string;
  hostIP: string;
  podIP: string;
}

/** The last termination of a restarted container, shown as `lastState.terminated`. */
export interface LastExit {
  reason: 'Error' | 'OOMKilled';
  exitCode: number;
  startedMs: number;
  finishedMs: number;
}

/** The lifecycle states of a simulated pod (each maps to one `status` shape). */
export type PodState =
  /** Not scheduled yet; `unschedulable` carries the scheduler's message when it gave up. */
  | { phase: 'Pending'; scheduled: false; unschedulable?: string }
  /** Bound to a node, images being pulled. */
  | { phase: 'Pending'; scheduled: true; sinceMs: number }
  /** Containers up since `startedMs` (the main container's latest start when it restarted). */
  | {
      phase: 'Running';
      readyMs: number;
      startedMs: number;
      restarts: number;
      lastExit?: LastExit;
      crashLoop?: boolean;
    }
  | { phase: 'Succeeded'; startedMs: number; finishedMs: number };

/** `status` for a state. Pure: same arguments, same JSON. */
export function podStatus(input: StatusInput, state: PodState): Json {
  const { containers, qos, createdMs, placement } = input;
  if (state.phase === 'Pending' && !state.scheduled) {
    if (state.unschedulable === undefined) return { phase: 'Pending', qosClass: qos };
    const why = conditionWhy(
      'PodScheduled',
      'False',
      rfc3339(createdMs),
      'Unschedulable',
      state.unschedulable,
    );
    return { phase: 'Pending', conditions: [why], qosClass: qos };
  }
  const scheduledMs =
    state.phase === 'Pending' ? state.sinceMs : Math.min(createdMs + 1000, state.startedMs);
  const scheduled = rfc3339(scheduledMs);
  if (state.phase === 'Pending') return pendingStatus(input, scheduled);
  const hostIP = placement?.hostIP;
  const podIP = placement?.podIP;
  const podKey = podKeyOf(input.uid);
  const withInit = (status: Json, finishedMs?: number): Json => {
    if (input.initContainers.length > 0) {
      status.initContainerStatuses = initStatuses(input, podKey, scheduledMs, finishedMs);
    }
    return status;
  };
  if (state.phase === 'Succeeded') {
    const finished = rfc3339(state.finishedMs);
    const status: Json = {
      phase: 'Succeeded',
      conditions: [
        conditionWhy('Initialized', 'True', scheduled, 'PodCompleted'),
        conditionWhy('Ready', 'False', finished, 'PodCompleted'),
        conditionWhy('ContainersReady', 'False', finished, 'PodCompleted'),
        condition('PodScheduled', 'True', scheduled),
      ],
      hostIP,
      podIP,
      startTime: scheduled,
    };
    withInit(status, state.finishedMs);
    status.containerStatuses = containers.map((c, i) => {
      const id = containerIdOf(podKey, i, 0);
      const done = terminated('Completed', 0, state.startedMs, state.finishedMs, id);
      return statusEntry(c, {
        state: done,
        ready: false,
        started: false,
        restartCount: 0,
        containerID: id,
      });
    });
    status.qosClass = qos;
    return status;
  }
  const crash = state.crashLoop === true;
  const ready = rfc3339(state.readyMs);
  const notReady = crash ? unready(containers.slice(0, 1)) : '';
  // Other regular containers came up with the pod; only the main container restarts.
  const othersRunning = { running: { startedAt: rfc3339(scheduledMs + 2000) } };
  const main = crash
    ? {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off 5m0s restarting failed container=${String(containers[0]?.name)}`,
        },
      }
    : { running: { startedAt: rfc3339(state.startedMs) } };
  const exit = state.lastExit;
  const restarts = state.restarts;
  const status: Json = {
    phase: 'Running',
    conditions: [
      condition('Initialized', 'True', scheduled),
      crash
        ? conditionWhy('Ready', 'False', ready, 'ContainersNotReady', notReady)
        : condition('Ready', 'True', ready),
      crash
        ? conditionWhy('ContainersReady', 'False', ready, 'ContainersNotReady', notReady)
        : condition('ContainersReady', 'True', ready),
      condition('PodScheduled', 'True', scheduled),
    ],
    hostIP,
    podIP,
    startTime: scheduled,
  };
  withInit(status);
  status.containerStatuses = containers.map((c, i) => {
    if (i > 0) {
      const id = containerIdOf(podKey, i, 0);
      return statusEntry(c, {
        state: othersRunning,
        ready: true,
        started: true,
        restartCount: 0,
        containerID: id,
      });
    }
    // The current run is number `restarts`; the last exit was the run before it.
    const lastState =
      exit === undefined
        ? undefined
        : terminated(
            exit.reason,
            exit.exitCode,
            exit.startedMs,
            exit.finishedMs,
            containerIdOf(podKey, 0, Math.max(0, restarts - 1)),
          );
    return statusEntry(c, {
      state: main,
      ...(lastState === undefined ? {} : { lastState }),
      ready: !crash,
      started: !crash,
      restartCount: restarts,
      containerID: containerIdOf(podKey, 0, restarts),
    });
  });
  status.qosClass = qos;
  return status;
}
