import type { SimNode } from './nodes.js';
import { jobRun, placementOn, podFor, podNameFor, type JobRun, type NewPod } from './podFactory.js';
import type { Placement, PodState } from './podStatus.js';
import type { Rng } from './random.js';
import type { Scheduler } from './scheduler.js';
import { usesHostNetwork } from './system.js';
import type { Workload } from './templates.js';
import { DAY, HOUR, MINUTE, SECOND, parseTime } from './time.js';
import type { KubeObject } from './types.js';

/**
 * The pods that exist when the simulator starts. They were created before it started (minutes
 * to weeks ago, at least `minAgeMs`) so metrics cover them from the first scrape; a few are
 * Pending (unschedulable, recent), crash-looping or restarted, and finished Job pods linger as
 * Succeeded.
 */

export interface InitialContext {
  readonly rng: Rng;
  readonly nowMs: number;
  /** Youngest age of a running pod at start: metrics must already report it. */
  readonly minAgeMs: number;
  readonly nodes: readonly SimNode[];
  readonly scheduler: Scheduler;
  /** Names of the pods built so far, per namespace. */
  readonly taken: Map<string, Set<string>>;
  readonly unschedulableMessage: string;
  /** Whether the workload's pods leak memory (scenario): they restarted after an OOM kill. */
  readonly leaking: (workload: Workload) => boolean;
}

/** A Running state for a pod created at `createdMs`, with the odd restart or crash loop. */
function runningState(ctx: InitialContext, createdMs: number, leaking: boolean): PodState {
  const { rng, nowMs } = ctx;
  const startedMs = createdMs + rng.int(2, 8) * SECOND;
  const readyMs = startedMs + rng.int(1, 15) * SECOND;
  const latest = nowMs - ctx.minAgeMs;
  const plain: PodState = { phase: 'Running', startedMs, readyMs, restarts: 0 };
  const roll = rng.next();
  if (leaking) {
    // OOM-killed a little while ago; memory is climbing again since the restart.
    const restartMs = Math.max(readyMs + MINUTE, nowMs - rng.float(5, 60) * MINUTE);
    if (restartMs > nowMs) return plain;
    const lastExit = {
      reason: 'OOMKilled' as const,
      exitCode: 137,
      startedMs,
      finishedMs: restartMs - 10 * SECOND,
    };
    return {
      phase: 'Running',
      startedMs: restartMs,
      readyMs: restartMs + 5 * SECOND,
      restarts: rng.int(1, 6),
      lastExit,
    };
  }
  if (roll < 0.08 && latest - readyMs > MINUTE) {
    const crashLoop = roll < 0.004;
    // A crash loop died minutes ago (and keeps dying); a one-off restart happened any time.
    const finishedMs = crashLoop ? nowMs - rng.float(10, 300) * SECOND : rng.float(readyMs, latest);
    const restartMs = finishedMs + rng.int(1, 15) * SECOND;
    const reason = crashLoop || rng.chance(0.7) ? ('Error' as const) : ('OOMKilled' as const);
    return {
      phase: 'Running',
      startedMs: Math.min(restartMs, nowMs),
      readyMs: Math.min(restartMs + 3 * SECOND, nowMs),
      restarts: crashLoop ? rng.int(5, 80) : rng.int(1, 3),
      lastExit: { reason, exitCode: reason === 'OOMKilled' ? 137 : 1, startedMs, finishedMs },
      crashLoop,
    };
  }
  return plain;
}

/** Per-workload facts addPod needs, computed once rather than per pod. */
interface WorkloadBuild {
  readonly workload: Workload;
  readonly out: KubeObject[];
  readonly taken: Set<string>;
  readonly isTaken: (namespace: string, name: string) => boolean;
  readonly hostNetwork: boolean;
  readonly leaking: boolean;
}

/** What varies per initial pod; `pinned` pods skip the scheduler (static and DaemonSet pods). */
interface InitialPod {
  createdMs: number;
  state?: PodState;
  pinned?: SimNode;
  ordinal?: number;
  job?: JobRun;
}

