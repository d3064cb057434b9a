/**
 * The shape of one metrics item (metrics.k8s.io v1beta1 and v1 alike), twice: as zod schemas,
 * which decide and word every error, and as guards that accept only what the schemas accept
 * (of what `JSON.parse` can return). An item that passes a guard is read as it is; one that
 * does not goes through zod. zod copies every object it checks, and at 150,000 pods that copy
 * and its garbage cost more than the rest of an item's parse (issue 12).
 */

import { z } from 'zod';

const usage = z.object({ cpu: z.string(), memory: z.string() });

// `timestamp` is nullable: metrics-server emits `null` for a pod whose containers all failed.
export const nodeMetrics = z.object({
  metadata: z.object({ name: z.string() }),
  timestamp: z.string().nullable(),
  window: z.string(),
  usage,
});

export const podMetrics = z.object({
  metadata: z.object({ name: z.string(), namespace: z.string() }),
  timestamp: z.string().nullable(),
  window: z.string(),
  containers: z.array(z.object({ name: z.string(), usage })),
});

type Obj = Record<string, unknown>;

/** zod's `z.object`: a non-null, non-array object. */
function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isUsage(v: unknown): v is { cpu: string; memory: string } {
  return isObject(v) && typeof v.cpu === 'string' && typeof v.memory === 'string';
}

export type NodeMetricsShape = z.infer<typeof nodeMetrics>;
export type PodMetricsShape = z.infer<typeof podMetrics>;

function timed(v: Obj): boolean {
  return (typeof v.timestamp === 'string' || v.timestamp === null) && typeof v.window === 'string';
}

export function isNodeMetrics(v: unknown): v is NodeMetricsShape {
  return (
    isObject(v) &&
    isObject(v.metadata) &&
    typeof v.metadata.name === 'string' &&
    timed(v) &&
    isUsage(v.usage)
  );
}

export function isPodMetrics(v: unknown): v is PodMetricsShape {
  if (!isObject(v) || !isObject(v.metadata) || !timed(v)) return false;
  const m = v.metadata;
  if (typeof m.name !== 'string' || typeof m.namespace !== 'string') return false;
  const containers = v.containers;
  if (!Array.isArray(containers)) return false;
  for (const c of containers as unknown[]) {
    if (!isObject(c) || typeof c.name !== 'string' || !isUsage(c.usage)) return false;
  }
  return true;
}
