import type { PodLifecycle } from './lifecycle.js';
import { jobRun } from './podFactory.js';
import type { Rng } from './random.js';
import { Rollouts } from './rollouts.js';
import type { Workload } from './templates.js';
import { MINUTE, SECOND } from './time.js';
import { TransitionQueue, type Transition, type TransitionType } from './transitions.js';

/**
 * Churn: the background activity of a busy cluster, at about `perMinute` pod creations +
 * deletions per minute. Deployments roll out (new ReplicaSet hash, surge, old pods deleted as
 * new ones become ready), CronJobs spawn runs that finish and age out of their history,
 * one-off Jobs' pods expire, containers restart, and an HPA-like correction keeps the pod
 * count near its initial value. Everything is driven by `step(nowMs)` and the seeded PRNG, so
 * the same seed and the same sequence of step times replay identically.
 */

/** CronJob history kept per CronJob (successfulJobsHistoryLimit). */
const HISTORY_LIMIT = 3;

/** Churn engine; see the module comment. Create one per cluster, drive it with `step`. */
export class Churn {
  private credit = 0;
  private restartCredit = 0;
  private lastMs: number | undefined;
  private readonly queue = new TransitionQueue();
  private readonly rollouts: Rollouts;
  private readonly lastRun = new Map<Workload, number>();
  private readonly deployments: Workload[];
  private readonly cronJobs: Workload[];
  private readonly jobs: Workload[];

  constructor(
    private readonly pods: PodLifecycle,
    private readonly rng: Rng,
    workloads: readonly Workload[],
    private readonly targetPods: number,
    readonly perMinute: number,
    startMs: number,
  ) {
    const user = workloads.filter((w) => !w.plan.system);
    this.deployments = user.filter((w) => w.plan.kind === 'Deployment');
    this.cronJobs = user.filter((w) => w.plan.kind === 'CronJob');
    this.jobs = user.filter((w) => w.plan.kind === 'Job');
    this.rollouts = new Rollouts(pods, rng, this.deployments);
    this.adoptInitialPods(workloads, startMs);
  }

  /**
   * Schedules what the initial pods were about to do: running batch pods finish, finished
   * one-off Job pods expire (TTL), pending ones get capacity after a while.
   */
  private adoptInitialPods(workloads: readonly Workload[], startMs: number): void {
    for (const workload of workloads) {
      for (const name of workload.pods) {
        const phase = (this.pods.get(workload, name)?.status as { phase?: string } | undefined)
          ?.phase;
        const batch = workload.plan.kind === 'Job' || workload.plan.kind === 'CronJob';
        if (phase === 'Pending')
          this.at(startMs + this.rng.float(1, 5) * MINUTE, 'bind', workload, name);
        else if (batch && phase === 'Running')
          this.at(startMs + this.rng.float(0.5, 20) * MINUTE, 'finish', workload, name);
        else if (workload.plan.kind === 'Job' && phase === 'Succeeded')
          this.at(startMs + this.rng.float(1, 30) * MINUTE, 'expire', workload, name);
      }
    }
  }

  private at(
    dueMs: number,
    type: TransitionType,
    workload: Workload,
    name: string,
    extra: Pick<Transition, 'placement' | 'rollout' | 'runMs'> = {},
  ): void {
    this.queue.push({ ...extra, dueMs, type, workload, name });
  }

  /** Advances the simulation to `nowMs`: due transitions, then about perMinute*elapsed ops. */
  step(nowMs: number): void {
    const elapsed = this.lastMs === undefined ? SECOND : Math.max(0, nowMs - this.lastMs);
    this.lastMs = nowMs;
    // Cap the backlog (e.g. after the process was suspended) at ~10 s worth of ops.
    this.credit = Math.min(
      this.credit + (this.perMinute * elapsed) / MINUTE,
      Math.max(2, this.perMinute / 6),
    );
    const before = this.pods.ops;
    for (let t = this.queue.popDue(nowMs); t !== undefined; t = this.queue.popDue(nowMs)) {
      this.run(t, nowMs);
    }
    this.credit -= this.pods.ops - before;
    for (let idle = 0; this.credit >= 1 && idle < 5;) {
      const ops = this.pods.ops;
      this.act(nowMs);
      const used = this.pods.ops - ops;
      if (used === 0) idle++;
      else this.credit -= used;
    }
    // Restarts are MODIFIED events on top of the create/delete budget (~1 per 20 ops).
    this.restartCredit += (this.perMinute * elapsed) / MINUTE / 20;
    while (this.restartCredit >= 1) {
      this.restartCredit -= 1;
      this.restartSomething(nowMs);
    }
  }

