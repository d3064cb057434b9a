import { z } from 'zod';
import { parseCpuNanocores, parseMemoryBytes } from '@kubeglance/shared/quantity';
import type { MetricsSample, NodeUsage, PodUsage } from './types.js';

/** NodeMetricsList / PodMetricsList (metrics.k8s.io/v1beta1) → a typed sample. */

const usage = z.object({ cpu: z.string(), memory: z.string() });

const nodeMetrics = z.object({
  metadata: z.object({ name: z.string() }),
  timestamp: z.string(),
  window: z.string(),
  usage,
});

const podMetrics = z.object({
  metadata: z.object({ name: z.string(), namespace: z.string() }),
  timestamp: z.string(),
  window: z.string(),
  containers: z.array(z.object({ name: z.string(), usage })),
});

const nodeList = z.object({ items: z.array(nodeMetrics).nullish() });
const podList = z.object({ items: z.array(podMetrics).nullish() });

const GO_DURATION_PART = /(\d+(?:\.\d+)?)(h|ms|us|µs|ns|m|s)/g;
const UNIT_MS: Record<string, number> = {
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
  us: 1e-3,
  µs: 1e-3,
  ns: 1e-6,
};

/** Parses a Go duration (`15s`, `1m0s`, `10.228s`) to milliseconds; NaN when malformed. */
export function parseGoDurationMs(s: string): number {
  let total = 0;
  let consumed = 0;
  for (const m of s.matchAll(GO_DURATION_PART)) {
    total += Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? NaN);
    consumed += m[0].length;
  }
  return consumed === s.length && s.length > 0 ? total : NaN;
}

function timeMs(s: string): number {
  const t = Date.parse(s);
  if (!Number.isFinite(t)) throw new Error(`invalid timestamp: ${s}`);
  return t;
}

export function parseNodeMetricsList(raw: unknown): NodeUsage[] {
  return (nodeList.parse(raw).items ?? []).map((n) => ({
    name: n.metadata.name,
    cpuNanocores: parseCpuNanocores(n.usage.cpu),
    memoryBytes: parseMemoryBytes(n.usage.memory),
    timestampMs: timeMs(n.timestamp),
    windowMs: parseGoDurationMs(n.window),
  }));
}

export function parsePodMetricsList(raw: unknown): PodUsage[] {
  return (podList.parse(raw).items ?? []).map((p) => ({
    namespace: p.metadata.namespace,
    name: p.metadata.name,
    containers: p.containers.map((c) => ({
      name: c.name,
      cpuNanocores: parseCpuNanocores(c.usage.cpu),
      memoryBytes: parseMemoryBytes(c.usage.memory),
    })),
    timestampMs: timeMs(p.timestamp),
    windowMs: parseGoDurationMs(p.window),
  }));
}

/** Combines both lists; the sample is identified by its newest item timestamp. */
export function toSample(nodes: NodeUsage[], pods: PodUsage[]): MetricsSample | null {
  let newest = -Infinity;
  for (const n of nodes) newest = Math.max(newest, n.timestampMs);
  for (const p of pods) newest = Math.max(newest, p.timestampMs);
  return Number.isFinite(newest) ? { timestampMs: newest, nodes, pods } : null;
}
