import type { PodLifecycle } from './lifecycle.js';
import type { Rng } from './random.js';
import { newRevision, type Workload } from './templates.js';

/** A Deployment being rolled out to a new ReplicaSet. */
export interface Rollout {
  readonly workload: Workload;
  /** Pods of earlier revisions still to be replaced, oldest first. */
  readonly old: string[];
  /** New pods created but not ready yet. */
  inFlight: number;
  /** maxSurge: 25% of replicas, as the Deployment default. */
  readonly maxSurge: number;
}

/** Bumps an image's trailing version number (`:1.4.2` → `:1.4.3`): what a roll-out ships. */
export function bumpImage(image: string): string {
  return image.replace(/(\d+)$/, (digits) => String(Number(digits) + 1));
}

/**
 * Active Deployment roll-outs: each gets a new template revision (new ReplicaSet hash and
 * owner, bumped image), surges new pods and deletes one old pod per new pod that turns ready.
 */
export class Rollouts {
  private readonly active: Rollout[] = [];

  constructor(
    private readonly pods: PodLifecycle,
    private readonly rng: Rng,
    private readonly deployments: readonly Workload[],
  ) {}

  /** A roll-out that may surge one more pod, starting a new one if fewer than `max` run. */
  next(max: number): Rollout | undefined {
    const open = this.active.find((r) => r.old.length > r.inFlight && r.inFlight < r.maxSurge);
    if (open !== undefined || this.active.length >= max) return open;
    const busy = new Set(this.active.map((r) => r.workload));
    const candidates = this.deployments.filter((w) => w.pods.size > 0 && !busy.has(w));
    if (candidates.length === 0) return undefined;
    const workload = this.rng.pick(candidates);
    const [main, ...rest] = workload.revision.containers;
    if (main === undefined) return undefined;
    const containers = [{ ...main, image: bumpImage(main.image) }, ...rest];
    workload.revision = newRevision(this.rng, workload, containers);
    const old = [...workload.pods];
    const rollout: Rollout = { workload, old, inFlight: 0, maxSurge: Math.ceil(old.length / 4) };
    this.active.push(rollout);
    return rollout;
  }

  /** A new pod turned ready: delete one old pod (skipping any already gone). */
  replaced(rollout: Rollout): void {
    while (rollout.old.length > 0) {
      if (this.pods.delete(rollout.workload, rollout.old.shift() as string)) break;
    }
    this.settle(rollout);
  }

  /** One in-flight pod is done (ready or lost); a finished roll-out retires. */
  settle(rollout: Rollout | undefined): void {
    if (rollout === undefined) return;
    rollout.inFlight--;
    if (rollout.inFlight <= 0 && rollout.old.length === 0) {
      this.active.splice(this.active.indexOf(rollout), 1);
    }
  }

  /** Number of roll-outs in progress. */
  get size(): number {
    return this.active.length;
  }
}
