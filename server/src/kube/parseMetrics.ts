import { z } from 'zod';
import { DurationError, parseDurationMs } from '@kubeglance/shared/duration';
import { parseCpuNanocores, parseMemoryBytes, QuantityError } from '@kubeglance/shared/quantity';
import type { NodeUsage, PodUsage } from './types.js';

/** NodeMetricsList / PodMetricsList (metrics.k8s.io/v1beta1) → a typed sample. */

const usage = z.object({ cpu: z.string(), memory: z.string() });

// `timestamp` is nullable: metrics-server emits `null` for a pod whose containers all failed.
const nodeMetrics = z.object({
  metadata: z.object({ name: z.string() }),
  timestamp: z.string().nullable(),
  window: z.string(),
  usage,
});

const podMetrics = z.object({
  metadata: z.object({ name: z.string(), namespace: z.string() }),
  timestamp: z.string().nullable(),
  window: z.string(),
  containers: z.array(z.object({ name: z.string(), usage })),
});

/** Only the list's shape decides whether a response is usable; items are checked one by one. */
const list = z.object({ items: z.array(z.unknown()).nullish() });

/** An item that was left out of the sample, and why (for the `malformed-metrics` problem). */
export interface DroppedItem {
  /** `node NAME` or `pod NAMESPACE/NAME` (or `item N` when even the name is unreadable). */
  what: string;
  reason: string;
}

/** One list's usable items plus what was dropped. */
export interface ParsedList<T> {
  items: T[];
  dropped: DroppedItem[];
}

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

class BadItem extends Error {}

function timeMs(s: string | null): number {
  if (s === null) throw new BadItem('null timestamp');
  const t = Date.parse(s);
  if (!Number.isFinite(t)) throw new BadItem(`invalid timestamp ${JSON.stringify(s)}`);
  return t;
}

/** A usage quantity; malformed, overflowing (beyond 2^53) or negative values drop the item. */
function quantity(parse: (s: string) => number, s: string): number {
  let v: number;
  try {
    v = parse(s);
  } catch (e) {
    throw new BadItem(e instanceof QuantityError ? e.code + ' ' + JSON.stringify(s) : String(e));
  }
  if (v < 0) throw new BadItem(`negative usage ${JSON.stringify(s)}`);
  return v;
}

/** The list's items, or a thrown error when the response as a whole is unusable. */
function listItems(raw: unknown): unknown[] {
  return list.parse(raw).items ?? [];
}

function itemName(raw: unknown, index: number): string {
  const m = (raw as { metadata?: { name?: unknown; namespace?: unknown } } | null)?.metadata;
  if (typeof m?.name !== 'string') return `item ${index}`;
  return typeof m.namespace === 'string' ? `pod ${m.namespace}/${m.name}` : `node ${m.name}`;
}

/**
 * Parses each item on its own: one bad item (null timestamp, no containers, an unparsable,
 * overflowing or negative quantity, a bad window) is dropped and reported, never fatal.
 */
function parseEach<T>(raw: unknown, parseItem: (item: unknown) => T): ParsedList<T> {
  const items: T[] = [];
  const dropped: DroppedItem[] = [];
  listItems(raw).forEach((item, i) => {
    try {
      items.push(parseItem(item));
    } catch (e) {
      const reason =
        e instanceof BadItem ? e.message : e instanceof z.ZodError ? schemaReason(e) : String(e);
      dropped.push({ what: itemName(item, i), reason });
    }
  });
  return { items, dropped };
}

function schemaReason(e: z.ZodError): string {
  const issue = e.issues[0];
  return issue ? `${issue.path.join('.') || 'item'}: ${issue.message}` : 'invalid item';
}

export function parseNodeMetricsList(raw: unknown): ParsedList<NodeUsage> {
  return parseEach(raw, (item) => {
    const n = nodeMetrics.parse(item);
    return {
      name: n.metadata.name,
      cpuNanocores: quantity(parseCpuNanocores, n.usage.cpu),
      memoryBytes: quantity(parseMemoryBytes, n.usage.memory),
      timestampMs: timeMs(n.timestamp),
      windowMs: windowMs(n.window),
    };
  });
}

export function parsePodMetricsList(raw: unknown): ParsedList<PodUsage> {
  return parseEach(raw, (item) => {
    const p = podMetrics.parse(item);
    const timestampMs = timeMs(p.timestamp);
    if (p.containers.length === 0) throw new BadItem('no containers');
    return {
      namespace: p.metadata.namespace,
      name: p.metadata.name,
      containers: p.containers.map((c) => ({
        name: c.name,
        cpuNanocores: quantity(parseCpuNanocores, c.usage.cpu),
        memoryBytes: quantity(parseMemoryBytes, c.usage.memory),
      })),
      timestampMs,
      windowMs: windowMs(p.window),
    };
  });
}
