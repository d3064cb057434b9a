import { z } from 'zod';
import { DurationError, parseDurationMs } from '@kubeglance/shared/duration';
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

/**
 * The sample window in ms; NaN when the producer wrote something that is not a Go duration, so
 * the resolution detector skips it instead of the whole list being refused for one field.
 */
function windowMs(window: string): number {
  try {
    return parseDurationMs(window);
  } catch (e) {
    if (e instanceof DurationError) return NaN;
    throw e;
  }
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
    windowMs: windowMs(n.window),
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
    windowMs: windowMs(p.window),
  }));
}

/** Combines both lists; the sample is identified by its newest item timestamp. */
export function toSample(nodes: NodeUsage[], pods: PodUsage[]): MetricsSample | null {
  let newest = -Infinity;
  for (const n of nodes) newest = Math.max(newest, n.timestampMs);
  for (const p of pods) newest = Math.max(newest, p.timestampMs);
  return Number.isFinite(newest) ? { timestampMs: newest, nodes, pods } : null;
}
