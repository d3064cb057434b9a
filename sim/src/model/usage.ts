import { fmix32, mix32, unit } from './random.js';
import { DAY, MINUTE } from './time.js';

/**
 * Usage curves. Every value is a pure function of (profile, time, tick), where profiles are
 * derived from the seed and the object's identity: the same scrape always yields the same
 * numbers, whoever asks and in whatever order.
 */

const TAU = 2 * Math.PI;
/** Spikes are decided per window of this length, so one lasts a couple of minutes. */
const SPIKE_WINDOW_MS = 2 * MINUTE;
/** Share of (container, window) pairs that spike. */
const SPIKE_CHANCE = 0.01;

/** Cluster-wide rhythm: shared phases make whole-cluster and per-node charts move visibly. */
export interface Rhythm {
  /** The "demo" wave: 10-20 minutes, so charts move within a short session. */
  readonly shortPeriodMs: number;
  /** Offset of the 24 h cycle (the simulated business' peak hour). */
  readonly dayPhase: number;
}

/** The cluster rhythm of a seed. */
export function rhythmFor(seedKey: number): Rhythm {
  return {
    shortPeriodMs: (10 + 10 * unit(mix32(seedKey, 1))) * MINUTE,
    dayPhase: TAU * unit(mix32(seedKey, 2)),
  };
}

/** Memory that grows towards the limit since the container (re)started: a leak. */
export interface Leak {
  readonly startMs: number;
  readonly tauMs: number;
  /** Asymptote in bytes (just under the limit: the next OOM kill is "imminent"). */
  readonly targetBytes: number;
}

/**
 * The shared waves of a group of workloads (a namespace): one phase, so a team's services rise
 * and fall together. Caches the wave values of the last time asked for, as thousands of
 * containers share them.
 */
export class WaveGroup {
  private atMs = Number.NaN;
  /** Daily wave at the last `update` time, in [-1, 1]. */
  day = 0;
  /** Short ("demo") wave at the last `update` time, in [-1, 1]. */
  short = 0;

  constructor(
    readonly phase: number,
    private readonly rhythm: Rhythm,
  ) {}

  /** Brings `day` and `short` to time `tMs` (free when already there). */
  update(tMs: number): this {
    if (tMs !== this.atMs) {
      this.atMs = tMs;
      this.day = Math.sin((TAU * tMs) / DAY + this.rhythm.dayPhase + 0.3 * this.phase);
      this.short = Math.sin((TAU * tMs) / this.rhythm.shortPeriodMs + this.phase);
    }
    return this;
  }
}

/** What one container's usage curve is made of. */
export interface ContainerProfile {
  readonly name: string;
  readonly key: number;
  /** Mean usage before waves, noise and spikes. */
  readonly cpuBase: number;
  readonly memoryBase: number;
  /** Usage never exceeds these (limit-derived; Infinity when unlimited). */
  readonly cpuCap: number;
  readonly memoryCap: number;
  readonly group: WaveGroup;
  /** Personal wobble on top of the shared waves. */
  readonly periodMs: number;
  readonly phase: number;
  readonly leak: Leak | undefined;
  /** Working set held at exactly this many bytes (a memory pin), whatever the node's load. */
  readonly pinnedBytes?: number | undefined;
}

/** Symmetric noise in [-1, 1), fixed per (container, tick). */
function noise(key: number, tick: number): number {
  return 2 * unit(mix32(key, tick)) - 1;
}

/** 1 normally, 2-5x during a spike window. */
export function spikeFactor(key: number, tMs: number): number {
  const h = mix32(key ^ 0x5bd1e995, Math.floor(tMs / SPIKE_WINDOW_MS));
  return unit(h) < SPIKE_CHANCE ? 2 + 3 * unit(fmix32(h)) : 1;
}

/** CPU usage in cores at `tMs` (scrape of `tick`). */
export function cpuCores(c: ContainerProfile, tMs: number, tick: number): number {
  const { day, short } = c.group.update(tMs);
  const own = Math.sin((TAU * tMs) / c.periodMs + c.phase);
  const shape = (1 + 0.3 * day) * (1 + 0.25 * short + 0.1 * own) * (1 + 0.15 * noise(c.key, tick));
  return Math.min(c.cpuBase * shape * spikeFactor(c.key, tMs), c.cpuCap);
}

/** Memory working set in bytes at `tMs`: steadier than CPU, leaking containers creep up. */
export function memoryBytes(c: ContainerProfile, tMs: number, tick: number): number {
  if (c.pinnedBytes !== undefined) return c.pinnedBytes;
  const jitter = noise(c.key ^ 0x27d4eb2f, tick);
  let value: number;
  if (c.leak !== undefined) {
    const age = Math.max(0, tMs - c.leak.startMs);
    const grown = 1 - Math.exp(-age / c.leak.tauMs);
    value = (c.memoryBase + (c.leak.targetBytes - c.memoryBase) * grown) * (1 + 0.004 * jitter);
  } else {
    const { day, short } = c.group.update(tMs);
    const spike = spikeFactor(c.key, tMs) > 1 ? 1.15 : 1;
    value = c.memoryBase * (1 + 0.04 * day + 0.03 * short + 0.01 * jitter) * spike;
  }
  return Math.min(value, c.memoryCap);
}

/** Node-level usage outside pods (kubelet, container runtime, OS, page cache). */
export function nodeOverhead(
  capacityCores: number,
  capacityBytes: number,
  key: number,
  rhythm: Rhythm,
  tMs: number,
  tick: number,
): { cpu: number; memory: number } {
  const short = Math.sin((TAU * tMs) / rhythm.shortPeriodMs + TAU * unit(key));
  const cpu = (0.08 + 0.015 * capacityCores) * (1 + 0.3 * short + 0.1 * noise(key, tick));
  const memory = (600 * 1048576 + 0.04 * capacityBytes) * (1 + 0.02 * noise(key ^ 1, tick));
  return { cpu, memory };
}

/** Target CPU share of allocatable for the hot node: 88-94%, moving with the short wave. */
export function hotNodeShare(rhythm: Rhythm, key: number, tMs: number, tick: number): number {
  const short = Math.sin((TAU * tMs) / rhythm.shortPeriodMs);
  return 0.91 + 0.025 * short + 0.005 * noise(key, tick);
}