/** Adds one pod: places it (or leaves it Pending), builds it and records its name. */
function addPod(ctx: InitialContext, build: WorkloadBuild, pod: InitialPod): void {
  const { rng, scheduler } = ctx;
  const { workload } = build;
  const { plan, cpuRequestMilli: cpu, memoryRequestBytes: memory } = workload;
  const name = podNameFor(rng, workload, build.isTaken, {
    ...(pod.ordinal === undefined ? {} : { ordinal: pod.ordinal }),
    ...(pod.job === undefined ? {} : { job: pod.job }),
    ...(pod.pinned === undefined ? {} : { node: pod.pinned }),
  });
  let state = pod.state;
  let createdMs = Math.min(pod.createdMs, ctx.nowMs - ctx.minAgeMs);
  let node = pod.pinned;
  if (node !== undefined) scheduler.reserve(node.index, cpu, memory);
  else if (plan.system || state !== undefined || !rng.chance(0.003)) {
    node = scheduler.place(rng, cpu, memory, true);
  }
  const placement: Placement | undefined = node && placementOn(node, scheduler, build.hostNetwork);
  if (placement === undefined) {
    // Waiting for capacity since a few minutes ago (the cluster autoscaler is "on it").
    createdMs = ctx.nowMs - rng.float(10, 600) * SECOND;
    state = { phase: 'Pending', scheduled: false, unschedulable: ctx.unschedulableMessage };
  }
  state ??= runningState(ctx, createdMs, build.leaking);
  // Finished pods keep their node binding but no longer hold its resources.
  if (state.phase === 'Succeeded' && node !== undefined) scheduler.release(node.index, cpu, memory);
  const newPod: NewPod = { name, uid: rng.uuid(), createdMs, state };
  if (placement !== undefined) newPod.placement = placement;
  if (pod.ordinal !== undefined) newPod.ordinal = pod.ordinal;
  if (pod.job !== undefined) newPod.job = pod.job;
  if (pod.pinned !== undefined) newPod.node = pod.pinned;
  build.out.push(podFor(workload, newPod));
  build.taken.add(name);
  workload.pods.add(name);
  if (state.phase === 'Succeeded') workload.finished.push(name);
}

/** Builds the initial pods of one workload. */
export function initialPods(ctx: InitialContext, workload: Workload): KubeObject[] {
  const { rng, nowMs, minAgeMs } = ctx;
  const { plan } = workload;
  const out: KubeObject[] = [];
  let taken = ctx.taken.get(plan.namespace);
  if (taken === undefined) ctx.taken.set(plan.namespace, (taken = new Set()));
  const names = taken;
  const build: WorkloadBuild = {
    workload,
    out,
    taken: names,
    isTaken: (_namespace, name) => names.has(name),
    hostNetwork: usesHostNetwork(plan),
    leaking: ctx.leaking(workload),
  };
  const newest = nowMs - minAgeMs;
  // When the current revision rolled out: anywhere from minutes to weeks ago.
  const rolledOutMs = newest - plan.replicas * 3 * SECOND - rng.logUniform(10 * MINUTE, 45 * DAY);
  const nodeBorn = (node: SimNode) => parseTime(node.object.metadata.creationTimestamp);
  switch (plan.kind) {
    case 'StaticPod': {
      const node = ctx.nodes[plan.nodeIndex ?? 0] as SimNode;
      const createdMs = Math.max(nodeBorn(node) + MINUTE, nowMs - rng.logUniform(HOUR, 60 * DAY));
      addPod(ctx, build, { createdMs, pinned: node });
      break;
    }
    case 'DaemonSet':
      for (const node of ctx.nodes.slice(0, plan.replicas)) {
        const createdMs = Math.max(rolledOutMs, nodeBorn(node) + rng.int(10, 90) * SECOND);
        addPod(ctx, build, { createdMs, pinned: node });
      }
      break;
    case 'CronJob': {
      const periodMs = rng.pick([10, 15, 30, 60]) * MINUTE;
      const runs = plan.replicas;
      for (let i = runs - 1; i >= 0; i--) {
        const running = runs === 4 && i === 0;
        const createdMs = running
          ? newest - rng.float(0, periodMs / 2)
          : newest - (i + 1) * periodMs;
        const startedMs = createdMs + rng.int(2, 10) * SECOND;
        const state: PodState | undefined = running
          ? undefined
          : { phase: 'Succeeded', startedMs, finishedMs: startedMs + rng.float(20, 300) * SECOND };
        addPod(ctx, build, {
          createdMs,
          job: jobRun(rng, workload, createdMs),
          ...(state ? { state } : {}),
        });
      }
      break;
    }
    case 'Job': {
      const finished = rng.chance(0.6);
      // A Job still running started recently; a finished one lingers until its TTL.
      const startMs = finished ? rolledOutMs : newest - rng.logUniform(MINUTE, 6 * HOUR);
      const job = jobRun(rng, workload, startMs);
      for (let i = 0; i < plan.replicas; i++) {
        const createdMs = startMs + i * SECOND;
        const startedMs = createdMs + rng.int(5, 30) * SECOND;
        const finishedMs = Math.min(startedMs + rng.float(1, 60) * MINUTE, newest);
        const state: PodState | undefined = finished
          ? { phase: 'Succeeded', startedMs, finishedMs }
          : undefined;
        addPod(ctx, build, { createdMs, job, ...(state ? { state } : {}) });
      }
      break;
    }
    default:
      // Deployments and StatefulSets: pods from the current revision's roll-out, some replaced since.
      for (let i = 0; i < plan.replicas; i++) {
        const replaced = rng.chance(0.12);
        const createdMs = replaced
          ? rng.float(rolledOutMs, newest)
          : rolledOutMs + i * rng.int(1, 3) * SECOND;
        addPod(ctx, build, { createdMs, ordinal: i });
      }
  }
  return out;
}
