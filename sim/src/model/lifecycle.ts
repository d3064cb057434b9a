import type { SimNode } from './nodes.js';
import type { ObjectStore } from './objectStore.js';
import { placementOn, podFor, podNameFor, type JobRun } from './podFactory.js';
import { withState } from './pods.js';
import type { Placement, PodState } from './podStatus.js';
import type { Rng } from './random.js';
import type { Scheduler } from './scheduler.js';
import { usesHostNetwork } from './system.js';
import type { Workload } from './templates.js';
import { SECOND, parseTime } from './time.js';
import type { KubeObject } from './types.js';

type Json = Record<string, unknown>;

/**
 * The moves a live pod can make, applied to the store as the kubelet and controllers would:
 * create (Pending), bind (Pending on a node), start (Running), finish (Succeeded), restart a
 * container, delete. Keeps the scheduler's reservations and the workloads' pod sets in step,
 * and counts creations + deletions (what `churnPerMinute` measures).
 */
export class PodLifecycle {
  /** ADDED + DELETED events produced so far. */
  ops = 0;
  private readonly nodeByName: Map<string, SimNode>;

  constructor(
    private readonly store: ObjectStore,
    private readonly scheduler: Scheduler,
    nodes: readonly SimNode[],
    private readonly rng: Rng,
  ) {
    this.nodeByName = new Map(nodes.map((n) => [n.name, n]));
  }

  /** Pods currently in the store. */
  count(): number {
    return this.store.count('pods');
  }

  get(workload: Workload, name: string): KubeObject | undefined {
    return this.store.get('pods', workload.plan.namespace, name);
  }

  /** A new, not yet scheduled pod of the workload's current revision (ADDED). */
  create(
    workload: Workload,
    nowMs: number,
    extra: { ordinal?: number; job?: JobRun } = {},
  ): string {
    const taken = (ns: string, n: string) => this.store.get('pods', ns, n) !== undefined;
    const name = podNameFor(this.rng, workload, taken, extra);
    const pod = podFor(workload, {
      ...extra,
      name,
      uid: this.rng.uuid(),
      createdMs: nowMs,
      state: { phase: 'Pending', scheduled: false },
    });
    this.store.create('pods', pod);
    workload.pods.add(name);
    this.ops++;
    return name;
  }

  /** Binds a Pending pod to a node (MODIFIED); returns where, or undefined if it is gone. */
  bind(workload: Workload, name: string, nowMs: number): Placement | undefined {
    const pod = this.get(workload, name);
    if (pod === undefined || (pod.spec as Json | undefined)?.nodeName !== undefined)
      return undefined;
    const node = this.scheduler.place(
      this.rng,
      workload.cpuRequestMilli,
      workload.memoryRequestBytes,
      true,
    );
    if (node === undefined) return undefined;
    const placement = placementOn(node, this.scheduler, usesHostNetwork(workload.plan));
    this.store.update(
      'pods',
      withState(pod, { phase: 'Pending', scheduled: true, sinceMs: nowMs }, placement),
    );
    return placement;
  }

  /** Containers started and ready (MODIFIED). */
  start(workload: Workload, name: string, placement: Placement, nowMs: number): boolean {
    const pod = this.get(workload, name);
    if (pod === undefined || (pod.status as Json | undefined)?.phase !== 'Pending') return false;
    const state: PodState = {
      phase: 'Running',
      startedMs: nowMs - SECOND,
      readyMs: nowMs,
      restarts: 0,
    };
    this.store.update('pods', withState(pod, state, placement));
    return true;
  }

  /** A batch pod's containers exited 0 (MODIFIED); its requests go back to the node. */
  finish(workload: Workload, name: string, nowMs: number): boolean {
    const pod = this.get(workload, name);
    const status = pod?.status as Json | undefined;
    if (pod === undefined || status?.phase !== 'Running') return false;
    const startedMs = parseTime(String(status.startTime ?? pod.metadata.creationTimestamp));
    this.store.update('pods', withState(pod, { phase: 'Succeeded', startedMs, finishedMs: nowMs }));
    this.release(workload, pod);
    workload.finished.push(name);
    return true;
  }

  /** The main container died and was restarted by the kubelet (MODIFIED). */
  restart(workload: Workload, name: string, nowMs: number): boolean {
    const pod = this.get(workload, name);
    const status = pod?.status as Json | undefined;
    const main = (status?.containerStatuses as Json[] | undefined)?.[0];
    const running = (main?.state as Json | undefined)?.running as Json | undefined;
    if (pod === undefined || status?.phase !== 'Running' || running === undefined) return false;
    const lastExit = {
      reason: this.rng.chance(0.3) ? ('OOMKilled' as const) : ('Error' as const),
      exitCode: 1,
      startedMs: parseTime(String(running.startedAt)),
      finishedMs: nowMs - 2 * SECOND,
    };
    if (lastExit.reason === 'OOMKilled') lastExit.exitCode = 137;
    const restarts = Number(main?.restartCount ?? 0) + 1;
    const state: PodState = {
      phase: 'Running',
      startedMs: nowMs,
      readyMs: nowMs,
      restarts,
      lastExit,
    };
    this.store.update('pods', withState(pod, state));
    return true;
  }

  /** Deletes a pod (DELETED) and forgets it; false if it no longer exists. */
  delete(workload: Workload, name: string): boolean {
    const pod = this.get(workload, name);
    if (pod === undefined) {
      workload.pods.delete(name);
      return false;
    }
    const phase = (pod.status as Json | undefined)?.phase;
    if (phase === 'Running' || phase === 'Pending') this.release(workload, pod);
    this.store.delete('pods', workload.plan.namespace, name);
    workload.pods.delete(name);
    const finished = workload.finished.indexOf(name);
    if (finished >= 0) workload.finished.splice(finished, 1);
    this.ops++;
    return true;
  }

  private release(workload: Workload, pod: KubeObject): void {
    const nodeName = (pod.spec as Json | undefined)?.nodeName;
    const node = typeof nodeName === 'string' ? this.nodeByName.get(nodeName) : undefined;
    if (node !== undefined) {
      this.scheduler.release(node.index, workload.cpuRequestMilli, workload.memoryRequestBytes);
    }
  }
}
