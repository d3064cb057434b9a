import type { SimNode } from './nodes.js';
import type { Rng } from './random.js';

/** Candidate nodes sampled per placement before giving up on a perfect fit. */
const ATTEMPTS = 12;

/**
 * Tracks requested CPU/memory and pod slots per node and places pods the way the default
 * scheduler roughly does: among a few sampled feasible nodes, the least allocated wins
 * ("power of k choices" keeps placement O(1) per pod at 5000 nodes).
 */
export class Scheduler {
  private readonly freeCpu: Float64Array;
  private readonly freeMemory: Float64Array;
  private readonly freePods: Int32Array;
  private readonly nextIp: Uint8Array;
  private readonly candidates: number[];

  constructor(readonly nodes: readonly SimNode[]) {
    const n = nodes.length;
    this.freeCpu = new Float64Array(n);
    this.freeMemory = new Float64Array(n);
    this.freePods = new Int32Array(n);
    this.nextIp = new Uint8Array(n);
    for (const node of nodes) {
      this.freeCpu[node.index] = node.allocatableCpuMilli;
      this.freeMemory[node.index] = node.allocatableMemoryBytes;
      this.freePods[node.index] = node.maxPods;
    }
    this.candidates = nodes.filter((node) => node.schedulable).map((node) => node.index);
  }

  private fits(index: number, cpuMilli: number, memoryBytes: number): boolean {
    return (
      (this.freePods[index] ?? 0) > 0 &&
      (this.freeCpu[index] ?? 0) >= cpuMilli &&
      (this.freeMemory[index] ?? 0) >= memoryBytes
    );
  }

  /** Share of the node's allocatable still free (the scarcer of CPU and memory). */
  private freeShare(index: number): number {
    const node = this.nodes[index] as SimNode;
    return Math.min(
      (this.freeCpu[index] ?? 0) / node.allocatableCpuMilli,
      (this.freeMemory[index] ?? 0) / node.allocatableMemoryBytes,
      (this.freePods[index] ?? 0) / node.maxPods,
    );
  }

  /**
   * Picks a node for a pod with these requests and reserves them, or returns undefined when
   * no sampled node fits. With `overcommit`, falls back to the emptiest sampled node instead
   * (initial generation must place every pod; it overshoots allocatable only marginally).
   */
  place(rng: Rng, cpuMilli: number, memoryBytes: number, overcommit = false): SimNode | undefined {
    if (this.candidates.length === 0) return undefined;
    let best = -1;
    let bestShare = Number.NEGATIVE_INFINITY;
    let fallback = -1;
    let fallbackShare = Number.NEGATIVE_INFINITY;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const index = rng.pick(this.candidates);
      const share = this.freeShare(index);
      if (this.fits(index, cpuMilli, memoryBytes)) {
        if (share > bestShare) {
          best = index;
          bestShare = share;
        }
        // Two feasible samples are enough for a good spread ("power of two choices").
        if (attempt >= 1 && best >= 0) break;
      } else if (share > fallbackShare) {
        fallback = index;
        fallbackShare = share;
      }
    }
    const chosen = best >= 0 ? best : overcommit ? fallback : -1;
    if (chosen < 0) return undefined;
    this.reserve(chosen, cpuMilli, memoryBytes);
    return this.nodes[chosen];
  }

  /** Reserves requests on a given node (DaemonSet and static pods choose their node). */
  reserve(index: number, cpuMilli: number, memoryBytes: number): void {
    this.freeCpu[index] = (this.freeCpu[index] ?? 0) - cpuMilli;
    this.freeMemory[index] = (this.freeMemory[index] ?? 0) - memoryBytes;
    this.freePods[index] = (this.freePods[index] ?? 0) - 1;
  }

  /** Returns a finished or deleted pod's requests to its node. */
  release(index: number, cpuMilli: number, memoryBytes: number): void {
    this.freeCpu[index] = (this.freeCpu[index] ?? 0) + cpuMilli;
    this.freeMemory[index] = (this.freeMemory[index] ?? 0) + memoryBytes;
    this.freePods[index] = (this.freePods[index] ?? 0) + 1;
  }

  /** Requested share of a node's allocatable CPU, for tests and diagnostics. */
  cpuRequestedShare(index: number): number {
    const node = this.nodes[index] as SimNode;
    return 1 - (this.freeCpu[index] ?? 0) / node.allocatableCpuMilli;
  }

  /** Next pod IP from the node's /24 (.2-.254, wrapping: old pods are long gone by then). */
  podIP(index: number): string {
    const n = ((this.nextIp[index] ?? 0) % 253) + 2;
    this.nextIp[index] = n - 1;
    return `${(this.nodes[index] as SimNode).podIPPrefix}${n}`;
  }
}
