import type { MetricsSample } from '../src/kube/types.js';

/** Deterministic hash → [0, 1) so each run varies the same way. */
function unit(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

/**
 * The next tick of `base`: CPU jitters ±30% around the base value (usage moves every sample),
 * memory drifts by a few KiB for one container in four and stays put for the rest, as
 * metrics-server's working set does. Values stay whole nanocores and whole KiB.
 */
export function varySample(base: MetricsSample, timestampMs: number, tick: number): MetricsSample {
  let k = 0;
  const vary = (cpu: number, mem: number) => {
    k++;
    const r = unit(tick, k);
    const cpuNanocores = Math.round(cpu * (0.7 + 0.6 * r));
    const moved = unit(k, tick * 3 + 1) < 0.25;
    const memoryBytes = moved ? mem + Math.round((unit(k, tick) - 0.5) * 64) * 1024 : mem;
    return { cpuNanocores, memoryBytes: Math.max(0, memoryBytes) };
  };
  return {
    timestampMs,
    nodes: base.nodes.map((n) => ({ ...n, ...vary(n.cpuNanocores, n.memoryBytes), timestampMs })),
    pods: base.pods.map((p) => ({
      ...p,
      timestampMs,
      containers: p.containers.map((c) => ({ ...c, ...vary(c.cpuNanocores, c.memoryBytes) })),
    })),
  };
}