  private run(t: Transition, nowMs: number): void {
    const { workload, name } = t;
    switch (t.type) {
      case 'bind': {
        const placement = this.pods.bind(workload, name, nowMs);
        if (placement === undefined) return this.rollouts.settle(t.rollout);
        const { rollout, runMs } = t;
        this.at(nowMs + this.rng.float(2, 8) * SECOND, 'start', workload, name, {
          rollout,
          runMs,
          placement,
        });
        return;
      }
      case 'start': {
        if (t.placement === undefined || !this.pods.start(workload, name, t.placement, nowMs))
          return this.rollouts.settle(t.rollout);
        if (t.runMs !== undefined) this.at(nowMs + t.runMs, 'finish', workload, name);
        if (t.rollout !== undefined) this.rollouts.replaced(t.rollout);
        return;
      }
      case 'finish':
        if (!this.pods.finish(workload, name, nowMs)) return;
        if (workload.plan.kind === 'Job')
          this.at(nowMs + this.rng.float(1, 10) * MINUTE, 'expire', workload, name);
        // The CronJob controller drops runs beyond its history limit.
        while (workload.finished.length > HISTORY_LIMIT)
          this.pods.delete(workload, workload.finished[0] as string);
        return;
      case 'expire':
        this.pods.delete(workload, name);
        return;
    }
  }

  /** Chooses and performs one action, steering the pod count back towards its target. */
  private act(nowMs: number): void {
    const drift = this.pods.count() - this.targetPods;
    const tolerance = Math.max(2, Math.ceil(this.targetPods * 0.005));
    if (drift > tolerance) return this.scaleDown();
    if (drift < -tolerance) return this.rng.chance(0.3) ? this.runJob(nowMs) : this.scaleUp(nowMs);
    const roll = this.rng.next();
    if (roll < 0.65) return this.rolloutStep(nowMs);
    if (roll < 0.9) return this.cronRun(nowMs);
    return drift > 0 ? this.scaleDown() : this.runJob(nowMs);
  }

  private newPod(
    workload: Workload,
    nowMs: number,
    extra: Pick<Transition, 'rollout' | 'runMs'> = {},
    job?: ReturnType<typeof jobRun>,
  ): void {
    const name = this.pods.create(workload, nowMs, job === undefined ? {} : { job });
    this.at(nowMs + this.rng.float(0.3, 1.5) * SECOND, 'bind', workload, name, extra);
  }

  private rolloutStep(nowMs: number): void {
    const rollout = this.rollouts.next(1 + Math.floor(this.perMinute / 60));
    if (rollout === undefined) return;
    rollout.inFlight++;
    this.newPod(rollout.workload, nowMs, { rollout });
  }

  private cronRun(nowMs: number): void {
    if (this.cronJobs.length === 0) return this.rolloutStep(nowMs);
    const workload = this.rng.pick(this.cronJobs);
    // Jobs are named after their scheduled minute; two runs never share one.
    const minute = Math.max(Math.floor(nowMs / MINUTE), (this.lastRun.get(workload) ?? 0) + 1);
    this.lastRun.set(workload, minute);
    const run = jobRun(this.rng, workload, nowMs, `${workload.plan.name}-${minute}`);
    this.newPod(workload, nowMs, { runMs: this.rng.float(20, 180) * SECOND }, run);
  }

  private runJob(nowMs: number): void {
    if (this.jobs.length === 0) return this.scaleUp(nowMs);
    const workload = this.rng.pick(this.jobs);
    const run = jobRun(this.rng, workload, nowMs, `${workload.plan.name}-${this.rng.suffix()}`);
    const runMs = this.rng.float(1, 8) * MINUTE;
    for (let i = 0; i < workload.plan.replicas; i++) this.newPod(workload, nowMs, { runMs }, run);
  }

  private scaleUp(nowMs: number): void {
    if (this.deployments.length === 0) return;
    this.newPod(this.rng.pick(this.deployments), nowMs);
  }

  private scaleDown(): void {
    const finishedJob = this.jobs.find((w) => w.finished.length > 0);
    if (finishedJob !== undefined) {
      this.pods.delete(finishedJob, finishedJob.finished[0] as string);
      return;
    }
    const candidates = this.deployments.filter((w) => w.pods.size > 1);
    if (candidates.length === 0) return;
    const workload = this.rng.pick(candidates);
    const names = [...workload.pods];
    this.pods.delete(workload, names[names.length - 1] as string);
  }

  private restartSomething(nowMs: number): void {
    if (this.deployments.length === 0) return;
    const workload = this.rng.pick(this.deployments);
    const names = [...workload.pods];
    if (names.length > 0) this.pods.restart(workload, this.rng.pick(names), nowMs);
  }
}
