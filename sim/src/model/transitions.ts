import type { Placement } from './podStatus.js';
import type { Rollout } from './rollouts.js';
import type { Workload } from './templates.js';

/** What happens to a pod next: bound to a node, started, finished, or expired (deleted). */
export type TransitionType = 'bind' | 'start' | 'finish' | 'expire';

/** One scheduled pod transition. */
export interface Transition {
  readonly dueMs: number;
  readonly type: TransitionType;
  readonly workload: Workload;
  readonly name: string;
  readonly placement?: Placement | undefined;
  /** The roll-out a new pod belongs to (it replaces an old pod once ready). */
  readonly rollout?: Rollout | undefined;
  /** Batch pods finish this long after starting. */
  readonly runMs?: number | undefined;
}

interface Entry {
  readonly transition: Transition;
  /** Insertion order: ties on dueMs run first-in first-out, so replays are exact. */
  readonly seq: number;
}

function before(a: Entry, b: Entry): boolean {
  const ta = a.transition.dueMs;
  const tb = b.transition.dueMs;
  return ta < tb || (ta === tb && a.seq < b.seq);
}

/**
 * Pending pod transitions ordered by due time: a binary min-heap, as the cluster start queues
 * thousands of them (every running batch pod will finish, every finished one expire).
 */
export class TransitionQueue {
  private readonly heap: Entry[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(transition: Transition): void {
    const heap = this.heap;
    heap.push({ transition, seq: this.seq++ });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Entry, heap[parent] as Entry)) break;
      [heap[i], heap[parent]] = [heap[parent] as Entry, heap[i] as Entry];
      i = parent;
    }
  }

  /** Removes and returns the earliest transition due at or before `nowMs`, if any. */
  popDue(nowMs: number): Transition | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined || top.transition.dueMs > nowMs) return undefined;
    const last = heap.pop() as Entry;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let min = i;
        if (l < heap.length && before(heap[l] as Entry, heap[min] as Entry)) min = l;
        if (r < heap.length && before(heap[r] as Entry, heap[min] as Entry)) min = r;
        if (min === i) break;
        [heap[i], heap[min]] = [heap[min] as Entry, heap[i] as Entry];
        i = min;
      }
    }
    return top.transition;
  }
}
