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

/** Why an item was left out, as a stable code (browsers say it in their language). */
export type DropReason =
  | 'null-timestamp'
  | 'invalid-timestamp'
  | 'invalid-quantity'
  | 'quantity-out-of-range'
  | 'negative-usage'
  | 'no-containers'
  | 'invalid-field'
  | 'unreadable';

/** An item that was left out of the sample, and why (for the `malformed-metrics` problem). */
export interface DroppedItem {
  /** `node NAME` or `pod NAMESPACE/NAME` (or `item N` when even the name is unreadable). */
  what: string;
  /** In English, for the API's `detail` and the log. */
  reason: string;
  /** `what` in parts: its kind and name (`NAMESPACE/NAME`, or the index for `item`). */
  kind: 'pod' | 'node' | 'item';
  name: string;
  code: DropReason;
  /** The offending value (quoted as sent) or field, when the reason names one. */
  value?: string;
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

class BadItem extends Error {
  constructor(
    message: string,
    readonly code: DropReason,
    readonly value?: string,
  ) {
    super(message);
  }
}

function timeMs(s: string | null): number {
  if (s === null) throw new BadItem('null timestamp', 'null-timestamp');
  const t = Date.parse(s);
  if (!Number.isFinite(t)) {
    throw new BadItem(
      `invalid timestamp ${JSON.stringify(s)}`,
      'invalid-timestamp',
      JSON.stringify(s),
    );
  }
  return t;
}

/** A usage quantity; malformed, overflowing (beyond 2^53) or negative values drop the item. */
function quantity(parse: (s: string) => number, s: string): number {
  let v: number;
  try {
    v = parse(s);
  } catch (e) {
    if (e instanceof QuantityError) {
      throw new BadItem(`${e.code} ${JSON.stringify(s)}`, e.code, JSON.stringify(s));
    }
    throw new BadItem(String(e), 'unreadable', String(e));
  }
  if (v < 0)
    throw new BadItem(`negative usage ${JSON.stringify(s)}`, 'negative-usage', JSON.stringify(s));
  return v;
}

/** The list's items, or a thrown error when the response as a whole is unusable. */
function listItems(raw: unknown): unknown[] {
  return list.parse(raw).items ?? [];
}

function itemName(raw: unknown, index: number): Pick<DroppedItem, 'what' | 'kind' | 'name'> {
  const m = (raw as { metadata?: { name?: unknown; namespace?: unknown } } | null)?.metadata;
  if (typeof m?.name !== 'string') return { what: `item ${index}`, kind: 'item', name: `${index}` };
  if (typeof m.namespace !== 'string')
    return { what: `node ${m.name}`, kind: 'node', name: m.name };
  const name = `${m.namespace}/${m.name}`;
  return { what: `pod ${name}`, kind: 'pod', name };
}

/** Why `e` made an item unusable, in English and as a code. */
function whyDropped(e: unknown): Pick<DroppedItem, 'reason' | 'code' | 'value'> {
  if (e instanceof BadItem) {
    return e.value === undefined
      ? { reason: e.message, code: e.code }
      : { reason: e.message, code: e.code, value: e.value };
  }
  if (e instanceof z.ZodError) {
    const field = e.issues[0]?.path.join('.') || 'item';
    return { reason: schemaReason(e), code: 'invalid-field', value: field };
  }
  return { reason: String(e), code: 'unreadable', value: String(e) };
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
      dropped.push({ ...itemName(item, i), ...whyDropped(e) });
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
    if (p.containers.length === 0) throw new BadItem('no containers', 'no-containers');
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
