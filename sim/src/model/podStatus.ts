import { rfc3339 } from './time.js';
import type { QosClass } from './workloads.js';

/**
 * Pod `status` per lifecycle state, as the kubelet reports it: phase, the four standard
 * conditions, IPs, start time and per-container state. Fields kubectl, client-node and the
 * dashboard read are present; the long tail (imageID, containerID, status images, null
 * lastProbeTimes...) is left out so a pod stays around 1.5 KB, because list responses at
 * 150 000 pods must stay fast.
 */

/** Where a scheduled pod runs. */
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

/** The bit of a `spec.containers` entry statuses need. */
export type ContainerRef = { name?: unknown };
type Json = Record<string, unknown>;

/** A pod condition (`time` already formatted: one timestamp string serves several fields). */
function condition(type: string, status: string, time: string): Json {
  return { type, status, lastTransitionTime: time };
}

function conditionWhy(
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

function unready(containers: readonly ContainerRef[]): string {
  return `containers with unready status: [${containers.map((c) => String(c.name)).join(' ')}]`;
}

/** One `containerStatuses` entry, always in the same key order (one hidden class, fast JSON). */
function containerStatus(
  c: ContainerRef,
  state: Json,
  ready: boolean,
  restartCount: number,
  lastState?: Json,
): Json {
  return lastState === undefined
    ? { name: c.name, state, ready, restartCount, started: ready }
    : { name: c.name, state, lastState, ready, restartCount, started: ready };
}

function lastStateOf(exit: LastExit | undefined): Json | undefined {
  if (exit === undefined) return undefined;
  const { exitCode, reason } = exit;
  return {
    terminated: {
      exitCode,
      reason,
      startedAt: rfc3339(exit.startedMs),
      finishedAt: rfc3339(exit.finishedMs),
    },
  };
}

/** `status` for a state. Pure: same arguments, same JSON. */
export function podStatus(
  containers: readonly ContainerRef[],
  qos: QosClass,
  createdMs: number,
  placement: Placement | undefined,
  state: PodState,
): Json {
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
  const hostIP = placement?.hostIP;
  if (state.phase === 'Pending') {
    const message = unready(containers);
    const creating = { waiting: { reason: 'ContainerCreating' } };
    return {
      phase: 'Pending',
      conditions: [
        condition('Initialized', 'True', scheduled),
        conditionWhy('Ready', 'False', scheduled, 'ContainersNotReady', message),
        conditionWhy('ContainersReady', 'False', scheduled, 'ContainersNotReady', message),
        condition('PodScheduled', 'True', scheduled),
      ],
      hostIP,
      startTime: scheduled,
      containerStatuses: containers.map((c) => containerStatus(c, creating, false, 0)),
      qosClass: qos,
    };
  }
  const podIP = placement?.podIP;
  if (state.phase === 'Succeeded') {
    const finished = rfc3339(state.finishedMs);
    const terminated = {
      terminated: {
        exitCode: 0,
        reason: 'Completed',
        startedAt: rfc3339(state.startedMs),
        finishedAt: finished,
      },
    };
    return {
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
      containerStatuses: containers.map((c) => containerStatus(c, terminated, false, 0)),
      qosClass: qos,
    };
  }
  const crash = state.crashLoop === true;
  const ready = rfc3339(state.readyMs);
  const notReady = crash ? unready(containers.slice(0, 1)) : '';
  // Sidecars came up with the pod; only the main container restarts.
  const sidecarsRunning =
    containers.length > 1 ? { running: { startedAt: rfc3339(scheduledMs + 2000) } } : {};
  const main = crash
    ? {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off 5m0s restarting failed container=${String(containers[0]?.name)}`,
        },
      }
    : { running: { startedAt: rfc3339(state.startedMs) } };
  const lastState = lastStateOf(state.lastExit);
  return {
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
    containerStatuses: containers.map((c, i) =>
      i === 0
        ? containerStatus(c, main, !crash, state.restarts, lastState)
        : containerStatus(c, sidecarsRunning, true, 0),
    ),
    qosClass: qos,
  };
}
